import {
  definePlugin,
  hook,
  inject,
  plugin,
  TOKENS,
  TrellisError,
  type ExtensionRegistry,
  type PluginClass,
} from '@trellis/core';
import { CONTRACT_CHECKS, checkPluginContract, PluginContractError, pluginContract } from '../src/index.js';

@plugin({ name: 'good', version: '1.0.0' })
class GoodPlugin {
  #timer: NodeJS.Timeout | undefined;
  start() {
    this.#timer = setInterval(() => undefined, 1_000);
  }
  stop() {
    clearInterval(this.#timer);
  }
  checkHealth() {
    return { status: 'healthy' as const };
  }
  @hook('good.event')
  handle(value: number) {
    return value + 1;
  }
}

async function failureOf(Plugin: PluginClass, options = {}): Promise<PluginContractError> {
  const error: unknown = await pluginContract(Plugin, options).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  if (!(error instanceof PluginContractError))
    throw new Error(`expected a PluginContractError, got ${String(error)}`);
  return error;
}

function failedChecks(error: PluginContractError): string[] {
  return error.failures.map((failure) => failure.check);
}

describe('pluginContract', () => {
  describe('when the plugin meets every check', () => {
    it('should resolve with every check passed', async () => {
      await expect(pluginContract(GoodPlugin)).resolves.toBeUndefined();
      const report = await checkPluginContract(GoodPlugin);
      expect(report.plugin).toBe('good');
      expect(report.passed).toBe(true);
      expect(report.checks.map((check) => check.check)).toEqual([...CONTRACT_CHECKS]);
      expect(report.checks.every((check) => check.passed)).toBe(true);
    });

    it('should work for a definePlugin plugin without a health check', async () => {
      const Plain = definePlugin({ name: 'plain', hooks: [{ on: 'plain.event', handler: () => undefined }] });
      const report = await checkPluginContract(Plain);
      expect(
        report.checks.find((check) => check.check === 'health check answers within its timeout'),
      ).toEqual(expect.objectContaining({ passed: true, skipped: true }));
    });
  });

  describe('when the metadata is invalid', () => {
    it('should fail the metadata check and run no other', async () => {
      const Bad = definePlugin({ name: 'not a valid name!' });
      const error = await failureOf(Bad);
      expect(failedChecks(error)).toEqual(['metadata is valid']);
      expect(TrellisError.is(error, 'TRELLIS_PLUGIN_CONTRACT')).toBe(true);
    });
  });

  describe('when start throws', () => {
    it('should fail "starts cleanly" with the reason', async () => {
      const Broken = definePlugin({
        name: 'broken-start',
        start() {
          throw new Error('port in use');
        },
      });
      const error = await failureOf(Broken);
      expect(failedChecks(error)).toEqual(['starts cleanly']);
      expect(error.message).toContain('port in use');
      expect(error.message).toContain("plugin 'broken-start'");
    });
  });

  describe('when stop throws', () => {
    it('should fail "stops cleanly"', async () => {
      const Broken = definePlugin({
        name: 'broken-stop',
        stop() {
          throw new Error('cannot close');
        },
      });
      expect(failedChecks(await failureOf(Broken))).toContain('stops cleanly');
    });
  });

  describe('when a second stop throws', () => {
    it('should fail "stop is idempotent"', async () => {
      @plugin({ name: 'once-only' })
      class OnceOnly {
        #open = false;
        start() {
          this.#open = true;
        }
        stop() {
          if (!this.#open) throw new Error('already closed');
          this.#open = false;
        }
      }
      expect(failedChecks(await failureOf(OnceOnly))).toEqual(['stop is idempotent']);
    });
  });

  describe('when the plugin cannot start twice', () => {
    it('should fail "starts again after stop"', async () => {
      @plugin({ name: 'single-use' })
      class SingleUse {
        #used = false;
        start() {
          if (this.#used) throw new Error('resource consumed');
          this.#used = true;
        }
      }
      expect(failedChecks(await failureOf(SingleUse))).toEqual(['starts again after stop']);
    });
  });

  describe('when hooks are left after unload', () => {
    it('should fail "nothing left registered after unload"', async () => {
      @plugin({ name: 'leaky-hooks' })
      class LeakyHooks {
        constructor(@inject(TOKENS.Extensions) private readonly registry: ExtensionRegistry) {}
        start() {
          // Registered on the raw registry, outside the plugin's context: nothing removes it.
          this.registry.on('leaky.event', () => undefined);
        }
      }
      const error = await failureOf(LeakyHooks);
      expect(failedChecks(error)).toContain('nothing left registered after unload');
      expect(error.message).toContain('leaky.event');
    });
  });

  describe('when the health check hangs', () => {
    it('should fail the health check within its timeout', async () => {
      @plugin({ name: 'hanging-health' })
      class HangingHealth {
        readonly healthCheckTimeout = 50;
        checkHealth() {
          return new Promise(() => undefined);
        }
      }
      const error = await failureOf(HangingHealth);
      expect(failedChecks(error)).toEqual(['health check answers within its timeout']);
      expect(error.message).toContain('within 50 ms');
    });
  });

  describe('when the health check returns a non-object', () => {
    it('should fail the health check', async () => {
      @plugin({ name: 'bad-health' })
      class BadHealth {
        checkHealth() {
          return 'ok';
        }
      }
      expect(failedChecks(await failureOf(BadHealth))).toEqual(['health check answers within its timeout']);
    });
  });

  describe('when stop leaves an interval running', () => {
    it('should fail "leaves no timers running after unload"', async () => {
      let timer: NodeJS.Timeout | undefined;
      @plugin({ name: 'leaky-timer' })
      class LeakyTimer {
        start() {
          clearInterval(timer);
          timer = setInterval(() => undefined, 1_000);
        }
      }
      try {
        expect(failedChecks(await failureOf(LeakyTimer))).toEqual(['leaves no timers running after unload']);
      } finally {
        clearInterval(timer);
      }
    });
  });

  describe('when several checks fail', () => {
    it('should name each of them', async () => {
      @plugin({ name: 'many-faults' })
      class ManyFaults {
        readonly healthCheckTimeout = 20;
        checkHealth() {
          return new Promise(() => undefined);
        }
        stop() {
          throw new Error('stop broke');
        }
      }
      const error = await failureOf(ManyFaults);
      expect(failedChecks(error)).toEqual(
        expect.arrayContaining(['health check answers within its timeout', 'stops cleanly']),
      );
      expect(error.message).toContain('health check answers within its timeout');
      expect(error.message).toContain('stops cleanly');
    });
  });

  describe('when a check is skipped by options', () => {
    it('should not run it', async () => {
      @plugin({ name: 'skipper' })
      class Skipper {
        checkHealth() {
          return 'not an object';
        }
      }
      const report = await checkPluginContract(Skipper, {
        skip: ['health check answers within its timeout'],
      });
      expect(
        report.checks.find((check) => check.check === 'health check answers within its timeout')?.skipped,
      ).toBe(true);
    });
  });
});

describe('checkPluginContract', () => {
  describe('when a check fails', () => {
    it('should resolve with the report instead of rejecting', async () => {
      const Broken = definePlugin({
        name: 'broken-report',
        stop() {
          throw new Error('nope');
        },
      });
      const report = await checkPluginContract(Broken);
      expect(report.passed).toBe(false);
      expect(report.checks.find((check) => check.check === 'stops cleanly')).toEqual(
        expect.objectContaining({ passed: false, reason: expect.stringContaining('nope') }),
      );
    });
  });
});
