/**
 * zod schemas (`zod/mini`: these load with the first screen, and mini's functional API lets the
 * bundler drop what they do not use) of the records as they are stored at the current `RECORD_SCHEMA_VERSION`. Everything
 * read back from IndexedDB or from a backup file goes through these before the app sees it: a
 * record written by a buggy build, edited by hand or damaged on disk is caught here, not in a
 * screen.
 *
 * These describe the *current* version only. When a shape changes, bump the version, write the
 * migration from the old shape in `migrations.ts`, and change these to the new shape.
 */
import '../zod-config';
import * as z from 'zod/mini';
import type { Locale, Outcome, SignoffRole } from '../engine';
import { lazy } from './lazy';
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

/** Builds the schemas; see `recordSchemas` (built on first use, `./lazy`). */
function buildSchemas() {
  // zod 4 numbers already reject Infinity and NaN.
  const Timestamp = z.number();
  const Text = z.string().check(z.maxLength(10_000));
  const RecordId = z.string().check(z.minLength(1), z.maxLength(200));
  const Count = z.int().check(z.nonnegative());
  /** A short id from a scenario (node, choice, inject). */
  const ShortId = z.string().check(z.minLength(1), z.maxLength(64));

  const TeamInputSchema = z.object({
    agreed: z.optional(Count),
    voters: z.optional(Count),
    confidence: z.optional(z.enum(['low', 'medium', 'high'])),
  });

  /** One run event; mirrors `RunEvent` in `src/engine/run-types.ts`. */
  const RunEventSchema = z.discriminatedUnion('type', [
    z.object({
      type: z.literal('choice.select'),
      choiceId: ShortId,
      at: Timestamp,
      rationale: z.optional(Text),
      team: z.optional(TeamInputSchema),
      signoff: z.optional(z.array(z.enum(SIGNOFF_ROLES)).check(z.maxLength(SIGNOFF_ROLES.length))),
    }),
    z.object({ type: z.literal('clock.deadline'), at: Timestamp }),
    z.object({ type: z.literal('clock.pause'), at: Timestamp }),
    z.object({ type: z.literal('clock.resume'), at: Timestamp }),
    z.object({ type: z.literal('clock.extend'), seconds: z.number(), at: Timestamp }),
    z.object({ type: z.literal('inject.push'), injectId: ShortId, at: Timestamp }),
    z.object({ type: z.literal('clock.rearm'), at: Timestamp }),
    z.object({ type: z.literal('run.rewind'), at: Timestamp }),
  ]);

  /** An observer note; mirrors `ObserverNote` in `src/engine/run-types.ts`. */
  const ObserverNoteSchema = z.object({
    id: RecordId,
    nodeId: ShortId,
    clock: z.number(),
    at: Timestamp,
    tag: z.enum(['strength', 'improvement', 'question']),
    text: Text,
  });

  const RunInputSchema = z.object({
    seed: z.int(),
    timer: z.boolean(),
    startedAt: Timestamp,
  });

  const Hash = z.string().check(z.minLength(1), z.maxLength(128));
  const Name = z.string().check(z.maxLength(200));
  const ScenarioText = z.string().check(z.maxLength(MAX_STORED_SCENARIO_CHARS));
  const Score = z.number().check(z.gte(0), z.lte(100));

  const StoredRunSchema = z.object({
    id: RecordId,
    scenarioId: ShortId,
    scenarioHash: Hash,
    scenarioVersion: Count,
    scenarioText: ScenarioText,
    input: RunInputSchema,
    events: z.array(RunEventSchema).check(z.maxLength(10_000)),
    mode: z.enum(['learning', 'assessment']),
    team: Name,
    participants: z.array(Name).check(z.maxLength(100)),
    locale: z.enum(LOCALES),
    status: z.enum(['active', 'finished']),
    createdAt: Timestamp,
    updatedAt: Timestamp,
    notes: z.optional(z.array(ObserverNoteSchema).check(z.maxLength(1000))),
    result: z.optional(
      z.object({
        overall: Score,
        grade: z.enum(['A', 'B', 'C', 'D', 'E']),
        outcome: z.nullable(z.enum(OUTCOMES)),
        speed: Score,
        transparency: Score,
        tone: Score,
        strategyFit: Score,
      }),
    ),
  });

  const StoredScenarioSchema = z.object({
    id: RecordId,
    fileName: z.string().check(z.maxLength(500)),
    text: ScenarioText,
    hash: Hash,
    importedAt: Timestamp,
  });

  const SettingsSchema = z.object({
    locale: z.nullable(z.enum(LOCALES)),
    persisted: z.nullable(z.boolean()),
  });

  return {
    run: StoredRunSchema,
    scenario: StoredScenarioSchema,
    settings: SettingsSchema,
  } as const;
}

/** The schema of each kind of record the repository stores, built on first use. */
export const recordSchemas = lazy(buildSchemas);

export type RecordKind = keyof ReturnType<typeof buildSchemas>;

/** The data type of each record kind (the contract types in `types.ts`). */
export interface RecordData {
  run: StoredRun;
  scenario: StoredScenario;
  settings: Settings;
}

// Compile-time guard: the schemas must produce exactly the contract types, so a field added to
// `types.ts` without a schema (or the reverse) fails `tsc` instead of being stripped on read.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Schemas = ReturnType<typeof buildSchemas>;
const _schemasMatchContract: [
  Same<z.infer<Schemas['run']>, StoredRun>,
  Same<z.infer<Schemas['scenario']>, StoredScenario>,
  Same<z.infer<Schemas['settings']>, Settings>,
] = [true, true, true];
void _schemasMatchContract;
