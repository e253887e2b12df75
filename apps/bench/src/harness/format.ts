import type { DisplayUnit } from './types.js';

const DIVISORS: Record<DisplayUnit, number> = { ns: 1, µs: 1e3, ms: 1e6, B: 1 };

/** A stored value (ns, or bytes) in the case's display unit, with sensible precision. */
export function formatValue(value: number, unit: DisplayUnit): string {
  const scaled = value / DIVISORS[unit];
  const abs = Math.abs(scaled);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  return scaled.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

export function formatWithUnit(value: number, unit: DisplayUnit): string {
  return `${formatValue(value, unit)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 10 ? ratio.toFixed(1) : ratio.toFixed(2)}x`;
}
