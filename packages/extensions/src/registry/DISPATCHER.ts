import type { PointKind } from '../points/ExtensionPoint.js';

/** The dispatch method(s) of each point kind, as named in error messages. */
export const DISPATCHER: Readonly<Record<PointKind, string>> = {
  filter: 'registry.filter() or filterAsync()',
  notify: 'registry.notify() or notifyAsync()',
  collect: 'registry.collect() or collectAsync()',
  middleware: 'registry.run()',
};
