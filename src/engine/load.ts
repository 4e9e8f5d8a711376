/**
 * One call from file text to a playable scenario: parse, validate, graph-check, compile. This is
 * what the app's importer, the built-in library and the CLI use.
 */
import { checkScenario, type GraphStats } from './check';
import { loadScenarioText, type ScenarioProblem } from './loader';

export { formatProblem } from './loader';
import { compileScenario, type CompiledScenario } from './run';

export type LoadedScenario =
  | { ok: true; compiled: CompiledScenario; stats: GraphStats; warnings: ScenarioProblem[] }
  | { ok: false; problems: ScenarioProblem[]; stats?: GraphStats };

/** Parse, validate, check and compile a scenario file's text. Never throws for bad input. */
export function loadScenario(text: string, file: string): LoadedScenario {
  const loaded = loadScenarioText(text, file);
  if (!loaded.ok) return { ok: false, problems: loaded.problems };
  const report = checkScenario(loaded.scenario, file);
  const errors = report.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0) return { ok: false, problems: report.problems, stats: report.stats };
  const warnings = report.problems.filter((p) => p.severity === 'warning');
  return { ok: true, compiled: compileScenario(loaded.scenario), stats: report.stats, warnings };
}
