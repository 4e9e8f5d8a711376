/**
 * A repository held in memory: the fallback when IndexedDB is unavailable (private mode, blocked
 * storage), and a handy double in component tests. Progress here does not survive a reload.
 */
import type { BackupFile, ImportReport, Repository, Settings, StoredRun, StoredScenario } from './types';

export const APP_VERSION = '0.1.0';
export const BACKUP_SCHEMA_VERSION = 1;

const clone = <T>(value: T): T => structuredClone(value);

export function createMemoryRepository(fallbackReason: string | null = null): Repository {
  const runs = new Map<string, StoredRun>();
  const scenarios = new Map<string, StoredScenario>();
  let settings: Settings = { locale: null, persisted: null };
  return {
    mode: 'memory',
    fallbackReason,
    async listRuns() {
      return { runs: [...runs.values()].map(clone), quarantined: [] };
    },
    async getRun(id) {
      const run = runs.get(id);
      return run ? clone(run) : null;
    },
    async saveRun(run) {
      runs.set(run.id, clone(run));
    },
    async deleteRun(id) {
      runs.delete(id);
    },
    async listScenarios() {
      return { scenarios: [...scenarios.values()].map(clone), quarantined: [] };
    },
    async saveScenario(scenario) {
      scenarios.set(scenario.id, clone(scenario));
    },
    async deleteScenario(id) {
      scenarios.delete(id);
    },
    async getSettings() {
      return clone(settings);
    },
    async saveSettings(next) {
      settings = clone(next);
    },
    async exportAll(): Promise<BackupFile> {
      return {
        kind: 'firebreak-backup',
        schemaVersion: BACKUP_SCHEMA_VERSION,
        appVersion: APP_VERSION,
        exportedAt: Date.now(),
        runs: [...runs.values()].map(clone),
        scenarios: [...scenarios.values()].map(clone),
        settings: clone(settings),
      };
    },
    async importAll(backup): Promise<ImportReport> {
      const report: ImportReport = { runsAdded: 0, runsUpdated: 0, runsSkipped: 0, scenariosAdded: 0, scenariosSkipped: 0, problems: [] };
      const file = backup as Partial<BackupFile>;
      for (const run of file.runs ?? []) {
        const existing = runs.get(run.id);
        if (!existing) (runs.set(run.id, clone(run)), report.runsAdded++);
        else if (run.updatedAt > existing.updatedAt) (runs.set(run.id, clone(run)), report.runsUpdated++);
        else report.runsSkipped++;
      }
      for (const s of file.scenarios ?? []) {
        if (scenarios.has(s.id)) report.scenariosSkipped++;
        else (scenarios.set(s.id, clone(s)), report.scenariosAdded++);
      }
      return report;
    },
  };
}
