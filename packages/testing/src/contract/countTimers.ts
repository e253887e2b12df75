/** How many timers (timeouts, intervals, immediates) keep the process alive right now. */
export function countTimers(): number {
  return process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate').length;
}
