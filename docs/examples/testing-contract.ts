import assert from 'node:assert/strict';
import { hook, plugin } from '@trellis/core';
import { checkPluginContract, createTestHost, pluginContract, PluginContractError } from '@trellis/testing';

@plugin({ name: 'greeter', version: '1.0.0', config: { greeting: { type: 'string', default: 'Hello' } } })
class GreeterPlugin {
  #timer: NodeJS.Timeout | undefined;

  start() {
    this.#timer = setInterval(() => undefined, 60_000);
  }

  stop() {
    clearInterval(this.#timer);
  }

  checkHealth() {
    return { status: 'healthy' as const };
  }

  @hook('user.login')
  greet(user: { name: string }) {
    return { ...user, greeted: true };
  }
}

// The contract resolves when every check passes: in a test, `test('contract', () => pluginContract(GreeterPlugin))`.
await pluginContract(GreeterPlugin, { config: { greeting: 'Hi' } });

// checkPluginContract answers with the report instead (each check, passed, failed or skipped).
const report = await checkPluginContract(GreeterPlugin);
assert.equal(report.passed, true);

// A plugin whose stop() forgets its interval fails, and the error names the check and the fix.
const leaked: NodeJS.Timeout[] = [];
@plugin({ name: 'leaky' })
class LeakyPlugin {
  start() {
    leaked.push(setInterval(() => undefined, 60_000));
  }
}
await assert.rejects(pluginContract(LeakyPlugin), (error: unknown) => {
  assert.ok(error instanceof PluginContractError);
  assert.deepEqual(
    error.failures.map((failure) => failure.check),
    ['leaves no timers running after unload'],
  );
  return true;
});
leaked.forEach(clearInterval); // the leak was the point; end it so the process can exit

// A test host: a started manager with captured logs and events, closed by `await using`.
{
  await using host = await createTestHost({ plugins: [GreeterPlugin] });
  assert.deepEqual(host.trigger('user.login', { name: 'Ada' }), { name: 'Ada', greeted: true });
  assert.equal(host.events['trellis.plugin.started']?.length, 1);
  assert.ok(host.logs.length > 0);
}
