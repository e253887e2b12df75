// `node --conditions=@trellis/source --import <this file> child.ts` runs a TypeScript child on the
// workspace's sources, with no build (see ./hooks.mjs).
import { register } from 'node:module';

register(new URL('./hooks.mjs', import.meta.url));
