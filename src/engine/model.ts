/**
 * The public-reaction model: how heat, sentiment, reach, trust and media attention move as
 * simulated time passes and the company acts. Pure and deterministic — no randomness at all here;
 * the seeded jitter lives only in the feed's engagement numbers.
 */
import { clampState, type ModelState } from './metrics';
import type { Action, ChoiceOutcome, Dynamics, Transparency } from './schema';

/** Actions that hide what people are saying; they trigger the Streisand effect. */
export const SUPPRESSING_ACTIONS: readonly Action[] = ['delete-criticism', 'hide-criticism'];

/** Actions that answer the public at all (honestly or not): they end the company's silence. */
export const PUBLIC_ACTIONS: readonly Action[] = [
  'acknowledge',
  'holding-statement',
  'apologise',
  'disclose',
  'individual-replies',
  'ceo-statement',
  'follow-up',
  'prevention-plan',
  'compensate',
  'correct-rumour',
  'deny',
  'attack-accuser',
  'blame-partner',
  'excuse',
  'justify',
  'bolster',
  'unverified-claim',
];

const HONEST: readonly Transparency[] = ['disclosing', 'partial'];

/** What the model needs to remember between decisions besides the metrics themselves. */
export interface ModelMemory {
  /** The company has made an honest public statement: silence no longer compounds. */
  engaged: boolean;
}

/** True when an outcome publishes something (a statement, or a public action such as replies). */
export function isPublic(outcome: Pick<ChoiceOutcome, 'statement' | 'actions'>): boolean {
  return outcome.statement !== undefined || outcome.actions.some((a) => PUBLIC_ACTIONS.includes(a));
}

/** True when an outcome is an honest public response: it publishes, and it discloses at least partly. */
export function isHonestResponse(
  outcome: Pick<ChoiceOutcome, 'statement' | 'actions' | 'transparency'>,
): boolean {
  return isPublic(outcome) && HONEST.includes(outcome.transparency);
}

/**
 * Advance the model across one decision: simulated time passes (`outcome.minutes`), the action's
 * built-in consequences apply, then the author's `effect`. `clockAfter` is the simulated minute
 * at which the action lands; it decides whether an honest statement counts as early.
 */
export function advanceModel(
  model: ModelState,
  memory: ModelMemory,
  outcome: ChoiceOutcome,
  clockAfter: number,
  dynamics: Dynamics,
): { model: ModelState; memory: ModelMemory } {
  const hours = outcome.minutes / 60;
  const next = { ...model };
  const honest = isHonestResponse(outcome);
  const suppressing = outcome.actions.some((a) => SUPPRESSING_ACTIONS.includes(a));
  const silentNow = !isPublic(outcome);

  // 1. Time passes. Before an honest answer, or while the company goes quiet again, outrage
  //    compounds (logistic, so it saturates at 100); once it has spoken honestly, heat decays.
  if (!memory.engaged || (silentNow && !honest)) {
    next.heat += next.heat * dynamics.silenceHeatGrowth * hours * (1 - next.heat / 100);
    next.sentiment -= 4 * hours * (next.heat / 100);
    next.trust -= 2 * hours * (next.heat / 100);
  } else {
    next.heat *= Math.pow(1 - dynamics.decay, hours);
  }
  next.reach *= 1 + dynamics.reachGrowth * hours * (next.heat / 100);
  if (next.heat > 50) next.media += (next.heat - 50) * 0.2 * hours;

  // 2. Built-in consequences of the kind of action.
  if (suppressing) {
    // Streisand effect: removing criticism makes it the story.
    next.heat += dynamics.streisandHeat;
    next.media += 15;
    next.trust -= 10;
    next.sentiment -= 10;
    next.reach *= 1.3;
  }
  if (outcome.actions.includes('delete-own-post') && !honest) {
    // A silent deletion is noticed and screenshotted; it reads as a cover-up.
    next.heat += dynamics.streisandHeat / 2;
    next.trust -= 5;
  }
  if (honest && clockAfter <= dynamics.earlyWindowMinutes) {
    next.heat *= 1 - dynamics.earlyCooling;
  }

  // 3. The author's own effect for this choice. Reach is a percentage change; the rest are points.
  const e = outcome.effect;
  next.heat += e.heat ?? 0;
  next.sentiment += e.sentiment ?? 0;
  next.trust += e.trust ?? 0;
  next.media += e.media ?? 0;
  next.reach *= 1 + (e.reach ?? 0) / 100;

  return { model: clampState(next), memory: { engaged: memory.engaged || honest } };
}

/** Apply an inject's effect (a leak, a journalist's call) on top of the model. */
export function applyEffect(model: ModelState, effect: ChoiceOutcome['effect']): ModelState {
  return clampState({
    heat: model.heat + (effect.heat ?? 0),
    sentiment: model.sentiment + (effect.sentiment ?? 0),
    trust: model.trust + (effect.trust ?? 0),
    media: model.media + (effect.media ?? 0),
    reach: model.reach * (1 + (effect.reach ?? 0) / 100),
  });
}
