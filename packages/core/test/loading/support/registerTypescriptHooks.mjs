// `node --import` this file to run the workspace's TypeScript sources in plain Node.
import { register } from 'node:module';

register(new URL('./typescriptHooks.mjs', import.meta.url));
