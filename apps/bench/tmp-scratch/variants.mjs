import { measure } from '/work/main/apps/bench/dist/harness/measure.js';
import { settingsFor } from '/work/main/apps/bench/dist/harness/settings.js';
import { filterHandlers } from '/work/main/apps/bench/dist/cases/handlers.js';
import tapable from 'tapable';
const variant = process.argv[2];
const hs = filterHandlers('sync', 10);
let run;
if (variant === 'params') {
  const lines = hs.map((_, i) => `r = h${i}(v); if (r !== undefined) v = r;`);
  run = new Function(...hs.map((_, i) => `h${i}`), `return function chain(v) { let r; ${lines.join(' ')} return v; };`)(...hs);
} else if (variant === 'params-wrapped') {
  const lines = hs.map((_, i) => `r = h${i}(v); if (r !== undefined) v = r;`);
  const c = new Function(...hs.map((_, i) => `h${i}`), `return function chain(v) { let r; ${lines.join(' ')} return v; };`)(...hs);
  run = (i) => c(i);
} else if (variant === 'array') {
  const lines = hs.map((_, i) => `var f${i} = x[${i}]; r = f${i}(v); if (r !== undefined) v = r;`);
  const f = new Function('x', 'v', `let r; ${lines.join(' ')} return v;`);
  run = (v) => f(hs, v);
} else if (variant === 'this') {
  const lines = hs.map((_, i) => `var f${i} = x[${i}]; r = f${i}(v); if (r !== undefined) v = r;`);
  const obj = { _x: hs, call: new Function('v', `var x = this._x; let r; ${lines.join(' ')} return v;`) };
  run = (v) => obj.call(v);
} else if (variant === 'tapable') {
  const hook = new tapable.SyncWaterfallHook(['value']);
  hs.forEach((h, i) => hook.tap('h' + i, h));
  run = (v) => hook.call(v);
}
const m = await measure({ kind: 'throughput', async: false, run }, settingsFor(true), { slow: false });
console.log(variant, m.median.toFixed(2));
