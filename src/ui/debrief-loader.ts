/** Rebuilding a stored run's debrief: replay its log, then let the engine write the report. */
import {
  buildDebrief,
  replayWithHistory,
  type CompiledScenario,
  type Debrief,
  type ReplayResult,
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

/**
 * The debrief of a stored run, with what a facilitator added on top of the decisions: observer
 * notes (merged into strengths, improvements and questions) and the decisions rewound for
 * discussion. `replay` is the run's replay when the caller already has it.
 */
export function debriefOf(
  compiled: CompiledScenario,
  run: StoredRun,
  replay: ReplayResult = replayWithHistory(compiled, run.input, run.events),
): Debrief {
  return buildDebrief(compiled, replay.snapshot, {
    ...metaOf(run),
    notes: run.notes ?? [],
    rewound: replay.rewound.map((r) => ({
      seq: r.entry.seq,
      nodeId: r.entry.nodeId,
      choiceId: r.entry.choiceId,
      at: r.at,
    })),
  });
}

/** Build the debrief of a stored run, or null if there is no such run. */
export async function loadDebrief(app: AppState, runId: string): Promise<LoadedDebrief | null> {
  const run = await app.getRun(runId);
  if (!run) return null;
  const compiled = await app.compiledForRun(run);
  return { run, compiled, debrief: debriefOf(compiled, run) };
}
