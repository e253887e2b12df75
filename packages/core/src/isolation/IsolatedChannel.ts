import { fork, type ChildProcess } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, parse } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { HookLane } from './HookLane.js';
import { ISOLATED_ENTRY_SOURCE } from './ISOLATED_ENTRY_SOURCE.js';
import { IsolationError, type IsolationFailureReason } from './IsolationError.js';
import type { IsolationLimits } from './IsolationSettings.js';
import type { RemoteCall } from './RemoteValues.js';

/** An error reported across the boundary. */
interface RemoteError {
  readonly name: string;
  readonly message: string;
  readonly stack?: string;
  readonly code?: unknown;
}

type Incoming =
  | { readonly type: 'ready' }
  | { readonly type: 'log'; readonly line: string }
  | { readonly type: 'release'; readonly ref: number }
  | { readonly type: 'lane' }
  | { readonly type: 'fatal'; readonly reason: IsolationFailureReason; readonly error: RemoteError }
  | { readonly type: 'call'; readonly rid: number; readonly call: RemoteCall }
  | Answer;

/** The answer to a request (by its id). */
type Answer =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: RemoteError };

/** What an {@link IsolatedChannel} is started with. Internal. */
export interface IsolatedChannelInit {
  readonly plugin: string;
  readonly mode: 'worker' | 'process';
  readonly file: string;
  readonly limits: IsolationLimits;
  /** Permissions granted to the plugin (for `process`: fs, child_process, workers, addons, env). */
  readonly granted: readonly string[];
  /** Each log line of the plugin (pino JSON). */
  readonly onLog: (line: string) => void;
  /** Called once when the worker or process ends unexpectedly (not after `close()`). */
  readonly onFault: (error: IsolationError) => void;
  /** Runs a call of the isolated side on an injected value (its answer goes back). */
  readonly onCall?: (call: RemoteCall) => Promise<unknown>;
  /** The isolated side no longer holds host function `ref` (returned by a call). */
  readonly onRelease?: (ref: number) => void;
}

/** An error as it crosses the boundary. */
function describeError(error: unknown): RemoteError {
  return error instanceof Error
    ? {
        name: error.name,
        message: error.message,
        ...(error.stack === undefined ? {} : { stack: error.stack }),
        ...('code' in error ? { code: error.code } : {}),
      }
    : { name: 'Error', message: String(error) };
}

/** How long `close()` waits for the worker/process to exit after terminating it (ms). */
const EXIT_WAIT_MS = 5_000;

/** Environment variables every isolated process keeps. */
const BASE_ENV = ['NODE_ENV', 'PATH', 'TZ', 'LANG'];

/** An Error rebuilt from what the other side reported (name, message, stack, code kept). */
function revive(remote: RemoteError): Error {
  const error = new Error(remote.message);
  error.name = remote.name;
  if (remote.stack !== undefined) error.stack = remote.stack;
  if (remote.code !== undefined) (error as Error & { code?: unknown }).code = remote.code;
  return error;
}

/** The folder holding the `node_modules` that the file's imports resolve from, walking up. */
function projectRoot(file: string): string | undefined {
  let dir = dirname(file);
  const { root } = parse(dir);
  let found: string | undefined;
  while (dir !== root) {
    if (existsSync(join(dir, 'node_modules'))) found = dir;
    dir = dirname(dir);
  }
  return found;
}

/**
 * The host's end of one isolated plugin: a worker thread (with `resourceLimits`) or a child process
 * (under Node's permission model, with a minimal environment), a request/response protocol over
 * it, and fault detection (crash, out-of-memory, exit). Every pending request rejects with the
 * `IsolationError` of a fault. Internal.
 */
export class IsolatedChannel {
  readonly #init: IsolatedChannelInit;
  readonly #pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  #nextId = 1;
  #hooksInFlight = 0;
  /** Waiting for the hook calls in flight to settle. */
  readonly #idle: (() => void)[] = [];
  /** Answers of lane calls sent by message that arrived before the lane said so. */
  readonly #early = new Map<number, Answer>();
  /** The isolated side reported `ready`. */
  #started = false;
  /** The worker serves the hook lane. */
  #laneServed = false;
  #worker: Worker | undefined;
  /** The port a worker writes its log lines to. */
  #logPort: MessagePort | undefined;
  /** The shared-memory path for hook calls (worker mode). */
  #lane: HookLane | undefined;
  #child: ChildProcess | undefined;
  #closed = false;
  #fault: IsolationError | undefined;
  #ready: Promise<void>;
  readonly #exited: Promise<void>;
  #markExited!: () => void;
  #fatal: { reason: IsolationFailureReason; error: RemoteError } | undefined;

  constructor(init: IsolatedChannelInit) {
    this.#init = init;
    this.#exited = new Promise<void>((resolve) => {
      this.#markExited = resolve;
    });
    let resolveReady!: () => void;
    let rejectReady!: (error: Error) => void;
    this.#ready = new Promise<void>((resolve, reject) => {
      resolveReady = resolve;
      rejectReady = reject;
    });
    this.#pending.set(0, {
      resolve: () => {
        resolveReady();
      },
      reject: rejectReady,
    });
    try {
      if (init.mode === 'worker') this.#spawnWorker();
      else this.#spawnChild();
    } catch (error) {
      this.#end('spawn', `cannot start its ${init.mode}: ${String(error)}`, error);
    }
  }

  /** The fault that ended it, if any. */
  get fault(): IsolationError | undefined {
    return this.#fault;
  }

  /** Sends a request once the other side is ready; resolves to its answer, rejects with its error. */
  async request(op: string, payload: Readonly<Record<string, unknown>> = {}): Promise<unknown> {
    await this.#ready;
    if (this.#fault !== undefined) throw this.#fault;
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject });
      try {
        this.#post({ ...payload, id, op });
      } catch (error) {
        this.#pending.delete(id);
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
  }

  /**
   * Calls one `@hook` method: through the worker's shared-memory lane when it is free, else by
   * message. Resolves to the isolated side's answer, rejects with its error or the fault.
   */
  hook(payload: Readonly<Record<string, unknown>>): Promise<unknown> {
    this.#hooksInFlight += 1;
    return this.#hook(payload).finally(() => {
      this.#hooksInFlight -= 1;
      if (this.#hooksInFlight === 0) for (const resolve of this.#idle.splice(0)) resolve();
    });
  }

  /**
   * Closes once the hook calls in flight have settled (a reload bridge letting go of an old version
   * while dispatches still wait for it), or after `limitMs` at most.
   */
  async closeWhenIdle(limitMs: number): Promise<void> {
    if (this.#hooksInFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => this.#idle.push(resolve)),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, limitMs);
        }),
      ]);
      clearTimeout(timer);
    }
    await this.close();
  }

  #hook(payload: Readonly<Record<string, unknown>>): Promise<unknown> {
    const lane = this.#lane;
    const sent = this.#laneServed && this.#fault === undefined ? lane?.call(payload) : undefined;
    if (sent === undefined) return this.request('hook', payload);
    return sent.then((answer) => {
      this.#drainLogs();
      if (answer.byMessage === undefined) {
        if (answer.ok === true) return answer.value;
        throw revive(answer.error as RemoteError);
      }
      const id = answer.byMessage;
      return new Promise((resolve, reject) => {
        const early = this.#early.get(id);
        this.#early.delete(id);
        if (early === undefined) this.#pending.set(id, { resolve, reject });
        else if (early.ok) resolve(early.value);
        else reject(revive(early.error));
      });
    });
  }

  /** Sends a message that needs no answer; dropped once the worker/process has ended. */
  notify(op: string, payload: Readonly<Record<string, unknown>>): void {
    if (this.#closed || this.#fault !== undefined || !this.#started) return;
    try {
      this.#post({ ...payload, op });
    } catch {
      // the channel is closing: there is nothing left to tell
    }
  }

  /** Terminates the worker/process as a fault of the given reason (a hang), and reports it. */
  kill(reason: IsolationFailureReason, detail: string): void {
    this.#end(reason, detail, undefined);
  }

  /**
   * Terminates the worker/process on purpose (unload); no fault is reported. Resolves once it has
   * exited (at most {@link EXIT_WAIT_MS} later).
   */
  close(): Promise<void> {
    const exited = this.#waitForExit();
    if (this.#closed) return exited;
    this.#closed = true;
    this.#terminate();
    const error = new IsolationError({
      plugin: this.#init.plugin,
      reason: 'exit',
      detail: 'it was unloaded',
    });
    this.#lane?.close(error);
    for (const entry of this.#pending.values()) entry.reject(error);
    this.#pending.clear();
    return exited;
  }

  #waitForExit(): Promise<void> {
    if (this.#worker === undefined && this.#child === undefined) return Promise.resolve();
    let timer: NodeJS.Timeout | undefined;
    const bound = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, EXIT_WAIT_MS);
    });
    return Promise.race([this.#exited, bound]).finally(() => {
      clearTimeout(timer);
    });
  }

  #post(message: Readonly<Record<string, unknown>>): void {
    if (this.#worker !== undefined) this.#worker.postMessage(message);
    else this.#child?.send(message);
  }

  #spawnWorker(): void {
    const { limits } = this.#init;
    const lane = new HookLane();
    this.#lane = lane;
    const logs = new MessageChannel();
    this.#logPort = logs.port1;
    logs.port1.on('message', (line: string) => {
      this.#init.onLog(line);
    });
    logs.port1.unref();
    const worker = new Worker(ISOLATED_ENTRY_SOURCE, {
      eval: true,
      workerData: { lane: lane.buffer, logPort: logs.port2 },
      transferList: [logs.port2],
      resourceLimits: {
        ...(limits.memoryMb === undefined
          ? {}
          : {
              maxOldGenerationSizeMb: limits.memoryMb,
              maxYoungGenerationSizeMb: Math.max(1, Math.min(16, limits.memoryMb / 4)),
            }),
        ...(limits.stackMb === undefined ? {} : { stackSizeMb: limits.stackMb }),
      },
      env: this.#env(),
      stdout: false,
      stderr: false,
    });
    this.#worker = worker;
    worker.on('message', (message: Incoming) => {
      this.#receive(message);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        this.#end(
          'out-of-memory',
          `its worker ran out of memory (limit ${String(limits.memoryMb ?? 'default')} MB)`,
          error,
        );
      else this.#end('crash', `its worker threw ${error.name}: ${error.message}`, error);
    });
    worker.on('exit', (code) => {
      this.#markExited();
      this.#end('exit', `its worker exited with code ${String(code)}`, undefined);
    });
  }

  #spawnChild(): void {
    const { limits, granted, file } = this.#init;
    const reads = new Set<string>([dirname(file)]);
    const root = projectRoot(file);
    // Module resolution reads package.json files up the tree: the project (its code and
    // dependencies) is readable, nothing outside it unless granted.
    if (root !== undefined) reads.add(root);
    try {
      const core = createRequire(file).resolve('@trellis/core');
      reads.add(dirname(dirname(realpathSync(core))));
    } catch {
      // reported by the child when it cannot import it
    }
    const writes: string[] = [];
    for (const permission of granted) {
      if (permission.startsWith('fs.read:')) reads.add(permission.slice('fs.read:'.length));
      else if (permission.startsWith('fs.write:')) writes.push(permission.slice('fs.write:'.length));
    }
    const execArgv = [
      '--experimental-permission',
      '--disable-warning=ExperimentalWarning',
      ...[...reads].map((path) => `--allow-fs-read=${path}`),
      ...writes.map((path) => `--allow-fs-write=${path}`),
      ...(granted.includes('child_process') ? ['--allow-child-process'] : []),
      ...(granted.includes('worker') ? ['--allow-worker'] : []),
      ...(granted.includes('addons') ? ['--allow-addons'] : []),
      ...(limits.memoryMb === undefined ? [] : [`--max-old-space-size=${String(limits.memoryMb)}`]),
      ...(limits.stackMb === undefined
        ? []
        : [`--stack-size=${String(Math.floor(limits.stackMb * 1024 * 0.9))}`]),
      '-e',
      ISOLATED_ENTRY_SOURCE,
    ];
    const child = fork('', [], {
      execPath: process.execPath,
      execArgv,
      env: this.#env(),
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.#child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      if (stderr.length < 4096) stderr += chunk.toString();
    });
    child.on('message', (message: Incoming) => {
      this.#receive(message);
    });
    child.on('error', (error) => {
      if (child.pid === undefined) this.#markExited(); // never started: no 'exit' follows
      this.#end('spawn', `its process could not start: ${error.message}`, error);
    });
    child.on('exit', (code, signal) => {
      this.#markExited();
      const fatal = this.#fatal;
      if (fatal !== undefined) {
        this.#end(
          fatal.reason,
          `its process threw ${fatal.error.name}: ${fatal.error.message}`,
          revive(fatal.error),
        );
      } else if (signal === 'SIGABRT' || code === 134 || /heap out of memory/i.test(stderr)) {
        this.#end(
          'out-of-memory',
          `its process ran out of memory (limit ${String(limits.memoryMb ?? 'default')} MB)`,
          undefined,
        );
      } else {
        const tail = stderr.trim().split('\n').slice(-3).join(' ');
        this.#end(
          'exit',
          `its process exited with ${signal ?? `code ${String(code)}`}${tail === '' ? '' : ` (${tail})`}`,
          undefined,
        );
      }
    });
  }

  #env(): Record<string, string> {
    const env: Record<string, string> = {};
    const names = [
      ...BASE_ENV,
      ...this.#init.granted.filter((p) => p.startsWith('env:')).map((p) => p.slice('env:'.length)),
    ];
    for (const name of names) {
      const value = process.env[name];
      if (value !== undefined) env[name] = value;
    }
    return env;
  }

  #receive(message: Incoming): void {
    if ('id' in message) {
      this.#drainLogs();
      const entry = this.#pending.get(message.id);
      if (entry === undefined) {
        if (message.id < 0) this.#early.set(message.id, message);
        return;
      }
      this.#pending.delete(message.id);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(revive(message.error));
      return;
    }
    if (message.type === 'call') {
      this.#answer(message.rid, message.call);
      return;
    }
    if (message.type === 'ready') {
      this.#started = true;
      const ready = this.#pending.get(0);
      this.#pending.delete(0);
      ready?.resolve(undefined);
    } else if (message.type === 'log') this.#init.onLog(message.line);
    else if (message.type === 'release') this.#init.onRelease?.(message.ref);
    else if (message.type === 'lane') this.#laneServed = true;
    else this.#fatal = { reason: message.reason, error: message.error };
  }

  #answer(rid: number, call: RemoteCall): void {
    const onCall = this.#init.onCall;
    const work =
      onCall === undefined
        ? Promise.reject(new Error(`Isolated plugin '${this.#init.plugin}' has no injected values`))
        : onCall(call);
    work.then(
      (value: unknown) => {
        if (this.#closed || this.#fault !== undefined) return;
        try {
          this.#post({ op: 'reply', rid, ok: true, value });
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          this.#post({
            op: 'reply',
            rid,
            ok: false,
            error: describeError(
              new Error(
                `The result of a host call of isolated plugin '${this.#init.plugin}' cannot cross to its ${this.#init.mode} (${reason}): return structured-cloneable values, functions or plain objects`,
              ),
            ),
          });
        }
      },
      (error: unknown) => {
        if (this.#closed || this.#fault !== undefined) return;
        try {
          this.#post({ op: 'reply', rid, ok: false, error: describeError(error) });
        } catch {
          this.#post({ op: 'reply', rid, ok: false, error: { name: 'Error', message: String(error) } });
        }
      },
    );
  }

  /** Hands on the log lines the worker wrote so far (before the answer that follows them). */
  #drainLogs(): void {
    const port = this.#logPort;
    if (port === undefined) return;
    for (let entry = receiveMessageOnPort(port); entry !== undefined; entry = receiveMessageOnPort(port))
      this.#init.onLog(entry.message as string);
  }

  #terminate(): void {
    this.#drainLogs();
    this.#logPort?.close();
    if (this.#worker !== undefined) void this.#worker.terminate();
    if (this.#child !== undefined && this.#child.exitCode === null) this.#child.kill('SIGKILL');
  }

  #end(reason: IsolationFailureReason, detail: string, cause: unknown): void {
    if (this.#closed || this.#fault !== undefined) return;
    const error = new IsolationError({ plugin: this.#init.plugin, reason, detail, cause });
    this.#fault = error;
    this.#lane?.close(error);
    this.#terminate();
    for (const entry of this.#pending.values()) entry.reject(error);
    this.#pending.clear();
    this.#init.onFault(error);
  }
}
