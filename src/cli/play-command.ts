/** `firebreak play`: walk a run with the given decisions and print the ending, scores and debrief. */
import {
  buildDebrief,
  debriefToMarkdown,
  formatProblem,
  playChoices,
  viewRun,
  WALK_INPUT,
  type Locale,
} from '../engine';
import { findScenario, out } from './files';

export function runPlay(
  idOrFile: string,
  choose: string,
  opts: { json: boolean; locale: Locale },
): number {
  const loaded = findScenario(idOrFile);
  if (!loaded.ok) {
    for (const p of loaded.problems) process.stderr.write(`${formatProblem(p)}\n`);
    return 1;
  }
  const { compiled } = loaded;
  const choices = choose
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
  let snapshot;
  try {
    snapshot = playChoices(compiled, choices);
  } catch (err) {
    // An unavailable choice: the message names the node and the choices it offers.
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
  const view = viewRun(compiled, snapshot);
  const debrief = buildDebrief(compiled, snapshot, {
    mode: 'assessment',
    team: 'cli',
    participants: [],
    startedAt: WALK_INPUT.startedAt,
    endedAt: null,
  });
  const s = debrief.scores;
  if (opts.json) {
    out(
      JSON.stringify(
        {
          scenario: compiled.scenario.id,
          path: choices,
          ended: view.ended,
          node: view.nodeId,
          ending: view.ending?.outcome ?? null,
          scores: {
            speed: s.speed,
            transparency: s.transparency,
            tone: s.tone,
            strategyFit: s.strategyFit,
            overall: s.overall,
          },
          grade: s.grade,
          evidence: s.evidence,
          log: view.log,
          debrief,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const t = (text: { ja?: string; en?: string }) => text[opts.locale] ?? text.en ?? text.ja ?? '';
  out(`${t(compiled.scenario.title)} (${compiled.scenario.id})`);
  for (const e of view.log)
    out(
      `  ${e.seq}. [${e.nodeId}] ${e.choiceId}  T+${e.clockAfter}min  heat ${e.modelAfter.heat}  trust ${e.modelAfter.trust}  → ${e.target}`,
    );
  out(
    view.ended
      ? `ended at ${view.nodeId}: ${view.ending?.outcome} — ${t(view.ending!.title)}`
      : `not ended: at ${view.nodeId}`,
  );
  out(
    `scores: speed ${s.speed}, transparency ${s.transparency}, tone ${s.tone}, strategy fit ${s.strategyFit}, overall ${s.overall} (${s.grade})`,
  );
  out('');
  out(debriefToMarkdown(debrief, opts.locale));
  return 0;
}
