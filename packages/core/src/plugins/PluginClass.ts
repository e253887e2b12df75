/** A plugin class: any constructor (Trellis creates it through the container). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type PluginClass<T extends object = object> = abstract new (...args: any[]) => T;
