/** `wt()`: the workshop screens' translations, on the app's locale rune (see `../../i18n`). */
import { formatNumber, i18n } from '../../i18n/index.svelte';
import { wen, type WorkshopKey, type WorkshopMessages } from './en';
import { wja } from './ja';

export type { WorkshopKey };

const DICTIONARIES: Record<'en' | 'ja', WorkshopMessages> = { en: wen, ja: wja };

/** Translate a workshop key in the current locale, filling `{name}` placeholders. */
export function wt(key: WorkshopKey, params?: Record<string, string | number>): string {
  const template = DICTIONARIES[i18n.locale][key];
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}
