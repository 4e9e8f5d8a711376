/**
 * Comparing several teams' runs of the same scenario, for a workshop's closing discussion: each
 * team's path and scores side by side, where the paths diverged, and the weak points most teams
 * shared. Pure: (scenario, team runs) → WorkshopComparison; rendered to Markdown for the report.
 */
import { bestChoicesByNode, findBestPath } from './best-path';
import type { BiText, Dimension, ScoreCard } from './debrief-types';
import { DIMENSIONS } from './debrief-types';
import { escapeMarkdown } from './debrief-markdown';
import type { RunSnapshot } from './machine';
import { PRINCIPLE_INFO } from './principles';
import type { CompiledScenario } from './run';
import { TIMEOUT_CHOICE } from './scenario-index';
import type { LocalText, Locale, Principle } from './schema';
import { scoreRun } from './scoring';

export interface TeamRun {
  team: string;
  snapshot: RunSnapshot;
}

export interface TeamResult {
  team: string;
  /** Node and choice of each decision. */
  path: { nodeId: string; choiceId: string }[];
  scores: Pick<ScoreCard, Dimension | 'overall' | 'grade' | 'outcome'>;
}

/** One node where teams decided, and what each chose there. */
export interface NodeChoices {
  nodeId: string;
  title: LocalText;
  /** choiceId → teams that chose it. */
  choices: { choiceId: string; label: LocalText; teams: string[] }[];
  /** True when teams at this node did not all choose alike. */
  diverged: boolean;
  /** The best path's choice here, if the best path passes through this node. */
  bestChoiceId: string | null;
}

export interface WeakPoint {
  principle: Principle;
  /** Teams that lost points on this principle, and how many points in all. */
  teams: string[];
  pointsLost: number;
}

export interface WorkshopComparison {
  scenarioId: string;
  teams: TeamResult[];
  nodes: NodeChoices[];
  /** Index of the first decision at which the teams' paths differed, or null if all alike. */
  firstDivergence: number | null;
  /** Principles on which at least half the teams lost points, worst first. */
  commonWeakPoints: WeakPoint[];
  bestPath: string[];
}

function label(compiled: CompiledScenario, nodeId: string, choiceId: string): LocalText {
  if (choiceId === TIMEOUT_CHOICE)
    return { en: 'No decision (deadline passed)', ja: '判断なし（期限切れ）' };
  return (
    compiled.index.nodes.get(nodeId)?.choices.find((c) => c.id === choiceId)?.label ?? {
      en: choiceId,
      ja: choiceId,
    }
  );
}

/** Compare team runs of one scenario. */
export function compareRuns(
  compiled: CompiledScenario,
  runs: readonly TeamRun[],
): WorkshopComparison {
  const best = findBestPath(compiled);
  const bestChoice = bestChoicesByNode(compiled);
  const scored = runs.map((r) => ({ run: r, score: scoreRun(compiled, r.snapshot.context.log) }));
  const teams: TeamResult[] = scored.map(({ run, score }) => ({
    team: run.team,
    path: run.snapshot.context.log.map((e) => ({ nodeId: e.nodeId, choiceId: e.choiceId })),
    scores: {
      speed: score.speed,
      transparency: score.transparency,
      tone: score.tone,
      strategyFit: score.strategyFit,
      overall: score.overall,
      grade: score.grade,
      outcome: score.outcome,
    },
  }));

  const byNode = new Map<string, Map<string, string[]>>();
  for (const t of teams)
    for (const step of t.path) {
      const choices = byNode.get(step.nodeId) ?? new Map<string, string[]>();
      choices.set(step.choiceId, [...(choices.get(step.choiceId) ?? []), t.team]);
      byNode.set(step.nodeId, choices);
    }
  const order = compiled.scenario.nodes.map((n) => n.id);
  const nodes: NodeChoices[] = [...byNode.entries()]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([nodeId, choices]) => ({
      nodeId,
      title: compiled.index.nodes.get(nodeId)?.title ?? { en: nodeId, ja: nodeId },
      choices: [...choices.entries()].map(([choiceId, who]) => ({
        choiceId,
        label: label(compiled, nodeId, choiceId),
        teams: who,
      })),
      diverged: choices.size > 1,
      bestChoiceId: bestChoice.get(nodeId) ?? null,
    }));

  let firstDivergence: number | null = null;
  const longest = Math.max(0, ...teams.map((t) => t.path.length));
  for (let i = 0; i < longest && firstDivergence === null; i++) {
    const steps = teams.map((t) => t.path[i]);
    const key = (s: (typeof steps)[number]) => (s ? `${s.nodeId}/${s.choiceId}` : '-');
    if (new Set(steps.map(key)).size > 1) firstDivergence = i;
  }

  const lost = new Map<Principle, { teams: Set<string>; points: number }>();
  for (const { run, score } of scored)
    for (const e of score.evidence)
      if (e.points < 0) {
        const w = lost.get(e.principle) ?? { teams: new Set<string>(), points: 0 };
        w.teams.add(run.team);
        w.points += -e.points;
        lost.set(e.principle, w);
      }
  const commonWeakPoints = [...lost.entries()]
    .filter(([, w]) => w.teams.size * 2 >= Math.max(1, runs.length))
    .map(([principle, w]) => ({ principle, teams: [...w.teams].sort(), pointsLost: w.points }))
    .sort((a, b) => b.teams.length - a.teams.length || b.pointsLost - a.pointsLost);

  return {
    scenarioId: compiled.scenario.id,
    teams,
    nodes,
    firstDivergence,
    commonWeakPoints,
    bestPath: best.choices,
  };
}

const WL: Record<Locale, Record<string, string>> = {
  en: {
    title: 'Workshop report',
    scores: 'Scores',
    team: 'Team',
    overall: 'Overall',
    grade: 'Grade',
    outcome: 'Outcome',
    choices: 'Decisions by node',
    best: 'best',
    weak: 'Common weak points',
    none: 'None: no principle cost points to half of the teams.',
    diverged: 'The teams first diverged at decision',
    same: 'All teams took the same path.',
    speed: 'Speed',
    transparency: 'Transparency',
    tone: 'Tone',
    strategyFit: 'Strategy fit',
    lost: 'points lost',
  },
  ja: {
    title: 'ワークショップ報告',
    scores: 'スコア',
    team: 'チーム',
    overall: '総合',
    grade: '評価',
    outcome: '結末',
    choices: '場面ごとの判断',
    best: '最善',
    weak: '共通の弱点',
    none: 'なし：半数以上のチームが減点された原則はない。',
    diverged: 'チームの判断が最初に分かれたのは判断',
    same: '全チームが同じ道筋をたどった。',
    speed: 'スピード',
    transparency: '透明性',
    tone: 'トーン',
    strategyFit: '戦略の適合',
    lost: '点の減点',
  },
};

/** Render a workshop comparison as Markdown in one language. */
export function workshopToMarkdown(
  c: WorkshopComparison,
  compiled: CompiledScenario,
  locale: Locale,
): string {
  const L = WL[locale]!;
  const t = (x: LocalText | BiText) => escapeMarkdown(x[locale] ?? x.en ?? x.ja ?? '');
  const lines = [`# ${L.title}: ${t(compiled.scenario.title)}`, '', `## ${L.scores}`, ''];
  lines.push(
    `| ${L.team} | ${DIMENSIONS.map((d) => L[d]).join(' | ')} | ${L.overall} | ${L.outcome} |`,
  );
  lines.push(`| --- |${DIMENSIONS.map(() => ' ---: |').join('')} ---: | --- |`);
  for (const team of c.teams)
    lines.push(
      `| ${escapeMarkdown(team.team)} | ${DIMENSIONS.map((d) => team.scores[d]).join(' | ')} | ${team.scores.overall} (${team.scores.grade}) | ${team.scores.outcome ?? '—'} |`,
    );
  lines.push(
    '',
    c.firstDivergence === null ? L.same! : `${L.diverged} ${c.firstDivergence + 1}.`,
    '',
    `## ${L.choices}`,
    '',
  );
  for (const n of c.nodes) {
    lines.push(`### ${t(n.title)}`, '');
    for (const ch of n.choices)
      lines.push(
        `- ${t(ch.label)}${ch.choiceId === n.bestChoiceId ? ` (${L.best})` : ''}: ${ch.teams.map(escapeMarkdown).join(', ')}`,
      );
    lines.push('');
  }
  lines.push(`## ${L.weak}`, '');
  if (c.commonWeakPoints.length === 0) lines.push(L.none!);
  for (const w of c.commonWeakPoints)
    lines.push(
      `- ${t(PRINCIPLE_INFO[w.principle].name)}: ${w.teams.map(escapeMarkdown).join(', ')} (${w.pointsLost} ${L.lost})`,
    );
  return `${lines.join('\n').trimEnd()}\n`;
}
