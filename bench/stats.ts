// Small numeric helpers for the generation benchmark's figures.

/** Nearest-rank percentile (p in 0–100) of the values; null when there are none. */
export const percentile = (values: readonly number[], p: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
};

export const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

export const roundOrNull = (value: number | null, digits = 2): number | null => (value === null ? null : round(value, digits));

export const latencySummary = (values: readonly number[]) => ({
  samples: values.length,
  p50Ms: percentile(values, 50),
  p99Ms: percentile(values, 99),
  maxMs: values.length === 0 ? null : Math.max(...values),
});
