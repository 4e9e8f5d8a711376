/**
 * The facilitator's answer key: how each choice at a node is classified and which one the best
 * path takes there. Shown on the console only — `presenter-state.ts` never carries any of it.
 */
import {
  PRINCIPLE_INFO,
  type CompiledScenario,
  type LocalText,
  type Principle,
  type Tone,
  type Transparency,
} from '../../engine';

/** Node id → the best path's choice there; `answerKey()` marks it. The engine finds it. */
export { bestChoicesByNode as bestChoices } from '../../engine';

const TRANSPARENCY_TEXT: Record<Transparency, Required<LocalText>> = {
  disclosing: { en: 'disclosing', ja: '開示' },
  partial: { en: 'partial', ja: '部分的' },
  silent: { en: 'silent', ja: '沈黙' },
  evasive: { en: 'evasive', ja: 'はぐらかし' },
  denying: { en: 'denying', ja: '否定' },
  concealing: { en: 'concealing', ja: '隠蔽' },
};

const TONE_TEXT: Record<Tone, Required<LocalText>> = {
  empathetic: { en: 'empathetic', ja: '共感的' },
  accountable: { en: 'accountable', ja: '責任ある' },
  calm: { en: 'calm', ja: '冷静' },
  neutral: { en: 'neutral', ja: '中立' },
  defensive: { en: 'defensive', ja: '防御的' },
  emotional: { en: 'emotional', ja: '感情的' },
  dismissive: { en: 'dismissive', ja: '軽視' },
  'blame-shifting': { en: 'blame-shifting', ja: '責任転嫁' },
};

export interface ChoiceKey {
  choiceId: string;
  best: boolean;
  transparency: Required<LocalText>;
  tone: Required<LocalText>;
  principle: Required<LocalText>;
  feedback: LocalText;
}

/** The answer key of one node's choices. */
export function answerKey(
  compiled: CompiledScenario,
  nodeId: string,
  best: ReadonlyMap<string, string>,
): ChoiceKey[] {
  const node = compiled.index.nodes.get(nodeId);
  if (!node) return [];
  return node.choices.map((c) => ({
    choiceId: c.id,
    best: best.get(nodeId) === c.id,
    transparency: TRANSPARENCY_TEXT[c.transparency],
    tone: TONE_TEXT[c.tone],
    principle: PRINCIPLE_INFO[c.principle as Principle].name,
    feedback: c.feedback,
  }));
}
