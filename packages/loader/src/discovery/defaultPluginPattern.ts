import { hasTypeScriptLoader } from './hasTypeScriptLoader.js';

/**
 * The file pattern discovery uses when none is given: `*.plugin.{js,mjs}`, plus `.ts` and `.mts`
 * when this process can import TypeScript (see {@link hasTypeScriptLoader}).
 */
export function defaultPluginPattern(): string {
  return hasTypeScriptLoader() ? '*.plugin.{js,mjs,ts,mts}' : '*.plugin.{js,mjs}';
}
