// src/bench/stats.ts
// Small statistics shared by the benchmark runners.

/** The median of `values` (0 for none): timings on a shared machine are quoted as medians. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
