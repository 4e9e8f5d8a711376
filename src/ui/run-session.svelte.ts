/**
 * What the trainee's live run (`RunController`) and the facilitator's console (`ConsoleController`)
 * share in driving one stored run from this tab: the record each event is saved as, the
 * save-before-show write, the lease (driver or viewer, other tabs' saves) and the real-time
 * deadline timer. Each controller extends `RunSession` with its own idea of the state (a plain
 * replay, or a replay with its rewinds) and its own way of showing a failed save.
 */
import { scoreRun, type CompiledScenario, type RunEvent, type RunSnapshot } from '../engine';
import type { RunLease, StorageError, StoredRun } from '../storage/types';
import { asStorageError, type AppState } from './app-state.svelte';

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

/**
 * The record to save for `event`, where `next` is the snapshot the event leads to: the event
 * appended to the log, `updatedAt` set to `at`, the status taken from `next`, and the history
 * summary computed when the run ended. Any earlier summary is dropped, so a rewind out of an ending
 * leaves no stale result behind. Pure: `run` is not changed.
 */
export function appendEvent(
  compiled: CompiledScenario,
  run: StoredRun,
  event: RunEvent,
  next: RunSnapshot,
  at: number,
): StoredRun {
  const ended = next.status === 'done';
  const { result: _old, ...rest } = run;
  return {
    ...rest,
    events: [...run.events, event],
    updatedAt: at,
    status: ended ? 'finished' : 'active',
    ...(ended ? { result: resultOf(compiled, next) } : {}),
  };
}

/**
 * One stored run held by this tab: the base of the trainee's and the facilitator's controllers.
 *
 * - `role` follows the lease (`driver` without one); only the driver writes or fires deadlines.
 * - `store()` is the write behind every change: `saving` is true meanwhile, and it resolves `null`
 *   once the record is stored and other tabs were told, or the error. The subclass shows the change
 *   only on `null`, so the screen never shows a decision that is not in storage.
 * - `arm()` (re)arms the deadline timer from the absolute deadline in `shownSnapshot()`: call it
 *   whenever that snapshot changes. `now` is refreshed then and at every whole second before a
 *   running deadline, so a countdown never skips a number. A paused or ended run, or a viewer,
 *   runs no timer; the timer calls `deadlinePassed()` once.
 * - When another tab saves the run, it is read back into `run` and handed to `reloaded()`, then the
 *   timer is re-armed; a failed read goes to the app's banner.
 * - After `dispose()` (which releases the lease) no hook is called again.
 *
 * The constructor arms nothing, because the subclass's snapshot is not set yet: the subclass calls
 * `arm()` at the end of its own constructor.
 */
export abstract class RunSession {
  run = $state.raw<StoredRun>() as StoredRun;
  role = $state<'driver' | 'viewer'>('driver');
  /** Real time, refreshed every second while a deadline runs (drives the countdown display). */
  now = $state(0);
  /** True while a change is being written; controls are disabled meanwhile. */
  saving = $state(false);

  private timer: unknown = null;
  private ticker: unknown = null;
  private unsubscribe: (() => void)[] = [];
  private disposed = false;

  constructor(
    protected readonly app: AppState,
    run: StoredRun,
    private readonly lease: RunLease | null,
  ) {
    this.run = run;
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
  }

  get readOnly(): boolean {
    return this.role === 'viewer';
  }

  dispose(): void {
    this.disposed = true;
    this.clearTimers();
    for (const u of this.unsubscribe) u();
    this.lease?.release();
  }

  /** The snapshot the screen shows; the deadline timer is armed from it. */
  protected abstract shownSnapshot(): RunSnapshot;

  /** The deadline passed in this (driving) tab with no decision. */
  protected abstract deadlinePassed(): void;

  /** Another tab saved the run and `run` now holds it: rebuild what is shown from it. */
  protected abstract reloaded(fresh: StoredRun): void;

  /** Store `run`; `null` once it is saved (and other tabs were told), else why it failed. */
  protected async store(run: StoredRun): Promise<StorageError | null> {
    this.saving = true;
    try {
      await this.app.saveRun(run);
    } catch (err) {
      return asStorageError(err);
    } finally {
      this.saving = false;
    }
    this.lease?.notifySaved();
    return null;
  }

  /** (Re)arm the deadline timer from the snapshot's absolute deadline; only the driving tab fires it. */
  protected arm(): void {
    this.clearTimers();
    if (this.disposed) return;
    const clock = this.app.clock;
    this.now = clock.now();
    const snapshot = this.shownSnapshot();
    const { deadlineAt, pausedAt } = snapshot.context;
    if (deadlineAt === null || pausedAt !== null || snapshot.status === 'done') return;
    if (this.readOnly) return;
    this.timer = clock.setTimeout(
      () => {
        this.timer = null;
        this.now = clock.now();
        this.deadlinePassed();
      },
      Math.max(0, deadlineAt - clock.now()),
    );
    const tick = () => {
      this.now = clock.now();
      // Align ticks to whole seconds before the deadline, so the display never skips a number.
      this.ticker = clock.setTimeout(tick, (deadlineAt - this.now) % 1000 || 1000);
    };
    this.ticker = clock.setTimeout(tick, (deadlineAt - this.now) % 1000 || 1000);
  }

  /** Another tab saved this run: rebuild from storage. */
  private async reload(): Promise<void> {
    try {
      const fresh = await this.app.getRun(this.run.id);
      if (!fresh || this.disposed) return;
      this.run = fresh;
      this.reloaded(fresh);
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
}
