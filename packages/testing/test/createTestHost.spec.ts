import { definePlugin, hook, plugin } from '@trellis/core';
import { createTestHost } from '../src/index.js';

@plugin({ name: 'welcome', version: '1.2.0', config: { greeting: { type: 'string', default: 'Welcome' } } })
class WelcomePlugin {
  @hook('user.login')
  greet(data: { username: string }) {
    return { ...data, greeted: true };
  }
}

const Noisy = definePlugin({ name: 'noisy' });

describe('createTestHost', () => {
  describe('when given plugins', () => {
    it('should resolve to a started manager', async () => {
      await using host = await createTestHost({ plugins: [WelcomePlugin] });
      expect(host.getState('welcome')).toBe('started');
      expect(host.trigger('user.login', { username: 'Ada' })).toEqual({ username: 'Ada', greeted: true });
    });

    it('should keep lifecycle events by name', async () => {
      await using host = await createTestHost({ plugins: [WelcomePlugin, Noisy] });
      expect(host.events['trellis.plugin.started']).toEqual([
        expect.objectContaining({ pluginName: 'welcome', version: '1.2.0' }),
        expect.objectContaining({ pluginName: 'noisy' }),
      ]);
      expect(host.events.get('trellis.plugin.registered')).toHaveLength(2);
      expect(host.events.get('never.seen')).toEqual([]);
      expect(host.events.names()).toContain('trellis.app.startup');
    });

    it('should capture the plugins log lines with their plugin name', async () => {
      @plugin({ name: 'talker' })
      class Talker {
        async initialize(ctx: { logger: { info(msg: string): void } }) {
          ctx.logger.info('hello from talker');
        }
      }
      await using host = await createTestHost({ plugins: [Talker] });
      expect(host.logs).toContainEqual(
        expect.objectContaining({ msg: 'hello from talker', plugin: 'talker' }),
      );
    });
  });

  describe('when asked to capture other events', () => {
    it('should keep those too', async () => {
      await using host = await createTestHost({ plugins: [WelcomePlugin], captureEvents: ['user.*'] });
      host.extensions.notify('user.logout', { username: 'Ada' });
      expect(host.events['user.logout']).toEqual([{ username: 'Ada' }]);
    });
  });

  describe('when disposed with await using', () => {
    it('should close the manager', async () => {
      let captured: Awaited<ReturnType<typeof createTestHost>> | undefined;
      {
        await using host = await createTestHost({ plugins: [WelcomePlugin] });
        captured = host;
      }
      expect(captured.getState('welcome')).toBe('unloaded');
      expect(captured.events['trellis.app.shutdown']).toHaveLength(1);
    });
  });

  describe('when start is false', () => {
    it('should only register the plugins', async () => {
      await using host = await createTestHost({ plugins: [WelcomePlugin], start: false });
      expect(host.getState('welcome')).toBe('registered');
    });
  });
});
