/**
 * Resuming a stored run. The event log is the source of truth: the snapshot is rebuilt by
 * replaying it. When the scenario has changed since the run started, the app is told so and gets
 * both ways forward — continue on the stored scenario text, or replay on the current version if
 * every stored event still applies there. Deadlines are absolute times in the events and context,
 * so a resumed run re-arms its real-time timer from `snapshot.context.deadlineAt`.
 */
import {
  loadScenario,
  RunError,
  stepRun,
  startRun,
  type CompiledScenario,
  type RunSnapshot,
} from '../engine';
import type { StoredRun } from './types';

/** A replay that worked. */
export interface Replayed {
  compiled: CompiledScenario;
  snapshot: RunSnapshot;
}

/** Where a replay on the current scenario version stopped. */
export interface ReplayFailure {
  /** Index in `stored.events` of the first event that no longer applies. */
  index: number;
  event: StoredRun['events'][number];
  reason: string;
}

export type ResumeResult =
  /** The scenario is unchanged: carry on. */
  | ({ status: 'same' } & Replayed)
  /**
   * The scenario changed (or is gone: `current` null). `stored` continues on the version the run
   * started on; `current` replays on the new version (`ok: false` names the first event that fails).
   */
  | {
      status: 'changed';
      stored: Replayed;
      current: ({ ok: true } & Replayed) | { ok: false; failure: ReplayFailure } | null;
    }
  /** The run cannot be rebuilt at all (its stored scenario text no longer loads, or its log does not replay). */
  | { status: 'broken'; reason: string };

interface ReplayTrace {
  snapshot: RunSnapshot;
  /** For each event, whether it added a log entry (a decision) — used to compare two versions. */
  advanced: boolean[];
}

function replayTraced(
  compiled: CompiledScenario,
  stored: StoredRun,
  expected?: boolean[],
): ReplayTrace | ReplayFailure {
  let snapshot: RunSnapshot;
  try {
    snapshot = startRun(compiled, stored.input);
  } catch (err) {
    return { index: 0, event: stored.events[0]!, reason: message(err) };
  }
  const advanced: boolean[] = [];
  for (const [index, event] of stored.events.entries()) {
    try {
      const next = stepRun(compiled, snapshot, event);
      const didAdvance = next.context.log.length > snapshot.context.log.length;
      if (expected && expected[index] !== didAdvance)
        return {
          index,
          event,
          reason: didAdvance
            ? `on the current version this ${event.type} makes a decision it did not make before`
            : `on the current version this ${event.type} at node "${snapshot.context.nodeId}" no longer makes a decision`,
        };
      advanced.push(didAdvance);
      snapshot = next;
    } catch (err) {
      return { index, event, reason: message(err) };
    }
  }
  return { snapshot, advanced };
}

function message(err: unknown): string {
  return err instanceof RunError || err instanceof Error ? err.message : String(err);
}

const isFailure = (x: ReplayTrace | ReplayFailure): x is ReplayFailure => 'reason' in x;

/**
 * Rebuild a stored run against the scenario as it is now (`compiledNow`, or null if the scenario
 * is no longer in the library). Pure apart from compiling the stored text; never throws.
 */
export function resumeRun(stored: StoredRun, compiledNow: CompiledScenario | null): ResumeResult {
  if (compiledNow && compiledNow.hash === stored.scenarioHash) {
    const trace = replayTraced(compiledNow, stored);
    if (!isFailure(trace))
      return { status: 'same', compiled: compiledNow, snapshot: trace.snapshot };
    // Same hash but the log does not replay: fall through and report it as broken below.
    return {
      status: 'broken',
      reason: `event ${trace.index + 1} (${trace.event.type}) does not replay: ${trace.reason}`,
    };
  }
  const loaded = loadScenario(stored.scenarioText, `${stored.scenarioId} (stored copy)`);
  if (!loaded.ok)
    return {
      status: 'broken',
      reason: `the stored copy of scenario "${stored.scenarioId}" no longer loads: ${loaded.problems[0]?.message ?? 'unknown problem'}`,
    };
  const storedTrace = replayTraced(loaded.compiled, stored);
  if (isFailure(storedTrace))
    return {
      status: 'broken',
      reason: `event ${storedTrace.index + 1} (${storedTrace.event.type}) does not replay: ${storedTrace.reason}`,
    };
  const storedReplay: Replayed = { compiled: loaded.compiled, snapshot: storedTrace.snapshot };
  if (!compiledNow) return { status: 'changed', stored: storedReplay, current: null };
  const currentTrace = replayTraced(compiledNow, stored, storedTrace.advanced);
  return {
    status: 'changed',
    stored: storedReplay,
    current: isFailure(currentTrace)
      ? { ok: false, failure: currentTrace }
      : { ok: true, compiled: compiledNow, snapshot: currentTrace.snapshot },
  };
}

/**
 * The stored run moved onto the current scenario version (after the user chose "replay on the
 * new version" and `resumeRun` said it replays). Save the result with `saveRun`.
 */
export function rebaseRun(
  stored: StoredRun,
  current: { compiled: CompiledScenario; text: string },
  now: number = Date.now(),
): StoredRun {
  return {
    ...stored,
    scenarioHash: current.compiled.hash,
    scenarioVersion: current.compiled.scenario.version,
    scenarioText: current.text,
    updatedAt: now,
  };
}
