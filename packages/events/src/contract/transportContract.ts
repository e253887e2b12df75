import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createCloudEvent } from '../envelope/createCloudEvent.js';
import type { CloudEvent } from '../transport/CloudEvent.js';
import type { EventTransport, TransportHandler } from '../transport/EventTransport.js';
import type { ContractCase } from './ContractCase.js';
import type { TransportContractOptions } from './TransportContractOptions.js';
import { pause, waitFor } from './waitFor.js';

interface Fixture {
  readonly transport: EventTransport;
  /** A prefix unique to this run of the case, so cases never see each other's events. */
  readonly p: string;
  readonly publish: (type: string, data?: unknown) => Promise<CloudEvent>;
  readonly until: (condition: () => boolean, what: string) => Promise<void>;
  readonly settle: () => Promise<void>;
}

const recorder = (): { events: CloudEvent[]; handler: TransportHandler } => {
  const events: CloudEvent[] = [];
  return { events, handler: (event) => void events.push(event) };
};

const ids = (events: readonly CloudEvent[]): string[] => events.map((event) => event.id);

/** Data compared as JSON: a transport may build its objects in another realm (a worker, a VM context). */
const json = (value: unknown): unknown =>
  value === undefined ? undefined : (JSON.parse(JSON.stringify(value)) as unknown);

/**
 * The contract every {@link EventTransport} meets (the in-memory one, `@trellis/redis`'s…), as a list
 * of runner-independent cases that throw on failure. Each case makes its own transport with
 * `makeTransport` and closes it.
 *
 * @example
 * ```ts
 * import { transportContract } from '@trellis/events/contract';
 * for (const c of transportContract(async () => new InMemoryTransport())) it(c.name, c.run);
 * ```
 */
export function transportContract(
  makeTransport: () => Promise<EventTransport>,
  options: TransportContractOptions = {},
): ContractCase[] {
  const timeoutMs = options.timeoutMs ?? 5000;
  const settleMs = options.settleMs ?? 100;
  const redelivery = options.redelivery ?? true;
  const redeliveryTimeoutMs = options.redeliveryTimeoutMs ?? timeoutMs;

  const withTransport = (body: (fixture: Fixture) => Promise<void>) => async (): Promise<void> => {
    const transport = await makeTransport();
    const p = `c${randomBytes(5).toString('hex')}`;
    const fixture: Fixture = {
      transport,
      p,
      publish: async (type, data = null) => {
        const event = createCloudEvent(type, data, 'contract');
        await transport.publish(event);
        return event;
      },
      until: (condition, what) => waitFor(condition, timeoutMs, () => what),
      settle: () => pause(settleMs),
    };
    try {
      await body(fixture);
    } finally {
      await transport.close();
    }
  };

  const cases: ContractCase[] = [
    {
      name: 'delivers a published event with its envelope and JSON data intact',
      run: withTransport(async ({ transport, p, publish, until }) => {
        const got = recorder();
        await transport.subscribe(`${p}.user.created`, got.handler);
        const data = {
          name: 'Ada',
          n: 1.5,
          tags: ['a', 'b'],
          nested: { ok: true, none: null },
          text: 'é ✓ "q"',
        };
        const sent = await publish(`${p}.user.created`, data);
        await until(() => got.events.length === 1, 'the event was not delivered');
        const [received] = got.events;
        assert.ok(received !== undefined);
        assert.equal(received.specversion, '1.0');
        assert.equal(received.id, sent.id);
        assert.equal(received.source, sent.source);
        assert.equal(received.type, sent.type);
        assert.equal(received.time, sent.time);
        assert.deepStrictEqual(json(received.data), data);
        if (redelivery) assert.equal(received.deliveryCount, 1, 'deliveryCount is 1 on the first delivery');
        else assert.ok(received.deliveryCount === undefined || received.deliveryCount === 1);
      }),
    },
    {
      name: 'delivers every event published after subscribe() resolved, in publish order, each once',
      run: withTransport(async ({ transport, p, publish, until, settle }) => {
        const first = recorder();
        const second = recorder();
        await transport.subscribe(`${p}.tick`, first.handler);
        await transport.subscribe(`${p}.tick`, second.handler);
        const sent: string[] = [];
        for (let index = 0; index < 100; index++) sent.push((await publish(`${p}.tick`, { index })).id);
        await until(
          () => first.events.length >= 100 && second.events.length >= 100,
          `got ${first.events.length} and ${second.events.length} of 100 events`,
        );
        await settle();
        assert.deepStrictEqual(
          ids(first.events),
          sent,
          'the first subscriber got every event once, in order',
        );
        assert.deepStrictEqual(
          ids(second.events),
          sent,
          'the second subscriber got every event once, in order',
        );
      }),
    },
    {
      name: 'routes by pattern with the wildcard rules of extension points',
      run: withTransport(async ({ transport, p, publish, until, settle }) => {
        const patterns = ['user.*', 'user.**', 'user.login', '*.login', 'db.before_*', 'user.{login,logout}'];
        const got = new Map(patterns.map((pattern) => [pattern, recorder()] as const));
        for (const [pattern, { handler }] of got) await transport.subscribe(`${p}.${pattern}`, handler);
        for (const type of [
          'user.login',
          'user.profile.update',
          'user',
          'db.before_save',
          'db.after_save',
          'user.logout',
        ]) {
          await publish(`${p}.${type}`);
        }
        const expected: Record<string, string[]> = {
          'user.*': ['user.login', 'user.logout'],
          'user.**': ['user.login', 'user.profile.update', 'user.logout'],
          'user.login': ['user.login'],
          '*.login': ['user.login'],
          'db.before_*': ['db.before_save'],
          'user.{login,logout}': ['user.login', 'user.logout'],
        };
        const typesOf = (pattern: string): string[] =>
          (got.get(pattern)?.events ?? []).map((event) => event.type.slice(p.length + 1));
        await until(
          () => patterns.every((pattern) => typesOf(pattern).length >= (expected[pattern]?.length ?? 0)),
          'not every matching event arrived',
        );
        await settle();
        for (const pattern of patterns)
          assert.deepStrictEqual(typesOf(pattern), expected[pattern], `pattern '${pattern}'`);
      }),
    },
    {
      name: 'shares each event once among the subscribers of one group',
      run: withTransport(async ({ transport, p, publish, until, settle }) => {
        const members = [recorder(), recorder(), recorder()];
        for (const member of members)
          await transport.subscribe(`${p}.job`, member.handler, { group: `${p}-workers` });
        const sent: string[] = [];
        for (let index = 0; index < 60; index++) sent.push((await publish(`${p}.job`, { index })).id);
        const all = (): string[] => members.flatMap((member) => ids(member.events));
        await until(() => all().length >= 60, `the group handled ${all().length} of 60 events`);
        await settle();
        assert.equal(all().length, 60, 'each event was handled once by the group');
        assert.deepStrictEqual([...all()].sort(), [...sent].sort());
      }),
    },
    {
      name: 'gives each group and each ungrouped subscriber its own copy of every event',
      run: withTransport(async ({ transport, p, publish, until, settle }) => {
        const a = [recorder(), recorder()];
        const b = recorder();
        const alone = recorder();
        for (const member of a) await transport.subscribe(`${p}.job`, member.handler, { group: `${p}-a` });
        await transport.subscribe(`${p}.job`, b.handler, { group: `${p}-b` });
        await transport.subscribe(`${p}.job`, alone.handler);
        const sent: string[] = [];
        for (let index = 0; index < 30; index++) sent.push((await publish(`${p}.job`, { index })).id);
        const groupA = (): string[] => a.flatMap((member) => ids(member.events));
        await until(
          () => groupA().length >= 30 && b.events.length >= 30 && alone.events.length >= 30,
          'not every group got every event',
        );
        await settle();
        assert.deepStrictEqual([...groupA()].sort(), [...sent].sort(), 'group a handled each event once');
        assert.deepStrictEqual(ids(b.events), sent, 'group b (one member) handled each event once, in order');
        assert.deepStrictEqual(
          ids(alone.events),
          sent,
          'the ungrouped subscriber got each event once, in order',
        );
      }),
    },
    {
      name: 'stops delivering once unsubscribe() resolved; unsubscribing twice is harmless',
      run: withTransport(async ({ transport, p, publish, until, settle }) => {
        const leaving = recorder();
        const staying = recorder();
        const off = await transport.subscribe(`${p}.news`, leaving.handler);
        await transport.subscribe(`${p}.news`, staying.handler);
        await publish(`${p}.news`, 1);
        await until(
          () => leaving.events.length === 1 && staying.events.length === 1,
          'the first event was not delivered',
        );
        await off();
        await off();
        for (let index = 0; index < 5; index++) await publish(`${p}.news`, index);
        await until(() => staying.events.length === 6, 'the remaining subscriber missed events');
        await settle();
        assert.equal(leaving.events.length, 1, 'nothing reached the subscriber after unsubscribe() resolved');
      }),
    },
    {
      name: 'keeps delivering to other subscribers when a handler throws',
      run: withTransport(async ({ transport, p, publish, until, settle }) => {
        const healthy = recorder();
        await transport.subscribe(`${p}.thing`, () => {
          throw new Error('broken subscriber (expected by the contract test)');
        });
        await transport.subscribe(`${p}.thing`, healthy.handler);
        const sent: string[] = [];
        for (let index = 0; index < 10; index++) sent.push((await publish(`${p}.thing`, { index })).id);
        await until(
          () => healthy.events.length >= 10,
          `the healthy subscriber got ${healthy.events.length} of 10`,
        );
        await settle();
        assert.deepStrictEqual(ids(healthy.events), sent);
      }),
    },
    {
      name: 'does not let a slow subscriber hold back another',
      run: withTransport(async ({ transport, p, publish, until }) => {
        let release: () => void = () => undefined;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const slow: CloudEvent[] = [];
        const fast = recorder();
        await transport.subscribe(`${p}.load`, async (event) => {
          await gate;
          slow.push(event);
        });
        await transport.subscribe(`${p}.load`, fast.handler);
        const sent: string[] = [];
        for (let index = 0; index < 20; index++) sent.push((await publish(`${p}.load`, { index })).id);
        await until(
          () => fast.events.length >= 20,
          `the fast subscriber got ${fast.events.length} of 20 while another was blocked`,
        );
        assert.equal(slow.length, 0);
        release();
        await until(() => slow.length >= 20, `the slow subscriber got ${slow.length} of 20 once unblocked`);
        assert.deepStrictEqual(ids(slow), sent, 'the slow subscriber still got its events in order');
      }),
    },
    {
      name: 'lets a handler publish (no deadlock)',
      run: withTransport(async ({ transport, p, publish, until }) => {
        const pongs = recorder();
        await transport.subscribe(`${p}.ping`, async (event) => {
          await transport.publish(createCloudEvent(`${p}.pong`, event.data, 'contract'));
        });
        await transport.subscribe(`${p}.pong`, pongs.handler);
        await publish(`${p}.ping`, { n: 7 });
        await until(() => pongs.events.length === 1, 'the event published by a handler was not delivered');
        assert.deepStrictEqual(json(pongs.events[0]?.data), { n: 7 });
      }),
    },
    {
      name: 'rejects subscribe() with an invalid pattern',
      run: withTransport(async ({ transport, p }) => {
        for (const pattern of ['', `${p}..x`, `${p}.a b`, `${p}.x**`]) {
          await assert.rejects(
            transport.subscribe(pattern, () => undefined),
            `pattern ${JSON.stringify(pattern)}`,
          );
        }
      }),
    },
    {
      name: 'closes: close() is idempotent, then publish() and subscribe() reject with TRELLIS_TRANSPORT',
      run: async () => {
        const transport = await makeTransport();
        await transport.close();
        await transport.close();
        const p = `c${randomBytes(5).toString('hex')}`;
        const isTransportError = (error: unknown): boolean =>
          typeof error === 'object' &&
          error !== null &&
          (error as { code?: unknown }).code === 'TRELLIS_TRANSPORT';
        await assert.rejects(
          transport.publish(createCloudEvent(`${p}.late`, null, 'contract')),
          isTransportError,
        );
        await assert.rejects(
          transport.subscribe(`${p}.late`, () => undefined),
          isTransportError,
        );
      },
    },
  ];

  if (redelivery) {
    const redeliveryCase = (
      name: string,
      fail: (event: CloudEvent) => void | Promise<void>,
    ): ContractCase => ({
      name,
      run: withTransport(async ({ transport, p, publish }) => {
        const calls: CloudEvent[] = [];
        await transport.subscribe(
          `${p}.retry`,
          (event) => {
            calls.push(event);
            return event.deliveryCount === 1 ? fail(event) : undefined;
          },
          { group: `${p}-retry` },
        );
        const sent = await publish(`${p}.retry`, { once: true });
        await waitFor(
          () => calls.length >= 2,
          redeliveryTimeoutMs,
          () => `the event was delivered ${calls.length} time(s), not redelivered`,
        );
        const [first, second] = calls;
        assert.ok(first !== undefined && second !== undefined);
        assert.equal(first.id, sent.id);
        assert.equal(second.id, sent.id, 'the same event is redelivered');
        assert.equal(first.deliveryCount, 1);
        assert.equal(second.deliveryCount, 2, 'deliveryCount is incremented on redelivery');
        assert.deepStrictEqual(json(second.data), { once: true });
      }),
    });
    cases.push(
      redeliveryCase('redelivers an event whose handler threw, with deliveryCount incremented', () => {
        throw new Error('first delivery fails (expected by the contract test)');
      }),
      redeliveryCase(
        'redelivers an event whose handler rejected, with deliveryCount incremented',
        async () => {
          await Promise.resolve();
          throw new Error('first delivery rejects (expected by the contract test)');
        },
      ),
    );
  }
  return cases;
}
