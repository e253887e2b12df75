const describeError = (error: unknown): { code: string; message: string } | undefined => {
  if (error === undefined || error === null) return undefined;
  try {
    const code =
      typeof error === 'object' && 'code' in error && typeof error.code === 'string' ? error.code : 'ERROR';
    const message =
      error instanceof Error
        ? error.message
        : typeof error === 'string'
          ? error
          : 'a non-Error value was thrown';
    return { code, message };
  } catch {
    return { code: 'ERROR', message: 'an error that could not be described' };
  }
};

/**
 * Turns a lifecycle or plugin-error payload into JSON-safe event data; never throws, whatever a plugin
 * put in it.
 */
export function toEventData(payload: unknown): Record<string, unknown> {
  if (typeof payload !== 'object' || payload === null) return {};
  try {
    const source = payload as Record<string, unknown>;
    const data: Record<string, unknown> = {};
    if (typeof source.pluginName === 'string') data.plugin = source.pluginName;
    if (typeof source.version === 'string') data.version = source.version;
    if (typeof source.event === 'string') data.event = source.event;
    if (Array.isArray(source.plugins)) data.plugins = source.plugins.map(String);
    if (Array.isArray(source.failed)) data.failed = source.failed.map(String);
    const error = describeError(source.error);
    if (error !== undefined) data.error = error;
    return data;
  } catch {
    return {};
  }
}
