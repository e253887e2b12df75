/** How a series dispatch combines handler results: filter (waterfall), notify (ignore), collect (gather). */
export const enum SeriesMode {
  Filter = 0,
  Notify = 1,
  Collect = 2,
}
