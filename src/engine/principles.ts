/**
 * The principles of the source material that feedback, evidence and the debrief cite, in our own
 * words. `source` names which article a principle comes from: `basics` (crisis management basics
 * for social media) or `b2b` (the crisis guide for B2B marketers); `scct` marks the research
 * framework (Coombs' situational crisis communication theory) used for strategy fit.
 */
import type { LocalText, Principle } from './schema';

export interface PrincipleInfo {
  name: Required<LocalText>;
  summary: Required<LocalText>;
  source: 'basics' | 'b2b' | 'scct';
}

export const PRINCIPLE_INFO: Record<Principle, PrincipleInfo> = {
  'grasp-situation': {
    source: 'basics',
    name: { en: 'Grasp the situation first', ja: '状況の把握' },
    summary: {
      en: 'Find out what is being said, where, by whom and how fast it spreads before acting.',
      ja: '何が・どこで・誰によって・どの速さで広がっているかを把握してから動く。',
    },
  },
  'respond-fast': {
    source: 'basics',
    name: { en: 'Respond fast', ja: '迅速な対応' },
    summary: {
      en: 'Information spreads instantly; every hour of silence lets emotions escalate.',
      ja: '情報は瞬時に拡散する。沈黙の時間が長いほど感情はエスカレートする。',
    },
  },
  'stay-calm': {
    source: 'basics',
    name: { en: 'Stay calm', ja: '冷静な対応' },
    summary: {
      en: 'Answer without emotion or defensiveness; a heated reply becomes the next story.',
      ja: '感情的・防御的にならずに対応する。感情的な返信は次の火種になる。',
    },
  },
  'transparency-sincerity': {
    source: 'basics',
    name: { en: 'Be transparent and sincere', ja: '透明性と誠実さ' },
    summary: {
      en: 'Own what went wrong, apologise honestly and show what you will do about it.',
      ja: '非を認め、誠実に謝罪し、何をするのかを示す。',
    },
  },
  'monitor-dialogue': {
    source: 'basics',
    name: { en: 'Keep monitoring, keep talking', ja: '継続的なモニタリングと対話' },
    summary: {
      en: 'A statement is not the end: watch the reaction and keep answering.',
      ja: '声明を出して終わりではない。反応を見続け、対話を続ける。',
    },
  },
  'reflect-learn': {
    source: 'basics',
    name: { en: 'Reflect and learn', ja: '振り返りと学び' },
    summary: {
      en: 'Evaluate the response and its results afterwards, and write an improvement plan.',
      ja: '事後に対応と結果を評価し、改善計画に落とし込む。',
    },
  },
  'verify-facts': {
    source: 'basics',
    name: { en: 'Check the facts', ja: '事実確認' },
    summary: {
      en: 'Accuracy prevents a second wave: confirm facts from several sources before stating them.',
      ja: '正確さが二次炎上を防ぐ。複数の情報源で事実を確かめてから発信する。',
    },
  },
  'no-concealment': {
    source: 'basics',
    name: { en: 'Never conceal', ja: '隠蔽しない' },
    summary: {
      en: 'Deleting or hiding criticism, or deleting silently, reads as a cover-up and backfires.',
      ja: '批判の削除・非表示や無言の削除は隠蔽と受け取られ、逆効果になる。',
    },
  },
  'internal-sharing': {
    source: 'b2b',
    name: { en: 'Share information internally', ja: '社内の情報共有' },
    summary: {
      en: 'Everyone who may be asked must know the facts and the line before the outside does.',
      ja: '問い合わせを受けうる全員が、社外より先に事実と方針を知っている状態をつくる。',
    },
  },
  'one-voice': {
    source: 'b2b',
    name: { en: 'One consistent voice', ja: '一貫した対外発信' },
    summary: {
      en: 'One spokesperson and one message; contradicting statements destroy credibility.',
      ja: '窓口とメッセージを一本化する。食い違う発信は信頼を失わせる。',
    },
  },
  'disclose-facts': {
    source: 'b2b',
    name: { en: 'Confirm and disclose the facts', ja: '事実の確認と開示' },
    summary: {
      en: 'Say what happened, who is affected and what is still unknown.',
      ja: '何が起き、誰に影響し、何がまだ分かっていないかを伝える。',
    },
  },
  'cause-prevention': {
    source: 'b2b',
    name: { en: 'Cause analysis and prevention', ja: '原因分析と再発防止策' },
    summary: {
      en: 'Find the root cause and publish concrete measures so it cannot happen again.',
      ja: '根本原因を突き止め、具体的な再発防止策を公表する。',
    },
  },
  'follow-up': {
    source: 'b2b',
    name: { en: 'Follow up and report progress', ja: 'フォローアップと経過報告' },
    summary: {
      en: 'Come back to the people affected with progress until the matter is closed.',
      ja: '収束するまで、影響を受けた人々に経過を報告し続ける。',
    },
  },
  'individual-dialogue': {
    source: 'basics',
    name: { en: 'Answer each complaint', ja: '一件ずつの丁寧な回答' },
    summary: {
      en: 'Answering each complaint quickly and sincerely is how trust is rebuilt one person at a time.',
      ja: '一件ずつ迅速かつ誠実に回答することが、信頼を一人ずつ取り戻す道になる。',
    },
  },
  'strategy-fit': {
    source: 'scct',
    name: { en: 'Fit the response to the crisis', ja: '危機の種類に合った対応戦略' },
    summary: {
      en: 'Rebuild (apologise, compensate, fix) when at fault; deny only a false rumour; never deny and apologise at once.',
      ja: '自社に非があれば再建（謝罪・補償・是正）、否定は事実無根の噂にのみ。否定と謝罪を混ぜない。',
    },
  },
};
