/**
 * The repository: runs, imported scenarios and settings as versioned envelopes in four key-value
 * stores (IndexedDB through localforage in the app, memory as the fallback and in tests).
 *
 * Guarantees:
 * - Every write validates first (`invalid` if the data is wrong) and resolves only after the store
 *   reports it written. A record is replaced by writing the new envelope over it in one put, never
 *   by deleting first, so a failed write leaves the previous good record in place.
 * - Every read validates (after migrating old versions). A record that fails is moved to the
 *   quarantine store and reported; the others still load. A record written by a *newer* app version
 *   is reported but left where it is, so the newer app can still read it.
 * - Writes from one tab are serialised, so a save cannot interleave with another save's check.
 *   Across tabs, `claimRun` makes sure only one tab drives a run.
 */
import {
  makeBackup,
  mergeRun,
  mergeScenario,
  mergeSettings,
  parseBackup,
  BackupFormatError,
} from './backup';
import { openEnvelope, validateData, wrap } from './envelope';
import { toStorageError } from './errors';
import type { RecordData, RecordKind } from './record-schemas';
import type { KeyValueStore, StoreSet } from './stores';
import {
  StorageError,
  type FirebreakRepository,
  type ImportReport,
  type QuarantinedRecord,
  type Settings,
  type StoredRun,
} from './types';

/** Settings before the user has chosen anything. */
export const DEFAULT_SETTINGS: Settings = Object.freeze({ locale: null, persisted: null });

/** The one key the settings record is stored under. */
const SETTINGS_KEY = 'settings';

type DataStore = 'runs' | 'scenarios' | 'settings';

export interface RepositoryOptions {
  mode: 'persistent' | 'memory';
  fallbackReason?: string | null;
  /** Clock for `savedAt` / `quarantinedAt` / `exportedAt`; injected in tests. */
  now?: () => number;
}

/** Build a repository over a set of stores. `openRepository()` is what the app calls. */
export function createRepository(
  stores: StoreSet,
  options: RepositoryOptions,
): FirebreakRepository {
  const now = options.now ?? Date.now;
  let tail: Promise<unknown> = Promise.resolve();

  /** Run `fn` after every write already queued by this repository (one writer at a time). */
  function exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = tail.then(fn, fn);
    tail = result.catch(() => undefined);
    return result;
  }

  async function guard<T>(action: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw toStorageError(err, action);
    }
  }

  function quarantineKey(store: DataStore, key: string): string {
    return `${store}/${key}`;
  }

  /**
   * Move a bad record to the quarantine store, then remove it from its own store — but only if it
   * is still the same bad value (a save may have replaced it since it was read).
   */
  async function quarantine(
    store: DataStore,
    key: string,
    raw: unknown,
    reason: string,
  ): Promise<QuarantinedRecord> {
    const record: QuarantinedRecord = { key, store, reason, raw, quarantinedAt: now() };
    await exclusive(async () => {
      const current = await stores[store].get(key);
      if (!sameValue(current, raw)) return;
      let qKey = quarantineKey(store, key);
      const already = await stores.quarantine.get(qKey);
      // A different bad value under the same key is kept too, under a distinct key.
      if (already !== null && !sameValue((already as QuarantinedRecord).raw, raw))
        qKey = `${qKey}/${record.quarantinedAt}`;
      await stores.quarantine.set(qKey, record);
      await stores[store].remove(key);
    });
    return record;
  }

  async function listQuarantine(store?: DataStore): Promise<QuarantinedRecord[]> {
    const entries = await stores.quarantine.entries();
    return entries
      .map(([qKey, value]) => asQuarantined(qKey, value))
      .filter((record) => store === undefined || record.store === store);
  }

  /** Read every record of a store: the valid ones, and the quarantined ones (new and old). */
  async function readAll<K extends RecordKind>(
    store: DataStore,
    kind: K,
  ): Promise<{ items: RecordData[K][]; quarantined: QuarantinedRecord[] }> {
    const entries = await stores[store].entries();
    const items: RecordData[K][] = [];
    const reported: QuarantinedRecord[] = [];
    for (const [key, raw] of entries) {
      const opened = openEnvelope(raw, kind);
      if (opened.ok) items.push(opened.data);
      else if (opened.newer) reported.push({ key, store, reason: opened.reason, raw });
      else await quarantine(store, key, raw, opened.reason);
    }
    return { items, quarantined: [...(await listQuarantine(store)), ...reported] };
  }

  /** Read one record; a bad one is quarantined and reported as `invalid`. */
  async function readOne<K extends RecordKind>(
    store: DataStore,
    kind: K,
    key: string,
  ): Promise<RecordData[K] | null> {
    const raw = await stores[store].get(key);
    if (raw === null) return null;
    const opened = openEnvelope(raw, kind);
    if (opened.ok) return opened.data;
    if (!opened.newer) await quarantine(store, key, raw, opened.reason);
    throw new StorageError(
      'invalid',
      opened.newer
        ? `This ${kind} was saved by a newer version of Firebreak; update the app to open it.`
        : `This ${kind}'s saved data is damaged, so it was set aside (not deleted): ${opened.reason}`,
    );
  }

  function checked<K extends RecordKind>(kind: K, data: unknown): RecordData[K] {
    const valid = validateData(kind, data);
    if (!valid.ok)
      throw new StorageError(
        'invalid',
        `The ${kind} was not saved because it is not valid: ${valid.reason}`,
      );
    return valid.data;
  }

  async function write<K extends RecordKind>(
    store: KeyValueStore,
    key: string,
    kind: K,
    data: RecordData[K],
  ): Promise<void> {
    await store.set(key, wrap(kind, data, now()));
  }

  async function getSettings(): Promise<Settings> {
    try {
      return (await readOne('settings', 'settings', SETTINGS_KEY)) ?? { ...DEFAULT_SETTINGS };
    } catch (err) {
      // Damaged settings are quarantined by readOne; settings are not worth stopping the app for.
      if (err instanceof StorageError && err.kind === 'invalid') return { ...DEFAULT_SETTINGS };
      throw err;
    }
  }

  const repository: FirebreakRepository = {
    mode: options.mode,
    fallbackReason: options.fallbackReason ?? null,

    listRuns: () =>
      guard('listing runs', async () => {
        const { items, quarantined } = await readAll('runs', 'run');
        items.sort((a, b) => b.updatedAt - a.updatedAt);
        return { runs: items, quarantined };
      }),

    getRun: (id) => guard('reading a run', () => readOne('runs', 'run', id)),

    /**
     * Rejects `conflict` instead of writing a log that does not extend the stored one (the stored
     * events must be a prefix of `run.events`): the screen is behind another tab, and writing would
     * lose or rewrite decisions. Re-read the run with `getRun` and carry on from there.
     */
    saveRun: (run) =>
      guard('saving the run', () => {
        const data = checked('run', run);
        return exclusive(async () => {
          const raw = await stores.runs.get(data.id);
          if (raw !== null) {
            const opened = openEnvelope(raw, 'run');
            if (opened.ok && !extendsLog(opened.data.events, data.events))
              throw new StorageError(
                'conflict',
                `This run was changed elsewhere (${opened.data.events.length} saved events; this screen has ${data.events.length} that do not follow on from them), probably in another tab. Reload to see the latest; nothing was overwritten.`,
              );
          }
          await write(stores.runs, data.id, 'run', data);
        });
      }),

    deleteRun: (id) => guard('deleting a run', () => exclusive(() => stores.runs.remove(id))),

    listScenarios: () =>
      guard('listing scenarios', async () => {
        const { items, quarantined } = await readAll('scenarios', 'scenario');
        items.sort((a, b) => a.id.localeCompare(b.id));
        return { scenarios: items, quarantined };
      }),

    saveScenario: (scenario) =>
      guard('saving the scenario', () => {
        const data = checked('scenario', scenario);
        return exclusive(() => write(stores.scenarios, data.id, 'scenario', data));
      }),

    deleteScenario: (id) =>
      guard('deleting a scenario', () => exclusive(() => stores.scenarios.remove(id))),

    getSettings: () => guard('reading settings', getSettings),

    saveSettings: (settings) =>
      guard('saving settings', () => {
        const data = checked('settings', settings);
        return exclusive(() => write(stores.settings, SETTINGS_KEY, 'settings', data));
      }),

    exportAll: () =>
      guard('exporting a backup', async () => {
        const { items: runs } = await readAll('runs', 'run');
        const { items: scenarios } = await readAll('scenarios', 'scenario');
        return makeBackup(
          { runs, scenarios, settings: await getSettings(), quarantined: await listQuarantine() },
          now(),
        );
      }),

    exportRun: (id) =>
      guard('exporting a run', async () => {
        const run = await readOne('runs', 'run', id);
        if (!run) throw new StorageError('invalid', `There is no saved run "${id}" to export.`);
        return makeBackup({ runs: [run], scenarios: [], settings: { ...DEFAULT_SETTINGS } }, now());
      }),

    importAll: (backup) =>
      guard('importing a backup', async () => {
        let parsed;
        try {
          parsed = parseBackup(backup);
        } catch (err) {
          if (err instanceof BackupFormatError) throw new StorageError('invalid', err.message);
          throw err;
        }
        const report: ImportReport = {
          runsAdded: 0,
          runsUpdated: 0,
          runsSkipped: 0,
          scenariosAdded: 0,
          scenariosSkipped: 0,
          problems: [...parsed.problems],
        };
        await exclusive(async () => {
          const runs = new Map((await listRunsValidUnlocked()).map((r) => [r.id, r]));
          for (const incoming of parsed.runs) {
            const existing = runs.get(incoming.id) ?? null;
            const decision = mergeRun(existing, incoming);
            if (decision === 'skip') {
              report.runsSkipped++;
              continue;
            }
            let record = incoming;
            if (decision === 'copy') {
              let n = 1;
              while (runs.has(`${incoming.id}-copy-${n}`)) n++;
              record = { ...incoming, id: `${incoming.id}-copy-${n}` };
              report.problems.push(
                `Run "${incoming.id}" was continued differently here and in the backup; both are kept (the backup's as "${record.id}").`,
              );
            }
            await write(stores.runs, record.id, 'run', record);
            runs.set(record.id, record);
            if (decision === 'replace') report.runsUpdated++;
            else report.runsAdded++;
          }
          const scenarios = new Map(
            (await readAllUnlocked('scenarios', 'scenario')).map((s) => [s.id, s]),
          );
          for (const incoming of parsed.scenarios) {
            const decision = mergeScenario(scenarios.get(incoming.id) ?? null, incoming);
            if (decision === 'add') {
              await write(stores.scenarios, incoming.id, 'scenario', incoming);
              scenarios.set(incoming.id, incoming);
              report.scenariosAdded++;
            } else {
              report.scenariosSkipped++;
              if (decision === 'conflict')
                report.problems.push(
                  `Scenario "${incoming.id}" in the backup is a different version from the one here; the one here was kept. Runs from the backup still carry their own copy of it.`,
                );
            }
          }
          // Damaged settings are left alone here (the next read quarantines them), never overwritten.
          const rawSettings = await stores.settings.get(SETTINGS_KEY);
          const opened = rawSettings === null ? null : openEnvelope(rawSettings, 'settings');
          if (opened === null || opened.ok) {
            const local = opened?.data ?? { ...DEFAULT_SETTINGS };
            const merged = mergeSettings(local, parsed.settings);
            if (merged !== local) await write(stores.settings, SETTINGS_KEY, 'settings', merged);
          }
        });
        return report;
      }),

    listQuarantine: () => guard('listing damaged records', () => listQuarantine()),

    discardQuarantined: (record) =>
      guard('discarding a damaged record', () =>
        exclusive(async () => {
          for (const [qKey, value] of await stores.quarantine.entries()) {
            const q = asQuarantined(qKey, value);
            if (q.store === record.store && q.key === record.key)
              await stores.quarantine.remove(qKey);
          }
        }),
      ),
  };

  // Inside `exclusive` a read must not queue (it would wait for itself), and bad records found
  // here are left for the next listing to quarantine.
  async function readAllUnlocked<K extends RecordKind>(
    store: DataStore,
    kind: K,
  ): Promise<RecordData[K][]> {
    const out: RecordData[K][] = [];
    for (const [, raw] of await stores[store].entries()) {
      const opened = openEnvelope(raw, kind);
      if (opened.ok) out.push(opened.data);
    }
    return out;
  }
  const listRunsValidUnlocked = (): Promise<StoredRun[]> => readAllUnlocked('runs', 'run');

  return repository;
}

/** Quarantine entries are written by us, but read defensively: the store itself may be damaged. */
function asQuarantined(qKey: string, value: unknown): QuarantinedRecord {
  const v = (value ?? {}) as Partial<QuarantinedRecord>;
  const [prefix, ...rest] = qKey.split('/');
  const store = v.store ?? (prefix === 'scenarios' || prefix === 'settings' ? prefix : 'runs');
  return {
    key: typeof v.key === 'string' ? v.key : rest.join('/'),
    store,
    reason: typeof v.reason === 'string' ? v.reason : 'unknown',
    raw: 'raw' in v ? v.raw : value,
    ...(typeof v.quarantinedAt === 'number' ? { quarantinedAt: v.quarantinedAt } : {}),
  };
}

/** Whether `next` keeps every event of `saved`, in order, at the start. */
function extendsLog(saved: readonly unknown[], next: readonly unknown[]): boolean {
  return saved.length <= next.length && saved.every((event, i) => sameValue(event, next[i]));
}

function sameValue(a: unknown, b: unknown): boolean {
  try {
    return JSON.stringify(a) === JSON.stringify(b);
  } catch {
    return a === b;
  }
}
