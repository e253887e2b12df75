import type { PlanSection } from './PlanSection.js';
import { STATS_SAMPLE_EVERY } from './STATS_SAMPLE_EVERY.js';

/**
 * Whether this middleware run of a counting section is one to time in full: runs 1, 2, 4, … up to
 * {@link STATS_SAMPLE_EVERY}, then one in that many (as the synchronous runners).
 */
export function takeSample(section: PlanSection): boolean {
  if (--section.sampleWait !== 0) return false;
  section.sampleWait = section.sampleEvery;
  if (section.sampleEvery < STATS_SAMPLE_EVERY) section.sampleEvery *= 2;
  return true;
}
