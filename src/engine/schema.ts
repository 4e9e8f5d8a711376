/**
 * The scenario file format, written once as zod schemas. Everything else derives from here:
 * the TypeScript types (`z.infer`), the JSON Schema for editors (`npm run schema`), and the
 * loader's validation of untrusted files.
 *
 * Objects are strict (`z.strictObject`): an unknown or misspelt key is an error, not silently
 * ignored, because a typo in `transparency` would otherwise quietly change a trainee's score.
 */
// Before the first schema is built: no JIT probe under the app's CSP (see src/zod-config.ts).
import '../zod-config';
import { z } from 'zod';
import { METRICS } from './metrics';

// The format's plain values live in `format-constants.ts` (no zod), so the compiler and the
// machine load without the schemas; they are part of the format, so they are re-exported here.
export * from './format-constants';

/** The scenario format this build reads. Bump it together with a migration in the loader. */
export const FORMAT_VERSION = 1;

/** Longest single text a scenario may hold; long enough for a press release, short enough to lay out. */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Ids are plain lower-case words so they are safe as XState state keys, URL fragments, CSS-free
 * DOM ids and object keys (`__proto__` and `constructor` can never match).
 */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;

export const IdSchema = z
  .string()
  .regex(ID_PATTERN, { error: 'must be a short id of lower-case letters, digits and dashes' });

const Text = z.string().min(1, { error: 'must not be empty' }).max(MAX_TEXT_LENGTH);

/**
 * A text in Japanese and English. Both are optional at this level so that one missing language is
 * reported by the checker as a "missing translation" on the node, not as a parse failure.
 */
export const LocalTextSchema = z
  .strictObject({ ja: Text.optional(), en: Text.optional() })
  .refine((t) => t.ja !== undefined || t.en !== undefined, {
    error: 'needs a text in at least one language (ja or en)',
  });
export type LocalText = z.infer<typeof LocalTextSchema>;

export const CRISIS_TYPES = [
  'customer-complaint',
  'pile-on',
  'scandal',
  'competitor-attack',
  'own-fault',
  'product-defect',
  'service-delay',
  'partner-trouble',
] as const;
export type CrisisType = (typeof CRISIS_TYPES)[number];

/** Coombs' situational crisis communication theory: how much responsibility the public assigns. */
export const CRISIS_CLUSTERS = ['victim', 'accidental', 'preventable'] as const;
export type CrisisCluster = (typeof CRISIS_CLUSTERS)[number];

export const AUDIENCES = ['b2c', 'b2b'] as const;
export const DIFFICULTIES = ['introductory', 'intermediate', 'advanced'] as const;

export const OUTCOMES = ['recovered', 'contained', 'escalated', 'catastrophic'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const ROLE_KINDS = ['social-lead', 'pr', 'legal', 'support', 'executive', 'other'] as const;
export type RoleKind = (typeof ROLE_KINDS)[number];

/**
 * What a choice does, as tags the model and the scoring engine understand. A choice usually has
 * one or two (`apologise` + `disclose`), and the tags — not the wording — drive the rubric.
 */
export const ACTIONS = [
  'wait',
  'monitor',
  'investigate',
  'internal-share',
  'acknowledge',
  'holding-statement',
  'apologise',
  'disclose',
  'individual-replies',
  'corrective-action',
  'compensate',
  'ceo-statement',
  'follow-up',
  'prevention-plan',
  'delete-own-post',
  'delete-criticism',
  'hide-criticism',
  'deny',
  'attack-accuser',
  'blame-partner',
  'excuse',
  'justify',
  'legal-only',
  'bolster',
  'correct-rumour',
  /** States as fact what has not been checked (a conclusion, a figure, a promised time). */
  'unverified-claim',
] as const;
export type Action = (typeof ACTIONS)[number];

/** How much of the truth a choice puts in front of the public. */
export const TRANSPARENCY = [
  'disclosing',
  'partial',
  'silent',
  'evasive',
  'denying',
  'concealing',
] as const;
export type Transparency = (typeof TRANSPARENCY)[number];

/** How the published wording sounds (for choices that publish nothing, `neutral`). */
export const TONES = [
  'empathetic',
  'accountable',
  'calm',
  'neutral',
  'defensive',
  'emotional',
  'dismissive',
  'blame-shifting',
] as const;
export type Tone = (typeof TONES)[number];

/** Principles of the source material a decision's feedback rests on (see `principles.ts`). */
export const PRINCIPLES = [
  'grasp-situation',
  'respond-fast',
  'stay-calm',
  'transparency-sincerity',
  'monitor-dialogue',
  'reflect-learn',
  'verify-facts',
  'no-concealment',
  'internal-sharing',
  'one-voice',
  'disclose-facts',
  'cause-prevention',
  'follow-up',
  'individual-dialogue',
  'strategy-fit',
] as const;
export type Principle = (typeof PRINCIPLES)[number];

export const FEED_KINDS = ['post', 'reply', 'quote', 'news', 'dm', 'internal'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

/** Whose side a feed item is on; drives how its engagement moves with the model. */
export const STANCES = ['critical', 'neutral', 'supportive', 'company'] as const;
export type Stance = (typeof STANCES)[number];

const Count = z.int().min(0).max(1_000_000_000);

/** A post, reply, quote-post, news item, DM or internal message shown in the simulated feed. */
export const FeedItemSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(FEED_KINDS),
  author: LocalTextSchema,
  handle: z.string().min(1).max(64),
  text: LocalTextSchema,
  stance: z.enum(STANCES).default('neutral'),
  /** Set on the company's own posts: deleting one of these is not deleting criticism. */
  own: z.boolean().default(false),
  /** Minutes after the node is reached that the item appears (for its timestamp in the feed). */
  minutesAfter: z.int().min(0).max(100_000).default(0),
  replyTo: IdSchema.optional(),
  quoteOf: IdSchema.optional(),
  engagement: z
    .strictObject({ likes: Count.default(0), reposts: Count.default(0), replies: Count.default(0) })
    .default({ likes: 0, reposts: 0, replies: 0 }),
});
export type FeedItem = z.infer<typeof FeedItemSchema>;

const MetricDelta = z.number().min(-1_000_000).max(1_000_000);

/** A change to the public-reaction model; every metric is optional. */
export const EffectSchema = z
  .strictObject(
    Object.fromEntries(METRICS.map((m) => [m, MetricDelta.optional()])) as {
      [K in (typeof METRICS)[number]]: z.ZodOptional<typeof MetricDelta>;
    },
  )
  .default({});
export type Effect = z.infer<typeof EffectSchema>;

/**
 * A condition on the public-reaction model or the clock, written as data: `heat >= 70`,
 * `trust < 40 and minutes > 180`. It is parsed by a tiny grammar (see `conditions.ts`), never
 * evaluated as code.
 */
export const CONDITION_PATTERN =
  /^\s*(heat|sentiment|reach|trust|media|minutes)\s*(>=|<=|==|!=|>|<)\s*-?\d+(\.\d+)?\s*(\s+and\s+(heat|sentiment|reach|trust|media|minutes)\s*(>=|<=|==|!=|>|<)\s*-?\d+(\.\d+)?\s*)*$/;

export const ConditionSchema = z.string().max(200).regex(CONDITION_PATTERN, {
  error:
    'must be a condition like "heat >= 70" or "trust < 40 and minutes > 180" (metrics: heat, sentiment, reach, trust, media, minutes)',
});

export const BranchSchema = z.strictObject({ when: ConditionSchema, to: IdSchema });

/** The fields a decision outcome has, shared by choices and a deadline's "no decision" outcome. */
const outcomeFields = {
  /** The statement that would be published, if the choice publishes anything. */
  statement: LocalTextSchema.optional(),
  /** Simulated minutes the action takes before its effect lands. */
  minutes: z
    .int()
    .min(0)
    .max(60 * 24 * 60),
  actions: z.array(z.enum(ACTIONS)).min(1).max(8),
  transparency: z.enum(TRANSPARENCY),
  tone: z.enum(TONES),
  effect: EffectSchema,
  /**
   * Feed items this choice deletes (the company's own post, or criticism). `last-statement` names
   * the company's most recent published statement (statements get their ids at run time).
   */
  deletes: z.array(IdSchema).max(50).default([]),
  /** Reactions that appear in the feed as a consequence of this choice. */
  reactions: z.array(FeedItemSchema).max(50).default([]),
  feedback: LocalTextSchema,
  principle: z.enum(PRINCIPLES),
  next: IdSchema,
  /** Checked in order after the choice's effect; the first that holds wins, else `next`. */
  branches: z.array(BranchSchema).max(10).default([]),
};

export const ChoiceSchema = z.strictObject({
  id: IdSchema.refine((id) => id !== 'timeout', {
    error: '"timeout" is reserved for the deadline outcome',
  }),
  label: LocalTextSchema,
  ...outcomeFields,
});
export type Choice = z.infer<typeof ChoiceSchema>;

/** What happens when the real-time deadline passes with no decision. */
export const TimeoutSchema = z.strictObject({
  label: LocalTextSchema.optional(),
  ...outcomeFields,
});

export const DeadlineSchema = z.strictObject({
  /** Real seconds the team has to decide when the decision timer is on. */
  seconds: z.int().min(5).max(3600),
  onTimeout: TimeoutSchema,
});

export const EndingSchema = z.strictObject({
  outcome: z.enum(OUTCOMES),
  title: LocalTextSchema,
  narrative: LocalTextSchema,
});

export const NodeSchema = z.strictObject({
  id: IdSchema,
  /** Short label of the phase, e.g. "Hour 1" / "発生から1時間". */
  title: LocalTextSchema,
  situation: LocalTextSchema,
  feed: z.array(FeedItemSchema).max(200).default([]),
  choices: z.array(ChoiceSchema).max(12).default([]),
  deadline: DeadlineSchema.optional(),
  ending: EndingSchema.optional(),
});
export type ScenarioNode = z.infer<typeof NodeSchema>;

/** The public-reaction model's metrics and their ranges; `reach` is people reached. */
export const ModelStateSchema = z.strictObject({
  heat: z.number().min(0).max(100),
  sentiment: z.number().min(-100).max(100),
  reach: z.number().min(0).max(1_000_000_000),
  trust: z.number().min(0).max(100),
  media: z.number().min(0).max(100),
});

/** Tuning of how the model evolves; every field has a sensible default. */
export const DynamicsSchema = z
  .strictObject({
    /** Share of current heat added per simulated hour while the company has said nothing. */
    silenceHeatGrowth: z.number().min(0).max(5).default(0.25),
    /** Share of reach added per hour, scaled by heat. */
    reachGrowth: z.number().min(0).max(5).default(0.35),
    /** Heat added by deleting or hiding criticism (Streisand effect). */
    streisandHeat: z.number().min(0).max(100).default(25),
    /** Share of heat removed by an honest statement made within `earlyWindowMinutes`. */
    earlyCooling: z.number().min(0).max(1).default(0.35),
    earlyWindowMinutes: z.int().min(0).max(10_000).default(120),
    /** Hourly natural decay of heat once the company has responded. */
    decay: z.number().min(0).max(1).default(0.08),
  })
  .default({
    silenceHeatGrowth: 0.25,
    reachGrowth: 0.35,
    streisandHeat: 25,
    earlyCooling: 0.35,
    earlyWindowMinutes: 120,
    decay: 0.08,
  });

const Weight = z.number().min(0).max(10);

/** Relative weights of the dimensions in the overall score. */
export const WeightsSchema = z.strictObject({
  speed: Weight.default(1),
  transparency: Weight.default(1),
  tone: Weight.default(1),
  strategyFit: Weight.default(1),
  /** Weight of the ending reached (the results of the response, beside the response itself). */
  outcome: Weight.default(1),
});

const SignoffMinutes = z
  .int()
  .min(0)
  .max(24 * 60);

export const RoleSchema = z.strictObject({
  id: IdSchema,
  kind: z.enum(ROLE_KINDS),
  name: LocalTextSchema,
  brief: LocalTextSchema,
});

export const ObjectiveSchema = z.strictObject({
  id: IdSchema,
  text: LocalTextSchema,
  principle: z.enum(PRINCIPLES),
});

/** An extra event a facilitator can push during a workshop (a journalist's call, a leak...). */
export const InjectSchema = z.strictObject({
  id: IdSchema,
  label: LocalTextSchema,
  items: z.array(FeedItemSchema).min(1).max(20),
  effect: EffectSchema,
});

export const ScenarioSchema = z.strictObject({
  $schema: z.string().max(500).optional(),
  formatVersion: z.literal(FORMAT_VERSION, {
    error: `must be ${FORMAT_VERSION} (the scenario format this version of Firebreak reads)`,
  }),
  id: IdSchema,
  version: z.int().min(1).default(1),
  title: LocalTextSchema,
  summary: LocalTextSchema,
  crisisType: z.enum(CRISIS_TYPES),
  cluster: z.enum(CRISIS_CLUSTERS),
  /** True when the accusation is false (a rumour): the only case where denial is the right strategy. */
  rumour: z.boolean().default(false),
  audience: z.enum(AUDIENCES),
  difficulty: z.enum(DIFFICULTIES),
  durationMinutes: z.int().min(1).max(600),
  company: z.strictObject({ name: LocalTextSchema, handle: z.string().min(1).max(64) }),
  objectives: z.array(ObjectiveSchema).min(1).max(12),
  roles: z.array(RoleSchema).max(10).default([]),
  model: z.strictObject({ initial: ModelStateSchema, dynamics: DynamicsSchema }),
  scoring: z.strictObject({ weights: WeightsSchema.optional() }).default({}),
  /**
   * Simulated minutes a sign-off adds to a statement, per approving role (see `signoffMinutesOf`
   * for the defaults). No default is filled in here, so adding the field changed no scenario's
   * content hash and no stored run looks edited.
   */
  signoff: z
    .strictObject({ legal: SignoffMinutes.optional(), executive: SignoffMinutes.optional() })
    .optional(),
  injects: z.array(InjectSchema).max(30).default([]),
  start: IdSchema,
  nodes: z.array(NodeSchema).min(1).max(50_000),
});

/** A validated scenario, with every default filled in. */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** A scenario as authored (defaults may be missing). */
export type ScenarioInput = z.input<typeof ScenarioSchema>;
export type Weights = z.infer<typeof WeightsSchema>;
export type Dynamics = z.infer<typeof DynamicsSchema>;
export type ChoiceOutcome = Omit<Choice, 'id' | 'label'> & { label?: LocalText };
