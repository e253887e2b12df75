import type { PluginType } from './PLUGIN_TYPES.js';

/** The names a template is filled with. */
export interface TemplateNames {
  /** The plugin's name, as registered. */
  readonly name: string;
  /** Its class name, e.g. `AuditLogPlugin`. */
  readonly className: string;
}

const header = (names: TemplateNames, description: string, extra = ''): string =>
  `import { plugin${extra} } from '@trellis/core';

/** ${description} */
@plugin({ name: '${names.name}', version: '0.1.0', description: '${description}' })
export class ${names.className} {`;

/** The source of `src/index.ts` for a plugin of `type`. */
export function pluginSource(type: PluginType, names: TemplateNames): string {
  switch (type) {
    case 'health':
      return `${header(names, 'Reports whether what it watches is healthy.')}
  /** Results are cached this long (ms). */
  readonly healthCheckInterval = 5_000;
  /** A check slower than this (ms) counts as unhealthy. */
  readonly healthCheckTimeout = 1_000;

  checkHealth(signal: AbortSignal) {
    if (signal.aborted) return { status: 'unhealthy' as const, message: 'check cancelled' };
    return { status: 'healthy' as const, message: 'all good', details: { checkedAt: new Date().toISOString() } };
  }
}
`;
    case 'metrics':
      return `${header(names, 'Contributes metrics to the Prometheus scrape.')}
  #requests = 0;

  metricDefinitions() {
    return [{ name: '${names.name.replace(/[^A-Za-z0-9_]/g, '_')}_requests_total', help: 'Requests seen', type: 'counter' as const }];
  }

  collectMetrics() {
    return { '${names.name.replace(/[^A-Za-z0-9_]/g, '_')}_requests_total': this.#requests };
  }

  /** Call this where the work happens. */
  record() {
    this.#requests += 1;
  }
}
`;
    case 'http':
      return `${header(names, 'Serves HTTP routes under /plugins/<name>.')}
  routes(router: { get(path: string, handler: (request: unknown) => unknown): void }) {
    router.get('/hello', () => this.hello());
  }

  hello() {
    return { hello: '${names.name}' };
  }
}
`;
    case 'events':
      return `${header(names, 'Handles events from the event bus.')}
  /** Event types it receives (wildcards: \`*\` within a segment, \`**\` across). */
  readonly eventSubscriptions = ['user.*'];
  readonly seen: string[] = [];

  handleEvent(event: { type: string; data: unknown }) {
    this.seen.push(event.type);
  }
}
`;
    case 'basic':
      return `${header(names, 'Adds a greeting to every login.', ', hook')}
  @hook('user.login')
  greet(user: { username: string; greeting?: string }) {
    return { ...user, greeting: \`Welcome, \${user.username}!\` };
  }
}
`;
  }
}
