// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import {
  detectLocale,
  formatCount,
  i18n,
  initialLocale,
  LOCALE_HINT_KEY,
} from '../../src/ui/i18n/index.svelte';
import { en } from '../../src/ui/i18n/en';
import { ja } from '../../src/ui/i18n/ja';
import SiteHeader from '../../src/ui/components/SiteHeader.svelte';
import LibraryScreen from '../../src/ui/screens/LibraryScreen.svelte';
import { feedDrill, makeApp } from './helpers';

describe('language', () => {
  it('defaults to the browser language when it is one we have', () => {
    expect(detectLocale(['ja-JP', 'en'])).toBe('ja');
    expect(detectLocale(['fr-FR', 'en-GB'])).toBe('en');
    expect(detectLocale(['de'])).toBe('en');
  });

  it('writes counts in messages as Intl does in both languages, without building a formatter', () => {
    const samples = [0, 7, -7, 999, 1000, -1234, 12345, 999999, 1234567, 2 ** 40, 0.5, 1e21];
    for (const locale of ['en', 'ja'] as const) {
      i18n.locale = locale;
      for (const n of samples) expect(formatCount(n)).toBe(new Intl.NumberFormat(locale).format(n));
    }
    i18n.locale = 'en';
  });

  it('starts in the language last chosen on this device, before storage has opened', () => {
    const store = new Map<string, string>();
    const hints = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
    };
    expect(initialLocale(hints, ['en-GB'])).toBe('en');
    store.set(LOCALE_HINT_KEY, 'ja');
    expect(initialLocale(hints, ['en-GB'])).toBe('ja');
    store.set(LOCALE_HINT_KEY, '<script>');
    expect(initialLocale(hints, ['en-GB'])).toBe('en');
    const broken = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {},
    };
    expect(initialLocale(broken, ['ja'])).toBe('ja');
    expect(initialLocale(null, ['fr', 'en'])).toBe('en');
    i18n.locale = 'ja';
    expect(localStorage.getItem(LOCALE_HINT_KEY)).toBe('ja');
    i18n.locale = 'en';
    expect(localStorage.getItem(LOCALE_HINT_KEY)).toBe('en');
  });

  it('has the same keys in both dictionaries, none empty', () => {
    expect(Object.keys(ja).sort()).toEqual(Object.keys(en).sort());
    for (const value of [...Object.values(en), ...Object.values(ja)])
      expect(value.length).toBeGreaterThan(0);
  });

  it('switches the whole UI and the scenario texts at once, and remembers the choice', async () => {
    const t = await makeApp([feedDrill()]);
    render(SiteHeader, { context: t.context });
    render(LibraryScreen, { context: t.context });
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Feed drill' })).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: '日本語' }));
    expect(i18n.locale).toBe('ja');
    expect(document.documentElement.lang).toBe('ja');
    expect(screen.getByRole('heading', { level: 1, name: 'シナリオ' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'フィード訓練' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '履歴' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '日本語' })).toHaveAttribute('aria-pressed', 'true');
    expect((await t.repo.getSettings()).locale).toBe('ja');
    await fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Scenarios' })).toBeInTheDocument();
  });
});
