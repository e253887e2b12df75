/**
 * While stats are on without tracing, a compiled synchronous dispatch times one dispatch in this many
 * (per plan section and dispatch mode, starting with the first): that dispatch runs through the
 * general loop, which reads the clock around each handler; the others only count calls and errors.
 * `HandlerStats` durations are estimated from these timed runs. A power of two.
 */
export const STATS_SAMPLE_EVERY = 256;
