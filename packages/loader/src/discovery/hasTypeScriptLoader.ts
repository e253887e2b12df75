const TS_FLAGS = /--(?:experimental-)?(?:strip|transform)-types|(?:^|[\s=/])(?:tsx|ts-node)(?:\/|\b)/;

/**
 * Whether this process can import `.ts` files: Node's own type stripping, a `tsx` or `ts-node`
 * loader in the flags or `NODE_OPTIONS`, or Jest (which transforms what it imports).
 */
export function hasTypeScriptLoader(): boolean {
  const features = process.features as { typescript?: unknown };
  if (typeof features.typescript === 'string') return true;
  if (process.execArgv.some((flag) => TS_FLAGS.test(flag))) return true;
  if (TS_FLAGS.test(process.env.NODE_OPTIONS ?? '')) return true;
  return process.env.JEST_WORKER_ID !== undefined;
}
