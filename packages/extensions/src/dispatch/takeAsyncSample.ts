import type { PlanSection } from './PlanSection.js';
import { STATS_SAMPLE_EVERY } from './STATS_SAMPLE_EVERY.js';

/**
 * Whether this asynchronous dispatch of a counting section through the plain loops (no generated
 * runner) is one to time in full: dispatches 1, 2, 4, … up to {@link STATS_SAMPLE_EVERY}, then one
 * in that many (as the generated runners).
 */
export function takeAsyncSample(section: PlanSection): boolean {
  if (--section.asyncSampleWait !== 0) return false;
  section.asyncSampleWait = section.asyncSampleEvery;
  if (section.asyncSampleEvery < STATS_SAMPLE_EVERY) section.asyncSampleEvery *= 2;
  return true;
}
