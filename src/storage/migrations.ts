/**
 * The migration chain for stored records. `MIGRATIONS[n]` turns a record of schema version `n`
 * into version `n + 1`; reading a record of version `v` applies `MIGRATIONS[v]`, `MIGRATIONS[v+1]`,
 * ... up to `RECORD_SCHEMA_VERSION`, then validates the result with the current schemas.
 *
 * Adding version 2 is: write `MIGRATIONS[1]`, bump `RECORD_SCHEMA_VERSION`, change
 * `record-schemas.ts` to the new shapes, and add `tests/fixtures/storage/v2/` (records as v2 writes
 * them) so the chain keeps being tested from every past version. Migrations are pure functions of
 * the old record; they never read storage or the clock, so the same input always migrates the same.
 */
import type { RecordKind } from './record-schemas';
import { RECORD_SCHEMA_VERSION } from './version';

/** A record's kind and payload, as a migration sees it (the payload is not validated yet). */
export interface VersionedRecord {
  kind: RecordKind;
  data: unknown;
}

/** Turns a record of version N into version N + 1. May throw if the old record cannot be converted. */
export type Migration = (record: VersionedRecord) => VersionedRecord;

/** Migrations keyed by the version they migrate *from*. */
export type MigrationTable = Readonly<Record<number, Migration>>;

/** The app's migrations. Empty while version 1 is the only version that has ever been written. */
export const MIGRATIONS: MigrationTable = Object.freeze({});

/** Why a record could not be brought to the current version. */
export class MigrationError extends Error {
  override name = 'MigrationError';
  constructor(
    message: string,
    /** True when the record was written by a newer app version: keep it untouched, do not quarantine. */
    readonly newer = false,
  ) {
    super(message);
  }
}

/**
 * Bring a record from version `from` to version `to` by applying each step of the chain in order.
 * Throws `MigrationError` for a version newer than `to`, a missing step, or a step that throws.
 */
export function migrate(
  record: VersionedRecord,
  from: number,
  table: MigrationTable = MIGRATIONS,
  to: number = RECORD_SCHEMA_VERSION,
): VersionedRecord {
  if (!Number.isInteger(from) || from < 1)
    throw new MigrationError(`schema version ${String(from)} is not valid`);
  if (from > to)
    throw new MigrationError(
      `written by a newer version of Firebreak (schema ${from}; this app reads up to ${to})`,
      true,
    );
  let current = record;
  for (let version = from; version < to; version++) {
    const step = table[version];
    if (!step)
      throw new MigrationError(`no migration from schema version ${version} to ${version + 1}`);
    try {
      current = step(current);
    } catch (err) {
      throw new MigrationError(`migration from schema version ${version} failed: ${describe(err)}`);
    }
    if (current.kind !== record.kind)
      throw new MigrationError(`migration from schema version ${version} changed the record kind`);
  }
  return current;
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
