/**
 * The notify point the manager dispatches on every permission denial, with a `PermissionDenial`
 * (`{ plugin, permission }`) payload: what a metrics plugin counts.
 */
export const PERMISSION_DENIED_EVENT = 'trellis.permission.denied';
