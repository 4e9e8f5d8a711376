/**
 * Version stamps written into every stored record and backup file. Bump `RECORD_SCHEMA_VERSION`
 * only together with a migration in `migrations.ts` and a fixture of the old version in
 * `tests/fixtures/storage/`.
 */

/** The app's version, recorded in envelopes so a support question can tell who wrote a record. */
export const APP_VERSION = '0.1.0';

/** The version of the record shapes in `record-schemas.ts`; records of older versions are migrated on read. */
export const RECORD_SCHEMA_VERSION = 1;
