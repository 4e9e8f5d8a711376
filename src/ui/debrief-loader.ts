/** Rebuilding a stored run's debrief: replay its log, then let the engine write the report. */
import {
  buildDebrief,
  replayRun,
  type CompiledScenario,
  type Debrief,
  type RunMeta,
} from '../engine';
import type { StoredRun } from '../storage/types';
import type { AppState } from './app-state.svelte';

export interface LoadedDebrief {
  run: StoredRun;
  compiled: CompiledScenario;
  debrief: Debrief;
}

/** The facts about a run the decision log does not hold. */
export function metaOf(run: StoredRun): RunMeta {
  const last = run.events.at(-1);
  return {
    mode: run.mode,
    team: run.team,
    participants: run.participants,
    startedAt: run.input.startedAt,
    endedAt: run.status === 'finished' && last ? last.at : null,
  };
}

/** Build the debrief of a stored run, or null if there is no such run. */
export async function loadDebrief(app: AppState, runId: string): Promise<LoadedDebrief | null> {
  const run = await app.getRun(runId);
  if (!run) return null;
  const compiled = await app.compiledForRun(run);
  const snapshot = replayRun(compiled, run.input, run.events);
  return { run, compiled, debrief: buildDebrief(compiled, snapshot, metaOf(run)) };
}
