const FIXES: Readonly<Record<string, string>> = {
  TRELLIS_CONFIG_FILE: 'correct the file at the line and column given',
  TRELLIS_CONFIG_UNKNOWN_KEY: 'rename the key to the one suggested, or remove it',
  TRELLIS_CONFIG_UNKNOWN_PLUGIN: 'check the plugin name in plugins.enabled / plugins.disabled',
  TRELLIS_CONFIG_WORLD_WRITABLE:
    'chmod o-w the config file: anyone on the machine could change what the host loads',
  TRELLIS_CONFIG_AMBIGUOUS: 'keep one trellis.config.* file',
  TRELLIS_MANIFEST_INVALID:
    'correct plugin.json at the JSON path given (the schema is @trellis/loader/schema/plugin.schema.json)',
  TRELLIS_PLUGIN_DISCOVERY: 'fix or remove the module named, or narrow plugins.directories[].pattern',
  TRELLIS_DEPENDENCY_MISSING:
    'register the missing plugin (add it to plugins.directories or packages) or remove the dependency',
  TRELLIS_DEPENDENCY_VERSION: 'install a version of the dependency inside the range, or widen the range',
  TRELLIS_DEPENDENCY_ENGINE:
    "upgrade the host's @trellis/core, or use a plugin version whose engines.trellis allows this one",
  TRELLIS_DEPENDENCY_CYCLE:
    'remove one dependency of the cycle (move shared code into a third plugin both depend on)',
  TRELLIS_PLUGIN_REGISTRATION: 'correct the plugin metadata named in the message',
};

/** The fix to show for a problem code, when the error itself does not carry one. */
export function fixFor(code: string): string {
  return FIXES[code] ?? 'see docs/errors.md for this code';
}
