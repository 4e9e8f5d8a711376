/** Test helpers: load fixture and built-in scenarios from disk through the engine's public API. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, type CompiledScenario } from '../../src/engine';

/** Load and compile a scenario file; fails the test with the readable problems if it is invalid. */
export function compileFile(path: string): CompiledScenario {
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(loaded.problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  return loaded.compiled;
}

export const fixture = (name: string) =>
  compileFile(join('tests/fixtures/scenarios', `${name}.yaml`));

/** Paths of the built-in scenario files. */
export function builtInFiles(): string[] {
  return readdirSync('scenarios')
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => join('scenarios', f));
}
