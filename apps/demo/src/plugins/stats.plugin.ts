import { hook, plugin } from '@trellis/core';

/** Counts logins and created users, exposed as `demo_logins_total` and `demo_users_created_total`. */
@plugin({ name: 'stats', version: '1.0.0', description: 'Custom metrics of the demo' })
export class StatsPlugin {
  #logins = 0;
  #created = 0;

  @hook('user.login', { priority: 'lowest' })
  countLogin(): undefined {
    this.#logins += 1;
    return undefined;
  }

  @hook('user.created')
  countCreated(): undefined {
    this.#created += 1;
    return undefined;
  }

  /** Read by the metrics plugin. */
  metricDefinitions() {
    return [
      { name: 'demo_logins_total', help: 'Logins answered by POST /api/login', type: 'counter' as const },
      { name: 'demo_users_created_total', help: 'Users stored by POST /api/users', type: 'counter' as const },
    ];
  }

  /** Values at scrape time. */
  collectMetrics(): Record<string, number> {
    return { demo_logins_total: this.#logins, demo_users_created_total: this.#created };
  }
}
