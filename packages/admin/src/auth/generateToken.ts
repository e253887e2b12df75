import { randomBytes } from 'node:crypto';

/** A fresh random admin token (32 bytes, base64url). */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}
