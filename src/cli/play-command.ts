/** `firebreak play`: walk a run with the given decisions and print where it ended. */
import { formatProblem, playChoices, RunError, viewRun, type Locale } from '../engine';
import { findScenario, out } from './files';

export function runPlay(idOrFile: string, choose: string, opts: { json: boolean; locale: Locale }): number {
  const loaded = findScenario(idOrFile);
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return 1;
  }
  const { compiled } = loaded;
  const choices = choose.split(',').map((c) => c.trim()).filter((c) => c.length > 0);
  let snapshot;
  try {
    snapshot = playChoices(compiled, choices);
  } catch (err) {
    process.stderr.write(`${err instanceof RunError || err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const view = viewRun(compiled, snapshot);
  const t = (text: { ja?: string; en?: string }) => text[opts.locale] ?? text.en ?? text.ja ?? '';
  if (opts.json) {
    out(JSON.stringify({ scenario: compiled.scenario.id, path: choices, ended: view.ended, node: view.nodeId, ending: view.ending?.outcome ?? null, clock: view.clock, model: view.model, log: view.log }, null, 2));
  } else {
    out(`${t(compiled.scenario.title)} (${compiled.scenario.id})`);
    for (const e of view.log) out(`  ${e.seq}. [${e.nodeId}] ${e.choiceId}  t+${e.clockAfter}min  heat ${e.modelAfter.heat} trust ${e.modelAfter.trust}`);
    out(view.ended ? `ended at ${view.nodeId}: ${view.ending?.outcome} — ${t(view.ending!.title)}` : `not ended: at ${view.nodeId}`);
  }
  return 0;
}
