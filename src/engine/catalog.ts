/**
 * The library card of a scenario: what the library lists and filters by. One definition for the
 * built-in catalog (generated at build time by `vite/scenarios-plugin.ts`), scenarios imported in
 * the app, and the tests' catalogs. Kept small: the built-in catalog is in the first screen's bundle.
 */
import type { CompiledScenario } from './run';
import type { Locale, Scenario } from './schema';

export interface CatalogEntry {
  id: string;
  title: Scenario['title'];
  summary: Scenario['summary'];
  crisisType: Scenario['crisisType'];
  cluster: Scenario['cluster'];
  audience: Scenario['audience'];
  difficulty: Scenario['difficulty'];
  durationMinutes: number;
  roles: number;
  /** The content hash: a stored run compares it to tell whether the scenario changed since. */
  hash: string;
  /** Languages the title is written in (for the card's language badge). */
  languages: Locale[];
}

export function catalogEntry({ scenario: s, hash }: CompiledScenario): CatalogEntry {
  return {
    id: s.id,
    title: s.title,
    summary: s.summary,
    crisisType: s.crisisType,
    cluster: s.cluster,
    audience: s.audience,
    difficulty: s.difficulty,
    durationMinutes: s.durationMinutes,
    roles: s.roles.length,
    hash,
    languages: (['ja', 'en'] as const).filter((l) => s.title[l] !== undefined),
  };
}
