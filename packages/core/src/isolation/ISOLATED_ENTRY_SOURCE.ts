/**
 * The program an isolated plugin's worker thread or child process runs (ES module source, loaded
 * as a `data:` URL by a worker and with `--input-type=module -e` by a child). It imports
 * `@trellis/core` as resolved from the plugin's own file, builds the plugin in a private manager
 * (its config, a logger whose lines go to the host), and answers the host's requests:
 * `init` (→ hook declarations), `start`, `stop` and `hook` (one `@hook` method, by index). A throw
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

async function init({ file, exportName, plugin, config }) {
  name = plugin;
  const coreRequire = createRequire(file);
  const corePath = coreRequire.resolve('@trellis/core');
  core = await import(pathToFileURL(corePath).href);
  const pino = (await import(pathToFileURL(createRequire(corePath).resolve('pino')).href)).default;
  const logger = pino(
    { level: 'trace', base: undefined, timestamp: false },
    { write: (line) => send({ type: 'log', line }) },
  );
  const namespace = await import(pathToFileURL(file).href);
  const cls = namespace[exportName];
  if (typeof cls !== 'function') throw new Error("export '" + exportName + "' of '" + file + "' is not a plugin class");
  manager = new core.PluginManager({ logger, config: { [plugin]: { ...config, isolation: 'none' } }, onWarning: () => {}, lifecycleTimeout: Infinity, onPluginFailure: 'isolate' });
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
    if (op === 'init') value = await init(message);
    else if (op === 'start' || op === 'stop') value = await runPhase(op);
    else if (op === 'hook') value = await callHook(message);
    send({ id, ok: true, value });
  } catch (error) {
    send({ id, ok: false, error: describe(error) });
  }
});
send({ type: 'ready' });
`;
