/** The config file names `loadConfig` looks for, in this order (the first found is used). */
export const CONFIG_FILE_NAMES: readonly string[] = Object.freeze([
  'trellis.config.json',
  'trellis.config.yaml',
  'trellis.config.yml',
  'trellis.config.toml',
  'trellis.config.mjs',
  'trellis.config.js',
]);
