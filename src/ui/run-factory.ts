/** Creating a new stored run from the briefing's choices (pure apart from the id and seed it is given). */
import type { CompiledScenario, Locale, RunMode } from '../engine';
import type { StoredRun } from '../storage/types';

export interface RunOptions {
  mode: RunMode;
  timer: boolean;
  team: string;
  locale: Locale;
}

/** A new run record. `seed` is drawn once, here, and kept with the run so replays match. */
export function createRun(
  compiled: CompiledScenario,
  options: RunOptions,
  at: { now: number; id: string; seed: number },
): StoredRun {
  const { scenario, hash } = compiled;
  return {
    id: at.id,
    scenarioId: scenario.id,
    scenarioHash: hash,
    scenarioVersion: scenario.version,
    // The validated scenario as JSON: enough to replay this run even if the library's copy changes.
    scenarioText: JSON.stringify(scenario),
    input: { seed: at.seed, timer: options.timer, startedAt: at.now },
    events: [],
    mode: options.mode,
    team: options.team.trim().slice(0, 120),
    participants: [],
    locale: options.locale,
    status: 'active',
    createdAt: at.now,
    updatedAt: at.now,
  };
}

/** A fresh seed for a run, chosen once at its start and stored with it (determinism on replay). */
export function newSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0]!;
}

/** A short, URL-safe, random run id. */
export function newRunId(): string {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(36).padStart(2, '0'))
    .join('')
    .slice(0, 16);
}
