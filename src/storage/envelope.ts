/**
 * Versioned envelopes: every record is stored as `{ schemaVersion, appVersion, savedAt, kind, data }`
 * so a later app version knows what it is reading, migrates it, and validates it before use.
 */
import * as z from 'zod/mini';
import { migrate, MigrationError, MIGRATIONS, type MigrationTable } from './migrations';
import { lazy } from './lazy';
import { recordSchemas, type RecordData, type RecordKind } from './record-schemas';
import { APP_VERSION, RECORD_SCHEMA_VERSION } from './version';

/** A record as it sits in a store. */
export interface Envelope<K extends RecordKind = RecordKind> {
  schemaVersion: number;
  appVersion: string;
  /** Real time of the write (epoch ms). */
  savedAt: number;
  kind: K;
  data: RecordData[K];
}

/** The envelope's own shape; `data` is checked separately, after migration. Built on first use. */
const envelopeShape = lazy(() =>
  z.object({
    schemaVersion: z.int().check(z.positive()),
    appVersion: z.string().check(z.maxLength(100)),
    savedAt: z.number(),
    kind: z.enum(['run', 'scenario', 'settings']),
    data: z.unknown(),
  }),
);

/** Wrap validated data in an envelope of the current version. */
export function wrap<K extends RecordKind>(
  kind: K,
  data: RecordData[K],
  savedAt: number = Date.now(),
): Envelope<K> {
  return { schemaVersion: RECORD_SCHEMA_VERSION, appVersion: APP_VERSION, savedAt, kind, data };
}

/** The outcome of opening an envelope. */
export type Opened<K extends RecordKind> =
  | { ok: true; data: RecordData[K]; schemaVersion: number; savedAt: number }
  | {
      ok: false;
      /** Plain-words reason, with the path of the first bad field when validation failed. */
      reason: string;
      /** Written by a newer app version: report it but leave it where it is. */
      newer: boolean;
    };

/** Options for tests of the chain mechanics; the app always uses the defaults. */
export interface OpenOptions {
  migrations?: MigrationTable;
  version?: number;
}

/**
 * Check a raw stored value: it must be an envelope of the expected kind, migrate to the current
 * version, and validate against the current schema. Never throws.
 */
export function openEnvelope<K extends RecordKind>(
  raw: unknown,
  kind: K,
  options: OpenOptions = {},
): Opened<K> {
  const shape = envelopeShape().safeParse(raw);
  if (!shape.success)
    return {
      ok: false,
      reason: `not a Firebreak record: ${formatIssues(shape.error)}`,
      newer: false,
    };
  const envelope = shape.data;
  if (envelope.kind !== kind)
    return {
      ok: false,
      reason: `expected a ${kind} record but found a ${envelope.kind} record`,
      newer: false,
    };
  let data: unknown;
  try {
    data = migrate(
      { kind, data: envelope.data },
      envelope.schemaVersion,
      options.migrations ?? MIGRATIONS,
      options.version ?? RECORD_SCHEMA_VERSION,
    ).data;
  } catch (err) {
    if (err instanceof MigrationError) return { ok: false, reason: err.message, newer: err.newer };
    throw err;
  }
  const parsed = recordSchemas()[kind].safeParse(data);
  if (!parsed.success)
    return {
      ok: false,
      reason: `invalid ${kind} record: ${formatIssues(parsed.error)}`,
      newer: false,
    };
  return {
    ok: true,
    data: parsed.data as RecordData[K],
    schemaVersion: envelope.schemaVersion,
    savedAt: envelope.savedAt,
  };
}

/** Check data of the current version (e.g. before a write, or a record in a backup file). */
export function validateData<K extends RecordKind>(
  kind: K,
  data: unknown,
): { ok: true; data: RecordData[K] } | { ok: false; reason: string } {
  const parsed = recordSchemas()[kind].safeParse(data);
  return parsed.success
    ? { ok: true, data: parsed.data as RecordData[K] }
    : { ok: false, reason: `invalid ${kind} record: ${formatIssues(parsed.error)}` };
}

/** zod issues as one readable line, each with the path of the bad field (first three only). */
export function formatIssues(error: z.core.$ZodError): string {
  const issues = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(record)';
    return `${path}: ${issue.message}`;
  });
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : '';
  return issues.join('; ') + more;
}
