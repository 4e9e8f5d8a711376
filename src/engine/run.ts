/**
 * The engine's run API: compile a scenario once, then start, step and replay runs with XState's
 * pure transition functions, and read a plain view of where a run is. The app, the CLI and the
 * tests all go through these functions.
 */
import { createActor, initialTransition } from 'xstate';
import { deriveFeed, type FeedEntry } from './feed';
import { createScenarioMachine, type RunSnapshot, type ScenarioMachine } from './machine';
import type { ModelState } from './metrics';
import { contentHash } from './random';
import type { DecisionEntry, RunContext, RunEvent, RunInput, TimelinePoint } from './run-types';
import { indexScenario, TIMEOUT_CHOICE, type ScenarioIndex } from './scenario-index';
import type { Choice, LocalText, Outcome, Principle, Scenario, ScenarioNode } from './schema';

/** A scenario ready to run: the validated data, its lookup tables and its machine. */
export interface CompiledScenario {
  scenario: Scenario;
  index: ScenarioIndex;
  machine: ScenarioMachine;
  /** Hash of the scenario's content; a stored run compares it to notice an edited scenario. */
  hash: string;
}

/** Raised when a run is asked to do something the scenario does not allow. */
export class RunError extends Error {
  override name = 'RunError';
}

/** Compile a checked scenario (see `checkScenario`) into a runnable form. */
export function compileScenario(scenario: Scenario): CompiledScenario {
  const index = indexScenario(scenario);
  return {
    scenario,
    index,
    machine: createScenarioMachine(scenario, index),
    hash: contentHash(scenario),
  };
}

/** The snapshot at the start of a run. */
export function startRun(compiled: CompiledScenario, input: RunInput): RunSnapshot {
  return initialTransition(compiled.machine, input)[0];
}

/** The node a snapshot is at. */
export function currentNode(compiled: CompiledScenario, snapshot: RunSnapshot): ScenarioNode {
  const node = compiled.index.nodes.get(snapshot.context.nodeId);
  if (!node) throw new RunError(`the run is at unknown node "${snapshot.context.nodeId}"`);
  return node;
}

/**
 * Apply one event. A `choice.select` for a choice the node does not offer, or any event after the
 * ending, throws a `RunError` naming the node and the choices it offers; other events that do not
 * apply (a deadline that has not passed yet, a repeated inject) leave the snapshot unchanged.
 */
export function stepRun(
  compiled: CompiledScenario,
  snapshot: RunSnapshot,
  event: RunEvent,
): RunSnapshot {
  const node = currentNode(compiled, snapshot);
  if (event.type === 'run.rewind')
    throw new RunError('a rewind needs the run history: replay the event log with replayRun');
  if (snapshot.status === 'done') throw new RunError(`the run has already ended at "${node.id}"`);
  if (event.type === 'choice.select' && !node.choices.some((c) => c.id === event.choiceId)) {
    const offered = node.choices.map((c) => c.id).join(', ');
    throw new RunError(
      `node "${node.id}" has no choice "${event.choiceId}"; it offers: ${offered}`,
    );
  }
  return compiled.machine.transition(snapshot, event, inertScope(compiled));
}

const scopes = new WeakMap<CompiledScenario, unknown>();

/**
 * A reusable inert actor scope for `machine.transition`. XState's `transition()` helper builds a
 * fresh one (a whole actor) on every call, which was three quarters of a step's cost. Our machines
 * only use `assign`, which XState applies inside the transition, so nothing is ever executed
 * through this scope and sharing it cannot leak state between runs.
 */
function inertScope(compiled: CompiledScenario): never {
  let scope = scopes.get(compiled);
  if (!scope) {
    const self = createActor(compiled.machine, { input: { seed: 0, timer: false, startedAt: 0 } });
    const ignore = () => {};
    scope = {
      self,
      defer: ignore,
      id: '',
      logger: ignore,
      sessionId: '',
      stopChild: ignore,
      system: self.system,
      emit: ignore,
      actionExecutor: ignore,
    };
    scopes.set(compiled, scope);
  }
  return scope as never;
}

/** A replayed run and the decisions a facilitator rewound (kept, never erased). */
export interface ReplayResult {
  snapshot: RunSnapshot;
  rewound: { entry: DecisionEntry; at: number }[];
}

/**
 * Rebuild a run from its input and event log, the source of truth. A `run.rewind` returns to the
 * snapshot before the last decision still in force and re-arms that node's deadline from the
 * rewind's time; the rewound decision is listed in `rewound`.
 */
export function replayWithHistory(
  compiled: CompiledScenario,
  input: RunInput,
  events: readonly RunEvent[],
): ReplayResult {
  let snapshot = startRun(compiled, input);
  const before: RunSnapshot[] = [];
  const rewound: ReplayResult['rewound'] = [];
  for (const event of events) {
    if (event.type === 'run.rewind') {
      const previous = before.pop();
      if (!previous) continue;
      rewound.push({ entry: snapshot.context.log[snapshot.context.log.length - 1]!, at: event.at });
      snapshot = compiled.machine.transition(
        previous,
        { type: 'clock.rearm', at: event.at },
        inertScope(compiled),
      );
      continue;
    }
    const next = stepRun(compiled, snapshot, event);
    if (next.context.log.length > snapshot.context.log.length) before.push(snapshot);
    snapshot = next;
  }
  return { snapshot, rewound };
}

/** Rebuild a run from its input and event log; the log is the source of truth. */
export function replayRun(
  compiled: CompiledScenario,
  input: RunInput,
  events: readonly RunEvent[],
): RunSnapshot {
  return replayWithHistory(compiled, input, events).snapshot;
}

/** A choice as the trainee sees it: no classification, no feedback (that would be the answer key). */
export interface ChoiceView {
  id: string;
  label: LocalText;
  statement?: LocalText;
  minutes: number;
  /** Feed items this choice would delete, so the UI can point at them. */
  deletes: string[];
}

/** Feedback on a decision already made, for learning mode and the debrief. */
export interface DecisionFeedback {
  nodeId: string;
  choiceId: string;
  label?: LocalText;
  feedback: LocalText;
  principle: Principle;
}

/** Everything a screen needs to show a run at one moment. Plain data; JSON-serialisable. */
export interface RunView {
  scenarioId: string;
  nodeId: string;
  title: LocalText;
  situation: LocalText;
  ended: boolean;
  ending?: { outcome: Outcome; title: LocalText; narrative: LocalText };
  choices: ChoiceView[];
  /** Real-time deadline (epoch ms) of this node, when the timer is on. */
  deadlineAt: number | null;
  /** Seconds the node allows when the timer is on (for a progress ring), or null. */
  deadlineSeconds: number | null;
  paused: boolean;
  clock: number;
  model: ModelState;
  feed: FeedEntry[];
  log: DecisionEntry[];
  timeline: TimelinePoint[];
  /** Feedback on the most recent decision, if any. */
  lastFeedback: DecisionFeedback | null;
}

function toChoiceView(choice: Choice): ChoiceView {
  return {
    id: choice.id,
    label: choice.label,
    ...(choice.statement ? { statement: choice.statement } : {}),
    minutes: choice.minutes,
    deletes: choice.deletes,
  };
}

/** Feedback for a logged decision. */
export function feedbackFor(
  compiled: CompiledScenario,
  entry: DecisionEntry,
): DecisionFeedback | null {
  const indexed = compiled.index.outcomes.get(entry.nodeId)?.get(entry.choiceId);
  if (!indexed) return null;
  const label =
    entry.choiceId === TIMEOUT_CHOICE ? indexed.outcome.label : (indexed.outcome as Choice).label;
  return {
    nodeId: entry.nodeId,
    choiceId: entry.choiceId,
    ...(label ? { label } : {}),
    feedback: indexed.outcome.feedback,
    principle: indexed.outcome.principle,
  };
}

/** Read a plain view of a run's snapshot. */
export function viewRun(compiled: CompiledScenario, snapshot: RunSnapshot): RunView {
  const context: RunContext = snapshot.context;
  const node = currentNode(compiled, snapshot);
  const last = context.log[context.log.length - 1];
  return {
    scenarioId: compiled.scenario.id,
    nodeId: node.id,
    title: node.title,
    situation: node.situation,
    ended: snapshot.status === 'done',
    ...(node.ending ? { ending: node.ending } : {}),
    choices: node.choices.map(toChoiceView),
    deadlineAt: context.deadlineAt,
    deadlineSeconds: context.deadlineAt !== null && node.deadline ? node.deadline.seconds : null,
    paused: context.pausedAt !== null,
    clock: context.clock,
    model: context.model,
    feed: deriveFeed(compiled.index, context),
    log: context.log,
    timeline: context.arrivals,
    lastFeedback: last ? feedbackFor(compiled, last) : null,
  };
}
