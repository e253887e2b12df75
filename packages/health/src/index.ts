export { HealthPlugin, DEFAULT_HEALTH_CHECK_TIMEOUT } from './HealthPlugin.js';
export { HEALTH } from './HEALTH.js';
export type { HealthService } from './HealthService.js';
export type { HealthCheck } from './HealthCheck.js';
export type { HealthResult, HealthStatus } from './HealthResult.js';
export type { HealthCheckResult, HealthReport, LivenessReport, ReadinessReport } from './HealthReport.js';
export { HealthCheckError, type HealthCheckErrorOptions } from './HealthCheckError.js';
export { HEALTH_ERROR_CODES, type HealthErrorCode } from './HEALTH_ERROR_CODES.js';
