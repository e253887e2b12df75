// Errors
export { TrellisError, type TrellisErrorOptions } from './errors/TrellisError.js';
export { ValidationError, type ValidationErrorOptions } from './errors/ValidationError.js';
export { HookError, type HookErrorOptions } from './errors/HookError.js';
export { HookTimeoutError, type HookTimeoutErrorOptions } from './errors/HookTimeoutError.js';
export { HookAggregateError, type HookAggregateErrorOptions } from './errors/HookAggregateError.js';
export { HookRecursionError, type HookRecursionErrorOptions } from './errors/HookRecursionError.js';
export { StopPropagation } from './errors/StopPropagation.js';
export { describeValue } from './errors/describeValue.js';
export { EXTENSION_ERROR_CODES } from './errors/EXTENSION_ERROR_CODES.js';
export type { ExtensionErrorCode } from './errors/ExtensionErrorCode.js';
export type { TrellisErrorCodes, TrellisErrorCode, KnownErrorCode } from './errors/TrellisErrorCodes.js';

// Extension points
export type {
  PointKind,
  ExtensionPoint,
  FilterPoint,
  NotifyPoint,
  CollectPoint,
  MiddlewarePoint,
  AnyExtensionPoint,
  DefinePointOptions,
  PointMode,
} from './points/ExtensionPoint.js';
export { defineFilter } from './points/defineFilter.js';
export { defineNotify } from './points/defineNotify.js';
export { defineCollect } from './points/defineCollect.js';
export { defineMiddleware } from './points/defineMiddleware.js';

// Handlers
export { PRIORITIES, type Priority } from './handlers/Priority.js';
export type { HookContext } from './handlers/HookContext.js';
export type { HookOptions } from './handlers/HookOptions.js';
export type {
  FilterHandler,
  NotifyHandler,
  CollectHandler,
  MiddlewareHandler,
} from './handlers/handlerTypes.js';

// Registry
export { ExtensionRegistry } from './registry/ExtensionRegistry.js';
export type { EventHandler } from './registry/EventHandler.js';
export type { AnyFunction } from './registry/AnyFunction.js';
export type { Unsubscribe } from './registry/Unsubscribe.js';
export { ERROR_STRATEGIES, type ErrorStrategy } from './registry/ErrorStrategy.js';
export type { HookLogger } from './registry/HookLogger.js';
export type { RegistryOptions } from './registry/RegistryOptions.js';
export type { RegistryWarning, RegistryWarningCode } from './registry/RegistryWarning.js';
export type { DispatchOptions, NotifyAsyncOptions } from './registry/DispatchOptions.js';
export type { PointDescription, HandlerDescription } from './registry/PointDescription.js';
export type { HandlerStats } from './registry/HandlerStats.js';
export { PLUGIN_ERROR_EVENT } from './registry/PLUGIN_ERROR_EVENT.js';
export type { PluginErrorPayload } from './registry/PluginErrorPayload.js';

// Decorators
export { hook } from './decorators/hook.js';
export { getHookDeclarations } from './decorators/getHookDeclarations.js';
export type { HookDeclaration } from './decorators/HookDeclaration.js';
