// A plugin module found by discovery: any module matching *.plugin.{js,mjs} that exports a plugin.
import { definePlugin } from '@trellis/core';

export default definePlugin({
  name: 'hello',
  version: '1.0.0',
  config: { greeting: { type: 'string', default: 'Hello' } },
  hooks: [
    {
      on: 'greet',
      handler(names) {
        return names.map((name) => `${this.greeting ?? 'Hello'}, ${name}`);
      },
    },
  ],
  initialize(ctx) {
    this.greeting = ctx.config.get('greeting', 'Hello');
  },
});
