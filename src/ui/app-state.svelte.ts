/**
 * The app's shared state: the repository (the storage contract of `src/storage`), the runs and
 * imported scenarios it holds, settings, and the banners storage problems raise. Components read it
 * through `getApp()`; tests build one with a memory repository and a manual clock.
 *
 * Storage errors are never swallowed: every failure lands in `problem` (a banner) or is rethrown to
 * the caller that shows it in place.
 */
import { getContext, setContext } from 'svelte';
import type { CatalogEntry } from 'virtual:scenario-catalog';
import type { Locale, Scenario } from '../engine/schema';
import type { CompiledScenario, ScenarioProblem } from '../engine';
import { catalogEntry } from '../engine/catalog';
import {
  StorageError,
  type ImportReport,
  type Repository,
  type RunLease,
  type Settings,
  type StoredRun,
  type StoredScenario,
} from '../storage/types';
import { realClock, type Clock } from './clock';
import { downloadText, fileStamp } from './download';
import { i18n } from './i18n/index.svelte';

/** A library card: a built-in scenario, or one a facilitator imported. */
export interface LibraryEntry extends CatalogEntry {
  imported: boolean;
}

/** Where scenarios come from; the built-in catalog in the app, fixtures in tests. */
export interface ScenarioSource {
  catalog: CatalogEntry[];
  loaders: Record<string, () => Promise<{ default: Scenario }>>;
}

/** A storage problem shown as a banner. */
export interface Problem {
  kind: 'storage' | 'write-failed';
  message: string;
  /** Retries the failed operation (write-failed only). */
  retry?: () => Promise<void>;
  /** Exports what could not be saved (write-failed only). */
  exportData?: () => void;
}

/** Turn any thrown value into a `StorageError` so the UI always has a kind and a message. */
export function asStorageError(err: unknown): StorageError {
  if (err instanceof StorageError) return err;
  return new StorageError('unknown', err instanceof Error ? err.message : String(err), err);
}

/**
 * The engine's compiler, loaded on first use so the library screen's initial bundle stays small.
 * Built-in scenarios arrive validated at build time, so playing one needs only this.
 */
const loadCompiler = () => import('../engine/run');

/**
 * The scenario-file loader (YAML parser, zod validation, graph check): a separate chunk, loaded
 * only for imported scenarios and runs whose scenario changed since they started. The YAML parser
 * alone is about half of the engine's code.
 */
const loadImporter = () => import('../engine/load');

export class AppState {
  repo = $state.raw<Repository | null>(null);
  runs = $state.raw<StoredRun[]>([]);
  importedScenarios = $state.raw<StoredScenario[]>([]);
  importedEntries = $state.raw<LibraryEntry[]>([]);
  settings = $state.raw<Settings>({ locale: null, persisted: null });
  quarantined = $state(0);
  problem = $state.raw<Problem | null>(null);
  ready = $state(false);

  readonly clock: Clock;
  readonly source: ScenarioSource;
  /** Claim a run for this tab (one driver per run, others read-only); injectable for tests. */
  readonly claimRun: (runId: string) => Promise<RunLease>;
  private readonly openRepo: () => Promise<Repository>;
  private localeBeforeOpen: Locale | null = null;
  // A plain cache, deliberately not reactive: nothing renders from it.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private compiledCache = new Map<string, Promise<CompiledScenario>>();

  constructor(options: {
    openRepository: () => Promise<Repository>;
    claimRun: (runId: string) => Promise<RunLease>;
    source: ScenarioSource;
    clock?: Clock;
  }) {
    this.openRepo = options.openRepository;
    this.claimRun = options.claimRun;
    this.source = options.source;
    this.clock = options.clock ?? realClock;
  }

  /** Every scenario the library shows: built-in first, then imported ones. */
  get library(): LibraryEntry[] {
    return [
      ...this.source.catalog.map((c) => ({ ...c, imported: false })),
      ...this.importedEntries,
    ];
  }

  get mode(): 'persistent' | 'memory' | null {
    return this.repo?.mode ?? null;
  }

  /** Open the repository and read runs, imported scenarios and settings. */
  async init(): Promise<void> {
    const repo = await this.openRepo();
    this.repo = repo;
    try {
      const stored = await repo.getSettings();
      // A language picked while storage was opening wins over the stored one, and is saved.
      const chosen = this.localeBeforeOpen;
      this.settings = chosen ? { ...stored, locale: chosen } : stored;
      if (chosen) await repo.saveSettings(this.settings);
      else if (stored.locale) i18n.locale = stored.locale;
      await this.refresh();
    } catch (err) {
      this.report(err);
    }
    this.ready = true;
  }

  /** Re-read runs and imported scenarios (after a save, an import, another tab's update). */
  async refresh(): Promise<void> {
    const repo = this.requireRepo();
    const [runs, scenarios] = await Promise.all([repo.listRuns(), repo.listScenarios()]);
    this.runs = runs.runs.sort((a, b) => b.updatedAt - a.updatedAt);
    this.quarantined = runs.quarantined.length + scenarios.quarantined.length;
    this.importedScenarios = scenarios.scenarios;
    if (scenarios.scenarios.length > 0) await this.indexImported(scenarios.scenarios);
    else this.importedEntries = [];
  }

  /** Show a storage problem as a banner (never swallowed). */
  report(err: unknown): void {
    const e = asStorageError(err);
    this.problem = { kind: 'storage', message: e.message };
  }

  dismissProblem(): void {
    this.problem = null;
  }

  /** Save a run; rejects with a `StorageError` the caller must show. */
  async saveRun(run: StoredRun): Promise<void> {
    try {
      await this.requireRepo().saveRun(run);
    } catch (err) {
      throw asStorageError(err);
    }
    this.runs = [run, ...this.runs.filter((r) => r.id !== run.id)];
  }

  async getRun(id: string): Promise<StoredRun | null> {
    return this.requireRepo().getRun(id);
  }

  /**
   * Switch the UI language and remember it. The header's switch works from the first paint; a
   * choice made before storage has opened is kept and saved by `init`.
   */
  async setLocale(locale: Locale): Promise<void> {
    i18n.locale = locale;
    if (!this.repo) {
      this.localeBeforeOpen = locale;
      return;
    }
    await this.saveSettings({ ...this.settings, locale });
  }

  async saveSettings(settings: Settings): Promise<void> {
    this.settings = settings;
    try {
      await this.requireRepo().saveSettings(settings);
    } catch (err) {
      this.report(err);
    }
  }

  /** Ask the browser not to evict our data, and remember the answer. */
  async requestPersistence(): Promise<void> {
    const granted = (await globalThis.navigator?.storage?.persist?.()) ?? null;
    await this.saveSettings({ ...this.settings, persisted: granted });
  }

  /** Download every run, imported scenario and setting as one JSON file. */
  async exportBackup(): Promise<void> {
    try {
      const backup = await this.requireRepo().exportAll();
      downloadText(
        `firebreak-backup-${fileStamp()}.json`,
        JSON.stringify(backup, null, 2),
        'application/json',
      );
    } catch (err) {
      this.report(err);
    }
  }

  /** Merge a backup file's content into storage. */
  async importBackup(text: string): Promise<ImportReport> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new StorageError('invalid', `not a JSON file: ${(err as Error).message}`, err);
    }
    const report = await this.requireRepo().importAll(parsed);
    await this.refresh();
    return report;
  }

  /**
   * Validate a scenario file with the engine and store it. The YAML parser comes with the engine
   * chunk, loaded only here and when a run needs it.
   */
  async importScenarioFile(
    fileName: string,
    text: string,
  ): Promise<{ ok: true; title: Scenario['title'] } | { ok: false; problems: ScenarioProblem[] }> {
    const engine = await loadImporter();
    const loaded = engine.loadScenario(text, fileName);
    if (!loaded.ok)
      return { ok: false, problems: loaded.problems.filter((p) => p.severity === 'error') };
    const { scenario, hash } = loaded.compiled;
    await this.requireRepo().saveScenario({
      id: scenario.id,
      // The record keeps at most 500 characters of a name (record-schemas.ts); a longer one is
      // only a label, so it is shortened rather than refused.
      fileName: fileName.slice(0, 500),
      text,
      hash,
      importedAt: this.clock.now(),
    });
    await this.refresh();
    return { ok: true, title: scenario.title };
  }

  /** The compiled scenario for a library id (built-in or imported). Cached per id. */
  compiled(id: string): Promise<CompiledScenario> {
    let cached = this.compiledCache.get(id);
    if (!cached) {
      cached = this.compile(id);
      this.compiledCache.set(id, cached);
      cached.catch(() => this.compiledCache.delete(id));
    }
    return cached;
  }

  /** The library still has the run's scenario, but edited since the run started (its hash differs). */
  scenarioChanged(run: StoredRun): boolean {
    const entry = this.library.find((e) => e.id === run.scenarioId);
    return !!entry && entry.hash !== run.scenarioHash;
  }

  /**
   * The scenario a stored run was played on: the current one when its hash still matches, else the
   * text stored with the run (so an edited scenario never breaks an old run's replay).
   */
  async compiledForRun(run: StoredRun): Promise<CompiledScenario> {
    const inLibrary = this.library.some((e) => e.id === run.scenarioId);
    if (inLibrary && !this.scenarioChanged(run)) return this.compiled(run.scenarioId);
    const engine = await loadImporter();
    const loaded = engine.loadScenario(run.scenarioText, `${run.scenarioId} (stored with the run)`);
    if (!loaded.ok) throw new Error(loaded.problems.map(engine.formatProblem).join('\n'));
    return loaded.compiled;
  }

  /** Download one run (the recovery path when a write fails). */
  exportRun(run: StoredRun): void {
    downloadText(`firebreak-run-${run.id}.json`, JSON.stringify(run, null, 2), 'application/json');
  }

  private async compile(id: string): Promise<CompiledScenario> {
    const loader = this.source.loaders[id];
    if (loader) {
      const [{ compileScenario }, { default: scenario }] = await Promise.all([
        loadCompiler(),
        loader(),
      ]);
      return compileScenario(scenario);
    }
    const stored = this.importedScenarios.find((s) => s.id === id);
    if (!stored) throw new Error(`no scenario "${id}"`);
    const engine = await loadImporter();
    const loaded = engine.loadScenario(stored.text, stored.fileName);
    if (!loaded.ok) throw new Error(loaded.problems.map(engine.formatProblem).join('\n'));
    return loaded.compiled;
  }

  private async indexImported(stored: StoredScenario[]): Promise<void> {
    if (stored.length === 0) {
      this.importedEntries = [];
      return;
    }
    const engine = await loadImporter();
    const entries: LibraryEntry[] = [];
    for (const s of stored) {
      // A built-in id wins: an imported copy of a built-in would otherwise show twice.
      if (this.source.catalog.some((c) => c.id === s.id)) continue;
      const loaded = engine.loadScenario(s.text, s.fileName);
      if (!loaded.ok) continue;
      entries.push({ ...catalogEntry(loaded.compiled), imported: true });
    }
    this.importedEntries = entries;
  }

  private requireRepo(): Repository {
    if (!this.repo) throw new StorageError('unavailable', 'storage is not open yet');
    return this.repo;
  }
}

const KEY = Symbol('firebreak-app');

/** Make the app state available to every component below. */
export function setApp(app: AppState): void {
  setContext(KEY, app);
}

/** The app state set by `setApp` (the root component, or a test's `context`). */
export function getApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('AppState missing: render inside <App> or pass it as context');
  return app;
}

export { KEY as APP_CONTEXT_KEY };
