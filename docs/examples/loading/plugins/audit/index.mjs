// The main module of a plugin folder: imported only after plugin.json validated.
import { definePlugin } from '@trellis/core';

export const Audit = definePlugin({
  name: 'audit',
  version: '2.1.0',
  dependencies: { hello: '^1.0.0' },
  hooks: [
    {
      on: 'greet',
      priority: 'low',
      handler(lines) {
        return [...lines, `(${String(lines.length)} greeted)`];
      },
    },
  ],
});
