/**
 * The UI's i18n layer: a tiny typed dictionary per locale (`en.ts`, `ja.ts`) and a `t()` that reads
 * the current locale from a rune, so every template re-renders when the language changes.
 *
 * Why not Paraglide or typesafe-i18n: the app has two locales and a few hundred short strings.
 * A plain object typed by `Messages` gives the same guarantee that matters — a missing or misspelt
 * key in either language is a compile error — with zero dependencies, no build step and no
 * generated code to keep in sync. Plural rules are not needed for these strings; numbers and
 * dates go through `Intl`, which knows both locales.
 */
import type { LocalText, Locale } from '../../engine/schema';
import { en, type MessageKey, type Messages } from './en';
import { ja } from './ja';
import { dateTimeFormat, numberFormat } from '../intl-cache';

export type { MessageKey, Messages };

const DICTIONARIES: Record<Locale, Messages> = { en, ja };

/** The locale the browser prefers, if it is one we have; English otherwise. */
export function detectLocale(
  languages: readonly string[] = globalThis.navigator?.languages ?? [],
): Locale {
  for (const lang of languages) {
    const base = lang.toLowerCase().split('-')[0];
    if (base === 'ja' || base === 'en') return base;
  }
  return 'en';
}

/**
 * Where the last chosen language is mirrored for the next start. The setting itself lives in the
 * repository (IndexedDB), which opens after the first paint; this synchronous copy lets the first
 * paint already use it, so a Japanese team on a borrowed English laptop does not see the library
 * flash in English. It is only a hint: the repository's setting wins once it is read.
 */
export const LOCALE_HINT_KEY = 'firebreak.locale';

/** The subset of `Storage` the hint uses (tests pass a map). */
export type HintStore = Pick<Storage, 'getItem' | 'setItem'>;

function hintStore(): HintStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage disabled by the browser's privacy settings: there is no hint, only the setting.
    return null;
  }
}

/** The language to start in: the mirrored choice if there is one, else the browser's. */
export function initialLocale(
  store: HintStore | null = hintStore(),
  languages?: readonly string[],
): Locale {
  const hint = readHint(store);
  return hint === 'ja' || hint === 'en' ? hint : detectLocale(languages);
}

function readHint(store: HintStore | null): string | null {
  try {
    return store?.getItem(LOCALE_HINT_KEY) ?? null;
  } catch {
    // A store that refuses reads is a store with no hint.
    return null;
  }
}

let current = $state<Locale>(initialLocale());

/** The current UI locale. Setting it re-renders every `t()` call and updates `<html lang>`. */
export const i18n = {
  get locale(): Locale {
    return current;
  },
  set locale(value: Locale) {
    current = value;
    if (typeof document !== 'undefined') document.documentElement.lang = value;
    try {
      hintStore()?.setItem(LOCALE_HINT_KEY, value);
    } catch {
      // Quota or privacy settings: the repository still saves the setting and reports failures;
      // only the next start's first paint falls back to the browser language.
    }
  },
};

/** Translate a key, filling `{name}` placeholders from `params`. */
export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[current][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatCount(value) : value;
  });
}

/**
 * An integer as both our locales write it (digits grouped by three with commas: "1,234"), without
 * `Intl`: the first `Intl.NumberFormat` a page builds loads ICU's number data, about 20 ms of main
 * thread on a laptop, and the library screen's counts are the only numbers on the first paint.
 * Non-integers go through `Intl`.
 */
export function formatCount(value: number): string {
  if (!Number.isSafeInteger(value)) return formatNumber(value);
  const digits = String(Math.abs(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return value < 0 ? `-${digits}` : digits;
}

/** A scenario's text in the current locale, falling back to the other language if it is missing. */
export function lt(text: LocalText | null | undefined): string {
  if (!text) return '';
  return text[current] ?? text.en ?? text.ja ?? '';
}

/** A number formatted for the current locale. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(current, options).format(value);
}

/** A compact number (12K / 1.2万) for engagement counts. */
export function formatCompact(value: number): string {
  return numberFormat(current, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

/** A real date-time (epoch ms or ISO) in the current locale. */
export function formatDateTime(value: number | string): string {
  return dateTimeFormat(current, { dateStyle: 'medium', timeStyle: 'short' }).format(
    typeof value === 'string' ? Date.parse(value) : value,
  );
}

/** A real duration in ms as minutes and seconds ("3 min 20 s" / "3分20秒"). */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  const unit = (n: number, u: 'minute' | 'second') =>
    numberFormat(current, { style: 'unit', unit: u, unitDisplay: 'narrow' }).format(n);
  return m > 0 ? `${unit(m, 'minute')} ${unit(s, 'second')}` : unit(s, 'second');
}
