/**
 * Fuzzing the importer: random JSON/YAML values and mutations of valid scenario files. The loader
 * must never throw past its error boundary, never hang, and never pollute Object.prototype.
 */
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { stringify } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine';

const valid = readFileSync('tests/fixtures/scenarios/rubric.yaml', 'utf8');
const validObject = (() => {
  const r = loadScenario(valid, 'rubric.yaml');
  if (!r.ok) throw new Error('fixture invalid');
  return JSON.parse(JSON.stringify(r.compiled.scenario)) as Record<string, unknown>;
})();

const RUNS = 200;
/** Generous: CI shares two cores; a real hang still fails (the loader parses in milliseconds). */
const TIMEOUT_MS = 60_000;

/** Loading must return a result, never throw; and it must leave Object.prototype untouched. */
function assertSafe(text: string, file: string) {
  const result = loadScenario(text, file);
  expect(typeof result.ok).toBe('boolean');
  if (!result.ok) for (const p of result.problems) expect(typeof p.message).toBe('string');
  expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
}

/** Set a value at a random path inside a JSON value (a mutation of a valid file). */
function mutate(value: unknown, path: number[], replacement: unknown): unknown {
  if (path.length === 0 || value === null || typeof value !== 'object') return replacement;
  const keys = Object.keys(value);
  if (keys.length === 0) return replacement;
  const key = keys[path[0]! % keys.length]!;
  const copy: Record<string, unknown> = Array.isArray(value)
    ? ([...value] as unknown as Record<string, unknown>)
    : { ...(value as Record<string, unknown>) };
  copy[key] = mutate((value as Record<string, unknown>)[key], path.slice(1), replacement);
  return copy;
}

const evilKeys = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'polluted');
const evilValue = fc.oneof(
  fc.jsonValue(),
  fc.string(),
  fc.constantFrom(
    '<img src=x onerror=alert(1)>',
    'javascript:alert(1)',
    '\u202Eevil',
    'x'.repeat(20_000),
    '{{7*7}}',
    '${process.exit()}',
  ),
  fc.dictionary(evilKeys, fc.jsonValue(), { maxKeys: 3 }),
);

describe('importer fuzzing', () => {
  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it(
    'survives random JSON values',
    () => {
      fc.assert(
        fc.property(fc.jsonValue(), (v) => assertSafe(JSON.stringify(v) ?? 'null', 'random.json')),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'survives random YAML documents and raw strings',
    () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.jsonValue().map((v) => stringify(v)),
            fc.string({ maxLength: 400 }),
          ),
          (text) => assertSafe(text, 'random.yaml'),
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'survives mutations of a valid scenario, with prototype-polluting keys',
    () => {
      fc.assert(
        fc.property(
          fc.array(fc.nat(), { minLength: 1, maxLength: 6 }),
          evilValue,
          fc.boolean(),
          (path, replacement, asYaml) => {
            const mutated = mutate(validObject, path, replacement);
            const text = asYaml ? stringify(mutated) : JSON.stringify(mutated);
            assertSafe(text, asYaml ? 'mutated.yaml' : 'mutated.json');
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'survives truncations and byte flips of the valid YAML file',
    () => {
      fc.assert(
        fc.property(
          fc.nat(valid.length),
          fc.nat(valid.length),
          fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }),
          (cut, at, ch) => {
            assertSafe(valid.slice(0, cut), 'truncated.yaml');
            assertSafe(valid.slice(0, at) + ch + valid.slice(at + 1), 'flipped.yaml');
          },
        ),
        { numRuns: RUNS },
      );
    },
    TIMEOUT_MS,
  );

  it(
    'does not hang on deeply nested input',
    () => {
      const deep = '['.repeat(50_000) + ']'.repeat(50_000);
      assertSafe(deep, 'deep.json');
      assertSafe('a:\n' + '  '.repeat(2000) + 'b: 1', 'deep.yaml');
      assertSafe('- '.repeat(5000) + 'x', 'deep-list.yaml');
    },
    TIMEOUT_MS,
  );
});
