import { runDemo } from './demo.js';

const level = process.env.TRELLIS_LOG_LEVEL;
await runDemo({
  out: (line) => {
    console.log(line);
  },
  logger: level ? { level } : false,
});
