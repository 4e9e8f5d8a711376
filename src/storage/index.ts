/**
 * Storage entry point: the only module that touches localforage. The app calls, in order:
 * `openRepository()` once at start-up (never rejects; check `mode`/`fallbackReason` for the
 * memory-mode banner), `claimRun(id)` when a run screen opens, `saveRun` before showing each
 * decision as made (with `retrying` around it), `resumeRun` (from `./resume`) to rebuild a stored
 * run, and
 * `downloadableBackup` / `downloadableRun` for the export buttons.
 */
import { makeBackup, toDownload, type Download } from './backup';
import type { FirebreakRepository, StoredRun } from './types';

export * from './types';
export { createMemoryRepository } from './memory';
export { openRepository, openPersistentRepository, type OpenOptions } from './open';
export { createRepository, DEFAULT_SETTINGS, type RepositoryOptions } from './repository';
export {
  claimRun,
  browserLockEnvironment,
  lockName,
  CHANNEL_NAME,
  type LockEnvironment,
  type LockManagerLike,
  type ChannelLike,
  type RunSavedMessage,
} from './run-lock';
export { retrying, type RetryOptions } from './retry';
export { toStorageError, errorKind, messageFor } from './errors';
export {
  requestPersistence,
  storageEstimate,
  type StorageEstimateView,
  type StorageManagerLike,
} from './persistence';
// `resume.ts` (resumeRun, rebaseRun) runs the engine, so it is not re-exported here: this entry
// point loads right after the first screen and must not pull the lazily loaded engine. Import it
// from its module where the engine is already loaded (the run screens).
export type { ResumeResult, Replayed, ReplayFailure } from './resume';
export {
  makeBackup,
  parseBackup,
  mergeRun,
  mergeScenario,
  mergeSettings,
  toDownload,
  BACKUP_SCHEMA_VERSION,
  type Download,
  type ParsedBackup,
} from './backup';
export { APP_VERSION, RECORD_SCHEMA_VERSION } from './version';

/** Everything (runs, imported scenarios, settings, damaged records) as a JSON file to download. */
export async function downloadableBackup(repo: FirebreakRepository): Promise<Download> {
  return toDownload(await repo.exportAll(), 'backup');
}

/** One run as a JSON file to download (import it back with `importAll`). */
export async function downloadableRun(repo: FirebreakRepository, runId: string): Promise<Download> {
  const file = await repo.exportRun(runId);
  const run = file.runs[0];
  return toDownload(file, run ? `run-${run.scenarioId}-${run.id}` : 'run');
}

/**
 * A run held only in the app as a JSON file to download — the "export" offered when saving it
 * failed (full disk, storage gone). Same backup format, so `importAll` takes it back.
 */
export function downloadableRunRecord(run: StoredRun): Download {
  return toDownload(
    makeBackup({ runs: [run], scenarios: [], settings: { locale: null, persisted: null } }),
    `run-${run.scenarioId}-${run.id}`,
  );
}
