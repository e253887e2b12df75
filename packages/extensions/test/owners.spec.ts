import { jest } from '@jest/globals';
import { ExtensionRegistry, HookError } from '@trellis/extensions';

describe('ExtensionRegistry owners', () => {
  const setup = (): { registry: ExtensionRegistry; ran: string[] } => {
    const registry = new ExtensionRegistry();
    const ran: string[] = [];
    registry.on('owned.event', () => void ran.push('auth'), { plugin: 'auth' });
    registry.on('owned.*', () => void ran.push('audit'), { plugin: 'audit' });
    registry.on('owned.event', () => void ran.push('anonymous'));
    return { registry, ran };
  };

  describe('when an owner is disabled', () => {
    it('should skip its handlers (exact and wildcard) until it is enabled again', () => {
      const { registry, ran } = setup();
      registry.notify('owned.event');
      registry.disableOwner('audit');
      expect(registry.isOwnerEnabled('audit')).toBe(false);
      registry.notify('owned.event');
      registry.enableOwner('audit');
      expect(registry.isOwnerEnabled('audit')).toBe(true);
      registry.notify('owned.event');
      expect(ran).toEqual(['auth', 'audit', 'anonymous', 'auth', 'anonymous', 'auth', 'audit', 'anonymous']);
    });

    it('should report no handlers when only disabled owners have some', () => {
      const registry = new ExtensionRegistry();
      registry.on('solo.event', () => undefined, { plugin: 'solo' });
      registry.disableOwner('solo');
      expect(registry.hasHandlers('solo.event')).toBe(false);
      expect(registry.isOwnerEnabled('never-seen')).toBe(true);
    });
  });

  describe('when an owner is removed', () => {
    it('should drop all its handlers and return how many', () => {
      const { registry, ran } = setup();
      registry.on('other.event', () => void ran.push('auth other'), { plugin: 'auth' });
      expect(registry.removeOwner('auth')).toBe(2);
      expect(registry.removeOwner('auth')).toBe(0);
      registry.notify('owned.event');
      registry.notify('other.event');
      expect(ran).toEqual(['audit', 'anonymous']);
      expect(registry.events()).toEqual(['owned.*', 'owned.event']);
    });
  });

  describe('when an owner error handler is set', () => {
    it('should receive the HookError of each failing handler of that owner, in every strategy', () => {
      const registry = new ExtensionRegistry();
      const onError = jest.fn();
      registry.setOwnerErrorHandler('auth', onError);
      registry.on(
        'owned.event',
        () => {
          throw new Error('no');
        },
        { plugin: 'auth' },
      );
      registry.notify('owned.event');
      expect(() => {
        registry.notify('owned.event', undefined, { errorStrategy: 'fail-fast' });
      }).toThrow(HookError);
      expect(() => {
        registry.notify('owned.event', undefined, { errorStrategy: 'collect-all' });
      }).toThrow();
      expect(onError).toHaveBeenCalledTimes(3);
      registry.setOwnerErrorHandler('auth', undefined);
      registry.notify('owned.event');
      expect(onError).toHaveBeenCalledTimes(3);
    });

    it('should swallow a rejection of an async owner error handler', async () => {
      const registry = new ExtensionRegistry();
      registry.setOwnerErrorHandler('auth', async () => {
        throw new Error('async onError failed');
      });
      registry.on(
        'owned.event',
        () => {
          throw new Error('no');
        },
        { plugin: 'auth' },
      );
      registry.notify('owned.event');
      await new Promise((resolve) => setImmediate(resolve));
    });
  });

  describe('when handlers are removed one by one', () => {
    it('should remove only the registration the off() function belongs to', () => {
      const registry = new ExtensionRegistry();
      const ran: string[] = [];
      const handler = (): void => void ran.push('x');
      const offFirst = registry.on('dup.event', handler);
      registry.on('dup.event', handler);
      offFirst();
      offFirst();
      registry.notify('dup.event');
      expect(ran).toEqual(['x']);
    });

    it('should remove every registration of a handler with off(), filtered by plugin when given', () => {
      const registry = new ExtensionRegistry();
      const ran: string[] = [];
      const handler = (): void => void ran.push('x');
      registry.on('dup.event', handler, { plugin: 'a' });
      registry.on('dup.event', handler, { plugin: 'b' });
      registry.on('dup.*', handler, { plugin: 'a' });
      expect(registry.off('dup.event', handler, 'a')).toBe(true);
      registry.notify('dup.event');
      expect(ran).toEqual(['x', 'x']);
      expect(registry.off('dup.event', handler)).toBe(true);
      expect(registry.off('dup.event', handler)).toBe(false);
      expect(registry.off('dup.*', handler)).toBe(true);
      expect(registry.hasHandlers('dup.event')).toBe(false);
    });
  });
});
