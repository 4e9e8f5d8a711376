/**
 * Building records the repository stores, so the app does not assemble them by hand: an imported
 * scenario file, a new run, and a run with one more event.
 */
import {
  loadScenario,
  type CompiledScenario,
  type Locale,
  type RunEvent,
  type RunInput,
  type RunMode,
  type RunSnapshot,
  type ScenarioProblem,
} from '../engine';
import type { StoredRun, StoredScenario } from './types';

export type ScenarioImport =
  | { ok: true; record: StoredScenario; compiled: CompiledScenario; warnings: ScenarioProblem[] }
  | { ok: false; problems: ScenarioProblem[] };

/**
 * Validate a scenario file a facilitator shared (parse, schema, graph check, compile) and build
 * the record to store with `saveScenario`. Never throws; `problems` carry readable paths.
 */
export function prepareScenarioImport(
  text: string,
  fileName: string,
  now: number = Date.now(),
): ScenarioImport {
  const loaded = loadScenario(text, fileName);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const { compiled } = loaded;
  return {
    ok: true,
    compiled,
    warnings: loaded.warnings,
    record: {
      id: compiled.scenario.id,
      fileName: fileName.slice(0, 500),
      text,
      hash: compiled.hash,
      importedAt: now,
    },
  };
}

/** What a new run needs besides the scenario. */
export interface NewRun {
  id: string;
  input: RunInput;
  mode: RunMode;
  team: string;
  participants: string[];
  locale: Locale;
}

/** A run record at its start (no events yet), carrying the scenario text it is played on. */
export function newRunRecord(
  scenario: { compiled: CompiledScenario; text: string },
  run: NewRun,
  now: number = Date.now(),
): StoredRun {
  return {
    id: run.id,
    scenarioId: scenario.compiled.scenario.id,
    scenarioHash: scenario.compiled.hash,
    scenarioVersion: scenario.compiled.scenario.version,
    scenarioText: scenario.text,
    input: run.input,
    events: [],
    mode: run.mode,
    team: run.team,
    participants: run.participants,
    locale: run.locale,
    status: 'active',
    createdAt: now,
    updatedAt: now,
  };
}

/**
 * The run with one more event, marked finished when `after` (the snapshot after the event) has
 * ended. Save it with `saveRun` *before* showing the decision as made.
 */
export function recordEvent(
  run: StoredRun,
  event: RunEvent,
  after: RunSnapshot,
  now: number = Date.now(),
): StoredRun {
  return {
    ...run,
    events: [...run.events, event],
    status: after.status === 'done' ? 'finished' : 'active',
    updatedAt: now,
  };
}
