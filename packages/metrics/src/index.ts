export { MetricsPlugin, DEFAULT_COLLECT_TIMEOUT } from './MetricsPlugin.js';
export { METRICS } from './METRICS.js';
export type { MetricsService } from './MetricsService.js';
export type { MetricsSource } from './MetricsSource.js';
export type { MetricDefinition, MetricSample, MetricType, MetricValues } from './MetricDefinition.js';
export { MetricsError, type MetricsErrorOptions } from './MetricsError.js';
export { METRICS_ERROR_CODES, type MetricsErrorCode } from './METRICS_ERROR_CODES.js';
