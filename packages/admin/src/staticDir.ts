import { fileURLToPath } from 'node:url';

/** The dashboard's files: `static/` beside `src/` and `dist/` in the package. */
export const staticDir = (): string => fileURLToPath(new URL('../static/', import.meta.url));
