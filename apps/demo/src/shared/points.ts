import { defineCollect, defineFilter, defineNotify } from '@trellis/core';

/** A user as the demo stores it. */
export interface User {
  username: string;
  email: string;
  valid?: boolean;
  problems?: string[];
}

/** What the login point carries; plugins add to it. */
export interface LoginEvent {
  username: string;
  greeting?: string;
}

/** A user was created. */
export interface UserCreatedEvent {
  id: string;
  username: string;
}

/** One line of the audit trail. */
export interface AuditEntry {
  at: string;
  event: string;
  username: string;
}

/** Filter run before a user is saved: plugins validate and normalise it; a stop with problems refuses it. */
export const BeforeSave = defineFilter<User>('db.before_save', {
  description: 'Validate and normalise a user before it is stored',
});

/** Filter run when a user logs in: plugins add to the login (the greeting). */
export const UserLogin = defineFilter<LoginEvent>('user.login', { description: 'Enrich a login' });

/** Notified after a user is stored. */
export const UserCreated = defineNotify<UserCreatedEvent>('user.created', {
  description: 'A user was stored',
});

/** Collects the audit trail (the audit plugin answers it). */
export const AuditTrail = defineCollect<undefined, readonly AuditEntry[]>('demo.audit.trail', {
  description: 'The audit trail, oldest first',
});
