import { defineFilter, defineNotify } from '@trellis/core';

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
  roles?: string[];
}

/** Filter point run before a user is saved: plugins validate and normalise the record. */
export const BeforeSave = defineFilter<User>('db.before_save', {
  description: 'Validate and normalise a user before it is stored',
});

/** Filter point run when a user logs in: plugins enrich the login. */
export const UserLogin = defineFilter<LoginEvent>('user.login', { description: 'Enrich a login' });

/** Notify point broadcast when a user logs out. */
export const UserLogout = defineNotify<{ username: string }>('user.logout', {
  description: 'A user logged out',
});
