import 'fake-indexeddb/auto';
import localforage from 'localforage';
import { describe, expect, it, vi } from 'vitest';
import { wrap } from '../../../src/storage/envelope';
import { openPersistentRepository, openRepository } from '../../../src/storage/open';
import type { LocalforageLike, StoreName } from '../../../src/storage/stores';
import { StorageError } from '../../../src/storage/types';
import { freshDbName, instancesOn, makeRun, MINIMAL, MINIMAL_TEXT, openOn } from './helpers';

describe('IndexedDB repository: CRUD', () => {
  it('opens in persistent mode', async () => {
    const repo = await openOn(freshDbName());
    expect(repo.mode).toBe('persistent');
    expect(repo.fallbackReason).toBeNull();
  });

  it('saves, reads back after reopening, lists newest first and deletes runs', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    const older = makeRun('older', [], { updatedAt: 10 });
    const newer = makeRun('newer', ['apologise'], { updatedAt: 20 });
    await repo.saveRun(older);
    await repo.saveRun(newer);
    const reopened = await openOn(db);
    expect(await reopened.getRun('newer')).toEqual(newer);
    expect(await reopened.getRun('missing')).toBeNull();
    const { runs, quarantined } = await reopened.listRuns();
    expect(runs.map((r) => r.id)).toEqual(['newer', 'older']);
    expect(quarantined).toEqual([]);
    await reopened.deleteRun('older');
    expect((await reopened.listRuns()).runs.map((r) => r.id)).toEqual(['newer']);
  });

  it('stores every record as a versioned envelope', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    await repo.saveRun(makeRun('r1'));
    const raw = await instancesOn(db)('runs').getItem<Record<string, unknown>>('r1');
    expect(raw).toMatchObject({
      schemaVersion: 1,
      appVersion: '0.1.0',
      kind: 'run',
      data: { id: 'r1' },
    });
    expect(typeof raw?.savedAt).toBe('number');
  });

  it('saves, lists and deletes imported scenarios', async () => {
    const repo = await openOn(freshDbName());
    const scenario = {
      id: 'minimal',
      fileName: 'minimal.yaml',
      text: MINIMAL_TEXT,
      hash: MINIMAL.hash,
      importedAt: 1,
    };
    await repo.saveScenario(scenario);
    expect((await repo.listScenarios()).scenarios).toEqual([scenario]);
    await repo.deleteScenario('minimal');
    expect((await repo.listScenarios()).scenarios).toEqual([]);
  });

  it('keeps settings, with defaults before anything is chosen', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    expect(await repo.getSettings()).toEqual({ locale: null, persisted: null });
    await repo.saveSettings({ locale: 'ja', persisted: true });
    expect(await (await openOn(db)).getSettings()).toEqual({ locale: 'ja', persisted: true });
  });

  it('rejects invalid data with kind "invalid" and writes nothing', async () => {
    const repo = await openOn(freshDbName());
    const bad = { ...makeRun('bad'), mode: 'chaos' } as unknown as ReturnType<typeof makeRun>;
    await expect(repo.saveRun(bad)).rejects.toMatchObject({
      name: 'StorageError',
      kind: 'invalid',
    });
    expect(await repo.getRun('bad')).toBeNull();
  });

  it('refuses to replace a longer stored log with a shorter one (a stale tab), with kind "conflict"', async () => {
    const repo = await openOn(freshDbName());
    await repo.saveRun(makeRun('r', ['apologise']));
    await expect(repo.saveRun(makeRun('r', []))).rejects.toMatchObject({ kind: 'conflict' });
    expect((await repo.getRun('r'))?.events).toHaveLength(1);
  });

  it('refuses a log of the same length that rewrites a saved decision (a stale tab promoted to driver)', async () => {
    const repo = await openOn(freshDbName());
    await repo.saveRun(makeRun('r', ['apologise']));
    await expect(repo.saveRun(makeRun('r', ['wait']))).rejects.toMatchObject({
      kind: 'conflict',
      message: expect.stringMatching(/nothing was overwritten/),
    });
    expect(await repo.getRun('r')).toEqual(makeRun('r', ['apologise']));
    // Extending the saved log, or saving it unchanged with new metadata, is fine.
    await repo.saveRun(makeRun('r', ['apologise'], { team: 'renamed', updatedAt: 5000 }));
    expect((await repo.getRun('r'))?.team).toBe('renamed');
  });

  it('serialises concurrent saves so the last one called wins', async () => {
    const repo = await openOn(freshDbName());
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) => repo.saveRun(makeRun('r', [], { team: `t${n}`, updatedAt: n }))),
    );
    expect((await repo.getRun('r'))?.team).toBe('t5');
  });
});

describe('quarantine', () => {
  it('moves a damaged record aside, reports it, and still loads the rest', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    await repo.saveRun(makeRun('good-1'));
    await repo.saveRun(makeRun('good-2'));
    await repo.saveRun(makeRun('victim'));
    // Damage one record directly in IndexedDB, as a bug or a bad disk would.
    const runsStore = instancesOn(db)('runs');
    const damaged = {
      ...wrap('run', makeRun('victim')),
      data: { id: 'victim', events: 'garbage' },
    };
    await runsStore.setItem('victim', damaged);
    await runsStore.setItem('not-an-envelope', 'hello');

    const listed = await (await openOn(db)).listRuns();
    expect(listed.runs.map((r) => r.id).sort()).toEqual(['good-1', 'good-2']);
    expect(listed.quarantined).toHaveLength(2);
    const victim = listed.quarantined.find((q) => q.key === 'victim');
    expect(victim).toMatchObject({ store: 'runs', raw: damaged });
    expect(victim?.reason).toMatch(/invalid run record/);
    // Moved, not dropped: the quarantine store has it, the runs store no longer does.
    expect(await runsStore.getItem('victim')).toBeNull();
    const again = await repo.listRuns();
    expect(again.quarantined.map((q) => q.key).sort()).toEqual(['not-an-envelope', 'victim']);
    expect((await repo.listQuarantine()).length).toBe(2);
    // Backups carry damaged records along.
    expect((await repo.exportAll()).quarantined).toHaveLength(2);
    await repo.discardQuarantined({ store: 'runs', key: 'victim' });
    expect((await repo.listRuns()).quarantined.map((q) => q.key)).toEqual(['not-an-envelope']);
  });

  it('getRun of a damaged record rejects "invalid" and sets it aside', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    await instancesOn(db)('runs').setItem('r', {
      schemaVersion: 1,
      appVersion: 'x',
      savedAt: 1,
      kind: 'run',
      data: {},
    });
    await expect(repo.getRun('r')).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/set aside/),
    });
    expect((await repo.listRuns()).quarantined.map((q) => q.key)).toEqual(['r']);
  });

  it('reports a record from a newer app version but leaves it in place', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    const future = { ...wrap('run', makeRun('future')), schemaVersion: 99 };
    await instancesOn(db)('runs').setItem('future', future);
    const listed = await repo.listRuns();
    expect(listed.runs).toEqual([]);
    expect(listed.quarantined).toEqual([
      expect.objectContaining({ key: 'future', reason: expect.stringMatching(/newer version/) }),
    ]);
    expect(await instancesOn(db)('runs').getItem('future')).toEqual(future);
  });

  it('damaged settings fall back to defaults and are quarantined', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    await instancesOn(db)('settings').setItem('settings', { nonsense: true });
    expect(await repo.getSettings()).toEqual({ locale: null, persisted: null });
    expect(await repo.listQuarantine()).toEqual([
      expect.objectContaining({ store: 'settings', key: 'settings' }),
    ]);
  });

  it('damaged scenarios are reported by listScenarios', async () => {
    const db = freshDbName();
    const repo = await openOn(db);
    await instancesOn(db)('scenarios').setItem('x', wrap('run', makeRun('x')));
    const listed = await repo.listScenarios();
    expect(listed.scenarios).toEqual([]);
    expect(listed.quarantined).toEqual([
      expect.objectContaining({
        store: 'scenarios',
        key: 'x',
        reason: 'expected a scenario record but found a run record',
      }),
    ]);
  });
});

/** A localforage stand-in whose writes fail with the given error, over a real store for reads. */
function failingDriver(db: string, error: () => unknown, failOn: StoreName[] = ['runs']) {
  const real = instancesOn(db);
  let armed = false;
  const create = (storeName: StoreName): LocalforageLike => {
    const inner = real(storeName);
    return {
      ready: () => inner.ready(),
      getItem: (k) => inner.getItem(k),
      iterate: (fn) => inner.iterate(fn),
      removeItem: (k) => inner.removeItem(k),
      setItem: (k, v) =>
        armed && failOn.includes(storeName) ? Promise.reject(error()) : inner.setItem(k, v),
    } as LocalforageLike;
  };
  return { create, arm: () => (armed = true) };
}

describe('write failures', () => {
  it('maps QuotaExceededError to "quota" and keeps the previous good record', async () => {
    const db = freshDbName();
    const driver = failingDriver(
      db,
      () => new DOMException('The quota has been exceeded.', 'QuotaExceededError'),
    );
    const repo = await openPersistentRepository({ createInstance: driver.create });
    const first = makeRun('r', []);
    await repo.saveRun(first);
    driver.arm();
    const err = await repo.saveRun(makeRun('r', ['apologise'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(err).toMatchObject({
      kind: 'quota',
      message: expect.stringMatching(/storage .* is full.*still there/s),
    });
    expect(await (await openOn(db)).getRun('r')).toEqual(first);
  });

  it('maps a closed or missing database to "unavailable"', async () => {
    const db = freshDbName();
    const driver = failingDriver(
      db,
      () => new DOMException('The database connection is closing.', 'InvalidStateError'),
    );
    const repo = await openPersistentRepository({ createInstance: driver.create });
    driver.arm();
    await expect(repo.saveRun(makeRun('r'))).rejects.toMatchObject({ kind: 'unavailable' });
  });

  it('maps anything else to "unknown" and keeps the cause', async () => {
    const db = freshDbName();
    const cause = new Error('disk on fire');
    const driver = failingDriver(db, () => cause);
    const repo = await openPersistentRepository({ createInstance: driver.create });
    driver.arm();
    await expect(repo.saveRun(makeRun('r'))).rejects.toMatchObject({ kind: 'unknown', cause });
  });

  it('a failed write does not block later writes', async () => {
    const db = freshDbName();
    let fail = true;
    const driver = failingDriver(db, () => new DOMException('full', 'QuotaExceededError'));
    const repo = await openPersistentRepository({
      createInstance: (name) => {
        const inner = driver.create(name);
        return {
          ...inner,
          setItem: (k: string, v: unknown) =>
            name === 'runs' && fail
              ? ((fail = false), Promise.reject(new DOMException('full', 'QuotaExceededError')))
              : inner.setItem(k, v),
        } as LocalforageLike;
      },
    });
    await expect(repo.saveRun(makeRun('r'))).rejects.toMatchObject({ kind: 'quota' });
    await repo.saveRun(makeRun('r'));
    expect(await repo.getRun('r')).not.toBeNull();
  });
});

describe('openRepository', () => {
  it('falls back to memory with a plain reason when the driver fails to open', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const repo = await openRepository({
      createInstance: () =>
        ({
          ready: () => Promise.reject(new Error('No available storage method found.')),
        }) as unknown as LocalforageLike,
    });
    expect(repo.mode).toBe('memory');
    expect(repo.fallbackReason).toMatch(/will not survive a reload/);
    // The memory repository still works, so the drill can go on (and be exported).
    await repo.saveRun(makeRun('r'));
    expect((await repo.listRuns()).runs).toHaveLength(1);
    warn.mockRestore();
  });

  it('falls back when the test write is refused (private mode, storage turned off)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const driver = failingDriver(
      freshDbName(),
      () => new DOMException('denied', 'InvalidStateError'),
      ['settings'],
    );
    driver.arm();
    const repo = await openRepository({ createInstance: driver.create });
    expect(repo.mode).toBe('memory');
    expect(repo.fallbackReason).toMatch(/refused to save/);
    warn.mockRestore();
  });

  it('keeps saved runs readable when the disk is already full at start; the next save says so', async () => {
    const db = freshDbName();
    const driver = failingDriver(db, () => new DOMException('full', 'QuotaExceededError'), [
      'settings',
      'runs',
    ]);
    const before = await openRepository({ createInstance: driver.create });
    await before.saveRun(makeRun('saved'));
    driver.arm();
    const repo = await openRepository({ createInstance: driver.create });
    expect(repo.mode).toBe('persistent');
    expect((await repo.listRuns()).runs.map((r) => r.id)).toEqual(['saved']);
    await expect(repo.saveRun(makeRun('new'))).rejects.toMatchObject({ kind: 'quota' });
  });

  it('falls back when opening hangs (database blocked by another tab)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const repo = await openRepository({
      timeoutMs: 50,
      createInstance: () => ({ ready: () => new Promise(() => {}) }) as unknown as LocalforageLike,
    });
    expect(repo.mode).toBe('memory');
    expect(repo.fallbackReason).toMatch(/did not open its storage in time/);
    warn.mockRestore();
  });

  it('uses IndexedDB by default when it works', async () => {
    const repo = await openRepository();
    expect(repo.mode).toBe('persistent');
    // The default database really is "firebreak", in four stores.
    await repo.saveSettings({ locale: 'en', persisted: null });
    const raw = await localforage
      .createInstance({ name: 'firebreak', storeName: 'settings' })
      .getItem('settings');
    expect(raw).toMatchObject({ kind: 'settings' });
  });
});
