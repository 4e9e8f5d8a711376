/** Filtering and searching the scenario library (pure; tested without a DOM). */
import type { CatalogEntry } from 'virtual:scenario-catalog';

export interface LibraryFilter {
  query: string;
  crisisType: CatalogEntry['crisisType'] | '';
  audience: CatalogEntry['audience'] | '';
  difficulty: CatalogEntry['difficulty'] | '';
}

export const EMPTY_FILTER: LibraryFilter = {
  query: '',
  crisisType: '',
  audience: '',
  difficulty: '',
};

const DIFFICULTY_ORDER = { introductory: 0, intermediate: 1, advanced: 2 } as const;

/**
 * The entries that match: every filter must hold, and every word of the query must appear in the
 * title or summary in either language (a Japanese trainee may search an English title, and back).
 */
export function filterLibrary<T extends CatalogEntry>(
  entries: readonly T[],
  filter: LibraryFilter,
): T[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries
    .filter((e) => !filter.crisisType || e.crisisType === filter.crisisType)
    .filter((e) => !filter.audience || e.audience === filter.audience)
    .filter((e) => !filter.difficulty || e.difficulty === filter.difficulty)
    .filter((e) => {
      if (words.length === 0) return true;
      const hay = [e.title.ja, e.title.en, e.summary.ja, e.summary.en, e.id]
        .join(' ')
        .toLowerCase();
      return words.every((w) => hay.includes(w));
    })
    .sort((a, b) => DIFFICULTY_ORDER[a.difficulty] - DIFFICULTY_ORDER[b.difficulty]);
}
