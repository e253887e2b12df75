/** The checks of {@link pluginContract}, in the order they run. */
export const CONTRACT_CHECKS = Object.freeze([
  'metadata is valid',
  'starts cleanly',
  'health check answers within its timeout',
  'stops cleanly',
  'stop is idempotent',
  'starts again after stop',
  'nothing left registered after unload',
  'leaves no timers running after unload',
  'no unhandled rejections',
] as const);

/** The name of one contract check. */
export type ContractCheckName = (typeof CONTRACT_CHECKS)[number];
