import { defineFilter, defineNotify } from '@trellis/core';
import type { ServiceRecord } from '../backend/ServiceBackend.js';
import type { ServiceDraft } from './ServiceDraft.js';

/**
 * Filter run before each registration: a handler may return an amended {@link ServiceDraft}, or
 * veto by throwing (the `register()` call then rejects with the handler's reason).
 *
 * @example
 * ```ts
 * @hook('service.pre_register')
 * stamp(draft: ServiceDraft) { return { ...draft, tags: [...draft.tags, 'eu-west'] }; }
 * ```
 */
export const SERVICE_PRE_REGISTER = defineFilter<ServiceDraft>('service.pre_register', {
  description: 'Amend (return a copy) or veto (throw) a service registration',
});

/** Notified after a service was stored, with its {@link ServiceRecord} (including `id` and `owner`). */
export const SERVICE_POST_REGISTER = defineNotify<ServiceRecord>('service.post_register', {
  description: 'A service was registered',
});
