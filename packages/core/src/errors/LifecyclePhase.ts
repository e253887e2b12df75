/**
 * A step of a plugin's life in which its own code runs: `construct` (the container creates the
 * instance), `initialize`, `start`, `stop`, and `destroy` (`@preDestroy` methods on unload).
 */
export type LifecyclePhase = 'construct' | 'initialize' | 'start' | 'stop' | 'destroy';
