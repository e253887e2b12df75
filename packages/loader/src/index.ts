// Errors
export { LoaderError, type LoaderErrorOptions } from './errors/LoaderError.js';
export { ManifestError } from './errors/ManifestError.js';
export { UriError, type UriErrorOptions } from './errors/UriError.js';
export { ConfigFileError } from './errors/ConfigFileError.js';
export { LOADER_ERROR_CODES, type LoaderErrorCode } from './errors/LOADER_ERROR_CODES.js';
export type { LoaderWarning, WarningListener } from './errors/LoaderWarning.js';

// Directories
export { scanDirectory, MANIFEST_FILE } from './discovery/scanDirectory.js';
export type { ScanOptions } from './discovery/ScanOptions.js';
export type { ScanResult } from './discovery/ScanResult.js';
export { defaultPluginPattern } from './discovery/defaultPluginPattern.js';
export { hasTypeScriptLoader } from './discovery/hasTypeScriptLoader.js';
export { importModule, type ImportModuleOptions } from './modules/importModule.js';

// Manifests
export { readManifest, type ReadManifestOptions } from './manifest/readManifest.js';
export { ManifestValidator, readManifestSchema, type ManifestProblem } from './manifest/ManifestValidator.js';
export type { ManifestInfo, ManifestRoute, PluginManifest } from './manifest/PluginManifest.js';

// Packages
export { discoverPackages, type DiscoverPackagesOptions } from './packages/discoverPackages.js';
export type { DiscoveredPackage } from './packages/DiscoveredPackage.js';

// URIs and groups
export { parseUri } from './uri/parseUri.js';
export type { PluginUri } from './uri/PluginUri.js';
export {
  loadFromUri,
  loadFromUriDetailed,
  type LoadFromUriOptions,
  type LoadedUri,
} from './uri/loadFromUri.js';
export { mergeGroups, type UriGroups } from './uri/mergeGroups.js';
export { loadGroups } from './uri/loadGroups.js';

// Config files
export { loadConfig, type LoadConfigOptions, type LoadedConfig } from './config/loadConfig.js';
export { CONFIG_FILE_NAMES } from './config/CONFIG_FILE_NAMES.js';
export { readConfigSchema } from './config/ConfigValidator.js';
export type { ConfigFormat } from './config/parseConfigText.js';
export type { DirectoryConfig, PluginsConfig, TrellisConfig } from './config/TrellisConfig.js';

// Watching
export { watchFiles, type FileWatcher, type WatchFilesOptions } from './watch/watchFiles.js';
