/**
 * The live run: one stored run, its snapshot rebuilt by replaying the log, and the real-time
 * decision timer. Components call `choose()` / `deadline()`; this module turns them into engine
 * events stamped by the injected clock, **saves the event before showing the decision as made**,
 * and re-arms the timer from the absolute deadline kept in the snapshot (so a reload re-arms it).
 */
import {
  replayRun,
  scoreRun,
  stepRun,
  viewRun,
  type CompiledScenario,
  type RunEvent,
  type RunSnapshot,
  type RunView,
} from '../engine';
import type { RunLease, StoredRun } from '../storage/types';
import { asStorageError, type AppState } from './app-state.svelte';
import { diffFeed, NO_CHANGE, type FeedDiff } from './feed-diff';
import { selectEvent, type DecisionDetails } from './team/select-event';

/** Seconds-left marks at which the countdown is announced to screen readers (not every second). */
export const ANNOUNCE_AT = [60, 30, 10, 5] as const;

/** Which announcement threshold `secondsLeft` has crossed, or null (pure; tested). */
export function announcementFor(secondsLeft: number | null): number | null {
  if (secondsLeft === null) return null;
  for (const mark of [...ANNOUNCE_AT].reverse()) if (secondsLeft <= mark) return mark;
  return null;
}

/** A fresh seed for a run, chosen once at its start and stored with it (determinism on replay). */
export function newSeed(): number {
  const buf = new Uint32Array(1);
  globalThis.crypto.getRandomValues(buf);
  return buf[0]!;
}

/** The summary a finished run keeps for the history list. */
export function resultOf(compiled: CompiledScenario, snapshot: RunSnapshot): StoredRun['result'] {
  const s = scoreRun(compiled, snapshot.context.log);
  return {
    overall: s.overall,
    grade: s.grade,
    outcome: s.outcome,
    speed: s.speed,
    transparency: s.transparency,
    tone: s.tone,
    strategyFit: s.strategyFit,
  };
}

export class RunController {
  run = $state.raw<StoredRun>() as StoredRun;
  snapshot = $state.raw<RunSnapshot>() as RunSnapshot;
  view: RunView = $derived.by(() => viewRun(this.compiled, this.snapshot));
  role = $state<'driver' | 'viewer'>('driver');
  /** True while a decision is being written; choices are disabled meanwhile. */
  saving = $state(false);
  /** Real time, refreshed every second while a deadline runs (drives the countdown display). */
  now = $state(0);
  /** Feed items that appeared and were deleted with the last decision (animated and announced). */
  feedChange = $state.raw<FeedDiff>(NO_CHANGE);
  /** The event that could not be saved, kept in memory until a retry succeeds. */
  unsaved = $state.raw<{ run: StoredRun; next: RunSnapshot } | null>(null);

  private timer: unknown = null;
  private ticker: unknown = null;
  private unsubscribe: (() => void)[] = [];
  private disposed = false;

  constructor(
    private readonly app: AppState,
    readonly compiled: CompiledScenario,
    run: StoredRun,
    private readonly lease: RunLease | null = null,
  ) {
    this.run = run;
    this.snapshot = replayRun(compiled, run.input, run.events);
    this.now = app.clock.now();
    if (lease) {
      this.role = lease.role;
      this.unsubscribe.push(
        lease.onRoleChange((role) => {
          this.role = role;
          this.arm();
        }),
        lease.onRemoteUpdate(() => void this.reload()),
      );
    }
    this.arm();
  }

  get readOnly(): boolean {
    return this.role === 'viewer';
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

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    for (const u of this.unsubscribe) u();
    this.lease?.release();
  }

  private async commit(event: RunEvent): Promise<void> {
    if (this.readOnly || this.saving || this.unsaved || this.snapshot.status === 'done') return;
    const next = stepRun(this.compiled, this.snapshot, event);
    if (next === this.snapshot) return;
    const ended = next.status === 'done';
    const run: StoredRun = {
      ...this.run,
      events: [...this.run.events, event],
      updatedAt: this.app.clock.now(),
      status: ended ? 'finished' : 'active',
      ...(ended ? { result: resultOf(this.compiled, next) } : {}),
    };
    await this.persist(run, next);
  }

  private async persist(run: StoredRun, next: RunSnapshot): Promise<void> {
    this.saving = true;
    try {
      await this.app.saveRun(run);
    } catch (err) {
      const error = asStorageError(err);
      this.unsaved = { run, next };
      this.app.problem = {
        kind: 'write-failed',
        message: error.message,
        retry: () => this.retry(),
        exportData: () => this.app.exportRun(run),
      };
      return;
    } finally {
      this.saving = false;
    }
    if (this.unsaved) {
      this.unsaved = null;
      if (this.app.problem?.kind === 'write-failed') this.app.problem = null;
    }
    this.lease?.notifySaved();
    const before = this.view.feed;
    this.run = run;
    this.snapshot = next;
    this.feedChange = diffFeed(before, this.view.feed);
    this.arm();
  }

  /** Another tab saved this run: rebuild from storage. */
  private async reload(): Promise<void> {
    try {
      const fresh = await this.app.getRun(this.run.id);
      if (!fresh || this.disposed) return;
      this.run = fresh;
      this.snapshot = replayRun(this.compiled, fresh.input, fresh.events);
      this.arm();
    } catch (err) {
      this.app.report(err);
    }
  }

  private clearTimers(): void {
    if (this.timer !== null) this.app.clock.clearTimeout(this.timer);
    if (this.ticker !== null) this.app.clock.clearTimeout(this.ticker);
    this.timer = this.ticker = null;
  }

  /** (Re)arm the deadline timer from the snapshot's absolute deadline; only the driving tab fires it. */
  private arm(): void {
    this.clearTimers();
    if (this.disposed) return;
    const clock = this.app.clock;
    this.now = clock.now();
    const { deadlineAt, pausedAt } = this.snapshot.context;
    if (deadlineAt === null || pausedAt !== null || this.snapshot.status === 'done') return;
    if (this.readOnly) return;
    this.timer = clock.setTimeout(
      () => {
        this.timer = null;
        this.now = clock.now();
        void this.deadline();
      },
      Math.max(0, deadlineAt - clock.now()),
    );
    const tick = () => {
      this.now = clock.now();
      // Align ticks to whole seconds before the deadline, so the display never skips a number.
      const ms = (deadlineAt - this.now) % 1000 || 1000;
      this.ticker = clock.setTimeout(tick, ms);
    };
    this.ticker = clock.setTimeout(tick, (deadlineAt - this.now) % 1000 || 1000);
  }
}
