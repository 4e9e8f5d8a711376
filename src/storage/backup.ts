/**
 * Backup files: parsing an untrusted file into validated records, the merge rules used when
 * importing, and the file name + JSON the UI offers as a download. Pure functions; the repository
 * does the reading and writing.
 *
 * Merge rules (importing never deletes or shortens anything already here):
 * - A run with a new id is added.
 * - Same run id, and one event log extends the other: keep the longer log (on a tie, the newer
 *   `updatedAt`; on a full tie, skip — it is the same run).
 * - Same run id but the logs diverge (the run was continued in two browsers): keep both; the
 *   imported one is added under a new id `<id>-copy-<n>` and the report says so.
 * - A scenario with a new id is added; same id and same hash is skipped.
 * - Same scenario id, different hash: the local scenario is kept and the report says so. Nothing is
 *   lost: every run carries the scenario text it was played on, so runs from the backup still
 *   open and continue on their own version. (Renaming the scenario instead would break the link
 *   between its id and the id inside its own file text.)
 * - Settings: only a language not chosen here yet is taken over; `persisted` belongs to this
 *   browser and is never imported.
 * - Quarantined records in a backup are not imported (they are damaged); the report counts them.
 * - A file holding one bare run record (not wrapped in a backup) is imported as that run.
 */
import * as z from 'zod/mini';
import { formatIssues } from './envelope';
import { migrate, MigrationError } from './migrations';
import { lazy } from './lazy';
import { recordSchemas, type RecordData, type RecordKind } from './record-schemas';
import type { BackupFile, QuarantinedRecord, Settings, StoredRun, StoredScenario } from './types';
import { APP_VERSION, RECORD_SCHEMA_VERSION } from './version';

/** `BackupFile.schemaVersion` follows the record schema: a backup's records migrate like stored ones. */
export const BACKUP_SCHEMA_VERSION = RECORD_SCHEMA_VERSION;

const backupShape = lazy(() =>
  z.object({
    kind: z.literal('firebreak-backup'),
    schemaVersion: z.int().check(z.positive()),
    appVersion: z.string().check(z.maxLength(100)),
    exportedAt: z.number(),
    runs: z.array(z.unknown()).check(z.maxLength(100_000)),
    scenarios: z.array(z.unknown()).check(z.maxLength(10_000)),
    settings: z.unknown(),
    quarantined: z.optional(z.array(z.unknown())),
  }),
);

/** A backup file after validation: the records that passed, and a problem line for each that did not. */
export interface ParsedBackup {
  runs: StoredRun[];
  scenarios: StoredScenario[];
  settings: Settings | null;
  quarantinedCount: number;
  problems: string[];
}

/** Why a file cannot be imported at all (not a backup, or from a newer app). */
export class BackupFormatError extends Error {
  override name = 'BackupFormatError';
}

/**
 * Validate an untrusted value (the parsed JSON of a file) as a backup. Each record is migrated from
 * the file's schema version and validated on its own, so one damaged run does not block the rest.
 * Throws `BackupFormatError` only when the file as a whole is unusable.
 */
export function parseBackup(value: unknown): ParsedBackup {
  // A bare run record (an older "export this run" file) is taken as a backup holding that run.
  const run =
    (value as { kind?: unknown } | null)?.kind === undefined
      ? recordSchemas().run.safeParse(value)
      : null;
  if (run?.success)
    return { runs: [run.data], scenarios: [], settings: null, quarantinedCount: 0, problems: [] };
  const shape = backupShape().safeParse(value);
  if (!shape.success)
    throw new BackupFormatError(
      `This file is not a Firebreak backup (${formatIssues(shape.error)}).`,
    );
  const file = shape.data;
  if (file.schemaVersion > RECORD_SCHEMA_VERSION)
    throw new BackupFormatError(
      `This backup was made by a newer version of Firebreak (${file.appVersion}); update the app to import it.`,
    );
  const problems: string[] = [];
  const check = <K extends RecordKind>(
    kind: K,
    data: unknown,
    label: string,
  ): RecordData[K] | null => {
    try {
      const migrated = migrate({ kind, data }, file.schemaVersion).data;
      const parsed = recordSchemas()[kind].safeParse(migrated);
      if (parsed.success) return parsed.data as RecordData[K];
      problems.push(`${label} was not imported: ${formatIssues(parsed.error)}`);
    } catch (err) {
      if (!(err instanceof MigrationError)) throw err;
      problems.push(`${label} was not imported: ${err.message}`);
    }
    return null;
  };
  const runs = file.runs.flatMap(
    (raw, i) => check('run', raw, `run ${describeRecord(raw, i)}`) ?? [],
  );
  const scenarios = file.scenarios.flatMap(
    (raw, i) => check('scenario', raw, `scenario ${describeRecord(raw, i)}`) ?? [],
  );
  const settings =
    file.settings === undefined ? null : check('settings', file.settings, 'the settings');
  const quarantinedCount = file.quarantined?.length ?? 0;
  if (quarantinedCount > 0)
    problems.push(
      `${quarantinedCount} damaged record(s) kept in the backup for repair were not imported.`,
    );
  return { runs, scenarios, settings, quarantinedCount, problems };
}

function describeRecord(raw: unknown, index: number): string {
  const id = (raw as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? `"${id.slice(0, 80)}"` : `#${index + 1}`;
}

/** What to do with an imported run given the one stored under the same id (if any). */
export type RunMerge = 'add' | 'replace' | 'skip' | 'copy';

/** Apply the merge rules above to one run. */
export function mergeRun(existing: StoredRun | null, incoming: StoredRun): RunMerge {
  if (!existing) return 'add';
  const a = existing.events;
  const b = incoming.events;
  const shorter = a.length <= b.length ? a : b;
  const longer = shorter === a ? b : a;
  const prefix = shorter.every((event, i) => sameJson(event, longer[i]));
  if (!prefix) return 'copy';
  if (b.length !== a.length) return b.length > a.length ? 'replace' : 'skip';
  if (incoming.updatedAt > existing.updatedAt) return 'replace';
  return 'skip';
}

/** What to do with an imported scenario given the one stored under the same id (if any). */
export function mergeScenario(
  existing: StoredScenario | null,
  incoming: StoredScenario,
): 'add' | 'skip' | 'conflict' {
  if (!existing) return 'add';
  return existing.hash === incoming.hash ? 'skip' : 'conflict';
}

/** Settings after importing: only fill in what is not set here; never take `persisted` from elsewhere. */
export function mergeSettings(local: Settings, incoming: Settings | null): Settings {
  if (!incoming || local.locale !== null || incoming.locale === null) return local;
  return { ...local, locale: incoming.locale };
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Build a backup file from validated records. */
export function makeBackup(
  parts: {
    runs: StoredRun[];
    scenarios: StoredScenario[];
    settings: Settings;
    quarantined?: QuarantinedRecord[];
  },
  exportedAt: number = Date.now(),
): BackupFile {
  return {
    kind: 'firebreak-backup',
    schemaVersion: BACKUP_SCHEMA_VERSION,
    appVersion: APP_VERSION,
    exportedAt,
    runs: parts.runs,
    scenarios: parts.scenarios,
    settings: parts.settings,
    ...(parts.quarantined && parts.quarantined.length > 0
      ? { quarantined: parts.quarantined }
      : {}),
  };
}

/** A file the UI can offer for download. */
export interface Download {
  fileName: string;
  mimeType: 'application/json';
  json: string;
}

/** Serialise a backup as a download: pretty JSON, and a file name with the date and what it holds. */
export function toDownload(file: BackupFile, what = 'backup'): Download {
  const stamp = new Date(file.exportedAt).toISOString().slice(0, 16).replace(/[:T]/g, '-');
  const safe = what.replace(/[^a-z0-9-]+/gi, '-').slice(0, 80);
  return {
    fileName: `firebreak-${safe}-${stamp}.json`,
    mimeType: 'application/json',
    json: JSON.stringify(file, null, 2),
  };
}
