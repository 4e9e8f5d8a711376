/**
 * The after-action report of a run, shaped like an exercise AAR/IP: overview, scores with
 * evidence, objectives rated, strengths, areas for improvement (observation → analysis →
 * recommendation), turning points, the path taken beside the best path, discussion questions,
 * an improvement plan and the timeline. Pure: (scenario, run snapshot, meta) → Debrief.
 */
import { findBestPath } from './best-path';
import { ADVICE, CLOSING_QUESTIONS } from './debrief-content';
import type {
  BiText,
  Debrief,
  DebriefPath,
  EvidenceItem,
  Improvement,
  ObjectiveResult,
  PathStep,
  PlanItem,
  RunMeta,
  ScoreCard,
  Strength,
  TeamDecisionNote,
  TurningPoint,
} from './debrief-types';
import type { RunSnapshot } from './machine';
import { METRICS, type ModelState } from './metrics';
import { playChoices } from './paths';
import { PRINCIPLE_INFO } from './principles';
import type { DecisionEntry, ObserverNote } from './run-types';
import type { CompiledScenario } from './run';
import { TIMEOUT_CHOICE } from './scenario-index';
import { scoreRun } from './scoring';
import type { Action, LocalText, Principle } from './schema';

/**
 * A scenario text quoted inside one of our sentences, wrapped in Unicode isolates (FSI … PDI) so a
 * direction override in the scenario's text cannot reorder the rest of the sentence.
 */
const iso = (text: string | undefined) => `\u2068${text ?? ''}\u2069`;

const MAX_STRENGTHS = 5;
const MAX_IMPROVEMENTS = 5;
const MAX_TURNING_POINTS = 3;

const bi = (t: LocalText | undefined, fallback: string): BiText => ({
  en: t?.en ?? t?.ja ?? fallback,
  ja: t?.ja ?? t?.en ?? fallback,
});

function choiceLabel(compiled: CompiledScenario, nodeId: string, choiceId: string): LocalText {
  if (choiceId === TIMEOUT_CHOICE) {
    const l = compiled.index.nodes.get(nodeId)?.deadline?.onTimeout.label;
    return l ?? { en: 'No decision (deadline passed)', ja: '判断なし（期限切れ）' };
  }
  return (
    compiled.index.nodes.get(nodeId)?.choices.find((c) => c.id === choiceId)?.label ?? {
      en: choiceId,
      ja: choiceId,
    }
  );
}

function pathSteps(compiled: CompiledScenario, log: readonly DecisionEntry[]): PathStep[] {
  return log.map((e) => ({
    nodeId: e.nodeId,
    nodeTitle: compiled.index.nodes.get(e.nodeId)?.title ?? { en: e.nodeId, ja: e.nodeId },
    choiceId: e.choiceId,
    choiceLabel: choiceLabel(compiled, e.nodeId, e.choiceId),
  }));
}

function comparePath(compiled: CompiledScenario, log: readonly DecisionEntry[]): DebriefPath {
  const best = findBestPath(compiled);
  const bestLog = playChoices(compiled, best.choices).context.log;
  const taken = pathSteps(compiled, log);
  const bestSteps = pathSteps(compiled, bestLog);
  let divergedAt: number | null = null;
  for (let i = 0; i < Math.max(taken.length, bestSteps.length); i++) {
    const a = taken[i];
    const b = bestSteps[i];
    if (!a || !b || a.nodeId !== b.nodeId || a.choiceId !== b.choiceId) {
      divergedAt = i;
      break;
    }
  }
  return {
    taken,
    best: bestSteps,
    divergedAt,
    bestOverall: best.score.overall,
    bestOutcome: best.score.outcome,
  };
}

/** Sum evidence points per decision (by seq) so one decision's several items read as one. */
function byDecision(evidence: readonly EvidenceItem[]): Map<number | null, EvidenceItem[]> {
  const map = new Map<number | null, EvidenceItem[]>();
  for (const e of evidence) map.set(e.seq, [...(map.get(e.seq) ?? []), e]);
  return map;
}

function strengthsOf(score: ScoreCard): Strength[] {
  const positive = score.evidence.filter((e) => e.points > 0).sort((a, b) => b.points - a.points);
  const seen = new Set<string>();
  const out: Strength[] = [];
  for (const e of positive) {
    const key = `${e.seq}:${e.principle}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({
      text: e.reason,
      seq: e.seq,
      nodeId: e.nodeId,
      choiceId: e.choiceId,
      principle: e.principle,
    });
    if (out.length >= MAX_STRENGTHS) break;
  }
  if (out.length === 0) {
    out.push({
      text: {
        en: 'The team played the drill through to an ending: that rehearsal is itself the first step.',
        ja: '訓練を最後までやり遂げた。その予行演習自体が第一歩である。',
      },
      seq: null,
      nodeId: null,
      choiceId: null,
      principle: 'reflect-learn',
    });
  }
  return out;
}

function metricChange(entry: DecisionEntry | undefined): BiText | null {
  if (!entry) return null;
  const dh = Math.round(entry.modelAfter.heat - entry.modelBefore.heat);
  const dt = Math.round(entry.modelAfter.trust - entry.modelBefore.trust);
  const sign = (n: number) => (n > 0 ? `+${n}` : `${n}`);
  return {
    en: `Heat ${sign(dh)}, trust ${sign(dt)} across this decision.`,
    ja: `この判断で炎上度 ${sign(dh)}、信頼 ${sign(dt)}。`,
  };
}

function improvementsOf(score: ScoreCard, log: readonly DecisionEntry[]): Improvement[] {
  const negative = score.evidence.filter((e) => e.points < 0).sort((a, b) => a.points - b.points);
  const seen = new Set<string>();
  const out: Improvement[] = [];
  for (const e of negative) {
    const key = `${e.seq}:${e.principle}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const info = PRINCIPLE_INFO[e.principle];
    const change = metricChange(log.find((l) => l.seq === e.seq));
    out.push({
      observation: e.reason,
      analysis: {
        en: `${info.name.en}: ${info.summary.en}${change ? ` ${change.en}` : ''}`,
        ja: `${info.name.ja}：${info.summary.ja}${change ? ` ${change.ja}` : ''}`,
      },
      recommendation: ADVICE[e.principle].recommendation,
      seq: e.seq,
      nodeId: e.nodeId,
      choiceId: e.choiceId,
      principle: e.principle,
    });
    if (out.length >= MAX_IMPROVEMENTS) break;
  }
  if (out.length === 0) {
    // A clean run still has a next step: the weakest dimension.
    const dims = (['speed', 'transparency', 'tone', 'strategyFit'] as const).map(
      (d) => [d, score[d]] as const,
    );
    const [weakest, value] = dims.reduce((a, b) => (b[1] < a[1] ? b : a));
    const principle =
      weakest === 'speed'
        ? 'respond-fast'
        : weakest === 'tone'
          ? 'stay-calm'
          : weakest === 'strategyFit'
            ? 'strategy-fit'
            : 'disclose-facts';
    out.push({
      observation: {
        en: `No decision lost points; ${weakest} was the lowest score at ${value}.`,
        ja: `減点された判断はなかった。最も低いのは${weakest}（${value}点）。`,
      },
      analysis: {
        en: `${PRINCIPLE_INFO[principle].name.en}: ${PRINCIPLE_INFO[principle].summary.en}`,
        ja: `${PRINCIPLE_INFO[principle].name.ja}：${PRINCIPLE_INFO[principle].summary.ja}`,
      },
      recommendation: ADVICE[principle].recommendation,
      seq: null,
      nodeId: null,
      choiceId: null,
      principle,
    });
  }
  return out;
}

function magnitude(before: ModelState, after: ModelState): number {
  return (
    Math.abs(after.heat - before.heat) +
    Math.abs(after.trust - before.trust) +
    Math.abs(after.sentiment - before.sentiment) / 2 +
    Math.abs(after.media - before.media) / 2
  );
}

function turningPointsOf(
  compiled: CompiledScenario,
  log: readonly DecisionEntry[],
): TurningPoint[] {
  return log
    .map((e) => {
      const delta = {} as ModelState;
      for (const m of METRICS)
        delta[m] = Math.round((e.modelAfter[m] - e.modelBefore[m]) * 10) / 10;
      return {
        seq: e.seq,
        nodeId: e.nodeId,
        choiceId: e.choiceId,
        label: choiceLabel(compiled, e.nodeId, e.choiceId),
        delta,
        magnitude: Math.round(magnitude(e.modelBefore, e.modelAfter) * 10) / 10,
      };
    })
    .sort((a, b) => b.magnitude - a.magnitude || a.seq - b.seq)
    .slice(0, MAX_TURNING_POINTS);
}

/** Actions that exercise a principle even when no rule scores them (objectives are about practice). */
const PRINCIPLE_ACTIONS: Partial<Record<Principle, readonly Action[]>> = {
  'grasp-situation': ['investigate', 'monitor'],
  'verify-facts': ['investigate'],
  'internal-sharing': ['internal-share'],
  'one-voice': ['internal-share', 'holding-statement', 'ceo-statement'],
  'monitor-dialogue': ['monitor', 'individual-replies', 'follow-up'],
  'individual-dialogue': ['individual-replies'],
  'follow-up': ['follow-up'],
  'cause-prevention': ['prevention-plan', 'corrective-action'],
  'reflect-learn': ['prevention-plan', 'follow-up'],
};

/**
 * Rate each learning objective from the run: the evidence citing its principle (counted before
 * the 0–100 clamp, so a capped dimension still shows the practice), plus decisions whose feedback
 * cites the principle or whose actions exercise it, judged by that decision's net evidence.
 */
function objectivesOf(
  compiled: CompiledScenario,
  score: ScoreCard,
  log: readonly DecisionEntry[],
): ObjectiveResult[] {
  const bySeq = byDecision(score.evidence);
  return compiled.scenario.objectives.map((o) => {
    let gained = 0;
    let lost = 0;
    for (const e of score.evidence.filter((x) => x.principle === o.principle)) {
      if (e.requested > 0) gained += e.requested;
      else lost -= e.requested;
    }
    for (const entry of log) {
      const items = bySeq.get(entry.seq) ?? [];
      if (items.some((x) => x.principle === o.principle)) continue;
      const outcome = compiled.index.outcomes.get(entry.nodeId)?.get(entry.choiceId)?.outcome;
      if (!outcome) continue;
      const cites = outcome.principle === o.principle;
      const practises = outcome.actions.some((a) => PRINCIPLE_ACTIONS[o.principle]?.includes(a));
      if (!cites && !practises) continue;
      const net = items.reduce((s, x) => s + x.requested, 0);
      if (net >= 0 && (practises || net > 0)) gained += Math.max(1, net);
      else if (net < 0) lost += -net;
    }
    const rating: ObjectiveResult['rating'] =
      gained === 0 && lost === 0
        ? 'not-performed'
        : lost === 0
          ? 'performed'
          : gained >= lost
            ? 'some-challenges'
            : 'major-challenges';
    const reason: BiText =
      rating === 'not-performed'
        ? {
            en: 'No decision in this run exercised this objective.',
            ja: 'この回の判断には、この目標に関わるものがなかった。',
          }
        : {
            en: `${gained} points for and ${lost} against this principle.`,
            ja: `この原則について加点${gained}、減点${lost}。`,
          };
    return { id: o.id, text: o.text, principle: o.principle, rating, reason };
  });
}

function questionsOf(
  compiled: CompiledScenario,
  improvements: Improvement[],
  turning: TurningPoint[],
): BiText[] {
  const out: BiText[] = [];
  const first = turning[0];
  if (first) {
    const node = compiled.index.nodes.get(first.nodeId);
    const l = bi(first.label, first.choiceId);
    const title = bi(node?.title, first.nodeId);
    out.push({
      en: `At "${iso(title.en)}", the choice "${iso(l.en)}" moved the public reaction most. What did the team expect to happen?`,
      ja: `「${iso(title.ja)}」での「${iso(l.ja)}」が世論を最も大きく動かした。チームは何が起きると予想していたか？`,
    });
  }
  const principles = new Set(improvements.map((i) => i.principle));
  for (const p of principles) out.push(ADVICE[p].question);
  out.push(...CLOSING_QUESTIONS);
  return out;
}

function planOf(improvements: Improvement[]): PlanItem[] {
  const seen = new Set<string>();
  const out: PlanItem[] = [];
  for (const i of improvements) {
    if (seen.has(i.principle)) continue;
    seen.add(i.principle);
    const advice = ADVICE[i.principle];
    out.push({ action: advice.recommendation, owner: advice.owner, when: advice.when });
  }
  return out;
}

function teamNotesOf(score: ScoreCard, log: readonly DecisionEntry[]): TeamDecisionNote[] {
  const bySeq = byDecision(score.evidence);
  return log
    .filter((e) => e.rationale !== undefined || e.team !== undefined || e.signoff !== undefined)
    .map((e) => {
      const net = (bySeq.get(e.seq) ?? []).reduce((s, x) => s + x.points, 0);
      const split =
        e.team?.agreed !== undefined && e.team.voters ? e.team.agreed / e.team.voters < 0.6 : false;
      const flag: TeamDecisionNote['flag'] =
        e.team?.confidence === 'high' && net < 0 ? 'confident-wrong' : split ? 'split-vote' : null;
      return {
        seq: e.seq,
        choiceId: e.choiceId,
        ...(e.rationale !== undefined ? { rationale: e.rationale } : {}),
        ...(e.team?.agreed !== undefined ? { agreed: e.team.agreed } : {}),
        ...(e.team?.voters !== undefined ? { voters: e.team.voters } : {}),
        ...(e.team?.confidence !== undefined ? { confidence: e.team.confidence } : {}),
        ...(e.signoff !== undefined ? { signoff: e.signoff } : {}),
        flag,
      };
    });
}

/**
 * The team's flagged decisions as discussion questions (so the hot-wash walks them too): a
 * confident call that cost points, a split vote. Never scored.
 */
function teamQuestionsOf(
  compiled: CompiledScenario,
  log: readonly DecisionEntry[],
  notes: readonly TeamDecisionNote[],
): BiText[] {
  const out: BiText[] = [];
  for (const n of notes) {
    const e = log.find((x) => x.seq === n.seq);
    if (!e || n.flag === null) continue;
    const title = bi(compiled.index.nodes.get(e.nodeId)?.title, e.nodeId);
    const l = bi(choiceLabel(compiled, e.nodeId, e.choiceId), e.choiceId);
    out.push(
      n.flag === 'confident-wrong'
        ? {
            en: `At "${iso(title.en)}" the team was confident in "${iso(l.en)}", yet it cost points. What made it feel right, and what would have shown the risk?`,
            ja: `「${iso(title.ja)}」でチームは「${iso(l.ja)}」に自信を持っていたが、減点につながった。なぜ正しいと感じたのか、何があればリスクに気づけたか？`,
          }
        : {
            en: `At "${iso(title.en)}" the team was split on "${iso(l.en)}" (${n.agreed} of ${n.voters} agreed). What did the others see?`,
            ja: `「${iso(title.ja)}」で「${iso(l.ja)}」への意見が割れた（${n.voters}人中${n.agreed}人が賛成）。賛成しなかった人には何が見えていたか？`,
          },
    );
  }
  return out;
}

const NOTE_FROM = (n: ObserverNote, title: LocalText | undefined): BiText => {
  const t = bi(title, n.nodeId);
  const h = Math.floor(n.clock / 60);
  const m = n.clock % 60;
  return {
    en: `Observer note at "${iso(t.en)}" (T+${h}h ${m}m)`,
    ja: `「${iso(t.ja)}」での観察メモ（発生から${h}時間${m}分）`,
  };
};

/** Merge observer notes into strengths, improvements and questions (notes are written in one language). */
function mergeNotes(
  compiled: CompiledScenario,
  notes: readonly ObserverNote[],
  strengths: Strength[],
  improvements: Improvement[],
  questions: BiText[],
): void {
  for (const n of notes) {
    const text: BiText = { en: n.text, ja: n.text };
    const where = NOTE_FROM(n, compiled.index.nodes.get(n.nodeId)?.title);
    if (n.tag === 'strength') {
      strengths.push({
        text,
        seq: null,
        nodeId: n.nodeId,
        choiceId: null,
        principle: 'reflect-learn',
      });
    } else if (n.tag === 'improvement') {
      improvements.push({
        observation: text,
        analysis: where,
        recommendation: {
          en: 'Agree on an action for this in the hot-wash.',
          ja: '振り返りの場で、この点への具体的なアクションを決める。',
        },
        seq: null,
        nodeId: n.nodeId,
        choiceId: null,
        principle: 'reflect-learn',
      });
    } else {
      questions.unshift(text);
    }
  }
}

/** Build the debrief of a run (ended or not) from its snapshot. */
export function buildDebrief(
  compiled: CompiledScenario,
  snapshot: RunSnapshot,
  meta: RunMeta,
): Debrief {
  const { scenario } = compiled;
  const context = snapshot.context;
  const log = context.log;
  const score = scoreRun(compiled, log);
  const ending = compiled.index.nodes.get(context.nodeId)?.ending;
  const improvements = improvementsOf(score, log);
  const turningPoints = turningPointsOf(compiled, log);
  const strengths = strengthsOf(score);
  const team = teamNotesOf(score, log);
  const questions = [
    ...teamQuestionsOf(compiled, log, team),
    ...questionsOf(compiled, improvements, turningPoints),
  ];
  const notes = meta.notes ?? [];
  mergeNotes(compiled, notes, strengths, improvements, questions);
  const lastAt = log.length > 0 ? log[log.length - 1]!.at : context.input.startedAt;
  return {
    formatVersion: 1,
    overview: {
      scenarioId: scenario.id,
      scenarioTitle: scenario.title,
      crisisType: scenario.crisisType,
      cluster: scenario.cluster,
      mode: meta.mode,
      team: meta.team,
      participants: meta.participants,
      date: new Date(meta.startedAt).toISOString(),
      realDurationMs: Math.max(0, (meta.endedAt ?? lastAt) - meta.startedAt),
      simulatedMinutes: context.clock,
      outcome: ending?.outcome ?? null,
      endingTitle: ending?.title ?? null,
      endingNarrative: ending?.narrative ?? null,
    },
    scores: score,
    objectives: objectivesOf(compiled, score, log),
    strengths,
    improvements,
    turningPoints,
    path: comparePath(compiled, log),
    discussionQuestions: questions,
    improvementPlan: planOf(improvements),
    timeline: {
      points: context.arrivals.map((a) => ({ clock: a.clock, nodeId: a.nodeId, ...a.model })),
      decisions: log.map((e) => ({
        seq: e.seq,
        clock: e.clockAfter,
        nodeId: e.nodeId,
        choiceId: e.choiceId,
        label: choiceLabel(compiled, e.nodeId, e.choiceId),
      })),
    },
    team,
    notes,
    rewound: (meta.rewound ?? []).map((r) => ({
      seq: r.seq,
      nodeId: r.nodeId,
      choiceId: r.choiceId,
      label: choiceLabel(compiled, r.nodeId, r.choiceId),
    })),
  };
}
