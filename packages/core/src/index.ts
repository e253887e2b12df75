import 'reflect-metadata';

// Re-exported from @trellis/extensions, so hosts and plugins import from one place.
export {
  TrellisError,
  ValidationError,
  HookError,
  HookTimeoutError,
  HookAggregateError,
  HookRecursionError,
  StopPropagation,
  describeValue,
  EXTENSION_ERROR_CODES,
  defineFilter,
  defineNotify,
  defineCollect,
  defineMiddleware,
  PRIORITIES,
  ExtensionRegistry,
  ERROR_STRATEGIES,
  PLUGIN_ERROR_EVENT,
  hook,
  getHookDeclarations,
} from '@trellis/extensions';
export type {
  TrellisErrorCodes,
  TrellisErrorCode,
  KnownErrorCode,
  ExtensionErrorCode,
  TrellisErrorOptions,
  ValidationErrorOptions,
  HookErrorOptions,
  HookTimeoutErrorOptions,
  HookAggregateErrorOptions,
  HookRecursionErrorOptions,
  PointKind,
  ExtensionPoint,
  FilterPoint,
  NotifyPoint,
  CollectPoint,
  MiddlewarePoint,
  AnyExtensionPoint,
  DefinePointOptions,
  PointMode,
  Priority,
  HookContext,
  HookOptions,
  FilterHandler,
  NotifyHandler,
  CollectHandler,
  MiddlewareHandler,
  EventHandler,
  AnyFunction,
  Unsubscribe,
  ErrorStrategy,
  HookLogger,
  RegistryOptions,
  RegistryWarning,
  RegistryWarningCode,
  DispatchOptions,
  NotifyAsyncOptions,
  PointDescription,
  HandlerDescription,
  HandlerStats,
  PluginErrorPayload,
  HookDeclaration,
} from '@trellis/extensions';

// Dependency injection (inversify), so plugins need no direct import of it.
export { inject, injectable, multiInject, optional, postConstruct, preDestroy, unmanaged } from 'inversify';
export type { Newable, ServiceIdentifier } from 'inversify';

// Plugins
export { plugin } from './plugins/plugin.js';
export {
  definePlugin,
  type DefinePluginSpec,
  type DefinedHook,
  type DefinedPluginClass,
  type InjectMap,
  type Injected,
} from './plugins/definePlugin.js';
export { PluginBase } from './plugins/PluginBase.js';
export { isPluginClass } from './plugins/isPluginClass.js';
export { getPluginOptions } from './plugins/getPluginOptions.js';
export { PLUGIN_NAME_PATTERN } from './plugins/PLUGIN_NAME_PATTERN.js';
export type { PluginClass } from './plugins/PluginClass.js';
export type {
  DependencySpec,
  PluginMetadata,
  PluginOptions,
  ProviderDefinition,
  ProviderScope,
} from './plugins/PluginOptions.js';

// Tokens and context
export { createToken } from './tokens/createToken.js';
export { TOKENS } from './context/TOKENS.js';
export type { Token, TokenType } from './tokens/Token.js';
export type { PluginContext } from './context/PluginContext.js';
export type { PluginHookOptions } from './context/PluginHookOptions.js';
export type { HookHandler, HookTarget } from './context/HookTarget.js';
export type { Logger } from './logging/Logger.js';
export type { TrellisWarning } from './logging/TrellisWarning.js';

// Config
export type { ConfigFieldSchema, ConfigFieldType, ConfigSchema } from './config/ConfigSchema.js';
export type { PluginConfig } from './config/PluginConfig.js';
export type { ConfigFieldValue, ConfigOf } from './config/ConfigOf.js';
export type { PluginConfigSchema } from './config/PluginConfigSchema.js';

// Manager and lifecycle
export { PluginManager } from './manager/PluginManager.js';
export type { RegisterOptions } from './lifecycle/RegisterOptions.js';
export type { PluginManagerOptions } from './manager/PluginManagerOptions.js';
export type { PluginFailureMode } from './lifecycle/PluginFailureMode.js';
export type { ShutdownHooksOptions } from './manager/ShutdownHooksOptions.js';
export type { PluginDescriptor, PluginGraph, PluginStatus } from './lifecycle/PluginStatus.js';
export type { PluginState } from './model/PluginState.js';
export type { AppLifecycleEvent, PluginLifecycleEvent } from './lifecycle/LIFECYCLE_EVENTS.js';
export type {
  LoadReport,
  PluginFailure,
  ReloadReport,
  StartReport,
  StopReport,
} from './lifecycle/reports.js';
export { TRELLIS_VERSION } from './version.js';

// Errors
export { ERROR_CODES } from './errors/ERROR_CODES.js';
export type { CoreErrorCode } from './errors/CoreErrorCode.js';
export {
  PluginRegistrationError,
  type PluginRegistrationErrorOptions,
} from './errors/PluginRegistrationError.js';
export { PluginNotFoundError } from './errors/PluginNotFoundError.js';
export { PluginLoadError, type PluginLoadErrorOptions } from './errors/PluginLoadError.js';
export { PluginDiscoveryError, type PluginDiscoveryErrorOptions } from './errors/PluginDiscoveryError.js';
export {
  DependencyError,
  type DependencyErrorCode,
  type DependencyErrorOptions,
} from './errors/DependencyError.js';
export { ConfigValidationError, type ConfigProblem } from './errors/ConfigValidationError.js';
export { LifecycleTimeoutError, type LifecycleTimeoutErrorOptions } from './errors/LifecycleTimeoutError.js';
export { StartupError } from './errors/StartupError.js';
export { PluginStateError, type PluginStateErrorOptions } from './errors/PluginStateError.js';
export { LifecycleReentryError, type LifecycleReentryErrorOptions } from './errors/LifecycleReentryError.js';
export { TransportError, type TransportErrorOptions } from './errors/TransportError.js';
export type { LifecyclePhase } from './errors/LifecyclePhase.js';

// Isolation and permissions
export {
  IsolationError,
  type IsolationErrorOptions,
  type IsolationFailureReason,
} from './isolation/IsolationError.js';
export type {
  IsolationMode,
  IsolationLimits,
  IsolationOptions,
  RestartPolicy,
} from './isolation/IsolationSettings.js';
export { PermissionError, type PermissionErrorOptions } from './permissions/PermissionError.js';
export type { PermissionChecker, PermissionDenial } from './permissions/PermissionChecker.js';
export { Permissions, type PermissionGrants } from './permissions/Permissions.js';
export { matchPermission } from './permissions/matchPermission.js';
export { PERMISSION_DENIED_EVENT } from './permissions/PERMISSION_DENIED_EVENT.js';

// Loading: plugins from files, packages, URIs and config files (re-exported from @trellis/loader)
export {
  LoaderError,
  ManifestError,
  UriError,
  ConfigFileError,
  LOADER_ERROR_CODES,
  scanDirectory,
  MANIFEST_FILE,
  defaultPluginPattern,
  hasTypeScriptLoader,
  importModule,
  readManifest,
  ManifestValidator,
  readManifestSchema,
  discoverPackages,
  parseUri,
  loadFromUri,
  loadFromUriDetailed,
  mergeGroups,
  loadGroups,
  loadConfig,
  CONFIG_FILE_NAMES,
  readConfigSchema,
  watchFiles,
} from '@trellis/loader';
export type {
  LoaderErrorOptions,
  UriErrorOptions,
  LoaderErrorCode,
  LoaderWarning,
  WarningListener,
  ScanOptions,
  ScanResult,
  ImportModuleOptions,
  ReadManifestOptions,
  ManifestProblem,
  ManifestInfo,
  ManifestRoute,
  PluginManifest,
  DiscoverPackagesOptions,
  DiscoveredPackage,
  PluginUri,
  LoadFromUriOptions,
  LoadedUri,
  UriGroups,
  LoadConfigOptions,
  LoadedConfig,
  ConfigFormat,
  DirectoryConfig,
  PluginsConfig,
  TrellisConfig,
  FileWatcher,
  WatchFilesOptions,
} from '@trellis/loader';
export type { DiscoverOptions } from './loading/DiscoverOptions.js';
export type { PluginSourceInfo } from './loading/PluginSourceInfo.js';
export type { FileReloadReport } from './loading/FileReloadReport.js';
export type { PluginWatcher, WatchOptions } from './loading/WatchOptions.js';
export { createHost } from './manager/createHost.js';
export type { CreateHostOptions } from './manager/CreateHostOptions.js';
