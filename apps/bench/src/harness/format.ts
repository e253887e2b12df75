import type { DisplayUnit } from './types.js';

const DIVISORS: Record<DisplayUnit, number> = { ns: 1, µs: 1e3, ms: 1e6, B: 1 };

/** A stored value (ns, or bytes) in the case's display unit, with sensible precision. */
export function formatValue(value: number, unit: DisplayUnit): string {
  const scaled = value / DIVISORS[unit];
  const abs = Math.abs(scaled);
  if (abs >= 100 || abs === 0) return scaled.toLocaleString('en-US', { maximumFractionDigits: 0 });
  // Three significant digits below 100 (0.00312 ms stays readable instead of rounding to 0.00).
  return scaled.toLocaleString('en-US', { maximumSignificantDigits: 3, minimumSignificantDigits: 3 });
}

export function formatWithUnit(value: number, unit: DisplayUnit): string {
  return `${formatValue(value, unit)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}
