import assert from 'node:assert/strict';
import { PluginManager, TrellisError, hook, inject, plugin } from '@trellis/core';
import {
  SERVICE_REGISTRY,
  ServicesPlugin,
  type ServiceDraft,
  type ServiceRecord,
  type ServiceRegistry,
} from '@trellis/services';

// Registers its endpoint when it starts; the registry removes it when the plugin stops.
@plugin({ name: 'payments', version: '1.0.0' })
class PaymentsPlugin {
  constructor(@inject(SERVICE_REGISTRY) private readonly services: ServiceRegistry) {}

  async start(): Promise<void> {
    await this.services.register({
      name: 'payments',
      url: 'http://127.0.0.1:4000',
      tags: ['v2'],
      metadata: { weight: 10 },
    });
  }
}

// A host policy: stamps every registration with the region, refuses temporary names.
@plugin({ name: 'registry-policy', version: '1.0.0' })
class RegistryPolicy {
  readonly registered: string[] = [];

  @hook('service.pre_register')
  check(draft: ServiceDraft): ServiceDraft {
    if (draft.name.startsWith('tmp-')) throw new Error('temporary services are not allowed');
    return { ...draft, tags: [...draft.tags, 'eu-west'] };
  }

  @hook('service.post_register')
  announce(record: ServiceRecord): void {
    this.registered.push(`${record.owner ?? '?'}:${record.name}`);
  }
}

// Finds services by name or tag.
@plugin({ name: 'checkout', version: '1.0.0' })
class CheckoutPlugin {
  constructor(@inject(SERVICE_REGISTRY) readonly services: ServiceRegistry) {}
}

const manager = new PluginManager({ logger: false });
manager.register([ServicesPlugin, RegistryPolicy, PaymentsPlugin, CheckoutPlugin]);
await manager.start();

const checkout = manager.getPlugin(CheckoutPlugin);
assert.ok(checkout);
const [payments] = await checkout.services.discover({ tag: 'eu-west' });
assert.ok(payments);
assert.equal(payments.url, 'http://127.0.0.1:4000');
assert.deepEqual(payments.tags, ['v2', 'eu-west']);
assert.deepEqual(manager.getPlugin(RegistryPolicy)?.registered, ['payments:payments']);

// A veto rejects register() with the handler's reason; a registration without a name is refused.
const vetoed: unknown = await checkout.services
  .register({ name: 'tmp-cart' })
  .catch((error: unknown) => error);
assert.ok(TrellisError.is(vetoed, 'TRELLIS_SERVICE_VETOED'));
const nameless: unknown = await checkout.services.register({} as never).catch((error: unknown) => error);
assert.ok(TrellisError.is(nameless, 'TRELLIS_SERVICE_INVALID'));

// Unloading (or stopping) a plugin removes its services.
await manager.unload('payments');
assert.deepEqual(await checkout.services.discover({ name: 'payments' }), []);
await manager.close();
