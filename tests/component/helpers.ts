/** Shared setup for component tests: an AppState over a memory repository, fixture scenarios, a manual clock. */
import { readFileSync } from 'node:fs';
import { cleanup } from '@testing-library/svelte';
import { afterEach, vi } from 'vitest';
import {
  catalogEntry,
  loadScenario,
  replayRun,
  type CompiledScenario,
  type RunEvent,
} from '../../src/engine';
import {
  createMemoryRepository,
  type Repository,
  type RunLease,
  type StoredRun,
} from '../../src/storage';
import { AppState, APP_CONTEXT_KEY } from '../../src/ui/app-state.svelte';
import { createManualClock } from '../../src/ui/clock';
import { i18n } from '../../src/ui/i18n/index.svelte';
import { resultOf } from '../../src/ui/run-session.svelte';
import { createRun } from '../../src/ui/run-factory';

// jsdom has no ResizeObserver (Svelte's bind:clientWidth uses it); a no-op one keeps the default size.
globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// Vitest globals are off, so testing-library cannot register its own cleanup.
afterEach(() => cleanup());

export function fixture(path: string): CompiledScenario {
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.compiled;
}

export const feedDrill = () => fixture('tests/component/fixtures/feed-drill.yaml');
export const minimal = () => fixture('tests/fixtures/scenarios/minimal.yaml');

/** A lease that is always the driver (or a viewer, when asked). */
export function fakeLease(runId: string, role: 'driver' | 'viewer' = 'driver'): RunLease {
  return {
    runId,
    role,
    onRoleChange: () => () => {},
    onRemoteUpdate: () => () => {},
    notifySaved: () => {},
    release: () => {},
  };
}

export interface TestApp {
  app: AppState;
  repo: Repository;
  clock: ReturnType<typeof createManualClock>;
  context: Map<unknown, unknown>;
}

/** An initialised app over the given scenarios (as the built-in catalog). */
export async function makeApp(
  scenarios: CompiledScenario[],
  options: { repo?: Repository; role?: 'driver' | 'viewer' } = {},
): Promise<TestApp> {
  const t = makeUnopenedApp(scenarios, options);
  await t.app.init();
  return t;
}

/** An app whose storage has not opened yet (as between the first paint and `init`). */
export function makeUnopenedApp(
  scenarios: CompiledScenario[],
  options: { repo?: Repository; role?: 'driver' | 'viewer' } = {},
): TestApp {
  i18n.locale = 'en';
  const repo = options.repo ?? createMemoryRepository();
  const clock = createManualClock();
  const app = new AppState({
    openRepository: async () => repo,
    claimRun: async (id) => fakeLease(id, options.role),
    clock,
    source: {
      catalog: scenarios.map(catalogEntry),
      loaders: Object.fromEntries(
        scenarios.map((c) => [c.scenario.id, async () => ({ default: c.scenario })]),
      ),
    },
  });
  return { app, repo, clock, context: new Map([[APP_CONTEXT_KEY, app]]) };
}

/** Store a run (optionally already played) and return it. */
export async function storeRun(
  t: TestApp,
  compiled: CompiledScenario,
  options: {
    id: string;
    mode?: 'learning' | 'assessment';
    timer?: boolean;
    team?: string;
    choices?: string[];
  },
): Promise<StoredRun> {
  let run = createRun(
    compiled,
    {
      mode: options.mode ?? 'learning',
      timer: options.timer ?? false,
      team: options.team ?? 'Team A',
      locale: 'en',
    },
    { now: t.clock.now(), id: options.id, seed: 42 },
  );
  const events: RunEvent[] = (options.choices ?? []).map((choiceId, i) => ({
    type: 'choice.select',
    choiceId,
    at: t.clock.now() + (i + 1) * 1000,
  }));
  if (events.length > 0) {
    const snapshot = replayRun(compiled, run.input, events);
    const ended = snapshot.status === 'done';
    run = {
      ...run,
      events,
      status: ended ? 'finished' : 'active',
      updatedAt: run.updatedAt + events.length * 1000,
      ...(ended ? { result: resultOf(compiled, snapshot) } : {}),
    };
  }
  await t.app.saveRun(run);
  return run;
}

/** jsdom's Blob has no `text()`; FileReader works. */
export const readBlob = (blob: Blob): Promise<string> =>
  new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });

/**
 * Capture the files the app offers as downloads (object URL + a clicked link) instead of saving
 * them: `blobs` in the order offered, `click` the spied link click. Undo with `vi.restoreAllMocks()`.
 */
export function captureDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((b: Blob) => (blobs.push(b), 'blob:x'));
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
  return { blobs, click };
}
