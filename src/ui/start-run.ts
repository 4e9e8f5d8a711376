/**
 * Starting a run from a set-up screen (the briefing, the team drill, the workshop): a new run with
 * a fresh id and seed, saved before the screen that plays it opens.
 */
import type { CompiledScenario } from '../engine';
import type { StoredRun } from '../storage/types';
import { asStorageError, type AppState } from './app-state.svelte';
import { router, type Route } from './router.svelte';
import { createRun, newRunId, newSeed, type RunOptions } from './run-factory';

/** A new run of `compiled`, created now (by the app's clock) with a fresh id and seed. */
export function newRun(app: AppState, compiled: CompiledScenario, options: RunOptions): StoredRun {
  return createRun(compiled, options, { now: app.clock.now(), id: newRunId(), seed: newSeed() });
}

/**
 * Save a new run, then open `route`. Resolves to null, or to the storage error's message when the
 * run could not be saved (and nothing opens).
 */
export async function saveAndOpen(
  app: AppState,
  run: StoredRun,
  route: Route,
): Promise<string | null> {
  try {
    await app.saveRun(run);
  } catch (err) {
    return asStorageError(err).message;
  }
  router.go(route);
  return null;
}
