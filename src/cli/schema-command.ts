/** `firebreak schema`: write the JSON Schema generated from the zod schema, for editors. */
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from '../engine/json-schema';
import { out } from './files';

export function runSchema(outFile = 'scenarios/scenario.schema.json'): number {
  writeFileSync(outFile, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  out(`wrote ${outFile}`);
  return 0;
}
