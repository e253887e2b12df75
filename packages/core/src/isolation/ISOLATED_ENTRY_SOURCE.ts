import { LANE_ENCODING, LANE_HEADER_BYTES, LANE_SLOT, LANE_SPIN_NS } from './laneCodec.js';

/**
 * The program an isolated plugin's worker thread or child process runs (a script evaluated by the
 * worker or by the child's `-e`, so that stack frames read `[worker eval]` / `[eval]`, not the source). It imports
 * `@trellis/core` as resolved from the plugin's own file, builds the plugin in a private manager
 * (its config, a logger whose lines go to the host), and answers the host's requests:
 * `inspect` (→ the tokens the plugin class injects), `init` (with the host's bindings for them:
 * functions and objects of methods whose calls become async `call` messages to the host, a function
 * argument becoming a callback the host calls back with `callback`; → hook declarations), `start`,
 * `stop` and `hook` (one `@hook` method, by index). A throw
 * crosses back as `{ ok: false, error }`, a `ctx.stop(value)` or `StopPropagation` as
 * `{ stop: true, value }`; an uncaught exception is reported as `fatal` before the child exits.
 * Internal.
 */
export const ISOLATED_ENTRY_SOURCE = String.raw`
'use strict';
const { createRequire } = require('node:module');
const { pathToFileURL } = require('node:url');
const v8 = require('node:v8');
const { parentPort, workerData } = require('node:worker_threads');

const send = parentPort ? (message) => parentPort.postMessage(message) : (message) => process.send(message);
const onMessage = (listener) => (parentPort ? parentPort.on('message', listener) : process.on('message', listener));
const describe = (error) =>
  error instanceof Error
    ? { name: error.name, message: error.message, stack: error.stack, code: error.code }
    : { name: 'Error', message: String(error) };

if (!parentPort) {
  process.on('uncaughtException', (error) => {
    try { send({ type: 'fatal', reason: 'crash', error: describe(error) }); } finally { setTimeout(() => process.exit(70), 20); }
  });
  process.on('unhandledRejection', (error) => {
    try { send({ type: 'fatal', reason: 'crash', error: describe(error) }); } finally { setTimeout(() => process.exit(70), 20); }
  });
  process.on('disconnect', () => process.exit(0));
}

let core;
let manager;
let instance;
let declarations = [];
let name;

const FN = '@@trellis.fn';
const CB = '@@trellis.cb';
const callbacks = new Map();
const callbackIds = new Map();
// How many times each callback was sent: the host releases what it received once its proxy is
// collected, and the callback is dropped here when every copy is released.
const callbackSent = new Map();
// A host function held here: once collected, the host may drop it too.
const hostFunctions = new FinalizationRegistry((ref) => { try { send({ type: 'release', ref }); } catch {} });
const calls = new Map();
let nextCallback = 1;
let nextCall = 1;
let corePath;

const isPlain = (value) => { const proto = Object.getPrototypeOf(value); return proto === null || Object.getPrototypeOf(proto) === null; };
const encode = (value, depth) => {
  if (typeof value === 'function') {
    let id = callbackIds.get(value);
    if (id === undefined) { id = nextCallback++; callbackIds.set(value, id); callbacks.set(id, value); }
    callbackSent.set(id, (callbackSent.get(id) ?? 0) + 1);
    return { [CB]: id };
  }
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => encode(item, depth + 1));
  if (!isPlain(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item, depth + 1)]));
};
const decode = (value, depth, label) => {
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (Array.isArray(value)) return value.map((item) => decode(item, depth + 1, label));
  if (!isPlain(value)) return value;
  if (typeof value[FN] === 'number') {
    const ref = value[FN];
    const fn = (...args) => callHost(ref, undefined, args, 'a function returned by ' + label);
    hostFunctions.register(fn, ref);
    return fn;
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item, depth + 1, label)]));
};
const revive = (remote) => {
  const error = new Error(remote.message);
  error.name = remote.name;
  if (remote.stack !== undefined) error.stack = remote.stack;
  if (remote.code !== undefined) error.code = remote.code;
  return error;
};
function callHost(ref, method, args, label) {
  return new Promise((resolve, reject) => {
    const rid = nextCall++;
    calls.set(rid, { resolve, reject });
    try {
      send({ type: 'call', rid, call: { ref, ...(method === undefined ? {} : { method }), args: args.map((arg) => encode(arg, 0)) } });
    } catch (error) {
      calls.delete(rid);
      reject(new Error("Isolated plugin '" + name + "': the arguments of " + label + ' cannot cross to the host (' + (error && error.message) + '): pass structured-cloneable values, functions or plain objects'));
    }
  }).then((value) => decode(value, 0, label));
}
function settleCall({ rid, ok, value, error }) {
  const entry = calls.get(rid);
  if (entry === undefined) return;
  calls.delete(rid);
  if (ok) entry.resolve(value);
  else entry.reject(revive(error));
}
function releaseCallback({ cb, count }) {
  const left = (callbackSent.get(cb) ?? 0) - count;
  if (left > 0) { callbackSent.set(cb, left); return; }
  callbackSent.delete(cb);
  const callback = callbacks.get(cb);
  callbacks.delete(cb);
  if (callback !== undefined) callbackIds.delete(callback);
}
async function runCallback({ cb, args }) {
  const callback = callbacks.get(cb);
  if (callback === undefined) throw new Error("Isolated plugin '" + name + "' no longer holds callback " + cb);
  return await callback(...args.map((arg) => decode(arg, 0, 'a callback argument')));
}

async function loadClass(file, exportName) {
  corePath = createRequire(file).resolve('@trellis/core');
  core = await import(pathToFileURL(corePath).href);
  const namespace = await import(pathToFileURL(file).href);
  // pino too, so that a worker started ahead of its turn has done all its imports by init
  await import(pathToFileURL(createRequire(corePath).resolve('pino')).href);
  const cls = namespace[exportName];
  if (typeof cls !== 'function') throw new Error("export '" + exportName + "' of '" + file + "' is not a plugin class");
  return cls;
}

async function inspect({ file, exportName }) {
  const cls = await loadClass(file, exportName);
  const inversifyModule = await import(pathToFileURL(createRequire(corePath).resolve('@inversifyjs/core')).href);
  const inversify = inversifyModule.getClassMetadata ? inversifyModule : inversifyModule.default;
  let metadata;
  try { metadata = inversify.getClassMetadata(cls); } catch { return []; }
  const seen = new Set();
  const found = [];
  for (const element of [...metadata.constructorArguments, ...metadata.properties.values()]) {
    if (element === undefined || element.kind === inversify.ClassElementMetadataKind.unmanaged) continue;
    let id = element.value;
    if (id !== null && typeof id === 'object' && typeof id.unwrap === 'function') {
      try { id = id.unwrap(); } catch { continue; }
    }
    if (seen.has(id)) continue;
    seen.add(id);
    const optional = element.optional === true;
    const key = typeof id === 'symbol' ? Symbol.keyFor(id) : undefined;
    if (element.kind !== inversify.ClassElementMetadataKind.singleInjection) found.push({ unsupported: String(typeof id === 'function' ? id.name : String(id)) + ' (a multi-injection)', optional });
    else if (key !== undefined) found.push({ symbol: key, optional });
    else if (typeof id === 'string') found.push({ string: id, optional });
    else found.push({ unsupported: typeof id === 'function' ? 'class ' + id.name : String(id), optional });
  }
  return found;
}

async function init({ file, exportName, plugin, config, bindings = [], stubs = [] }) {
  name = plugin;
  const cls = await loadClass(file, exportName);
  const pino = (await import(pathToFileURL(createRequire(corePath).resolve('pino')).href)).default;
  const logger = pino(
    { level: 'trace', base: undefined, timestamp: false },
    // a worker's lines go on their own port, which the host drains before it takes a hook's answer
    { write: workerData && workerData.logPort ? (line) => workerData.logPort.postMessage(line) : (line) => send({ type: 'log', line }) },
  );
  let container;
  if (bindings.length > 0) {
    const inversifyModule = await import(pathToFileURL(createRequire(corePath).resolve('inversify')).href);
    const Container = inversifyModule.Container ?? inversifyModule.default.Container;
    container = new Container();
    for (const binding of bindings) {
      const token = binding.token.symbol !== undefined ? Symbol.for(binding.token.symbol) : binding.token.string;
      const value = binding.kind === 'function'
        ? (...args) => callHost(binding.ref, undefined, args, binding.label + '()')
        : Object.freeze(Object.fromEntries(binding.methods.map((method) => [method, (...args) => callHost(binding.ref, method, args, binding.label + '.' + method + '()')])));
      container.bind(token).toConstantValue(value);
    }
  }
  manager = new core.PluginManager({ ...(container === undefined ? {} : { container }), logger, config: { [plugin]: { ...config, isolation: 'none' } }, onWarning: () => {}, lifecycleTimeout: Infinity, onPluginFailure: 'isolate' });
  for (const stub of stubs) manager.register(core.definePlugin({ name: stub.name, version: stub.version }));
  manager.register(cls);
  try {
    instance = await manager.load(plugin);
  } catch (error) {
    throw error && error.cause !== undefined && error.code === 'TRELLIS_PLUGIN_LOAD' ? error.cause : error;
  }
  declarations = core.getHookDeclarations(cls);
  if (parentPort && workerData && workerData.lane && !laneServed) {
    laneServed = true;
    // without the codec (an older @trellis/core) hooks go by message
    serveLane(workerData.lane).catch(() => {});
  }
  return declarations.map((declaration, index) => ({
    index,
    method: String(declaration.method),
    event: declaration.point ? declaration.point.name : declaration.event,
    priority: declaration.options.priority,
    timeout: declaration.options.timeout,
    kinds: declaration.options.kinds,
  }));
}

async function runPhase(phase) {
  const method = instance && instance[phase];
  if (typeof method === 'function') await method.call(instance);
}

async function callHook({ index, value, event, kind }) {
  const declaration = declarations[index];
  let stopped = false;
  let stopValue;
  const ctx = {
    event,
    kind,
    plugin: name,
    signal: new AbortController().signal,
    stop(...given) { stopped = true; stopValue = given[0]; },
  };
  try {
    const result = await instance[declaration.method](value, ctx);
    const answer = stopped && stopValue !== undefined ? stopValue : result;
    // No undefined members: the answer then takes the lane's JSON encoding when its value can.
    return { ...(stopped ? { stop: true } : {}), ...(answer === undefined ? {} : { value: answer }) };
  } catch (error) {
    if (error && error.code === 'TRELLIS_STOP_PROPAGATION') return error.hasValue && error.value !== undefined ? { stop: true, value: error.value } : { stop: true };
    throw error;
  }
}

// The hook lane (worker mode): one hook call at a time through shared memory, with the codec of the
// plugin's @trellis/core (isolation/laneCodec.js). After an answer the worker spins a while for the
// next request when requests came that close together, and yields to its event loop every few
// requests so messages still run. The host uses the lane once told it is served.
const SLOT = ${JSON.stringify(LANE_SLOT)};
const ENCODING = ${JSON.stringify(LANE_ENCODING)};
const SPIN_NS = ${String(LANE_SPIN_NS)}n;
const YIELD_EVERY = 32;

let laneServed = false;
async function serveLane(buffer) {
  const { readLaneValue, writeLaneValue } = await import(new URL('./isolation/laneCodec.js', pathToFileURL(corePath)).href);
  send({ type: 'lane' });
  const header = new Int32Array(buffer, 0, ${String(LANE_HEADER_BYTES / 4)});
  const data = Buffer.from(buffer, ${String(LANE_HEADER_BYTES)});
  let seen = 0;
  let spin = false;
  let answeredAt = 0n;
  let streak = 0;
  for (;;) {
    if (spin) {
      const deadline = answeredAt + SPIN_NS;
      while (Atomics.load(header, SLOT.request) === seen && process.hrtime.bigint() < deadline);
    }
    if (Atomics.load(header, SLOT.request) === seen || ++streak >= YIELD_EVERY) {
      streak = 0;
      const waited = Atomics.waitAsync(header, SLOT.request, seen);
      if (waited.async) await waited.value;
      else await new Promise((resolve) => setImmediate(resolve));
    }
    if (Atomics.load(header, SLOT.closed) === 1) return;
    const seq = Atomics.load(header, SLOT.request);
    if (seq === seen) continue;
    seen = seq;
    spin = process.hrtime.bigint() - answeredAt <= SPIN_NS;
    let reply;
    try {
      reply = { ok: true, value: await callHook(readLaneValue(data, header[SLOT.requestEncoding], header[SLOT.requestLength])) };
    } catch (error) {
      reply = { ok: false, error: describe(error) };
    }
    let written;
    try {
      written = writeLaneValue(data, reply);
    } catch (error) {
      reply = { ok: false, error: { name: String(error && error.name), message: String(error && error.message) } };
      written = writeLaneValue(data, reply);
    }
    if (written === undefined) {
      // Too large for the lane: the answer goes by message, sent before the lane says so.
      try { send({ id: -seq, ...reply }); } catch (error) { send({ id: -seq, ok: false, error: describe(error) }); }
      header[SLOT.responseEncoding] = ENCODING.message;
    } else {
      header[SLOT.responseLength] = written.length;
      header[SLOT.responseEncoding] = written.encoding;
    }
    Atomics.store(header, SLOT.response, seq);
    Atomics.notify(header, SLOT.response);
    answeredAt = process.hrtime.bigint();
  }
}

onMessage(async (message) => {
  const { id, op } = message;
  try {
    let value;
    if (op === 'reply') { settleCall(message); return; }
    if (op === 'release') { releaseCallback(message); return; }
    if (op === 'inspect') value = await inspect(message);
    else if (op === 'callback') value = await runCallback(message);
    else if (op === 'init') value = await init(message);
    else if (op === 'start' || op === 'stop') value = await runPhase(op);
    else if (op === 'hook') value = await callHook(message);
    send({ id, ok: true, value });
  } catch (error) {
    send({ id, ok: false, error: describe(error) });
  }
});
send({ type: 'ready' });
`;
