// `node --conditions=@trellis/source --import ./register-ts.mjs child.ts` runs a TypeScript child
// process against the workspace sources, with no build step.
import { register } from 'node:module';

register('./ts-hooks.mjs', import.meta.url);
