/**
 * The facilitator console's run: one stored run driven by the facilitator, replayed with its history
 * (rewinds stay on record), the real-time decision timer, observer notes, feedback reveal and the
 * hot-wash. Like the trainee's run controller it **saves each event through the repository before
 * showing it** — and only then publishes the projector's state, so the presenter never shows a
 * decision that was not stored. The save, the lease and the timer come from `RunSession`, shared
 * with the trainee's run controller.
 */
import {
  replayWithHistory,
  stepRun,
  viewRun,
  type CompiledScenario,
  type Debrief,
  type ObserverNote,
  type ReplayResult,
  type RunEvent,
  type RunSnapshot,
  type RunView,
} from '../../engine';
import type { RunLease, StoredRun } from '../../storage/types';
import type { AppState } from '../app-state.svelte';
import { debriefOf } from '../debrief-loader';
import { appendEvent, RunSession } from '../run-session.svelte';
import { selectEvent, type DecisionDetails } from '../team/select-event';
import { createNote, newNoteId } from './notes';
import { presenterState, type PresenterState } from './presenter-state';
import type { ConsoleLink } from './sync';

/** True while a timed run waits for the facilitator to start the clock (created paused). */
export function isWaiting(run: Pick<StoredRun, 'events' | 'input'>): boolean {
  return (
    run.input.timer && run.events.length > 0 && run.events.every((e) => e.type === 'clock.pause')
  );
}

/** A new facilitated team run starts paused, so the clock runs only once the facilitator starts it. */
export function startPaused(run: StoredRun): StoredRun {
  if (!run.input.timer) return run;
  return { ...run, events: [{ type: 'clock.pause', at: run.input.startedAt }] };
}

export class ConsoleController extends RunSession {
  replay = $state.raw<ReplayResult>() as ReplayResult;
  view: RunView = $derived.by(() => viewRun(this.compiled, this.replay.snapshot));
  /** The last failed save, shown in place (nothing is applied or broadcast when a save fails). */
  error = $state<string | null>(null);
  /** The facilitator revealed the feedback on the last decision to the projector. */
  revealed = $state(false);
  /** The hot-wash question on the projector, or null when not in hot-wash. */
  hotwashIndex = $state<number | null>(null);

  /** The debrief with observer notes and rewinds, once the run has ended. */
  debrief: Debrief | null = $derived.by(() =>
    this.view.ended ? debriefOf(this.compiled, this.run, this.replay) : null,
  );

  /** Exactly what the projector is sent. */
  presenter: PresenterState = $derived.by(() => {
    const questions = this.debrief?.discussionQuestions ?? [];
    return presenterState(this.compiled, this.replay.snapshot, this.view, this.run, {
      revealed: this.revealed,
      waiting: isWaiting(this.run),
      hotwash:
        this.hotwashIndex !== null && questions.length > 0
          ? { index: this.hotwashIndex, questions }
          : null,
    });
  });

  /** The lease and the link are handed over: `dispose()` releases the one and closes the other. */
  constructor(
    app: AppState,
    readonly compiled: CompiledScenario,
    run: StoredRun,
    private readonly options: { lease?: RunLease | null; link?: ConsoleLink | null } = {},
  ) {
    super(app, run, options.lease ?? null);
    this.replay = replayWithHistory(compiled, run.input, run.events);
    this.arm();
    this.publish();
  }

  get waiting(): boolean {
    return isWaiting(this.run);
  }

  get timed(): boolean {
    return this.run.input.timer;
  }

  /** Seconds until the current deadline (frozen while paused), or null when none runs. */
  get secondsLeft(): number | null {
    const { deadlineAt, ended } = this.view;
    if (deadlineAt === null || ended) return null;
    const pausedAt = this.replay.snapshot.context.pausedAt;
    const from = pausedAt ?? this.now;
    return Math.max(0, Math.ceil((deadlineAt - from) / 1000));
  }

  /** Start the clock of a run created paused (the same event as a resume). */
  start(): Promise<boolean> {
    return this.resume();
  }

  pause(): Promise<boolean> {
    return this.commit({ type: 'clock.pause', at: this.app.clock.now() });
  }

  resume(): Promise<boolean> {
    return this.commit({ type: 'clock.resume', at: this.app.clock.now() });
  }

  extend(seconds: number): Promise<boolean> {
    return this.commit({ type: 'clock.extend', seconds, at: this.app.clock.now() });
  }

  pushInject(injectId: string): Promise<boolean> {
    return this.commit({ type: 'inject.push', injectId, at: this.app.clock.now() });
  }

  /** Record the team's decision, with its rationale, vote/confidence and any sign-off. */
  choose(choiceId: string, details: DecisionDetails = {}): Promise<boolean> {
    const choice = this.view.choices.find((c) => c.id === choiceId);
    return this.commit(
      selectEvent(choiceId, this.app.clock.now(), details, choice?.statement !== undefined),
    );
  }

  /** Jump back one decision for discussion; it stays in the log as a rewind. */
  rewind(): Promise<boolean> {
    if (this.replay.snapshot.context.log.length === 0) return Promise.resolve(false);
    return this.commit({ type: 'run.rewind', at: this.app.clock.now() });
  }

  reveal(shown: boolean): void {
    this.revealed = shown && this.view.lastFeedback !== null;
    this.publish();
  }

  /** Add an observer note at the run's current node and simulated minute (saved with the run). */
  async addNote(tag: ObserverNote['tag'], text: string): Promise<boolean> {
    const note = createNote(this.replay.snapshot, tag, text, this.app.clock.now(), newNoteId());
    if (!note || this.readOnly) return false;
    return this.save({ ...this.run, notes: [...(this.run.notes ?? []), note] });
  }

  hotwash(index: number | null): void {
    const total = this.debrief?.discussionQuestions.length ?? 0;
    this.hotwashIndex =
      index === null || total === 0 ? null : Math.max(0, Math.min(total - 1, index));
    this.publish();
  }

  /** Send the projector the current state. */
  publish(): void {
    this.options.link?.publish($state.snapshot(this.presenter) as PresenterState);
  }

  override dispose(): void {
    super.dispose();
    this.options.link?.close();
  }

  protected shownSnapshot(): RunSnapshot {
    return this.replay.snapshot;
  }

  protected deadlinePassed(): void {
    void this.commit({ type: 'clock.deadline', at: this.app.clock.now() });
  }

  protected reloaded(fresh: StoredRun): void {
    this.replay = replayWithHistory(this.compiled, fresh.input, fresh.events);
    this.publish();
  }

  private async commit(event: RunEvent): Promise<boolean> {
    if (this.readOnly || this.saving) return false;
    let replay: ReplayResult;
    try {
      if (event.type !== 'run.rewind') {
        // Events that do not apply (a resume while running, a repeated inject) are not stored.
        const next = stepRun(this.compiled, this.replay.snapshot, event);
        if (next === this.replay.snapshot) return false;
      }
      replay = replayWithHistory(this.compiled, this.run.input, [...this.run.events, event]);
    } catch (err) {
      this.error = err instanceof Error ? err.message : String(err);
      return false;
    }
    const ended = replay.snapshot.status === 'done';
    const run = appendEvent(this.compiled, this.run, event, replay.snapshot, this.app.clock.now());
    const decided =
      event.type === 'choice.select' ||
      event.type === 'clock.deadline' ||
      event.type === 'run.rewind';
    if (!(await this.save(run))) return false;
    this.replay = replay;
    if (decided) {
      this.revealed = false;
      if (!ended) this.hotwashIndex = null;
    }
    this.arm();
    this.publish();
    return true;
  }

  private async save(run: StoredRun): Promise<boolean> {
    const error = await this.store(run);
    this.error = error?.message ?? null;
    if (error) return false;
    this.run = run;
    return true;
  }
}
