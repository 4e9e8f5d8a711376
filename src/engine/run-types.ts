/**
 * The shapes of a run: what starts it, the events that drive it, and the context the compiled
 * machine keeps. Events carry their own real timestamps (`at`, epoch ms) from an injected clock,
 * so the machine never reads the time and a replayed log gives the same state.
 */
import type { ModelState } from './metrics';
import type { SignoffRole } from './schema';

export type Confidence = 'low' | 'medium' | 'high';

/** How a team arrived at a decision; recorded for the debrief, never scored. */
export interface TeamInput {
  /** Team members who agreed with the decision. */
  agreed?: number;
  /** Team members who voted. */
  voters?: number;
  confidence?: Confidence;
}

/** Everything a run starts from. */
export interface RunInput {
  /** Seed for the feed's engagement jitter; same seed, same numbers. */
  seed: number;
  /** Whether the real-time decision timer is on (deadlines only fire when it is). */
  timer: boolean;
  /** Real time the run started (epoch ms). */
  startedAt: number;
}

export type RunEvent =
  | {
      type: 'choice.select';
      choiceId: string;
      at: number;
      rationale?: string;
      team?: TeamInput;
      /**
       * Roles that approved the statement before it went out. Each adds the scenario's sign-off
       * minutes to the decision (the crisis moves on meanwhile); ignored for a choice that
       * publishes nothing.
       */
      signoff?: SignoffRole[];
    }
  | { type: 'clock.deadline'; at: number }
  | { type: 'clock.pause'; at: number }
  | { type: 'clock.resume'; at: number }
  | { type: 'clock.extend'; seconds: number; at: number }
  | { type: 'inject.push'; injectId: string; at: number }
  /**
   * Restart the current node's real-time window from `at` (used after a rewind, so a restored
   * deadline does not fire at once).
   */
  | { type: 'clock.rearm'; at: number }
  /**
   * Jump back one decision for discussion. Handled by `replayRun` (it needs the run's history):
   * the rewound decision stays in the event log and is reported by `replayWithHistory`.
   */
  | { type: 'run.rewind'; at: number };

/** A facilitator's or observer's note, tied to the moment it was written. */
export interface ObserverNote {
  id: string;
  nodeId: string;
  /** Simulated minute of the run when the note was written. */
  clock: number;
  /** Real time it was written (epoch ms). */
  at: number;
  tag: 'strength' | 'improvement' | 'question';
  text: string;
}

/** One decision (or a deadline that passed) in the run's log. */
export interface DecisionEntry {
  seq: number;
  nodeId: string;
  /** The choice's id, or `timeout` when the deadline passed with no decision. */
  choiceId: string;
  /** Real time of the decision (epoch ms). */
  at: number;
  /** Real milliseconds spent on this node, pauses excluded. */
  realMs: number;
  /** Real deadline in force when the decision was made, if the timer was on. */
  deadlineAt: number | null;
  /** Simulated minutes since the crisis began, before and after the action. */
  clockBefore: number;
  clockAfter: number;
  modelBefore: ModelState;
  modelAfter: ModelState;
  target: string;
  rationale?: string;
  team?: TeamInput;
  /** Roles that signed the statement off, and the simulated minutes that cost (in the clock above). */
  signoff?: { roles: SignoffRole[]; minutes: number };
}

/** A point on the run's timeline: where the run was, when (simulated), and the public reaction. */
export interface TimelinePoint {
  nodeId: string;
  clock: number;
  model: ModelState;
}

export interface RunContext {
  input: RunInput;
  /** The node the run is at (mirrors the machine's state value, for actions that need it). */
  nodeId: string;
  /** Simulated minutes since the crisis began. */
  clock: number;
  model: ModelState;
  /** The company has made an honest public statement (see `model.ts`). */
  engaged: boolean;
  log: DecisionEntry[];
  /** Every node reached, with the simulated time and model on arrival. */
  arrivals: TimelinePoint[];
  /** Real time the current node was reached, for `realMs`. */
  nodeEnteredAt: number;
  /** Real ms spent paused on the current node. */
  pausedMs: number;
  /** Feed items deleted, with the simulated minute of deletion. */
  deleted: { id: string; clock: number }[];
  /** Injects pushed by a facilitator, at a node and simulated minute. */
  injects: { id: string; nodeId: string; clock: number }[];
  /** Absolute real deadline (epoch ms) for the current node, or null. */
  deadlineAt: number | null;
  /** Real time the clock was paused, or null when running. */
  pausedAt: number | null;
}
