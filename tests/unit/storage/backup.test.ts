import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { mergeRun, parseBackup } from '../../../src/storage/backup';
import {
  downloadableBackup,
  downloadableRun,
  downloadableRunRecord,
} from '../../../src/storage/index';
import { createMemoryRepository } from '../../../src/storage/memory';
import type { BackupFile, FirebreakRepository, StoredScenario } from '../../../src/storage/types';
import { freshDbName, makeRun, MINIMAL, MINIMAL_TEXT, openOn } from './helpers';

const scenario = (hash = MINIMAL.hash): StoredScenario => ({
  id: 'minimal',
  fileName: 'minimal.yaml',
  text: MINIMAL_TEXT,
  hash,
  importedAt: 5,
});

async function seeded(): Promise<FirebreakRepository> {
  const repo = await openOn(freshDbName());
  await repo.saveRun(makeRun('a', ['apologise']));
  await repo.saveRun(makeRun('b'));
  await repo.saveScenario(scenario());
  await repo.saveSettings({ locale: 'ja', persisted: true });
  return repo;
}

describe('backup round trip', () => {
  it('exports everything and imports it into an empty repository unchanged (through JSON)', async () => {
    const source = await seeded();
    const file = await source.exportAll();
    expect(file).toMatchObject({ kind: 'firebreak-backup', schemaVersion: 1, appVersion: '0.1.0' });
    const target = await openOn(freshDbName());
    const report = await target.importAll(JSON.parse(JSON.stringify(file)));
    expect(report).toEqual({
      runsAdded: 2,
      runsUpdated: 0,
      runsSkipped: 0,
      scenariosAdded: 1,
      scenariosSkipped: 0,
      problems: [],
    });
    expect((await target.listRuns()).runs).toEqual((await source.listRuns()).runs);
    expect((await target.listScenarios()).scenarios).toEqual([scenario()]);
    // The language comes along; whether storage is persistent belongs to the other browser.
    expect(await target.getSettings()).toEqual({ locale: 'ja', persisted: null });
  });

  it('importing the same backup twice adds nothing', async () => {
    const repo = await seeded();
    const file = await repo.exportAll();
    const report = await repo.importAll(file);
    expect(report).toMatchObject({
      runsAdded: 0,
      runsUpdated: 0,
      runsSkipped: 2,
      scenariosAdded: 0,
      scenariosSkipped: 1,
      problems: [],
    });
    expect((await repo.listRuns()).runs).toHaveLength(2);
  });

  it('keeps the run with more events, whichever side has it', async () => {
    const repo = await openOn(freshDbName());
    await repo.saveRun(makeRun('short'));
    await repo.saveRun(makeRun('long', ['apologise']));
    const incoming: BackupFile = {
      kind: 'firebreak-backup',
      schemaVersion: 1,
      appVersion: '0.1.0',
      exportedAt: 1,
      runs: [
        makeRun('short', ['wait'], { updatedAt: 1 }),
        makeRun('long', [], { updatedAt: 9999 }),
      ],
      scenarios: [],
      settings: { locale: null, persisted: null },
    };
    const report = await repo.importAll(incoming);
    expect(report).toMatchObject({ runsAdded: 0, runsUpdated: 1, runsSkipped: 1 });
    expect(
      (await repo.getRun('short'))?.events.map((e) => e.type === 'choice.select' && e.choiceId),
    ).toEqual(['wait']);
    expect((await repo.getRun('long'))?.events).toHaveLength(1);
  });

  it('on equal logs keeps the newer updatedAt', async () => {
    expect(mergeRun(makeRun('r', [], { updatedAt: 1 }), makeRun('r', [], { updatedAt: 2 }))).toBe(
      'replace',
    );
    expect(mergeRun(makeRun('r', [], { updatedAt: 2 }), makeRun('r', [], { updatedAt: 1 }))).toBe(
      'skip',
    );
  });

  it('keeps both runs when the same run was continued differently in two browsers', async () => {
    const repo = await openOn(freshDbName());
    await repo.saveRun(makeRun('r', ['apologise']));
    const report = await repo.importAll({
      kind: 'firebreak-backup',
      schemaVersion: 1,
      appVersion: '0.1.0',
      exportedAt: 1,
      runs: [makeRun('r', ['wait'])],
      scenarios: [],
      settings: { locale: null, persisted: null },
    });
    expect(report.runsAdded).toBe(1);
    expect(report.problems).toEqual([expect.stringMatching(/both are kept .*"r-copy-1"/)]);
    expect((await repo.listRuns()).runs.map((r) => r.id).sort()).toEqual(['r', 'r-copy-1']);
  });

  it('keeps the local scenario when the backup has a different version under the same id, and says so', async () => {
    const repo = await seeded();
    const report = await repo.importAll({
      kind: 'firebreak-backup',
      schemaVersion: 1,
      appVersion: '0.1.0',
      exportedAt: 1,
      runs: [],
      scenarios: [scenario('ffffffffffffffff')],
      settings: { locale: null, persisted: null },
    });
    expect(report).toMatchObject({ scenariosAdded: 0, scenariosSkipped: 1 });
    expect(report.problems).toEqual([
      expect.stringMatching(/different version .* the one here was kept/),
    ]);
    expect((await repo.listScenarios()).scenarios[0]?.hash).toBe(MINIMAL.hash);
  });

  it('imports the valid records of a partly damaged file and reports the rest', async () => {
    const repo = await openOn(freshDbName());
    const report = await repo.importAll({
      kind: 'firebreak-backup',
      schemaVersion: 1,
      appVersion: '0.1.0',
      exportedAt: 1,
      runs: [makeRun('ok'), { id: 'broken', events: 3 }, 'junk'],
      scenarios: [],
      settings: { locale: 'xx', persisted: null },
      quarantined: [{ key: 'k', store: 'runs', reason: 'r', raw: null }],
    });
    expect(report.runsAdded).toBe(1);
    expect(report.problems).toEqual([
      expect.stringMatching(/^run "broken" was not imported: /),
      expect.stringMatching(/^run #3 was not imported: /),
      expect.stringMatching(/^the settings was not imported: locale/),
      expect.stringMatching(/1 damaged record/),
    ]);
  });

  it('rejects a file that is not a backup, or is from a newer app, with kind "invalid"', async () => {
    const repo = createMemoryRepository();
    await expect(repo.importAll({ hello: 'world' })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/not a Firebreak backup/),
    });
    await expect(
      repo.importAll({
        kind: 'firebreak-backup',
        schemaVersion: 99,
        appVersion: '9.0.0',
        exportedAt: 1,
        runs: [],
        scenarios: [],
        settings: {},
      }),
    ).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/newer version/) });
  });

  it('imports a bare run record (a single-run file) as that run', async () => {
    const repo = createMemoryRepository();
    const run = makeRun('bare', ['apologise']);
    expect(await repo.importAll(JSON.parse(JSON.stringify(run)))).toMatchObject({
      runsAdded: 1,
      problems: [],
    });
    expect(await repo.getRun('bare')).toEqual(run);
  });

  it('parseBackup refuses non-objects', () => {
    expect(() => parseBackup(null)).toThrow(/not a Firebreak backup/);
  });
});

describe('per-run export and downloads', () => {
  it('exports one run as an importable backup', async () => {
    const repo = await seeded();
    const file = await repo.exportRun('a');
    expect(file.runs.map((r) => r.id)).toEqual(['a']);
    expect(file.scenarios).toEqual([]);
    const target = createMemoryRepository();
    expect(await target.importAll(file)).toMatchObject({ runsAdded: 1 });
    expect(await target.getRun('a')).toEqual(await repo.getRun('a'));
    await expect(repo.exportRun('nope')).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('builds downloads with a JSON body and a dated file name', async () => {
    const repo = await seeded();
    const all = await downloadableBackup(repo);
    expect(all.fileName).toMatch(/^firebreak-backup-\d{4}-\d\d-\d\d-\d\d-\d\d\.json$/);
    expect(all.mimeType).toBe('application/json');
    expect(JSON.parse(all.json)).toMatchObject({ kind: 'firebreak-backup', runs: [{}, {}] });
    const one = await downloadableRun(repo, 'a');
    expect(one.fileName).toMatch(/^firebreak-run-minimal-a-/);
    const unsaved = downloadableRunRecord(makeRun('in-memory-only', ['wait']));
    expect(await createMemoryRepository().importAll(JSON.parse(unsaved.json))).toMatchObject({
      runsAdded: 1,
    });
  });
});
