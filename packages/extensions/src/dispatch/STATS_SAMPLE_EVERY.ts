/**
 * While stats are on without tracing, a compiled synchronous dispatch is timed only now and then:
 * per runner (one plan section and dispatch mode), dispatches 1, 2, 4, 8, … up to this number, then
 * one in this many. A timed dispatch runs through the general loop, which reads the clock around
 * each handler; the others count calls and errors without reading the clock. `HandlerStats`
 * durations are estimated from the timed runs. A power of two.
 */
export const STATS_SAMPLE_EVERY = 4096;
