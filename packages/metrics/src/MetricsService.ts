import type { Registry } from 'prom-client';

/**
 * The service `trellis.metrics` offers under the {@link METRICS} token.
 *
 * @example
 * ```ts
 * fastify.get('/metrics', async (_req, reply) => {
 *   const metrics = ctx.get(METRICS);
 *   return reply.type(metrics.contentType).send(await metrics.metrics());
 * });
 * ```
 */
export interface MetricsService {
  /**
   * The Prometheus text exposition: plugins' `collectMetrics()` run now (concurrently, each bounded
   * by its timeout), built-in figures read now. Concurrent calls share one scrape. Never rejects
   * because of a plugin.
   */
  metrics(): Promise<string>;
  /** The content type of {@link MetricsService.metrics} (`text/plain; version=0.0.4; charset=utf-8`). */
  readonly contentType: string;
  /**
   * The prom-client registry of this manager, for metrics a host or plugin keeps itself (a
   * `Histogram` of request times…): `new Histogram({ ..., registers: [metrics.registry] })`.
   */
  readonly registry: Registry;
}
