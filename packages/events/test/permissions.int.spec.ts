import { PermissionError, PluginManager, inject, plugin } from '@trellis/core';
import { EVENT_BUS, EventsPlugin, type EventBus } from '../src/index.js';

@plugin({ name: 'publisher', permissions: ['events.publish:user.*', 'events.subscribe:user.*'] })
class Publisher {
  constructor(@inject(EVENT_BUS) readonly bus: EventBus) {}
}

@plugin({ name: 'trusted' })
class Trusted {
  constructor(@inject(EVENT_BUS) readonly bus: EventBus) {}
}

@plugin({ name: 'watcher', permissions: ['events.subscribe:user.*'] })
class Watcher {
  readonly eventSubscriptions = ['user.*', 'admin.*'];
  handleEvent(): void {
    // counts nothing: the test looks at the denial
  }
}

describe('EventsPlugin permissions', () => {
  describe('when an event-handler plugin subscribes beyond its permissions', () => {
    it('should refuse the subscription, counting the denial', async () => {
      const manager = new PluginManager({ logger: false });
      manager.register([EventsPlugin, Watcher]);
      await manager.start();
      expect(manager.permissions.denials()).toEqual([
        { plugin: 'watcher', permission: 'events.subscribe:admin.*', count: 1 },
      ]);
      await manager.close();
    });
  });

  describe('when a plugin declares events permissions', () => {
    it('should let it publish and subscribe within them and refuse the rest with PermissionError', async () => {
      const manager = new PluginManager({
        logger: false,
        grants: { publisher: ['events.publish:user.login', 'events.subscribe:**'] },
      });
      manager.register([EventsPlugin, Publisher, Trusted]);
      await manager.start();
      const bus = manager.getPlugin(Publisher)?.bus;
      await expect(bus?.publish('user.login', {})).resolves.toMatchObject({ type: 'user.login' });
      await expect(bus?.publish('user.logout', {})).rejects.toBeInstanceOf(PermissionError);
      await expect(bus?.publish('admin.reset', {})).rejects.toThrow(/does not declare it/);
      const off = await bus?.subscribe('user.*', () => undefined);
      await off?.();
      await expect(bus?.subscribe('admin.*', () => undefined)).rejects.toBeInstanceOf(PermissionError);
      await expect(manager.getPlugin(Trusted)?.bus.publish('anything.at.all', {})).resolves.toBeDefined();
      expect(manager.permissions.denials().map((entry) => entry.permission)).toEqual([
        'events.publish:user.logout',
        'events.publish:admin.reset',
        'events.subscribe:admin.*',
      ]);
      await manager.close();
    });
  });
});
