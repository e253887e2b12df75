/** Escapes a literal for a Redis glob pattern (`SCAN MATCH`). Internal. */
export const escapeGlob = (literal: string): string => literal.replace(/[\\*?[\]^]/g, '\\$&');
