/**
 * zod schemas of the records as they are stored at the current `RECORD_SCHEMA_VERSION`. Everything
 * read back from IndexedDB or from a backup file goes through these before the app sees it: a
 * record written by a buggy build, edited by hand or damaged on disk is caught here, not in a
 * screen.
 *
 * These describe the *current* version only. When a shape changes, bump the version, write the
 * migration from the old shape in `migrations.ts`, and change these to the new shape.
 */
import './zod-config';
import { z } from 'zod';
import type { Locale, Outcome, SignoffRole } from '../engine';
import type { Settings, StoredRun, StoredScenario } from './types';

// The engine's enums are repeated here (type-checked against the engine's types below) rather than
// imported, so that the storage module — loaded with the app's first screen — does not pull the
// engine, which the app loads lazily.
const LOCALES = ['ja', 'en'] as const satisfies readonly Locale[];
const OUTCOMES = [
  'recovered',
  'contained',
  'escalated',
  'catastrophic',
] as const satisfies readonly Outcome[];
const SIGNOFF_ROLES = ['legal', 'executive'] as const satisfies readonly SignoffRole[];
type Exhaustive<Listed, All> = [All] extends [Listed] ? true : false;
const _enumsComplete: [
  Exhaustive<(typeof LOCALES)[number], Locale>,
  Exhaustive<(typeof SIGNOFF_ROLES)[number], SignoffRole>,
  Exhaustive<(typeof OUTCOMES)[number], Outcome>,
] = [true, true, true];
void _enumsComplete;

/**
 * Cap on a stored scenario text. Larger than the loader's 4 MB file cap because a run may store
 * the validated scenario as JSON (defaults filled in), which is longer than its YAML source.
 */
export const MAX_STORED_SCENARIO_CHARS = 8 * 1024 * 1024;

const Timestamp = z.number().finite();
const Text = z.string().max(10_000);
const RecordId = z.string().min(1).max(200);

const TeamInputSchema = z.object({
  agreed: z.number().int().nonnegative().optional(),
  voters: z.number().int().nonnegative().optional(),
  confidence: z.enum(['low', 'medium', 'high']).optional(),
});

/** One run event; mirrors `RunEvent` in `src/engine/run-types.ts`. */
export const RunEventSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('choice.select'),
    choiceId: z.string().min(1).max(64),
    at: Timestamp,
    rationale: Text.optional(),
    team: TeamInputSchema.optional(),
    signoff: z.array(z.enum(SIGNOFF_ROLES)).max(SIGNOFF_ROLES.length).optional(),
  }),
  z.object({ type: z.literal('clock.deadline'), at: Timestamp }),
  z.object({ type: z.literal('clock.pause'), at: Timestamp }),
  z.object({ type: z.literal('clock.resume'), at: Timestamp }),
  z.object({ type: z.literal('clock.extend'), seconds: z.number().finite(), at: Timestamp }),
  z.object({ type: z.literal('inject.push'), injectId: z.string().min(1).max(64), at: Timestamp }),
  z.object({ type: z.literal('clock.rearm'), at: Timestamp }),
  z.object({ type: z.literal('run.rewind'), at: Timestamp }),
]);

/** An observer note; mirrors `ObserverNote` in `src/engine/run-types.ts`. */
export const ObserverNoteSchema = z.object({
  id: RecordId,
  nodeId: z.string().min(1).max(64),
  clock: z.number().finite(),
  at: Timestamp,
  tag: z.enum(['strength', 'improvement', 'question']),
  text: Text,
});

export const RunInputSchema = z.object({
  seed: z.number().int(),
  timer: z.boolean(),
  startedAt: Timestamp,
});

const Score = z.number().min(0).max(100);

export const StoredRunSchema = z.object({
  id: RecordId,
  scenarioId: z.string().min(1).max(64),
  scenarioHash: z.string().min(1).max(128),
  scenarioVersion: z.number().int().nonnegative(),
  scenarioText: z.string().max(MAX_STORED_SCENARIO_CHARS),
  input: RunInputSchema,
  events: z.array(RunEventSchema).max(10_000),
  mode: z.enum(['learning', 'assessment']),
  team: z.string().max(200),
  participants: z.array(z.string().max(200)).max(100),
  locale: z.enum(LOCALES),
  status: z.enum(['active', 'finished']),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  notes: z.array(ObserverNoteSchema).max(1000).optional(),
  result: z
    .object({
      overall: Score,
      grade: z.enum(['A', 'B', 'C', 'D', 'E']),
      outcome: z.enum(OUTCOMES).nullable(),
      speed: Score,
      transparency: Score,
      tone: Score,
      strategyFit: Score,
    })
    .optional(),
});

export const StoredScenarioSchema = z.object({
  id: z.string().min(1).max(200),
  fileName: z.string().max(500),
  text: z.string().max(MAX_STORED_SCENARIO_CHARS),
  hash: z.string().min(1).max(128),
  importedAt: Timestamp,
});

export const SettingsSchema = z.object({
  locale: z.enum(LOCALES).nullable(),
  persisted: z.boolean().nullable(),
});

/** The kinds of record the repository stores, each with its schema. */
export const RECORD_SCHEMAS = {
  run: StoredRunSchema,
  scenario: StoredScenarioSchema,
  settings: SettingsSchema,
} as const;

export type RecordKind = keyof typeof RECORD_SCHEMAS;

/** The data type of each record kind (the contract types in `types.ts`). */
export interface RecordData {
  run: StoredRun;
  scenario: StoredScenario;
  settings: Settings;
}

// Compile-time guard: the schemas must produce exactly the contract types, so a field added to
// `types.ts` without a schema (or the reverse) fails `tsc` instead of being stripped on read.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _schemasMatchContract: [
  Same<z.infer<typeof StoredRunSchema>, StoredRun>,
  Same<z.infer<typeof StoredScenarioSchema>, StoredScenario>,
  Same<z.infer<typeof SettingsSchema>, Settings>,
] = [true, true, true];
void _schemasMatchContract;
