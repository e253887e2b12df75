/**
 * One contender of one case in a fresh process: warm-up and batches, then the equivalence gate again.
 * Usage: node dist/child.js <case-id> <contender-id> [--quick]
 */
import { allCases } from './cases/index.js';
import { runGate } from './harness/gate.js';
import { measure } from './harness/measure.js';
import { settingsFor } from './harness/settings.js';
import type { ChildMessage } from './harness/protocol.js';

function send(message: ChildMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.send) {
      console.log(JSON.stringify(message, null, 2));
      resolve();
      return;
    }
    process.send(message, () => {
      resolve();
    });
  });
}

async function main(): Promise<ChildMessage> {
  const [caseId, contenderId] = process.argv.slice(2);
  const benchCase = allCases().find((candidate) => candidate.id === caseId);
  const contender = benchCase?.contenders.find((candidate) => candidate.id === contenderId);
  if (!benchCase || !contender?.load) {
    return {
      status: 'error',
      reason: `no runnable contender ${String(contenderId)} in case ${String(caseId)}`,
    };
  }
  // The runner has passed this contender through the equivalence gate before starting this process.
  // Gating again here first would build extra instances whose shared type feedback slows the timed
  // one (identical generated code shares its compiled form), so this process times first and then
  // gates fresh instances again, to be sure the code it timed gives the floor's outputs.
  const bench = await contender.load();
  const settings = settingsFor(process.argv.includes('--quick'));
  const measurement = await measure(bench, settings, { slow: benchCase.slow === true });
  await bench.dispose?.();
  const gate = await runGate(benchCase, contender);
  if (!gate.ok) return { status: 'gate-failed', reason: `after timing: ${gate.message}` };
  return { status: 'ok', measurement };
}

let message: ChildMessage;
try {
  message = await main();
} catch (error) {
  message = {
    status: 'error',
    reason: error instanceof Error ? (error.stack ?? error.message) : String(error),
  };
}
await send(message);
// Timers a contender may leave behind (timeouts, loggers) must not keep the process alive.
process.exit(0);
