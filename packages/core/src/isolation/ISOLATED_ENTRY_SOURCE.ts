/**
 * The program an isolated plugin's worker thread or child process runs (ES module source, loaded
 * as a `data:` URL by a worker and with `--input-type=module -e` by a child). It imports
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
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parentPort } from 'node:worker_threads';

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
const calls = new Map();
let nextCallback = 1;
let nextCall = 1;
let corePath;

const isPlain = (value) => { const proto = Object.getPrototypeOf(value); return proto === null || Object.getPrototypeOf(proto) === null; };
const encode = (value, depth) => {
  if (typeof value === 'function') {
    let id = callbackIds.get(value);
    if (id === undefined) { id = nextCallback++; callbackIds.set(value, id); callbacks.set(id, value); }
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
  if (typeof value[FN] === 'number') { const ref = value[FN]; return (...args) => callHost(ref, undefined, args, 'a function returned by ' + label); }
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
async function runCallback({ cb, args }) {
  const callback = callbacks.get(cb);
  if (callback === undefined) throw new Error("Isolated plugin '" + name + "' no longer holds callback " + cb);
  return await callback(...args.map((arg) => decode(arg, 0, 'a callback argument')));
}

async function loadClass(file, exportName) {
  corePath = createRequire(file).resolve('@trellis/core');
  core = await import(pathToFileURL(corePath).href);
  const namespace = await import(pathToFileURL(file).href);
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
    { write: (line) => send({ type: 'log', line }) },
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
  return declarations.map((declaration, index) => ({
    index,
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
    return stopped ? { stop: true, value: stopValue === undefined ? result : stopValue } : { value: result };
  } catch (error) {
    if (error && error.code === 'TRELLIS_STOP_PROPAGATION') return { stop: true, value: error.hasValue ? error.value : undefined };
    throw error;
  }
}

onMessage(async (message) => {
  const { id, op } = message;
  try {
    let value;
    if (op === 'reply') { settleCall(message); return; }
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
