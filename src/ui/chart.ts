/**
 * Geometry of the debrief's timeline chart, as pure functions so it is tested without a DOM and the
 * Svelte component only draws. x: simulated minutes; y: -100…100 (heat and trust use 0…100,
 * sentiment the full range), so all three share one honest axis.
 */
import type { TimelineDecision, TimelineSeriesPoint } from '../engine';

export const SERIES = ['heat', 'trust', 'sentiment'] as const;
export type Series = (typeof SERIES)[number];

export interface ChartLayout {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

export const DEFAULT_LAYOUT: ChartLayout = {
  width: 760,
  height: 300,
  margin: { top: 48, right: 20, bottom: 36, left: 44 },
};

/**
 * A layout for the width the chart actually has, so labels stay at their real pixel size on a
 * phone instead of being scaled down with the whole drawing.
 */
export function layoutFor(width: number): ChartLayout {
  const w = Math.max(300, Math.min(1200, Math.round(width)));
  return { ...DEFAULT_LAYOUT, width: w, height: w < 560 ? 240 : 300 };
}

/** Marker labels closer than this (px) are staggered onto a second row so they never overlap. */
const MARKER_GAP = 24;

export interface ChartGeometry {
  x(clock: number): number;
  y(value: number): number;
  maxClock: number;
  lines: Record<Series, string>;
  xTicks: { clock: number; x: number }[];
  yTicks: { value: number; y: number }[];
  markers: { n: number; x: number; row: 0 | 1; decision: TimelineDecision }[];
  plot: { left: number; right: number; top: number; bottom: number };
}

/** A tick step (in minutes) that gives about five ticks: 15 min, 30 min, 1 h, 2 h, 6 h, 12 h, 1 day... */
export function tickStep(maxClock: number): number {
  const steps = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080];
  return steps.find((s) => maxClock / s <= 6) ?? 10080;
}

/** Compute scales, polylines, ticks and decision markers for a timeline. */
export function chartGeometry(
  points: readonly TimelineSeriesPoint[],
  decisions: readonly TimelineDecision[],
  layout: ChartLayout = DEFAULT_LAYOUT,
): ChartGeometry {
  const { width, height, margin } = layout;
  const plot = {
    left: margin.left,
    right: width - margin.right,
    top: margin.top,
    bottom: height - margin.bottom,
  };
  const maxClock = Math.max(1, ...points.map((p) => p.clock), ...decisions.map((d) => d.clock));
  const x = (clock: number) => plot.left + (clock / maxClock) * (plot.right - plot.left);
  const y = (value: number) => plot.bottom - ((value + 100) / 200) * (plot.bottom - plot.top);
  const line = (s: Series) =>
    points.map((p) => `${x(p.clock).toFixed(1)},${y(p[s]).toFixed(1)}`).join(' ');
  const step = tickStep(maxClock);
  const xTicks: { clock: number; x: number }[] = [];
  for (let c = 0; c <= maxClock; c += step) xTicks.push({ clock: c, x: x(c) });
  const yTicks = [-100, -50, 0, 50, 100].map((value) => ({ value, y: y(value) }));
  const markers: ChartGeometry['markers'] = [];
  for (const [i, decision] of decisions.entries()) {
    const mx = x(decision.clock);
    const prev = markers[markers.length - 1];
    const row: 0 | 1 = prev && mx - prev.x < MARKER_GAP && prev.row === 0 ? 1 : 0;
    markers.push({ n: i + 1, x: mx, row, decision });
  }
  return {
    x,
    y,
    maxClock,
    lines: { heat: line('heat'), trust: line('trust'), sentiment: line('sentiment') },
    xTicks,
    yTicks,
    markers,
    plot,
  };
}
