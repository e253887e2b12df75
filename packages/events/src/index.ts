// The plugin and its tokens
export { EventsPlugin } from './plugin/EventsPlugin.js';
export { EVENT_BUS } from './plugin/EVENT_BUS.js';
export { EVENT_TRANSPORT } from './plugin/EVENT_TRANSPORT.js';
export type { EventHandlerPlugin, EventSubscriptionSpec } from './plugin/EventHandlerPlugin.js';

// The bus as plugins see it
export type {
  EventBus,
  EventSubscriptionHandler,
  PublishOptions,
  SubscribeOptions,
  Unsubscribe,
} from './bus/EventBus.js';
export type { EventBusStats, EventCounters } from './bus/EventBusStats.js';

// Envelopes, patterns and transports (for transport implementations)
export type { CloudEvent } from './transport/CloudEvent.js';
export type {
  EventTransport,
  TransportHandler,
  TransportSubscribeOptions,
} from './transport/EventTransport.js';
export { InMemoryTransport } from './transport/InMemoryTransport.js';
export type { InMemoryTransportOptions, SubscriptionInfo } from './transport/InMemoryTransportOptions.js';
export { createCloudEvent } from './envelope/createCloudEvent.js';
export { describeDataProblem } from './envelope/describeDataProblem.js';
export { compileEventPattern } from './patterns/compileEventPattern.js';
export type { EventPatternMatcher } from './patterns/EventPatternMatcher.js';
export { describePatternProblem } from './patterns/describePatternProblem.js';
export { describeEventTypeProblem } from './patterns/describeEventTypeProblem.js';

// Errors
export { EVENTS_ERROR_CODES, type EventsErrorCode } from './errors/EVENTS_ERROR_CODES.js';
export {
  EventValidationError,
  type EventValidationCode,
  type EventValidationErrorOptions,
} from './errors/EventValidationError.js';
export {
  EventDeliveryError,
  type EventDeliveryCode,
  type EventDeliveryErrorOptions,
} from './errors/EventDeliveryError.js';
export { EventsNotReadyError } from './errors/EventsNotReadyError.js';
