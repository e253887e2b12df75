/** The result of one plugin's health check (as `@trellis/health` defines it). */
export interface PluginHealth {
  readonly status: 'healthy' | 'degraded' | 'unhealthy';
  readonly message?: string;
  readonly details?: unknown;
}
