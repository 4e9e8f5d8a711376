/**
 * Renders a debrief as Markdown for sharing (email, wiki, a workshop's shared notes), in Japanese
 * or English. Scenario text is untrusted: it is escaped so it cannot inject Markdown links, HTML
 * or headings into the report.
 */
import type { BiText, Debrief, Dimension, ObjectiveRating } from './debrief-types';
import { PRINCIPLE_INFO } from './principles';
import type { LocalText, Locale, Outcome, RoleKind } from './schema';

interface Labels {
  title: string;
  overview: string;
  scenario: string;
  mode: string;
  modes: Record<Debrief['overview']['mode'], string>;
  team: string;
  participants: string;
  date: string;
  realDuration: string;
  simulated: string;
  outcome: string;
  outcomes: Record<Outcome, string>;
  notEnded: string;
  scores: string;
  dimension: string;
  score: string;
  dims: Record<Dimension | 'overall', string>;
  grade: string;
  evidence: string;
  points: string;
  reason: string;
  principle: string;
  objectives: string;
  ratings: Record<ObjectiveRating, string>;
  strengths: string;
  improvements: string;
  observation: string;
  analysis: string;
  recommendation: string;
  turningPoints: string;
  path: string;
  step: string;
  taken: string;
  best: string;
  diverged: (n: number) => string;
  same: string;
  bestScore: string;
  questions: string;
  plan: string;
  action: string;
  owner: string;
  when: string;
  owners: Record<RoleKind, string>;
  team_: string;
  rationale: string;
  signoff: (roles: string, minutes: number) => string;
  flags: { 'confident-wrong': string; 'split-vote': string };
  notes: string;
  tags: { strength: string; improvement: string; question: string };
  rewound: string;
  minutes: (m: number) => string;
}

const LABELS: Record<Locale, Labels> = {
  en: {
    title: 'After-action report',
    overview: 'Overview',
    scenario: 'Scenario',
    mode: 'Mode',
    modes: { learning: 'Learning', assessment: 'Assessment' },
    team: 'Team / trainee',
    participants: 'Participants',
    date: 'Date',
    realDuration: 'Real duration',
    simulated: 'Simulated time',
    outcome: 'Outcome',
    outcomes: {
      recovered: 'Recovered',
      contained: 'Contained',
      escalated: 'Escalated',
      catastrophic: 'Catastrophic',
    },
    notEnded: 'Not ended',
    scores: 'Scores',
    dimension: 'Dimension',
    score: 'Score',
    dims: {
      speed: 'Speed',
      transparency: 'Transparency',
      tone: 'Tone',
      strategyFit: 'Strategy fit',
      overall: 'Overall',
    },
    grade: 'Grade',
    evidence: 'Evidence',
    points: 'Points',
    reason: 'Reason',
    principle: 'Principle',
    objectives: 'Objectives',
    ratings: {
      performed: 'Performed',
      'some-challenges': 'Performed with some challenges',
      'major-challenges': 'Performed with major challenges',
      'not-performed': 'Not performed',
    },
    strengths: 'Strengths',
    improvements: 'Areas for improvement',
    observation: 'Observation',
    analysis: 'Analysis',
    recommendation: 'Recommendation',
    turningPoints: 'Turning points',
    path: 'Path taken and best path',
    step: 'Step',
    taken: 'Taken',
    best: 'Best',
    diverged: (n) => `The run left the best path at step ${n}.`,
    same: 'The run followed the best path.',
    bestScore: 'Best path overall score',
    questions: 'Discussion questions',
    plan: 'Improvement plan',
    action: 'Action',
    owner: 'Owner',
    when: 'When',
    owners: {
      'social-lead': 'Social media lead',
      pr: 'PR / communications',
      legal: 'Legal',
      support: 'Customer support',
      executive: 'Executive',
      other: 'Other',
    },
    team_: 'Team deliberation',
    rationale: 'Rationale',
    signoff: (roles, m) => `waited ${m} simulated min for sign-off (${roles})`,
    flags: { 'confident-wrong': 'confident call that cost points', 'split-vote': 'split vote' },
    notes: 'Observer notes',
    tags: { strength: 'strength', improvement: 'improvement', question: 'question' },
    rewound: 'Decisions rewound for discussion',
    minutes: (m) => `${Math.floor(m / 60)}h ${m % 60}m`,
  },
  ja: {
    title: '事後検証レポート',
    overview: '概要',
    scenario: 'シナリオ',
    mode: 'モード',
    modes: { learning: '学習', assessment: '評価' },
    team: 'チーム／受講者',
    participants: '参加者',
    date: '実施日',
    realDuration: '実時間',
    simulated: 'シミュレーション上の経過時間',
    outcome: '結末',
    outcomes: {
      recovered: '信頼回復',
      contained: '沈静化',
      escalated: '拡大',
      catastrophic: '壊滅的',
    },
    notEnded: '未完了',
    scores: 'スコア',
    dimension: '観点',
    score: '点数',
    dims: {
      speed: 'スピード',
      transparency: '透明性',
      tone: 'トーン',
      strategyFit: '戦略の適合',
      overall: '総合',
    },
    grade: '評価',
    evidence: '根拠',
    points: '点',
    reason: '理由',
    principle: '原則',
    objectives: '学習目標',
    ratings: {
      performed: '達成',
      'some-challenges': '一部課題あり',
      'major-challenges': '大きな課題あり',
      'not-performed': '未実施',
    },
    strengths: '良かった点',
    improvements: '改善点',
    observation: '観察',
    analysis: '分析',
    recommendation: '提言',
    turningPoints: '転換点',
    path: '選んだ道筋と最善の道筋',
    step: '手順',
    taken: '選択',
    best: '最善',
    diverged: (n) => `手順${n}で最善の道筋から外れた。`,
    same: '最善の道筋をたどった。',
    bestScore: '最善の道筋の総合点',
    questions: 'ディスカッションの問い',
    plan: '改善計画',
    action: 'アクション',
    owner: '担当',
    when: '期限',
    owners: {
      'social-lead': 'ソーシャルメディア責任者',
      pr: '広報',
      legal: '法務',
      support: 'カスタマーサポート',
      executive: '経営層',
      other: 'その他',
    },
    team_: 'チームの議論',
    rationale: '判断理由',
    signoff: (roles, m) => `承認待ち（${roles}）でシミュレーション上 ${m}分`,
    flags: { 'confident-wrong': '自信を持った判断が減点に', 'split-vote': '意見が割れた' },
    notes: '観察メモ',
    tags: { strength: '良かった点', improvement: '改善点', question: '問い' },
    rewound: '議論のために巻き戻した判断',
    minutes: (m) => `${Math.floor(m / 60)}時間${m % 60}分`,
  },
};

/**
 * Escape text so it renders literally inside a Markdown line: emphasis, code, links (via `[`),
 * table cells (`|`) and raw HTML (`<`) are neutralised; line breaks are folded so a text cannot
 * start a heading or list of its own.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\s*\r?\n\s*/g, ' ');
}

/** Render a debrief as Markdown in one language. */
export function debriefToMarkdown(debrief: Debrief, locale: Locale): string {
  const L = LABELS[locale];
  const t = (x: LocalText | BiText | null | undefined) =>
    escapeMarkdown((x && (x[locale] ?? x.en ?? x.ja)) || '');
  const o = debrief.overview;
  const s = debrief.scores;
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);

  push(`# ${L.title}: ${t(o.scenarioTitle)}`, '');
  push(`## ${L.overview}`, '');
  push(`- ${L.scenario}: ${t(o.scenarioTitle)} (\`${o.scenarioId}\`)`);
  push(`- ${L.mode}: ${L.modes[o.mode]}`);
  push(`- ${L.team}: ${escapeMarkdown(o.team || '—')}`);
  if (o.participants.length > 0)
    push(`- ${L.participants}: ${o.participants.map(escapeMarkdown).join(', ')}`);
  push(`- ${L.date}: ${o.date.slice(0, 10)}`);
  push(`- ${L.realDuration}: ${L.minutes(Math.round(o.realDurationMs / 60000))}`);
  push(`- ${L.simulated}: ${L.minutes(o.simulatedMinutes)}`);
  push(
    `- ${L.outcome}: ${o.outcome ? `${L.outcomes[o.outcome]} — ${t(o.endingTitle)}` : L.notEnded}`,
    '',
  );
  if (o.endingNarrative) push(`> ${t(o.endingNarrative)}`, '');

  push(`## ${L.scores}`, '');
  push(`| ${L.dimension} | ${L.score} |`, '| --- | ---: |');
  for (const d of ['speed', 'transparency', 'tone', 'strategyFit'] as const)
    push(`| ${L.dims[d]} | ${s[d]} |`);
  if (s.outcomeScore !== null) push(`| ${L.outcome} | ${s.outcomeScore} |`);
  push(`| **${L.dims.overall}** | **${s.overall}** (${L.grade} ${s.grade}) |`, '');
  push(`### ${L.evidence}`, '');
  push(
    `| ${L.dimension} | ${L.points} | ${L.reason} | ${L.principle} |`,
    '| --- | ---: | --- | --- |',
  );
  for (const e of s.evidence) {
    const pts = e.points > 0 ? `+${e.points}` : `${e.points}`;
    push(
      `| ${L.dims[e.dimension]} | ${pts} | ${t(e.reason)}${e.seq !== null ? ` (#${e.seq})` : ''} | ${t(PRINCIPLE_INFO[e.principle].name)} |`,
    );
  }
  push('');

  push(`## ${L.objectives}`, '');
  for (const ob of debrief.objectives)
    push(`- **${t(ob.text)}** — ${L.ratings[ob.rating]}. ${t(ob.reason)}`);
  push('');

  push(`## ${L.strengths}`, '');
  for (const st of debrief.strengths)
    push(`- ${t(st.text)}${st.seq !== null ? ` (#${st.seq})` : ''}`);
  push('');

  push(`## ${L.improvements}`, '');
  debrief.improvements.forEach((im, i) => {
    push(
      `### ${i + 1}. ${t(PRINCIPLE_INFO[im.principle].name)}${im.seq !== null ? ` (#${im.seq})` : ''}`,
      '',
    );
    push(
      `- **${L.observation}:** ${t(im.observation)}`,
      `- **${L.analysis}:** ${t(im.analysis)}`,
      `- **${L.recommendation}:** ${t(im.recommendation)}`,
      '',
    );
  });

  push(`## ${L.turningPoints}`, '');
  for (const tp of debrief.turningPoints) {
    const d = tp.delta;
    push(
      `- #${tp.seq} ${t(tp.label)} — heat ${d.heat >= 0 ? '+' : ''}${d.heat}, trust ${d.trust >= 0 ? '+' : ''}${d.trust}, sentiment ${d.sentiment >= 0 ? '+' : ''}${d.sentiment}`,
    );
  }
  if (debrief.turningPoints.length === 0) push('- —');
  push('');

  push(`## ${L.path}`, '');
  push(`| ${L.step} | ${L.taken} | ${L.best} |`, '| ---: | --- | --- |');
  const n = Math.max(debrief.path.taken.length, debrief.path.best.length);
  for (let i = 0; i < n; i++) {
    const a = debrief.path.taken[i];
    const b = debrief.path.best[i];
    const mark = debrief.path.divergedAt === i ? ' ⟵' : '';
    push(`| ${i + 1} | ${a ? t(a.choiceLabel) : '—'}${mark} | ${b ? t(b.choiceLabel) : '—'} |`);
  }
  push('', debrief.path.divergedAt === null ? L.same : L.diverged(debrief.path.divergedAt + 1));
  push(`${L.bestScore}: ${debrief.path.bestOverall}`, '');

  push(`## ${L.questions}`, '');
  debrief.discussionQuestions.forEach((q, i) => push(`${i + 1}. ${t(q)}`));
  push('');

  push(`## ${L.plan}`, '');
  push(`| ${L.action} | ${L.owner} | ${L.when} |`, '| --- | --- | --- |');
  for (const p of debrief.improvementPlan)
    push(`| ${t(p.action)} | ${L.owners[p.owner]} | ${t(p.when)} |`);
  push('');

  if (debrief.team.length > 0) {
    push(`## ${L.team_}`, '');
    for (const note of debrief.team) {
      const votes = note.voters ? ` ${note.agreed ?? 0}/${note.voters}` : '';
      const flag = note.flag ? ` — **${L.flags[note.flag]}**` : '';
      const signoff = note.signoff
        ? ` ${L.signoff(note.signoff.roles.map((r) => L.owners[r]).join(', '), note.signoff.minutes)}`
        : '';
      push(
        `- #${note.seq}${votes}${note.confidence ? ` (${note.confidence})` : ''}${signoff}${note.rationale ? ` ${L.rationale}: ${escapeMarkdown(note.rationale)}` : ''}${flag}`,
      );
    }
    push('');
  }
  if (debrief.notes.length > 0) {
    push(`## ${L.notes}`, '');
    for (const n of debrief.notes)
      push(`- [${L.tags[n.tag]}] ${L.minutes(n.clock)}: ${escapeMarkdown(n.text)}`);
    push('');
  }
  if (debrief.rewound.length > 0) {
    push(`## ${L.rewound}`, '');
    for (const r of debrief.rewound) push(`- #${r.seq} ${t(r.label)}`);
    push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
