/**
 * What the projector may show, as one plain, JSON-serialisable object built by a pure function.
 * The presenter window renders only this: it never sees the run record, so the facilitator's notes,
 * the choices' classifications and the best path cannot leak onto the projector by accident —
 * feedback is included only once the facilitator reveals it, a hot-wash question only in hot-wash.
 */
import type {
  BiText,
  CompiledScenario,
  FeedEntry,
  LocalText,
  ModelState,
  Outcome,
  Principle,
  RunSnapshot,
  RunView,
} from '../../engine';
import type { StoredRun } from '../../storage/types';

export interface PresenterChoice {
  id: string;
  label: LocalText;
  statement?: LocalText;
  minutes: number;
}

export interface PresenterState {
  v: 1;
  runId: string;
  scenarioTitle: LocalText;
  team: string;
  nodeId: string;
  nodeTitle: LocalText;
  situation: LocalText;
  /** Number of the decision being taken (1-based). */
  step: number;
  clock: number;
  model: ModelState;
  /** The model before the last decision, for the gauges' change arrows. */
  previousModel: ModelState | null;
  feed: FeedEntry[];
  choices: PresenterChoice[];
  /** The console has not started the clock yet. */
  waiting: boolean;
  paused: boolean;
  deadlineAt: number | null;
  deadlineSeconds: number | null;
  /** Milliseconds left on the deadline while paused (frozen), else null. */
  frozenMs: number | null;
  ended: boolean;
  ending: { outcome: Outcome; title: LocalText; narrative: LocalText } | null;
  /** What the team decided last (public: everyone saw them decide). */
  lastDecision: { label: LocalText | null; timedOut: boolean } | null;
  /**
   * Injects pushed so far, newest first (their feed items are in `feed`); `current` while the team
   * has not decided since it was pushed (the projector announces only those as new).
   */
  injects: { id: string; label: LocalText; current: boolean }[];
  /** Feedback on the last decision — only when the facilitator revealed it. */
  feedback: { feedback: LocalText; principle: Principle } | null;
  /** The hot-wash question on screen, if the facilitator is walking through them. */
  hotwash: { index: number; total: number; question: BiText } | null;
}

export interface PresenterOptions {
  /** The facilitator revealed the feedback on the last decision. */
  revealed: boolean;
  hotwash: { index: number; questions: BiText[] } | null;
  /** True until the facilitator starts the clock. */
  waiting: boolean;
}

/** The projector's view of a run at one moment (pure; tested). */
export function presenterState(
  compiled: CompiledScenario,
  snapshot: RunSnapshot,
  view: RunView,
  run: Pick<StoredRun, 'id' | 'team'>,
  options: PresenterOptions,
): PresenterState {
  const ctx = snapshot.context;
  const last = view.log.at(-1) ?? null;
  const injects = ctx.injects
    .map((pushed) => {
      const inject = compiled.scenario.injects.find((x) => x.id === pushed.id);
      const current = pushed.nodeId === ctx.nodeId && pushed.clock === ctx.clock;
      return inject ? { id: inject.id, label: inject.label, current } : null;
    })
    .filter((x) => x !== null)
    .reverse();
  const hw = options.hotwash;
  const question = hw ? hw.questions[hw.index] : undefined;
  return {
    v: 1,
    runId: run.id,
    scenarioTitle: compiled.scenario.title,
    team: run.team,
    nodeId: view.nodeId,
    nodeTitle: view.title,
    situation: view.situation,
    step: view.log.length + 1,
    clock: view.clock,
    model: view.model,
    previousModel: last ? last.modelBefore : null,
    feed: view.feed,
    // Only what a trainee sees on a choice card: never transparency, tone, principle or feedback.
    choices: view.ended
      ? []
      : view.choices.map((c) => ({
          id: c.id,
          label: c.label,
          ...(c.statement ? { statement: c.statement } : {}),
          minutes: c.minutes,
        })),
    waiting: options.waiting,
    paused: view.paused,
    deadlineAt: view.deadlineAt,
    deadlineSeconds: view.deadlineSeconds,
    frozenMs:
      view.paused && view.deadlineAt !== null && ctx.pausedAt !== null
        ? Math.max(0, view.deadlineAt - ctx.pausedAt)
        : null,
    ended: view.ended,
    ending: view.ending ?? null,
    lastDecision: last
      ? {
          label: view.lastFeedback?.label ?? null,
          timedOut: last.choiceId === 'timeout',
        }
      : null,
    injects,
    feedback:
      options.revealed && view.lastFeedback
        ? { feedback: view.lastFeedback.feedback, principle: view.lastFeedback.principle }
        : null,
    hotwash: hw && question ? { index: hw.index, total: hw.questions.length, question } : null,
  };
}
