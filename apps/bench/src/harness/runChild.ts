import { fork } from 'node:child_process';
import { isChildMessage, type ChildMessage } from './protocol.js';

export interface ChildOptions {
  readonly script: string;
  readonly caseId: string;
  readonly contenderId: string;
  readonly quick: boolean;
  readonly nodeFlags: readonly string[];
  readonly timeoutMs: number;
}

/** Runs one contender of one case in a fresh Node process and resolves to its report. */
export function runChild(options: ChildOptions): Promise<ChildMessage> {
  return new Promise((resolve) => {
    const child = fork(
      options.script,
      [options.caseId, options.contenderId, ...(options.quick ? ['--quick'] : [])],
      {
        execArgv: [...options.nodeFlags],
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      },
    );
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4_000);
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    let message: ChildMessage | undefined;
    child.on('message', (received) => {
      if (isChildMessage(received)) message = received;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
    }, options.timeoutMs);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (message) {
        resolve(message);
        return;
      }
      const why =
        signal === 'SIGKILL'
          ? `timed out after ${options.timeoutMs / 1000} s`
          : `exited with ${String(code ?? signal)}`;
      resolve({ status: 'error', reason: `child ${why}${output ? `: ${output.trim()}` : ''}` });
    });
  });
}
