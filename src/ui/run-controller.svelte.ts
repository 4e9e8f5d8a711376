/**
 * The live run: one stored run, its snapshot rebuilt by replaying the log, and the real-time
 * decision timer. Components call `choose()` / `deadline()`; this module turns them into engine
 * events stamped by the injected clock, **saves the event before showing the decision as made**,
 * and re-arms the timer from the absolute deadline kept in the snapshot (so a reload re-arms it).
 * The save, the lease and the timer come from `RunSession`, shared with the facilitator's console.
 */
import {
  replayRun,
  stepRun,
  viewRun,
  type CompiledScenario,
  type RunEvent,
  type RunSnapshot,
  type RunView,
} from '../engine';
import type { RunLease, StoredRun } from '../storage/types';
import type { AppState } from './app-state.svelte';
import { diffFeed, NO_CHANGE, type FeedDiff } from './feed-diff';
import { appendEvent, RunSession } from './run-session.svelte';
import { selectEvent, type DecisionDetails } from './team/select-event';

/** Seconds-left marks at which the countdown is announced to screen readers (not every second). */
export const ANNOUNCE_AT = [60, 30, 10, 5] as const;

/** Which announcement threshold `secondsLeft` has crossed, or null (pure; tested). */
export function announcementFor(secondsLeft: number | null): number | null {
  if (secondsLeft === null) return null;
  for (const mark of [...ANNOUNCE_AT].reverse()) if (secondsLeft <= mark) return mark;
  return null;
}

export class RunController extends RunSession {
  snapshot = $state.raw<RunSnapshot>() as RunSnapshot;
  view: RunView = $derived.by(() => viewRun(this.compiled, this.snapshot));
  /** Feed items that appeared and were deleted with the last decision (animated and announced). */
  feedChange = $state.raw<FeedDiff>(NO_CHANGE);
  /** The event that could not be saved, kept in memory until a retry succeeds. */
  unsaved = $state.raw<{ run: StoredRun; next: RunSnapshot } | null>(null);

  constructor(
    app: AppState,
    readonly compiled: CompiledScenario,
    run: StoredRun,
    lease: RunLease | null = null,
  ) {
    super(app, run, lease);
    this.snapshot = replayRun(compiled, run.input, run.events);
    this.arm();
  }

  /** Seconds until the current deadline, or null when no deadline runs. */
  get secondsLeft(): number | null {
    const { deadlineAt, paused, ended } = this.view;
    if (deadlineAt === null || paused || ended) return null;
    return Math.max(0, Math.ceil((deadlineAt - this.now) / 1000));
  }

  /**
   * Make a decision, with the rationale (and, in a team drill, the vote, confidence and sign-off).
   * Resolves once it is saved (or the save failed and a banner shows it).
   */
  async choose(choiceId: string, details: DecisionDetails = {}): Promise<void> {
    const choice = this.view.choices.find((c) => c.id === choiceId);
    await this.commit(
      selectEvent(choiceId, this.app.clock.now(), details, choice?.statement !== undefined),
    );
  }

  /** The deadline passed with no decision: the scenario's "no decision" outcome happens. */
  async deadline(): Promise<void> {
    await this.commit({ type: 'clock.deadline', at: this.app.clock.now() });
  }

  /** Pause or resume the real-time timer (team drills: the facilitator stops the clock). */
  async togglePause(): Promise<void> {
    const at = this.app.clock.now();
    await this.commit(
      this.view.paused ? { type: 'clock.resume', at } : { type: 'clock.pause', at },
    );
  }

  /** Try again to save the decision that failed. */
  async retry(): Promise<void> {
    const pending = this.unsaved;
    if (!pending) return;
    await this.persist(pending.run, pending.next);
  }

  protected shownSnapshot(): RunSnapshot {
    return this.snapshot;
  }

  protected deadlinePassed(): void {
    void this.deadline();
  }

  protected reloaded(fresh: StoredRun): void {
    this.snapshot = replayRun(this.compiled, fresh.input, fresh.events);
  }

  private async commit(event: RunEvent): Promise<void> {
    if (this.readOnly || this.saving || this.unsaved || this.snapshot.status === 'done') return;
    const next = stepRun(this.compiled, this.snapshot, event);
    if (next === this.snapshot) return;
    await this.persist(
      appendEvent(this.compiled, this.run, event, next, this.app.clock.now()),
      next,
    );
  }

  private async persist(run: StoredRun, next: RunSnapshot): Promise<void> {
    const error = await this.store(run);
    if (error) {
      this.unsaved = { run, next };
      this.app.problem = {
        kind: 'write-failed',
        message: error.message,
        retry: () => this.retry(),
        exportData: () => this.app.exportRun(run),
      };
      return;
    }
    if (this.unsaved) {
      this.unsaved = null;
      if (this.app.problem?.kind === 'write-failed') this.app.problem = null;
    }
    const before = this.view.feed;
    this.run = run;
    this.snapshot = next;
    this.feedChange = diffFeed(before, this.view.feed);
    this.arm();
  }
}
