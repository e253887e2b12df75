export { main } from './main.js';
export { CLI_ERROR_CODES, type CliErrorCode } from './errors/CLI_ERROR_CODES.js';
export { CliError } from './errors/CliError.js';
export type { OutputStreams } from './output/Output.js';
export { PLUGIN_TYPES, type PluginType } from './scaffold/PLUGIN_TYPES.js';
export { toMermaid } from './graph/toMermaid.js';
export { toDot } from './graph/toDot.js';
export type { GraphDocument } from './graph/GraphDocument.js';
