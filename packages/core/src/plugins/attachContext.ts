/** The method through which the manager hands a {@link PluginBase} its context. Internal. */
export const ATTACH_CONTEXT: unique symbol = Symbol('trellis.attachContext');
