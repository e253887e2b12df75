import { createToken } from '@trellis/core';
import type { MetricsService } from './MetricsService.js';

/**
 * The token of the {@link MetricsService} that `trellis.metrics` provides. Injecting it makes
 * `trellis.metrics` a dependency.
 */
export const METRICS = createToken<MetricsService>('trellis.metrics');
