/**
 * The version of Trellis this host runs (the version of `@trellis/core`); `engines.trellis`
 * ranges are checked against it.
 */
export const TRELLIS_VERSION = '1.0.0';
