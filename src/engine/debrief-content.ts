/**
 * The debrief's fixed wording per principle: what to recommend, who owns the follow-up action,
 * when, and what a facilitator might ask. Written for Firebreak, in both languages.
 */
import type { BiText } from './debrief-types';
import type { Principle, RoleKind } from './schema';

export interface PrincipleAdvice {
  recommendation: BiText;
  owner: RoleKind;
  when: BiText;
  question: BiText;
}

const SOON: BiText = { en: 'Within two weeks', ja: '2週間以内' };
const NEXT_DRILL: BiText = { en: 'Before the next drill', ja: '次回の訓練まで' };
const QUARTER: BiText = { en: 'This quarter', ja: '今四半期中' };

export const ADVICE: Record<Principle, PrincipleAdvice> = {
  'grasp-situation': {
    recommendation: {
      en: 'Set up monitoring alerts and a one-page situation summary template for the first 15 minutes.',
      ja: 'モニタリングのアラートと、初動15分で埋める状況整理シートを用意する。',
    },
    owner: 'social-lead',
    when: SOON,
    question: {
      en: 'What did you know at the first decision, and what did you assume?',
      ja: '最初の判断の時点で、何を知っていて、何を推測していたか？',
    },
  },
  'respond-fast': {
    recommendation: {
      en: 'Pre-approve a holding statement so a first honest response can go out within the hour.',
      ja: '1時間以内に初報を出せるよう、ホールディング・ステートメントを事前承認しておく。',
    },
    owner: 'social-lead',
    when: SOON,
    question: {
      en: 'What stopped the team from responding sooner, and how could that be removed before the next crisis?',
      ja: 'もっと早く対応できなかった理由は何か。次の危機までにどう取り除けるか？',
    },
  },
  'stay-calm': {
    recommendation: {
      en: 'Agree on a tone guide and a second reader for every reply during a crisis.',
      ja: '危機時の返信には、トーンガイドとダブルチェック担当を決めておく。',
    },
    owner: 'pr',
    when: NEXT_DRILL,
    question: {
      en: 'Which wording would have sounded defensive to you as a customer? How would you rewrite it?',
      ja: '顧客の立場で、どの表現が防御的に聞こえたか。どう書き直すか？',
    },
  },
  'transparency-sincerity': {
    recommendation: {
      en: 'Write down, before a crisis, what the company will always admit and apologise for when at fault.',
      ja: '自社に非がある場合に必ず認めて謝罪する事項を、平時に明文化しておく。',
    },
    owner: 'executive',
    when: QUARTER,
    question: {
      en: 'Where was the line between protecting the company and being honest with the public?',
      ja: '会社を守ることと、社会に誠実であることの境目はどこにあったか？',
    },
  },
  'monitor-dialogue': {
    recommendation: {
      en: 'Schedule monitoring shifts and reply rounds for 72 hours after the first statement.',
      ja: '初報後72時間のモニタリング当番と返信ラウンドを決めておく。',
    },
    owner: 'support',
    when: NEXT_DRILL,
    question: {
      en: 'After the statement, how would you know whether it worked?',
      ja: '声明を出した後、それが効いたかどうかをどう判断するか？',
    },
  },
  'reflect-learn': {
    recommendation: {
      en: 'Hold a short after-action review after every real incident and drill, and track the actions.',
      ja: '実際の事案と訓練のたびに振り返りを行い、改善アクションを追跡する。',
    },
    owner: 'executive',
    when: QUARTER,
    question: {
      en: 'What is one thing the team will do differently from Monday?',
      ja: '月曜日からチームが変える一つのことは何か？',
    },
  },
  'verify-facts': {
    recommendation: {
      en: 'Create a fact-check checklist (several sources, who confirms what) for crisis statements.',
      ja: '危機時の発信用に、事実確認チェックリスト（複数の情報源、誰が何を確認するか）を作る。',
    },
    owner: 'legal',
    when: SOON,
    question: {
      en: 'Which facts did you confirm before speaking, and from which sources?',
      ja: '発信前にどの事実を、どの情報源で確認したか？',
    },
  },
  'no-concealment': {
    recommendation: {
      en: 'Adopt a moderation policy: never delete or hide criticism; only remove illegal content, and say so.',
      ja: '批判は削除・非表示にしない。違法な投稿のみ削除し、その旨を明示する運用方針を定める。',
    },
    owner: 'social-lead',
    when: SOON,
    question: {
      en: 'Why is deleting criticism so tempting in the moment, and what happens once people notice?',
      ja: 'その場では批判の削除がなぜ魅力的に見えるのか。気づかれたら何が起きるか？',
    },
  },
  'internal-sharing': {
    recommendation: {
      en: 'Define the internal alert chain: who is told within 30 minutes, through which channel.',
      ja: '社内連絡網を定義する：誰に30分以内に、どの手段で伝えるか。',
    },
    owner: 'pr',
    when: SOON,
    question: {
      en: 'Who inside the company learned about the crisis last, and what did that cost?',
      ja: '社内で最後に知ったのは誰か。それによって何が起きたか？',
    },
  },
  'one-voice': {
    recommendation: {
      en: 'Name one spokesperson and one message document that every team uses.',
      ja: '窓口を一人に決め、全部署が使う統一見解を一つ用意する。',
    },
    owner: 'pr',
    when: SOON,
    question: {
      en: 'Were there moments when two parts of the company said different things?',
      ja: '社内の二つの部署が異なることを言っていた場面はあったか？',
    },
  },
  'disclose-facts': {
    recommendation: {
      en: 'Prepare a disclosure template: what happened, who is affected, what is still unknown, next update time.',
      ja: '開示テンプレートを用意する：何が起きたか、影響範囲、未確定の点、次回報告の時期。',
    },
    owner: 'pr',
    when: SOON,
    question: {
      en: 'What did the public need to know that the company did not tell them?',
      ja: '社会が知る必要があったのに、会社が伝えなかったことは何か？',
    },
  },
  'cause-prevention': {
    recommendation: {
      en: 'Commit to publishing a cause analysis and concrete prevention measures after every incident.',
      ja: '事案ごとに原因分析と具体的な再発防止策を公表することを約束する。',
    },
    owner: 'executive',
    when: QUARTER,
    question: {
      en: 'What would convince a sceptical customer that this will not happen again?',
      ja: '懐疑的な顧客に「もう起きない」と納得してもらうには何が必要か？',
    },
  },
  'follow-up': {
    recommendation: {
      en: 'Put follow-up reports in the response plan, with dates, until the matter is closed.',
      ja: '収束まで、日付を決めた経過報告を対応計画に組み込む。',
    },
    owner: 'support',
    when: NEXT_DRILL,
    question: {
      en: 'When would the people affected hear from the company again, and what would they hear?',
      ja: '影響を受けた人々は、次にいつ、何を会社から聞くことになるか？',
    },
  },
  'individual-dialogue': {
    recommendation: {
      en: 'Staff a reply desk that answers each complaint personally during a crisis.',
      ja: '危機時に苦情一件ずつへ個別に回答する体制を用意する。',
    },
    owner: 'support',
    when: NEXT_DRILL,
    question: {
      en: 'How did the people who complained feel after the company answered, or did not?',
      ja: '苦情を寄せた人は、回答を受けて（あるいは受けずに）どう感じたか？',
    },
  },
  'strategy-fit': {
    recommendation: {
      en: 'Classify the crisis (victim, accidental, preventable, rumour) first and pick the matching response posture.',
      ja: 'まず危機の種類（被害・偶発・防止可能・噂）を見極め、それに合う対応方針を選ぶ。',
    },
    owner: 'executive',
    when: NEXT_DRILL,
    question: {
      en: 'Did the public hold the company responsible? Did your response match that?',
      ja: '世間は会社に責任があると見ていたか。対応はそれに見合っていたか？',
    },
  },
};

/** Generic questions every debrief ends with, so a facilitator always has material. */
export const CLOSING_QUESTIONS: BiText[] = [
  {
    en: 'If the same crisis started tomorrow morning, what would your first three actions be?',
    ja: '同じ危機が明日の朝起きたら、最初の三つの行動は何か？',
  },
  {
    en: 'Which decision was hardest for the team, and why?',
    ja: 'チームにとって最も難しかった判断はどれで、なぜか？',
  },
];
