import { createToken } from '@trellis/core';
import type { HealthService } from './HealthService.js';

/**
 * The token of the {@link HealthService} that `trellis.health` provides. Injecting it makes
 * `trellis.health` a dependency.
 *
 * @example
 * ```ts
 * @plugin({ name: 'probe' })
 * class Probe { constructor(@inject(HEALTH) private readonly health: HealthService) {} }
 * ```
 */
export const HEALTH = createToken<HealthService>('trellis.health');
