import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const register = fileURLToPath(new URL('../../../../scripts/ts/register.mjs', import.meta.url));
const script = fileURLToPath(new URL('./host.ts', import.meta.url));

/** A line a host printed. */
export interface HostMessage {
  readonly host: string;
  readonly ev: string;
  readonly seq?: number;
  readonly result?: unknown;
  readonly error?: string;
  readonly data?: unknown;
  readonly deliveryCount?: number;
  readonly group?: string | null;
}

/** A host process (support/host.ts) run from the workspace sources, driven by JSON lines. */
export class HostProcess {
  readonly name: string;
  readonly messages: HostMessage[] = [];
  readonly #child: ChildProcess;
  readonly #exited: Promise<void>;
  #seq = 0;

  private constructor(name: string, child: ChildProcess) {
    this.name = name;
    this.#child = child;
    this.#exited = new Promise((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    if (child.stdout) {
      createInterface({ input: child.stdout }).on('line', (line) => {
        try {
          this.messages.push(JSON.parse(line) as HostMessage);
        } catch {
          // Not one of ours.
        }
      });
    }
  }

  /** Starts a host and resolves once its plugins started. */
  static async start(name: string, url: string, claimAfterMs: number): Promise<HostProcess> {
    const child = spawn(
      process.execPath,
      [
        '--conditions=@trellis/source',
        '--import',
        register,
        '--disable-warning=ExperimentalWarning',
        script,
        name,
        url,
        String(claimAfterMs),
      ],
      { stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const host = new HostProcess(name, child);
    await host.until((m) => m.ev === 'ready' || m.ev === 'failed', 30_000, 'start');
    if (host.messages.some((m) => m.ev === 'failed'))
      throw new Error(`host ${name} failed to start: ${JSON.stringify(host.messages)}`);
    return host;
  }

  /** Sends a command and resolves to its result (rejects with its error). */
  async send(command: Record<string, unknown>, timeoutMs = 30_000): Promise<unknown> {
    const seq = ++this.#seq;
    this.#child.stdin?.write(`${JSON.stringify({ ...command, seq })}\n`);
    const answer = await this.until(
      (m) => m.ev === 'result' && m.seq === seq,
      timeoutMs,
      String(command.cmd),
    );
    if (answer.error !== undefined) throw new Error(`${this.name}: ${answer.error}`);
    return answer.result;
  }

  /** Messages of events this host's handlers got. */
  handled(): HostMessage[] {
    return this.messages.filter((m) => m.ev === 'handled');
  }

  /** Resolves to the first message (already received or to come) matching `match`. */
  async until(match: (m: HostMessage) => boolean, timeoutMs: number, what: string): Promise<HostMessage> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.messages.find(match);
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`host ${this.name}: timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** SIGKILL, and waits for the exit. */
  async kill(): Promise<void> {
    this.#child.kill('SIGKILL');
    await this.#exited;
  }

  /** Closes the manager, then ends the process. */
  async stop(): Promise<void> {
    if (this.#child.exitCode === null && this.#child.signalCode === null) {
      await this.send({ cmd: 'close' }, 10_000).catch(() => undefined);
      this.#child.kill('SIGTERM');
    }
    await this.#exited;
  }
}
