/** Pure formatting helpers for simulated time; locale-aware via `Intl`, no runes so they test plainly. */
import type { Locale } from '../engine/schema';
import { numberFormat, relativeTimeFormat } from './intl-cache';

/** The simulated crisis clock as "T+2h 15m" (the same in both languages: it reads like a log stamp). */
export function formatSimClock(minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `T+${rest}m`;
  return rest === 0 ? `T+${h}h` : `T+${h}h ${rest}m`;
}

/** A simulated span ("2h 15m" / "2時間15分") for how long an action takes. */
export function formatSimSpan(minutes: number, locale: Locale): string {
  const h = Math.floor(minutes / 60);
  const m = Math.round(minutes % 60);
  const fmt = (n: number, unit: 'hour' | 'minute') =>
    numberFormat(locale, { style: 'unit', unit, unitDisplay: 'narrow' }).format(n);
  if (h === 0) return fmt(m, 'minute');
  return m === 0 ? fmt(h, 'hour') : `${fmt(h, 'hour')} ${fmt(m, 'minute')}`;
}

/** How long ago (in simulated time) a feed item appeared, relative to the crisis clock. */
export function formatSimAgo(itemClock: number, nowClock: number, locale: Locale): string {
  const diff = Math.max(0, Math.round(nowClock - itemClock));
  const rtf = relativeTimeFormat(locale, { numeric: 'auto', style: 'short' });
  // "now" reads better than "this minute" for an item that just appeared.
  if (diff === 0) return rtf.format(0, 'second');
  if (diff < 60) return rtf.format(-diff, 'minute');
  return rtf.format(-Math.floor(diff / 60), 'hour');
}
