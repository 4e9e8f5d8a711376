/**
 * The scoring rubric as data: how many points each kind of decision is worth, per dimension.
 * Grounded in the source material (respond fast, stay calm, be transparent and sincere, never
 * conceal, answer each complaint, disclose facts, publish cause and prevention, follow up) and, for
 * strategy fit, in Coombs' situational crisis communication theory. The README documents it.
 */
import type { Dimension } from './debrief-types';
import type { Action, CrisisCluster, Outcome, Tone, Transparency } from './schema';

/** Where each dimension starts before any evidence: speed is earned from zero; the rest start neutral. */
export const DIMENSION_START: Record<Dimension, number> = {
  speed: 0,
  transparency: 50,
  tone: 50,
  strategyFit: 50,
};

/** Speed: points for the first honest acknowledgement and the first substantive statement. */
export const SPEED = {
  acknowledgement: { points: 45, fullWithinMinutes: 60, zeroAfterMinutes: 720 },
  substantive: { points: 35, fullWithinMinutes: 180, zeroAfterMinutes: 1440 },
  /** Shared among decisions that did not wait. */
  decisiveness: 20,
  /** Lost for each deadline that passed with no decision. */
  timeout: -8,
  /** Lost for a decision made in the last quarter of the real time it was given. */
  lateDecision: -2,
  /** A silent step longer than this (without fact-finding) counts as waiting. */
  silentWaitMinutes: 60,
} as const;

/** Transparency points by the choice's transparency class. */
export const TRANSPARENCY_POINTS: Record<Transparency, number> = {
  disclosing: 12,
  partial: 5,
  silent: -6,
  evasive: -10,
  denying: -20,
  concealing: -20,
};

export const TRANSPARENCY_ACTIONS = {
  /** Apologising for the company's own fault. */
  apology: 8,
  /** Deleting or hiding criticism, on top of the class. */
  suppressCriticism: -15,
  /** Deleting the company's own post with no acknowledgement. */
  silentOwnDeletion: -12,
  /** Deleting the company's own offending post together with an honest acknowledgement. */
  ownDeletionWithApology: 4,
  /** Denying a fault that is real, when the class does not already say so. */
  denyTrueFault: -12,
  /** Refuting a false rumour with facts. */
  refuteRumour: 8,
  /**
   * Stating as fact what has not been verified: the story will have to change, and a company
   * whose story changes loses the benefit of the doubt.
   */
  unverifiedClaim: -12,
  followUp: 4,
  prevention: 4,
  internalShare: 3,
  factCheck: 3,
  /** The run ended without a single honest public statement. */
  neverAcknowledged: -10,
} as const;

/**
 * Once a run has concealed (deleted or hid criticism, deleted silently) or denied a real fault,
 * later disclosure cannot bring transparency back above these ceilings: the public remembers.
 */
export const TRANSPARENCY_CEILING = {
  afterConcealment: 70,
  afterDenyingTrueFault: 80,
} as const;

/** Tone points by the wording's tone, for choices that say something in public. */
export const TONE_POINTS: Record<Tone, number> = {
  empathetic: 10,
  accountable: 10,
  calm: 6,
  neutral: 0,
  defensive: -12,
  emotional: -15,
  dismissive: -15,
  'blame-shifting': -18,
};

/** After a hostile or dismissive public statement, tone cannot climb back above this. */
export const TONE_CEILING_AFTER_MISSTEP = 80;

export const TONE_ACTIONS = {
  individualReplies: 4,
  attackAccuser: -10,
  blamePartner: -10,
  /** The company never said anything at all. */
  noVoice: -10,
} as const;

/** SCCT response postures, from the action tags. */
export type Posture = 'rebuild' | 'diminish' | 'deny' | 'bolster' | 'refute';

export const POSTURE_OF: Partial<Record<Action, Posture>> = {
  apologise: 'rebuild',
  compensate: 'rebuild',
  excuse: 'diminish',
  justify: 'diminish',
  deny: 'deny',
  'attack-accuser': 'deny',
  'blame-partner': 'deny',
  bolster: 'bolster',
  'correct-rumour': 'refute',
};

/** Strategy-fit points for one decision's posture, by crisis cluster (rumours handled apart). */
export const STRATEGY_POINTS: Record<CrisisCluster | 'rumour', Record<Posture, number>> = {
  preventable: { rebuild: 10, diminish: -8, deny: -15, bolster: -4, refute: -10 },
  accidental: { rebuild: 8, diminish: 4, deny: -15, bolster: -2, refute: -8 },
  victim: { rebuild: 6, diminish: 2, deny: -10, bolster: 0, refute: 4 },
  rumour: { rebuild: -8, diminish: -4, deny: 8, bolster: 2, refute: 12 },
};

export const STRATEGY_RUN = {
  /** Denial and apology in the same response: mixed messages (SCCT). */
  mixedDenyAndApology: -20,
  /** No response strategy at all. */
  noStrategy: -15,
  /** Rebuild postures score for at most this many decisions (no farming points). */
  maxRewardedPostures: 3,
} as const;

/**
 * Points for the ending reached, weighed into the overall score beside the four dimensions: the
 * source asks for an evaluation of the results as well as of the response.
 */
export const OUTCOME_POINTS: Record<Outcome, number> = {
  recovered: 100,
  contained: 70,
  escalated: 35,
  catastrophic: 0,
};

/** Grade boundaries on the overall score. */
export const GRADE_BOUNDS: [number, 'A' | 'B' | 'C' | 'D'][] = [
  [85, 'A'],
  [70, 'B'],
  [55, 'C'],
  [40, 'D'],
];
