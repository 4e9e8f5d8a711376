/**
 * Walking every run of a scenario by simulation: each decision sequence is played through the
 * compiled machine with the real model, so branch conditions are honoured and each walk ends
 * where a trainee making those decisions would end. Used by the tests (every path of every
 * built-in scenario), best-path search and the CLI. Static path counting lives in `check.ts`.
 */
import type { RunSnapshot } from './machine';
import type { RunInput } from './run-types';
import { startRun, stepRun, type CompiledScenario } from './run';
import { TIMEOUT_CHOICE } from './scenario-index';

/** A complete walk: the decisions made (choice ids, `timeout` for a passed deadline) and the final snapshot. */
export interface Walk {
  choices: string[];
  snapshot: RunSnapshot;
}

export interface WalkOptions {
  /** Stop after this many walks (default 200,000). */
  maxWalks?: number;
  /** Give up on a walk longer than this many decisions (default 200): guards against loops. */
  maxDepth?: number;
  /** Include the deadline's "no decision" outcome at nodes that have one (default true). */
  timeouts?: boolean;
}

/** The input used for walks: a fixed seed and the timer on, so deadlines can fire. */
export const WALK_INPUT: RunInput = { seed: 1, timer: true, startedAt: 0 };

/** Seconds between simulated decisions in a walk; shorter than any deadline (min 5 s). */
const STEP_MS = 1000;

/**
 * The event that makes decision `choiceId` at the snapshot's node: a `choice.select` one second
 * after the node was reached, or for `timeout`, a `clock.deadline` at the stored deadline.
 */
export function decisionEvent(snapshot: RunSnapshot, choiceId: string) {
  const at = snapshot.context.nodeEnteredAt + STEP_MS;
  if (choiceId === TIMEOUT_CHOICE) {
    return { type: 'clock.deadline' as const, at: snapshot.context.deadlineAt ?? at };
  }
  return { type: 'choice.select' as const, choiceId, at };
}

/** Play a list of decisions from the start; throws `RunError` on an unavailable choice. */
export function playChoices(
  compiled: CompiledScenario,
  choices: readonly string[],
  input: RunInput = WALK_INPUT,
): RunSnapshot {
  let snapshot = startRun(compiled, input);
  for (const choiceId of choices) {
    if (choiceId === TIMEOUT_CHOICE && snapshot.context.deadlineAt === null) {
      const node = compiled.index.nodes.get(snapshot.context.nodeId);
      throw new Error(`node "${node?.id}" has no deadline, so "timeout" is not available`);
    }
    snapshot = stepRun(compiled, snapshot, decisionEvent(snapshot, choiceId));
  }
  return snapshot;
}

/** The decisions available at a snapshot: its choices, then `timeout` when the node has a deadline. */
export function availableDecisions(
  compiled: CompiledScenario,
  snapshot: RunSnapshot,
  timeouts = true,
): string[] {
  const node = compiled.index.nodes.get(snapshot.context.nodeId);
  if (!node || snapshot.status === 'done') return [];
  const ids = node.choices.map((c) => c.id);
  if (timeouts && node.deadline && snapshot.context.deadlineAt !== null) ids.push(TIMEOUT_CHOICE);
  return ids;
}

/**
 * Every complete run of the scenario, depth first, as a generator (so callers can stop early).
 * Walks that exceed `maxDepth` are reported by throwing: a built-in scenario must always end.
 */
export function* walkRuns(compiled: CompiledScenario, options: WalkOptions = {}): Generator<Walk> {
  const maxWalks = options.maxWalks ?? 200_000;
  const maxDepth = options.maxDepth ?? 200;
  const timeouts = options.timeouts ?? true;
  let count = 0;
  const stack: Walk[] = [{ choices: [], snapshot: startRun(compiled, WALK_INPUT) }];
  while (stack.length > 0 && count < maxWalks) {
    const walk = stack.pop()!;
    if (walk.snapshot.status === 'done') {
      count++;
      yield walk;
      continue;
    }
    if (walk.choices.length >= maxDepth)
      throw new Error(
        `a run of "${compiled.scenario.id}" is longer than ${maxDepth} decisions: ${walk.choices.join(',')}`,
      );
    const options = availableDecisions(compiled, walk.snapshot, timeouts);
    // Push in reverse so walks come out in the scenario's own choice order.
    for (let i = options.length - 1; i >= 0; i--) {
      const choiceId = options[i]!;
      const next = stepRun(compiled, walk.snapshot, decisionEvent(walk.snapshot, choiceId));
      if (next === walk.snapshot || next.context.log.length === walk.snapshot.context.log.length)
        throw new Error(
          `decision "${choiceId}" at "${walk.snapshot.context.nodeId}" did not advance the run`,
        );
      stack.push({ choices: [...walk.choices, choiceId], snapshot: next });
    }
  }
}
