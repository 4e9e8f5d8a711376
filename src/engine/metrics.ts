/**
 * The public-reaction model's metrics. Kept in a module of its own (no zod) so the schema, the
 * model and the UI gauges all agree on names and ranges.
 */
export const METRICS = ['heat', 'sentiment', 'reach', 'trust', 'media'] as const;
export type Metric = (typeof METRICS)[number];

/** A snapshot of public reaction. `reach` is people reached; the rest are points. */
export type ModelState = Record<Metric, number>;

/** Inclusive range of each metric; `reach` has no meaningful upper bound. */
export const METRIC_RANGE: Record<Metric, readonly [number, number]> = {
  heat: [0, 100],
  sentiment: [-100, 100],
  reach: [0, 1_000_000_000],
  trust: [0, 100],
  media: [0, 100],
};

/** Clamp a metric into its range and round it, so states compare and serialise exactly. */
export function clampMetric(metric: Metric, value: number): number {
  const [lo, hi] = METRIC_RANGE[metric];
  const v = Number.isFinite(value) ? value : lo;
  const rounded = metric === 'reach' ? Math.round(v) : Math.round(v * 10) / 10;
  return Math.min(hi, Math.max(lo, rounded));
}

/** Clamp every metric of a state (returns a new object). */
export function clampState(state: ModelState): ModelState {
  const out = {} as ModelState;
  for (const m of METRICS) out[m] = clampMetric(m, state[m]);
  return out;
}
