/** The JSON Schema for scenario files, generated from the zod schema (the single source of truth). */
import { z } from 'zod';
import { ScenarioSchema } from './schema';

/** JSON Schema (draft 2020-12) describing a scenario file as authored (defaults optional). */
export function scenarioJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ScenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return {
    ...schema,
    $id: 'https://firebreak.invalid/scenario.schema.json',
    title: 'Firebreak scenario',
    description: 'A Firebreak crisis-simulation scenario. See scenarios/README.md.',
  };
}
