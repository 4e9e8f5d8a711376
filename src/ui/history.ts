/** History list logic: finished runs, newest first, and the two-run selection for comparing. */
import type { StoredRun } from '../storage/types';

/** Finished runs, newest first. */
export function finishedRuns(runs: readonly StoredRun[]): StoredRun[] {
  return runs.filter((r) => r.status === 'finished').sort((a, b) => b.updatedAt - a.updatedAt);
}

/** Toggle a run in a selection of at most two (selecting a third drops the oldest pick). */
export function toggleSelection(selected: readonly string[], id: string): string[] {
  if (selected.includes(id)) return selected.filter((s) => s !== id);
  return [...selected, id].slice(-2);
}
