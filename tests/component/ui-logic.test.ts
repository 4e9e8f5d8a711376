// Pure UI logic (no DOM): routing, simulated-time formatting, chart geometry, countdown
// announcements, start-up ordering.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from '../../src/ui/after-paint';
import { chartGeometry, tickStep } from '../../src/ui/chart';
import { createManualClock } from '../../src/ui/clock';
import { formatSimClock } from '../../src/ui/format';
import { hrefFor, parseHash, type Route } from '../../src/ui/router.svelte';
import { announcementFor } from '../../src/ui/run-controller.svelte';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'library' },
    { name: 'briefing', id: 'billing-error' },
    { name: 'run', runId: 'abc123' },
    { name: 'debrief', runId: 'abc123' },
    { name: 'history' },
    { name: 'compare', a: 'x1', b: 'y2' },
    { name: 'settings' },
  ];
  it('round-trips every screen', () => {
    for (const route of routes) expect(parseHash(hrefFor(route))).toEqual(route);
  });
  it('treats unknown or malformed hashes as not found, never throwing', () => {
    expect(parseHash('')).toEqual({ name: 'library' });
    expect(parseHash('#/nope').name).toBe('not-found');
    expect(parseHash('#/run/%E0%A4%A').name).toBe('not-found');
    expect(parseHash('#/scenario/<script>').name).toBe('not-found');
  });
});

describe('simulated clock', () => {
  it('reads like a log stamp', () => {
    expect(formatSimClock(0)).toBe('T+0m');
    expect(formatSimClock(135)).toBe('T+2h 15m');
    expect(formatSimClock(120)).toBe('T+2h');
  });
});

describe('countdown announcements', () => {
  it('announce only at thresholds', () => {
    expect(announcementFor(null)).toBeNull();
    expect(announcementFor(90)).toBeNull();
    expect(announcementFor(45)).toBe(60);
    expect(announcementFor(29)).toBe(30);
    expect(announcementFor(9)).toBe(10);
    expect(announcementFor(1)).toBe(5);
  });
});

describe('timeline chart geometry', () => {
  const point = (clock: number, heat: number) => ({
    clock,
    nodeId: 'n',
    heat,
    trust: 50,
    sentiment: -20,
    reach: 1,
    media: 1,
  });
  it('maps clock to x and -100…100 to y inside the plot, with markers per decision', () => {
    const g = chartGeometry(
      [point(0, 40), point(120, 80)],
      [{ seq: 1, clock: 60, nodeId: 'n', choiceId: 'c', label: { en: 'C' } }],
    );
    expect(g.x(0)).toBe(g.plot.left);
    expect(g.x(120)).toBe(g.plot.right);
    expect(g.y(100)).toBe(g.plot.top);
    expect(g.y(-100)).toBe(g.plot.bottom);
    expect(g.lines.heat.split(' ')).toHaveLength(2);
    expect(g.markers).toEqual([
      expect.objectContaining({ n: 1, x: (g.plot.left + g.plot.right) / 2 }),
    ]);
  });
  it('staggers decision markers that would overlap', () => {
    const d = (seq: number, clock: number) => ({
      seq,
      clock,
      nodeId: 'n',
      choiceId: 'c',
      label: { en: 'C' },
    });
    const g = chartGeometry([point(0, 40), point(1000, 80)], [d(1, 360), d(2, 365), d(3, 900)]);
    expect(g.markers.map((m) => m.row)).toEqual([0, 1, 0]);
  });

  it('picks readable tick steps', () => {
    expect(tickStep(90)).toBe(15);
    expect(tickStep(240)).toBe(60);
    expect(tickStep(60 * 24 * 3)).toBe(720);
  });
});

describe('manual clock', () => {
  it('fires due timers in order as time advances', () => {
    const clock = createManualClock(0);
    const fired: number[] = [];
    clock.setTimeout(() => fired.push(2), 200);
    clock.setTimeout(() => fired.push(1), 100);
    const h = clock.setTimeout(() => fired.push(3), 150);
    clock.clearTimeout(h);
    clock.advance(250);
    expect(fired).toEqual([1, 2]);
    expect(clock.now()).toBe(250);
  });
});

describe('start-up work after the first paint', () => {
  /** A stand-in for the browser's paint timing: `paint()` reports first-contentful-paint. */
  function fakePaintTiming() {
    const observers: Array<(list: { getEntriesByName(n: string): unknown[] }) => void> = [];
    let painted = false;
    class FakeObserver {
      static supportedEntryTypes = ['paint'];
      constructor(cb: (list: { getEntriesByName(n: string): unknown[] }) => void) {
        observers.push(cb);
      }
      observe() {}
      disconnect() {
        observers.length = 0;
      }
    }
    vi.stubGlobal('PerformanceObserver', FakeObserver);
    vi.spyOn(performance, 'getEntriesByName').mockImplementation((name: string) =>
      painted && name === 'first-contentful-paint' ? ([{}] as PerformanceEntryList) : [],
    );
    return {
      paint() {
        painted = true;
        for (const cb of [...observers])
          cb({ getEntriesByName: (n) => (n === 'first-contentful-paint' ? [{}] : []) });
      },
    };
  }

  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
    vi.useRealTimers();
  });

  it('waits for the first contentful paint, then runs once in the next task', () => {
    vi.useFakeTimers();
    const timing = fakePaintTiming();
    const fn = vi.fn();
    afterFirstPaint(fn);
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
    timing.paint();
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(5000);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs anyway in a tab that never paints (opened in the background)', () => {
    vi.useFakeTimers();
    fakePaintTiming();
    const fn = vi.fn();
    afterFirstPaint(fn, 1000);
    vi.advanceTimersByTime(999);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('runs in the next task when the page has painted already or paint timing is missing', () => {
    vi.useFakeTimers();
    const timing = fakePaintTiming();
    timing.paint();
    const fn = vi.fn();
    afterFirstPaint(fn);
    vi.advanceTimersByTime(0);
    expect(fn).toHaveBeenCalledTimes(1);
    vi.stubGlobal('PerformanceObserver', undefined);
    const other = vi.fn();
    afterFirstPaint(other);
    vi.advanceTimersByTime(0);
    expect(other).toHaveBeenCalledTimes(1);
  });
});
