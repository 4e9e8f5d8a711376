// The migration chain: every past version's stored fixtures still open, and the chain mechanics
// (order, gaps, newer versions, failing steps) proven with a synthetic table.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBackup } from '../../../src/storage/backup';
import { openEnvelope } from '../../../src/storage/envelope';
import {
  migrate,
  MigrationError,
  MIGRATIONS,
  type MigrationTable,
} from '../../../src/storage/migrations';
import type { RecordKind } from '../../../src/storage/record-schemas';
import { resumeRun } from '../../../src/storage/resume';
import { RECORD_SCHEMA_VERSION } from '../../../src/storage/version';
import { MINIMAL } from './helpers';

const FIXTURES = 'tests/fixtures/storage';
const versionDirs = readdirSync(FIXTURES)
  .filter((d) => /^v\d+$/.test(d))
  .sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
const read = (dir: string, file: string): unknown =>
  JSON.parse(readFileSync(join(FIXTURES, dir, file), 'utf8'));

describe('migration chain against stored fixtures', () => {
  it('has a fixture folder for every schema version ever written', () => {
    expect(versionDirs).toEqual(
      Array.from({ length: RECORD_SCHEMA_VERSION }, (_, i) => `v${i + 1}`),
    );
  });

  it('has a migration step for every version before the current one', () => {
    for (let v = 1; v < RECORD_SCHEMA_VERSION; v++)
      expect(MIGRATIONS[v], `migration ${v} -> ${v + 1}`).toBeTypeOf('function');
  });

  describe.each(versionDirs)('%s', (dir) => {
    const version = Number(dir.slice(1));
    it.each([
      ['run.json', 'run'],
      ['scenario.json', 'scenario'],
      ['settings.json', 'settings'],
    ] as const)('%s opens as a current %s record', (file, kind: RecordKind) => {
      const raw = read(dir, file) as { schemaVersion: number };
      expect(raw.schemaVersion).toBe(version);
      const opened = openEnvelope(raw, kind);
      expect(opened.ok, opened.ok ? '' : opened.reason).toBe(true);
    });

    it('its run still replays to the same place', () => {
      const opened = openEnvelope(read(dir, 'run.json'), 'run');
      if (!opened.ok) throw new Error(opened.reason);
      const resumed = resumeRun(opened.data, MINIMAL);
      expect(resumed.status).toBe('same');
      if (resumed.status !== 'same') return;
      expect(resumed.snapshot.context.nodeId).toBe('good-end');
      expect(resumed.snapshot.context.log).toHaveLength(1);
      expect(resumed.snapshot.context.log[0]).toMatchObject({
        choiceId: 'apologise',
        rationale: 'Own it early',
        realMs: 15_000,
      });
    });

    it('its backup file imports every record', () => {
      const parsed = parseBackup(read(dir, 'backup.json'));
      expect(parsed.problems).toEqual([]);
      expect(parsed.runs).toHaveLength(1);
      expect(parsed.scenarios).toHaveLength(1);
      expect(parsed.settings).not.toBeNull();
    });
  });
});

describe('migration chain mechanics (synthetic versions)', () => {
  // v1 { name } -> v2 { name, tags } -> v3 { title, tags }
  const table: MigrationTable = {
    1: (r) => ({ ...r, data: { ...(r.data as object), tags: [] } }),
    2: (r) => {
      const { name, ...rest } = r.data as { name: string; tags: string[] };
      return { ...r, data: { ...rest, title: name.toUpperCase() } };
    },
  };

  it('applies each step in order from the record version to the target', () => {
    expect(migrate({ kind: 'run', data: { name: 'a' } }, 1, table, 3)).toEqual({
      kind: 'run',
      data: { tags: [], title: 'A' },
    });
    expect(migrate({ kind: 'run', data: { name: 'b', tags: ['x'] } }, 2, table, 3)).toEqual({
      kind: 'run',
      data: { tags: ['x'], title: 'B' },
    });
  });

  it('leaves a record of the target version alone', () => {
    const record = { kind: 'run' as const, data: { title: 'C', tags: [] } };
    expect(migrate(record, 3, table, 3)).toBe(record);
  });

  it('refuses a gap in the chain', () => {
    expect(() => migrate({ kind: 'run', data: {} }, 1, { 1: table[1]! }, 3)).toThrow(
      /no migration from schema version 2 to 3/,
    );
  });

  it('marks a record from a newer version as newer, not damaged', () => {
    try {
      migrate({ kind: 'run', data: {} }, 4, table, 3);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(MigrationError);
      expect((err as MigrationError).newer).toBe(true);
    }
  });

  it('reports a step that throws, and rejects invalid versions', () => {
    expect(() => migrate({ kind: 'run', data: {} }, 2, table, 3)).toThrow(
      /migration from schema version 2 failed/,
    );
    expect(() => migrate({ kind: 'run', data: {} }, 0, table, 3)).toThrow(/not valid/);
  });

  it('openEnvelope migrates before validating', () => {
    // A synthetic v0-style chain targeting the real current schema: version 1 -> 2 renames a field.
    const chain: MigrationTable = {
      1: (r) => {
        const { lang, ...rest } = r.data as { lang: string; persisted: null };
        return { ...r, data: { ...rest, locale: lang } };
      },
    };
    const raw = {
      schemaVersion: 1,
      appVersion: '0.0.1',
      savedAt: 1,
      kind: 'settings',
      data: { lang: 'en', persisted: null },
    };
    expect(openEnvelope(raw, 'settings', { migrations: chain, version: 2 })).toMatchObject({
      ok: true,
      data: { locale: 'en', persisted: null },
      schemaVersion: 1,
    });
    expect(openEnvelope(raw, 'settings')).toMatchObject({ ok: false });
  });
});
