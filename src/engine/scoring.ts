/**
 * The scoring engine: a pure function of (scenario, decision log). Every point gained or lost is
 * an evidence item naming the decision, the dimension, the reason and the principle.
 *
 * Each dimension is a ledger that starts at `DIMENSION_START` and applies evidence in log order,
 * each item clamped to what keeps the ledger within 0–100 — so a score can never leave its range
 * and the evidence of a dimension always adds up to its score exactly.
 */
import type { BiText, Dimension, EvidenceItem, Grade, ScoreCard } from './debrief-types';
import { isHonestResponse, isPublic, SUPPRESSING_ACTIONS } from './model';
import type { DecisionEntry } from './run-types';
import {
  DIMENSION_START,
  GRADE_BOUNDS,
  OUTCOME_POINTS,
  POSTURE_OF,
  SPEED,
  STRATEGY_POINTS,
  STRATEGY_RUN,
  TONE_ACTIONS,
  TONE_CEILING_AFTER_MISSTEP,
  TONE_POINTS,
  TRANSPARENCY_ACTIONS,
  TRANSPARENCY_CEILING,
  TRANSPARENCY_POINTS,
  type Posture,
} from './rubric';
import type { CompiledScenario } from './run';
import type { ChoiceOutcome, LocalText, Principle, Weights } from './schema';

const DEFAULT_WEIGHTS: Weights = { speed: 1, transparency: 1, tone: 1, strategyFit: 1, outcome: 1 };

/** A decision with its outcome looked up, as the rules see it. */
interface Decision {
  entry: DecisionEntry;
  outcome: ChoiceOutcome;
  label: LocalText;
  deadlineSeconds: number | null;
}

/** Collects evidence per dimension, clamping each item so the ledger stays within 0–100. */
class Ledger {
  readonly items: EvidenceItem[] = [];
  private readonly totals: Record<Dimension, number> = { ...DIMENSION_START };
  private readonly ceilings: Record<Dimension, number> = {
    speed: 100,
    transparency: 100,
    tone: 100,
    strategyFit: 100,
  };

  /**
   * Lower a dimension's ceiling for the rest of the run; if the total is above it, an evidence
   * item brings it down. Ceilings only ever drop.
   */
  cap(
    dimension: Dimension,
    ceiling: number,
    reason: BiText,
    principle: Principle,
    d: Decision | null,
  ): void {
    if (ceiling >= this.ceilings[dimension]) return;
    this.ceilings[dimension] = ceiling;
    const excess = this.totals[dimension] - ceiling;
    if (excess > 0) this.add(dimension, -excess, reason, principle, d);
  }

  add(
    dimension: Dimension,
    points: number,
    reason: BiText,
    principle: Principle,
    d: Decision | null,
  ): void {
    const total = this.totals[dimension];
    const ceiling = this.ceilings[dimension];
    const applied = Math.max(-total, Math.min(Math.max(0, ceiling - total), Math.round(points)));
    if (applied === 0 && points !== 0) {
      const capped = points > 0 && ceiling < 100;
      reason = {
        en: `${reason.en} (no further effect: ${capped ? `after what happened earlier this score cannot exceed ${ceiling}` : `the score is already at its ${points > 0 ? 'maximum' : 'minimum'}`})`,
        ja: `${reason.ja}（${capped ? `それ以前の対応により${ceiling}点が上限` : `すでに${points > 0 ? '上限' : '下限'}`}のため加減なし）`,
      };
    }
    this.totals[dimension] = total + applied;
    this.items.push({
      dimension,
      points: applied,
      requested: Math.round(points),
      seq: d ? d.entry.seq : null,
      nodeId: d ? d.entry.nodeId : null,
      choiceId: d ? d.entry.choiceId : null,
      reason,
      principle,
    });
  }

  total(dimension: Dimension): number {
    return this.totals[dimension];
  }
}

const fmtMinutes = (m: number): BiText => {
  const h = Math.floor(m / 60);
  const min = m % 60;
  return {
    en: h > 0 ? `T+${h}h${min > 0 ? ` ${min}m` : ''}` : `T+${min}m`,
    ja: h > 0 ? `発生から${h}時間${min > 0 ? `${min}分` : ''}` : `発生から${min}分`,
  };
};

const label = (d: Decision): BiText => ({
  en: d.label.en ?? d.label.ja ?? d.entry.choiceId,
  ja: d.label.ja ?? d.label.en ?? d.entry.choiceId,
});

/** Points on a linear scale: full within `full` minutes, zero after `zero`. */
function decaying(points: number, minutes: number, full: number, zero: number): number {
  if (minutes <= full) return points;
  if (minutes >= zero) return 0;
  return (points * (zero - minutes)) / (zero - full);
}

function isWaiting(o: ChoiceOutcome): boolean {
  if (o.actions.includes('wait')) return true;
  const factFinding = o.actions.some(
    (a) => a === 'investigate' || a === 'internal-share' || a === 'monitor',
  );
  return !isPublic(o) && o.minutes > SPEED.silentWaitMinutes && !factFinding;
}

function isSubstantive(o: ChoiceOutcome): boolean {
  return (
    o.transparency === 'disclosing' &&
    isPublic(o) &&
    o.actions.some(
      (a) =>
        a === 'apologise' || a === 'disclose' || a === 'correct-rumour' || a === 'ceo-statement',
    )
  );
}

function scoreSpeed(ledger: Ledger, decisions: Decision[]): void {
  const ack = decisions.find((d) => isHonestResponse(d.outcome));
  if (ack) {
    const m = ack.entry.clockAfter;
    const t = fmtMinutes(m);
    ledger.add(
      'speed',
      decaying(
        SPEED.acknowledgement.points,
        m,
        SPEED.acknowledgement.fullWithinMinutes,
        SPEED.acknowledgement.zeroAfterMinutes,
      ),
      {
        en: `First honest public acknowledgement at ${t.en}.`,
        ja: `最初の誠実な公式発信は${t.ja}。`,
      },
      'respond-fast',
      ack,
    );
  } else {
    ledger.add(
      'speed',
      0,
      {
        en: 'The company never acknowledged the crisis in public.',
        ja: '公の場で一度も事態を認めなかった。',
      },
      'respond-fast',
      null,
    );
  }
  const sub = decisions.find((d) => isSubstantive(d.outcome));
  if (sub) {
    const m = sub.entry.clockAfter;
    const t = fmtMinutes(m);
    ledger.add(
      'speed',
      decaying(
        SPEED.substantive.points,
        m,
        SPEED.substantive.fullWithinMinutes,
        SPEED.substantive.zeroAfterMinutes,
      ),
      {
        en: `First substantive statement (facts, apology or correction) at ${t.en}.`,
        ja: `事実・謝罪・訂正を含む本格的な発信は${t.ja}。`,
      },
      'respond-fast',
      sub,
    );
  } else {
    ledger.add(
      'speed',
      0,
      {
        en: 'No substantive statement of facts or apology was ever made.',
        ja: '事実説明や謝罪を含む発信が最後までなかった。',
      },
      'respond-fast',
      null,
    );
  }
  const acting = decisions.filter((d) => !isWaiting(d.outcome) && d.entry.choiceId !== 'timeout');
  if (decisions.length > 0) {
    ledger.add(
      'speed',
      (SPEED.decisiveness * acting.length) / decisions.length,
      {
        en: `${acting.length} of ${decisions.length} decisions acted rather than waited.`,
        ja: `${decisions.length}回の判断のうち${acting.length}回は様子見ではなく行動した。`,
      },
      'respond-fast',
      null,
    );
  }
  for (const d of decisions) {
    if (d.entry.choiceId === 'timeout') {
      ledger.add(
        'speed',
        SPEED.timeout,
        { en: 'The deadline passed with no decision.', ja: '期限内に判断できなかった。' },
        'respond-fast',
        d,
      );
    } else if (
      d.entry.deadlineAt !== null &&
      d.deadlineSeconds !== null &&
      d.entry.realMs > 0.75 * d.deadlineSeconds * 1000
    ) {
      const s = Math.round(d.entry.realMs / 1000);
      ledger.add(
        'speed',
        SPEED.lateDecision,
        {
          en: `Decided after ${s} s of a ${d.deadlineSeconds} s window: in the last quarter.`,
          ja: `${d.deadlineSeconds}秒の猶予のうち${s}秒かけて判断した（残り4分の1を切ってから）。`,
        },
        'respond-fast',
        d,
      );
    }
    if (isWaiting(d.outcome) && d.entry.choiceId !== 'timeout') {
      ledger.add(
        'speed',
        0,
        {
          en: `Chose to wait: "${label(d).en}" (the crisis kept growing meanwhile).`,
          ja: `「${label(d).ja}」で様子見を選んだ（その間も事態は拡大した）。`,
        },
        'respond-fast',
        d,
      );
    }
  }
}

const TRANSPARENCY_REASON: Record<ChoiceOutcome['transparency'], BiText> = {
  disclosing: { en: 'Disclosed the facts openly.', ja: '事実を率直に開示した。' },
  partial: {
    en: 'Said honestly what was known so far, with facts still pending.',
    ja: '確認中の点を含め、現時点で分かっていることを誠実に伝えた。',
  },
  silent: { en: 'Said nothing in public.', ja: '公には何も発信しなかった。' },
  evasive: {
    en: 'Spoke without answering what people were asking.',
    ja: '発信したが、問われている点には答えなかった。',
  },
  denying: { en: 'Denied what people were raising.', ja: '指摘されている内容を否定した。' },
  concealing: {
    en: 'Concealed: removed or hid what people were saying.',
    ja: '隠蔽した：寄せられた声を削除・非表示にした。',
  },
};

function scoreTransparency(ledger: Ledger, decisions: Decision[], rumour: boolean): void {
  for (const d of decisions) {
    const o = d.outcome;
    const a = new Set(o.actions);
    if (rumour && o.transparency === 'denying') {
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.refuteRumour,
        { en: 'Refuted a false claim.', ja: '事実無根の主張を否定した。' },
        'disclose-facts',
        d,
      );
    } else {
      const principle: Principle =
        o.transparency === 'concealing'
          ? 'no-concealment'
          : o.transparency === 'disclosing'
            ? 'disclose-facts'
            : 'transparency-sincerity';
      ledger.add(
        'transparency',
        TRANSPARENCY_POINTS[o.transparency],
        TRANSPARENCY_REASON[o.transparency],
        principle,
        d,
      );
    }
    const honestSoFar = decisions
      .slice(0, decisions.indexOf(d) + 1)
      .some((x) => isHonestResponse(x.outcome) || x.outcome.actions.includes('apologise'));
    if (a.has('apologise') && !rumour)
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.apology,
        { en: "Apologised for the company's own part.", ja: '自社の非を認めて謝罪した。' },
        'transparency-sincerity',
        d,
      );
    const concealed =
      o.transparency === 'concealing' ||
      o.actions.some((x) => SUPPRESSING_ACTIONS.includes(x)) ||
      (a.has('delete-own-post') &&
        !(honestSoFar && (a.has('apologise') || a.has('acknowledge') || isHonestResponse(o))));
    if (concealed)
      ledger.cap(
        'transparency',
        TRANSPARENCY_CEILING.afterConcealment,
        {
          en: 'Concealment is remembered: later disclosure cannot fully restore transparency.',
          ja: '隠蔽は記憶される：後からの開示では透明性は完全には戻らない。',
        },
        'no-concealment',
        d,
      );
    if (!rumour && (o.transparency === 'denying' || a.has('deny')))
      ledger.cap(
        'transparency',
        TRANSPARENCY_CEILING.afterDenyingTrueFault,
        {
          en: 'Denying a real fault is remembered when the truth comes out.',
          ja: '事実である非を否定したことは、真相が明らかになった時に記憶される。',
        },
        'transparency-sincerity',
        d,
      );
    if (o.actions.some((x) => SUPPRESSING_ACTIONS.includes(x)))
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.suppressCriticism,
        {
          en: 'Deleted or hid criticism: concealment that backfires.',
          ja: '批判を削除・非表示にした：逆効果となる隠蔽。',
        },
        'no-concealment',
        d,
      );
    if (a.has('delete-own-post')) {
      if (honestSoFar && (a.has('apologise') || a.has('acknowledge') || isHonestResponse(o)))
        ledger.add(
          'transparency',
          TRANSPARENCY_ACTIONS.ownDeletionWithApology,
          {
            en: "Removed the company's own offending post together with an acknowledgement: a correction, not a cover-up.",
            ja: '自社の問題投稿を、非を認める発信とともに削除した：隠蔽ではなく訂正。',
          },
          'transparency-sincerity',
          d,
        );
      else
        ledger.add(
          'transparency',
          TRANSPARENCY_ACTIONS.silentOwnDeletion,
          {
            en: "Deleted the company's own post without a word: it reads as a cover-up.",
            ja: '自社投稿を説明なく削除した：隠蔽と受け取られる。',
          },
          'no-concealment',
          d,
        );
    }
    if (a.has('deny') && !rumour && o.transparency !== 'denying')
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.denyTrueFault,
        { en: 'Denied a fault that is real.', ja: '実際にある非を否定した。' },
        'transparency-sincerity',
        d,
      );
    if (a.has('unverified-claim'))
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.unverifiedClaim,
        {
          en: 'Stated as fact what had not been verified: the story will have to change.',
          ja: '確認していないことを事実として発表した：説明を後で変えざるを得なくなる。',
        },
        'verify-facts',
        d,
      );
    if (a.has('correct-rumour') && rumour && o.transparency !== 'denying')
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.refuteRumour,
        { en: 'Corrected the false claim with evidence.', ja: '根拠を示して誤情報を訂正した。' },
        'disclose-facts',
        d,
      );
    if (a.has('follow-up'))
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.followUp,
        { en: 'Came back with a progress report.', ja: '経過報告を行った。' },
        'follow-up',
        d,
      );
    if (a.has('prevention-plan') || a.has('corrective-action'))
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.prevention,
        {
          en: 'Shared the cause and the measures against recurrence.',
          ja: '原因と再発防止策を示した。',
        },
        'cause-prevention',
        d,
      );
    if (a.has('internal-share'))
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.internalShare,
        {
          en: 'Shared the facts internally so everyone speaks with one voice.',
          ja: '社内で情報を共有し、発信を一本化した。',
        },
        'internal-sharing',
        d,
      );
    if (a.has('investigate'))
      ledger.add(
        'transparency',
        TRANSPARENCY_ACTIONS.factCheck,
        { en: 'Checked the facts before stating them.', ja: '発信前に事実を確認した。' },
        'verify-facts',
        d,
      );
  }
  if (!decisions.some((d) => isHonestResponse(d.outcome)))
    ledger.add(
      'transparency',
      TRANSPARENCY_ACTIONS.neverAcknowledged,
      { en: 'Never made an honest public statement.', ja: '誠実な公式発信が一度もなかった。' },
      'transparency-sincerity',
      null,
    );
}

const TONE_REASON: Record<ChoiceOutcome['tone'], BiText> = {
  empathetic: {
    en: 'Empathetic wording that puts the people affected first.',
    ja: '影響を受けた人を第一に考えた、共感のある表現。',
  },
  accountable: { en: 'Accountable wording: owns the problem.', ja: '責任を引き受ける表現。' },
  calm: { en: 'Calm, factual wording.', ja: '冷静で事実に基づく表現。' },
  neutral: { en: 'Neutral wording.', ja: '中立的な表現。' },
  defensive: { en: 'Defensive wording.', ja: '防御的な表現。' },
  emotional: { en: 'Emotional wording that fuels the fire.', ja: '火に油を注ぐ感情的な表現。' },
  dismissive: {
    en: 'Dismissive wording that belittles the complaint.',
    ja: '苦情を軽んじる表現。',
  },
  'blame-shifting': { en: 'Shifts the blame onto others.', ja: '責任を他者に転嫁する表現。' },
};

function scoreTone(ledger: Ledger, decisions: Decision[]): void {
  const publicOnes = decisions.filter((d) => isPublic(d.outcome));
  for (const d of publicOnes) {
    const o = d.outcome;
    const principle: Principle =
      o.tone === 'empathetic' || o.tone === 'accountable' ? 'transparency-sincerity' : 'stay-calm';
    ledger.add('tone', TONE_POINTS[o.tone], TONE_REASON[o.tone], principle, d);
    if (TONE_POINTS[o.tone] < 0)
      ledger.cap(
        'tone',
        TONE_CEILING_AFTER_MISSTEP,
        {
          en: 'A hostile or dismissive statement is screenshotted and remembered.',
          ja: '攻撃的・軽視的な発信はスクリーンショットで残り、記憶される。',
        },
        'stay-calm',
        d,
      );
    if (o.actions.includes('individual-replies') && TONE_POINTS[o.tone] > 0)
      ledger.add(
        'tone',
        TONE_ACTIONS.individualReplies,
        { en: 'Answered each complaint personally.', ja: '一件ずつ個別に回答した。' },
        'individual-dialogue',
        d,
      );
    if (o.actions.includes('attack-accuser'))
      ledger.add(
        'tone',
        TONE_ACTIONS.attackAccuser,
        { en: 'Attacked the critics.', ja: '批判者を攻撃した。' },
        'stay-calm',
        d,
      );
    if (o.actions.includes('blame-partner') && o.tone !== 'blame-shifting')
      ledger.add(
        'tone',
        TONE_ACTIONS.blamePartner,
        { en: 'Publicly blamed a partner.', ja: '取引先に公然と責任を負わせた。' },
        'stay-calm',
        d,
      );
  }
  if (publicOnes.length === 0)
    ledger.add(
      'tone',
      TONE_ACTIONS.noVoice,
      {
        en: 'The company never spoke: silence reads as indifference.',
        ja: '一度も発信しなかった：沈黙は無関心と受け取られる。',
      },
      'monitor-dialogue',
      null,
    );
}

const POSTURE_REASON: Record<Posture, BiText> = {
  rebuild: {
    en: 'Rebuild (apology, compensation, corrective action)',
    ja: '再建（謝罪・補償・是正）',
  },
  diminish: { en: 'Diminish (excuse, justification)', ja: '縮小（弁明・正当化）' },
  deny: {
    en: 'Deny (denial, attacking the accuser, scapegoating)',
    ja: '否定（否認・批判者への反撃・責任転嫁）',
  },
  bolster: { en: 'Bolster (reminding of past good deeds)', ja: '強化（過去の実績の強調）' },
  refute: { en: 'Refute a rumour with evidence', ja: '根拠を示した噂の否定' },
};

const CLUSTER_NAME = {
  preventable: { en: 'a preventable crisis', ja: '防げたはずの危機' },
  accidental: { en: 'an accidental crisis', ja: '偶発的な危機' },
  victim: { en: 'a crisis where the company is a victim', ja: '自社が被害者である危機' },
  rumour: { en: 'a false rumour', ja: '事実無根の噂' },
};

function scoreStrategy(
  ledger: Ledger,
  decisions: Decision[],
  cluster: keyof typeof STRATEGY_POINTS,
): void {
  const rewarded = new Map<Posture, number>();
  let any = false;
  for (const d of decisions) {
    const postures = new Set(
      d.outcome.actions.map((a) => POSTURE_OF[a]).filter((p): p is Posture => p !== undefined),
    );
    for (const p of postures) {
      any = true;
      const base = STRATEGY_POINTS[cluster][p];
      const n = rewarded.get(p) ?? 0;
      const points = base > 0 && n >= STRATEGY_RUN.maxRewardedPostures ? 0 : base;
      if (base > 0) rewarded.set(p, n + 1);
      const fit =
        base > 0
          ? { en: 'fits', ja: '適している' }
          : base < 0
            ? { en: 'does not fit', ja: '適していない' }
            : { en: 'is neutral for', ja: '中立的である' };
      ledger.add(
        'strategyFit',
        points,
        {
          en: `${POSTURE_REASON[p].en} ${fit.en} ${CLUSTER_NAME[cluster].en}.`,
          ja: `${POSTURE_REASON[p].ja}は${CLUSTER_NAME[cluster].ja}に${fit.ja}。`,
        },
        'strategy-fit',
        d,
      );
    }
  }
  const denied = decisions.find((d) => d.outcome.actions.some((a) => POSTURE_OF[a] === 'deny'));
  const apologised = decisions.find((d) => d.outcome.actions.includes('apologise'));
  if (denied && apologised) {
    const later = denied.entry.seq > apologised.entry.seq ? denied : apologised;
    ledger.add(
      'strategyFit',
      STRATEGY_RUN.mixedDenyAndApology,
      {
        en: 'Mixed denial with apology: the public hears two contradicting messages.',
        ja: '否定と謝罪が混在した：相反する二つのメッセージになった。',
      },
      'one-voice',
      later,
    );
  }
  if (!any)
    ledger.add(
      'strategyFit',
      STRATEGY_RUN.noStrategy,
      { en: 'No response strategy at all.', ja: '対応戦略がまったくなかった。' },
      'strategy-fit',
      null,
    );
}

function gradeOf(overall: number): Grade {
  for (const [min, grade] of GRADE_BOUNDS) if (overall >= min) return grade;
  return 'E';
}

/** The decisions of a log with their outcomes; entries not in the scenario are skipped. */
function decisionsOf(compiled: CompiledScenario, log: readonly DecisionEntry[]): Decision[] {
  const out: Decision[] = [];
  for (const entry of log) {
    const indexed = compiled.index.outcomes.get(entry.nodeId)?.get(entry.choiceId);
    if (!indexed) continue;
    const node = compiled.index.nodes.get(entry.nodeId);
    const o = indexed.outcome as ChoiceOutcome & { label?: LocalText };
    out.push({
      entry,
      outcome: o,
      label: o.label ?? { en: 'No decision (deadline passed)', ja: '判断なし（期限切れ）' },
      deadlineSeconds: node?.deadline?.seconds ?? null,
    });
  }
  return out;
}

/**
 * Score a run from its decision log. Pure: the same scenario and log always give the same card.
 * `outcome` is the ending reached, if the log's last decision landed on an ending node.
 */
export function scoreRun(compiled: CompiledScenario, log: readonly DecisionEntry[]): ScoreCard {
  const { scenario } = compiled;
  const decisions = decisionsOf(compiled, log);
  const ledger = new Ledger();
  scoreSpeed(ledger, decisions);
  scoreTransparency(ledger, decisions, scenario.rumour);
  scoreTone(ledger, decisions);
  scoreStrategy(ledger, decisions, scenario.rumour ? 'rumour' : scenario.cluster);

  const weights: Weights = { ...DEFAULT_WEIGHTS, ...(scenario.scoring.weights ?? {}) };
  const dims = {
    speed: ledger.total('speed'),
    transparency: ledger.total('transparency'),
    tone: ledger.total('tone'),
    strategyFit: ledger.total('strategyFit'),
  };
  const lastTarget = log.length > 0 ? log[log.length - 1]!.target : scenario.start;
  const ending = compiled.index.nodes.get(lastTarget)?.ending;
  const outcomeScore = ending ? OUTCOME_POINTS[ending.outcome] : null;
  // The weighted mean of the dimensions and, once the run has ended, of its outcome.
  const parts: [number, number][] = [
    [dims.speed, weights.speed],
    [dims.transparency, weights.transparency],
    [dims.tone, weights.tone],
    [dims.strategyFit, weights.strategyFit],
    ...(outcomeScore === null ? [] : [[outcomeScore, weights.outcome] as [number, number]]),
  ];
  const totalWeight = parts.reduce((s, [, w]) => s + w, 0);
  const overall =
    totalWeight > 0 ? Math.round(parts.reduce((s, [v, w]) => s + v * w, 0) / totalWeight) : 0;
  return {
    ...dims,
    overall,
    grade: gradeOf(overall),
    outcome: ending?.outcome ?? null,
    outcomeScore,
    weights,
    evidence: ledger.items,
  };
}
