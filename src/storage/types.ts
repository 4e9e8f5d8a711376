/**
 * The storage contract between the app and `src/storage` (the only module that touches
 * localforage). The app codes against `Repository`; `openRepository()` returns a persistent one
 * when IndexedDB works, or a memory one (with `mode: 'memory'`) when it does not.
 *
 * Every write can fail: methods reject with a `StorageError` whose `kind` the UI turns into a
 * clear message. A failed write never overwrites what was saved before.
 */
import type { Locale, ObserverNote, RunEvent, RunInput, RunMode, ScoreCard } from '../engine';

/** A run as stored: the event log is the source of truth; everything else is derived or metadata. */
export interface StoredRun {
  id: string;
  scenarioId: string;
  /** Content hash and version of the scenario the run was played on (see `CompiledScenario.hash`). */
  scenarioHash: string;
  scenarioVersion: number;
  /** The scenario file text the run started on, so it can continue on that version if the scenario changes. */
  scenarioText: string;
  input: RunInput;
  events: RunEvent[];
  mode: RunMode;
  team: string;
  participants: string[];
  locale: Locale;
  status: 'active' | 'finished';
  createdAt: number;
  updatedAt: number;
  /** Observer notes taken during the run (facilitated workshops). */
  notes?: ObserverNote[];
  /** Summary kept for the history list once the run has ended. */
  result?: Pick<
    ScoreCard,
    'overall' | 'grade' | 'outcome' | 'speed' | 'transparency' | 'tone' | 'strategyFit'
  >;
}

/** A scenario file a facilitator imported; validated before it is stored. */
export interface StoredScenario {
  id: string;
  fileName: string;
  text: string;
  hash: string;
  importedAt: number;
}

export interface Settings {
  locale: Locale | null;
  /** Result of `navigator.storage.persist()`, or null if never asked / unsupported. */
  persisted: boolean | null;
}

/** A record that failed validation on read: kept aside and reported, never dropped. */
export interface QuarantinedRecord {
  key: string;
  store: 'runs' | 'scenarios' | 'settings';
  reason: string;
  raw: unknown;
  /** When it was set aside (epoch ms); absent for a record left in place (written by a newer app version). */
  quarantinedAt?: number;
}

export type StorageErrorKind = 'quota' | 'unavailable' | 'conflict' | 'invalid' | 'unknown';

/** A storage failure the UI must show to the user. */
export class StorageError extends Error {
  override name = 'StorageError';
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    override readonly cause?: unknown,
  ) {
    super(message);
  }
}

/** One JSON file with everything: runs, imported scenarios, settings. */
export interface BackupFile {
  kind: 'firebreak-backup';
  schemaVersion: number;
  appVersion: string;
  exportedAt: number;
  runs: StoredRun[];
  scenarios: StoredScenario[];
  settings: Settings;
  /**
   * Records that failed validation here, carried along so a backup really holds everything
   * (a developer can repair them). `importAll` does not import them; it reports how many there were.
   */
  quarantined?: QuarantinedRecord[];
}

export interface ImportReport {
  runsAdded: number;
  runsUpdated: number;
  runsSkipped: number;
  scenariosAdded: number;
  scenariosSkipped: number;
  problems: string[];
}

export interface Repository {
  /** `persistent` when backed by IndexedDB; `memory` when progress will not survive a reload. */
  readonly mode: 'persistent' | 'memory';
  /** Why the repository fell back to memory, if it did. */
  readonly fallbackReason: string | null;
  listRuns(): Promise<{ runs: StoredRun[]; quarantined: QuarantinedRecord[] }>;
  getRun(id: string): Promise<StoredRun | null>;
  /** Save (insert or replace) a run. Resolves only once the write is durable. */
  saveRun(run: StoredRun): Promise<void>;
  deleteRun(id: string): Promise<void>;
  listScenarios(): Promise<{ scenarios: StoredScenario[]; quarantined: QuarantinedRecord[] }>;
  saveScenario(scenario: StoredScenario): Promise<void>;
  deleteScenario(id: string): Promise<void>;
  getSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  exportAll(): Promise<BackupFile>;
  importAll(backup: unknown): Promise<ImportReport>;
}

/**
 * A tab's hold on one run. Exactly one tab drives a run (Web Locks); others are viewers that show
 * it read-only and refresh when the driver saves (BroadcastChannel).
 */
export interface RunLease {
  readonly runId: string;
  /** Current role; a viewer becomes the driver when the driving tab closes. */
  readonly role: 'driver' | 'viewer';
  /** Called when the role changes. Returns an unsubscribe function. */
  onRoleChange(listener: (role: 'driver' | 'viewer') => void): () => void;
  /** Called when another tab saved this run. Returns an unsubscribe function. */
  onRemoteUpdate(listener: () => void): () => void;
  /** Tell other tabs this run was saved (the driver calls it after each successful save). */
  notifySaved(): void;
  /** Give up the hold (leaving the run screen). */
  release(): void;
}

/**
 * What `openRepository()` actually returns: the `Repository` contract plus the quarantine and the
 * per-run export. Both the IndexedDB and the memory repository implement it.
 */
export interface FirebreakRepository extends Repository {
  /** Every record set aside because it failed validation (all stores). */
  listQuarantine(): Promise<QuarantinedRecord[]>;
  /**
   * Delete a quarantined record for good. Only on the user's explicit request (e.g. after they
   * exported a backup, which carries quarantined records along).
   */
  discardQuarantined(record: Pick<QuarantinedRecord, 'store' | 'key'>): Promise<void>;
  /** A backup file holding just this run (import it with `importAll`). Rejects `invalid` if there is no such run. */
  exportRun(id: string): Promise<BackupFile>;
}
