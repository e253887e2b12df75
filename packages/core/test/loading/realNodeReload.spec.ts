/**
 * The reload sequence in a plain Node process (no Jest module registry): the edited file is picked up
 * through the cache-busting query alone. The child runs core's TypeScript sources through
 * scripts/ts/hooks.mjs and prints what each dispatch returned.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { tempDir, write } from './fixtures.js';

const run = promisify(execFile);
const coreIndex = fileURLToPath(new URL('../../src/index.ts', import.meta.url));
const register = fileURLToPath(new URL('../../../../scripts/ts/register.mjs', import.meta.url));

const script = (pluginFile: string): string => `
import { writeFileSync } from 'node:fs';
import { PluginManager } from ${JSON.stringify(coreIndex)};
const file = ${JSON.stringify(pluginFile)};
const source = (mark, extra = '') => \`import { definePlugin } from ${JSON.stringify(coreIndex)};
export default definePlugin({ name: 'edited', hooks: [{ on: 'greet', handler: (v) => [...v, '\${mark}'] }]\${extra} });\\n\`;
writeFileSync(file, source('v1'));
const manager = new PluginManager({ logger: false });
await manager.discoverPlugins(${JSON.stringify(join(pluginFile, '..'))});
await manager.start();
const seen = [manager.trigger('greet', [])];
writeFileSync(file, source('v2'));
await manager.reload('edited');
seen.push(manager.trigger('greet', []));
writeFileSync(file, 'export default {{');
await manager.reload('edited').catch((error) => seen.push(error.code));
seen.push(manager.trigger('greet', []));
writeFileSync(file, source('v3', ", start() { throw new Error('no'); }"));
seen.push((await manager.reload('edited')).rolledBack, manager.trigger('greet', []));
writeFileSync(file, source('v4'));
await manager.reload('edited');
seen.push(manager.trigger('greet', []));
await manager.close();
process.stdout.write(JSON.stringify(seen));
`;

describe('PluginManager.reload in plain Node', () => {
  describe('when a plugin file is edited v1 → v2 → broken → failing start → v4', () => {
    it('should serve v1, v2, keep v2 over the broken and failing edits, then serve v4', async () => {
      const temp = tempDir();
      try {
        const main = write(
          join(temp.dir, 'main.mjs'),
          script(join(temp.dir, 'plugins', 'edited.plugin.mjs')),
        );
        write(join(temp.dir, 'plugins', 'edited.plugin.mjs'), '');
        const { stdout } = await run(
          process.execPath,
          ['--conditions=@trellis/source', '--import', register, main],
          { timeout: 60_000 },
        );
        expect(JSON.parse(stdout)).toEqual([
          ['v1'],
          ['v2'],
          'TRELLIS_PLUGIN_DISCOVERY',
          ['v2'],
          true,
          ['v2'],
          ['v4'],
        ]);
      } finally {
        temp.remove();
      }
    }, 60_000);
  });
});
