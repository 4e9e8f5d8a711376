/** `firebreak check`: validate scenario files and print their graph statistics. */
import {
  findBestPath,
  findWorstPath,
  formatProblem,
  type GraphStats,
  type ScenarioProblem,
  type ScoredPath,
} from '../engine';
import { loadFile, out, scenarioFiles } from './files';

interface CheckResult {
  file: string;
  id?: string;
  ok: boolean;
  stats?: GraphStats;
  best?: PathSummary;
  worst?: PathSummary;
  problems: ScenarioProblem[];
}

interface PathSummary {
  choices: string[];
  overall: number;
  outcome: string | null;
}

const summary = (p: ScoredPath): PathSummary => ({
  choices: p.choices,
  overall: p.score.overall,
  outcome: p.score.outcome,
});

/** Scenarios with more static paths than this are not enumerated for best/worst paths. */
const MAX_ENUMERATED_PATHS = 50_000;

const num = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en') : 'unbounded');

export function runCheck(targets: readonly string[], opts: { json: boolean }): number {
  const files = scenarioFiles(targets);
  const results: CheckResult[] = files.map((file) => {
    const loaded = loadFile(file);
    return loaded.ok
      ? {
          file,
          id: loaded.compiled.scenario.id,
          ok: true,
          stats: loaded.stats,
          // Best and worst paths need every run walked; skip scenarios too large to enumerate.
          ...(loaded.stats.paths <= MAX_ENUMERATED_PATHS
            ? {
                best: summary(findBestPath(loaded.compiled)),
                worst: summary(findWorstPath(loaded.compiled)),
              }
            : {}),
          problems: loaded.warnings,
        }
      : {
          file,
          ok: false,
          ...(loaded.stats ? { stats: loaded.stats } : {}),
          problems: loaded.problems,
        };
  });
  const allOk = results.length > 0 && results.every((r) => r.ok);
  if (opts.json) {
    out(
      JSON.stringify(
        { ok: allOk, scenarios: results },
        (_k, v: unknown) => (v === Infinity ? null : v),
        2,
      ),
    );
  } else {
    if (results.length === 0) out('no scenario files found');
    for (const r of results) {
      if (r.ok && r.stats) {
        const s = r.stats;
        out(
          `ok   ${r.file} (${r.id}): ${s.nodes} nodes, ${s.endings} endings, ${num(s.paths)} paths, shortest ${s.shortest}, longest ${num(s.longest)} decisions`,
        );
        if (r.best)
          out(`     best:  ${r.best.overall} (${r.best.outcome}) ${r.best.choices.join(',')}`);
        if (r.worst)
          out(`     worst: ${r.worst.overall} (${r.worst.outcome}) ${r.worst.choices.join(',')}`);
      } else {
        out(`FAIL ${r.file}`);
      }
      for (const p of r.problems) out(`     ${formatProblem(p)}`);
    }
  }
  return allOk ? 0 : 1;
}
