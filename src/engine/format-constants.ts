/**
 * Plain values of the scenario format that running a scenario needs. They live apart from the zod
 * schemas in `schema.ts` (which re-exports them) so that compiling and playing a built-in scenario,
 * already validated at build time, loads no zod: the app's briefing and live screens skip ~16 kB
 * gzip of schema code and the work of building the schemas.
 */
import type { Scenario } from './schema';

/** In `deletes`, the company's most recent published statement. */
export const LAST_STATEMENT = 'last-statement';

/** The languages every scenario text is written in. */
export const LOCALES = ['ja', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Roles whose approval a statement can wait for (team drills' optional sign-off step). */
export const SIGNOFF_ROLES = ['legal', 'executive'] as const;
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

/**
 * Simulated minutes each sign-off costs a statement, unless the scenario says otherwise: legal
 * reads every word, the executive mostly the headline.
 */
export const DEFAULT_SIGNOFF_MINUTES: Record<SignoffRole, number> = { legal: 30, executive: 20 };

/** Simulated minutes each sign-off costs in a scenario: its own figures over the defaults. */
export function signoffMinutesOf(scenario: Pick<Scenario, 'signoff'>): Record<SignoffRole, number> {
  return { ...DEFAULT_SIGNOFF_MINUTES, ...scenario.signoff };
}
