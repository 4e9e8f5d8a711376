/**
 * A workshop's team runs: which stored runs take part, and reading the files teams hand over (pure
 * apart from the engine calls; tested).
 */
import {
  compareRuns,
  replayRun,
  type CompiledScenario,
  type WorkshopComparison,
} from '../../engine';
import { makeBackup, type BackupFile, type StoredRun } from '../../storage';
import { teamLabels } from './compare-grid';

/** The runs of one scenario, oldest first (the order teams were added). */
export function runsOf(runs: readonly StoredRun[], scenarioId: string): StoredRun[] {
  return runs.filter((r) => r.scenarioId === scenarioId).sort((a, b) => a.createdAt - b.createdAt);
}

/**
 * Compare the given runs over the scenario. Runs that cannot be replayed on it (played on an edited
 * version of the scenario) are listed in `skipped`, never silently dropped.
 */
export function compareTeamRuns(
  compiled: CompiledScenario,
  runs: readonly StoredRun[],
  unnamed: string,
): { comparison: WorkshopComparison | null; skipped: StoredRun[] } {
  const labels = teamLabels(runs, unnamed);
  const teams = [];
  const skipped: StoredRun[] = [];
  for (const run of runs) {
    try {
      const snapshot = replayRun(compiled, run.input, run.events);
      if (snapshot.context.log.length === 0) continue;
      teams.push({ team: labels.get(run.id)!, snapshot });
    } catch {
      skipped.push(run);
    }
  }
  return { comparison: teams.length >= 2 ? compareRuns(compiled, teams) : null, skipped };
}

/**
 * A file a team handed over, as a backup the repository can import: a backup file as exported
 * (Export on a run, Settings → Backup), or a bare run record. Returns the run ids it holds.
 */
export function asBackup(text: string): {
  backup: BackupFile | Record<string, unknown>;
  runIds: string[];
} {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null) throw new Error('not a Firebreak file');
  const obj = data as Record<string, unknown>;
  if (obj.kind === 'firebreak-backup') {
    const runs = Array.isArray(obj.runs) ? obj.runs : [];
    return {
      backup: obj,
      runIds: runs
        .map((r) => (typeof r === 'object' && r !== null ? (r as { id?: unknown }).id : null))
        .filter((id): id is string => typeof id === 'string'),
    };
  }
  if (
    typeof obj.id === 'string' &&
    Array.isArray(obj.events) &&
    typeof obj.scenarioId === 'string'
  ) {
    // The repository validates the record on import; here it is only wrapped.
    return {
      backup: makeBackup({
        runs: [obj as unknown as StoredRun],
        scenarios: [],
        settings: { locale: null, persisted: null },
      }),
      runIds: [obj.id],
    };
  }
  throw new Error('not a Firebreak run or backup file');
}
