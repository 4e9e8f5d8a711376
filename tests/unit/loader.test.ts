import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario, loadScenarioText, MAX_FILE_BYTES } from '../../src/engine';
import { scenarioJsonSchema } from '../../src/engine/json-schema';

const INVALID = 'tests/fixtures/invalid';

describe('scenario loader: valid files', () => {
  it('loads the minimal YAML fixture with defaults filled in', () => {
    const result = loadScenarioText(
      readFileSync('tests/fixtures/scenarios/minimal.yaml', 'utf8'),
      'minimal.yaml',
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.scenario.id).toBe('minimal');
    expect(result.scenario.nodes[0]!.feed[0]!.own).toBe(false);
    expect(result.scenario.model.dynamics.streisandHeat).toBe(25);
  });

  it('accepts the same scenario as JSON', () => {
    const yaml = loadScenarioText(
      readFileSync('tests/fixtures/scenarios/minimal.yaml', 'utf8'),
      'minimal.yaml',
    );
    if (!yaml.ok) throw new Error('fixture invalid');
    const json = loadScenarioText(JSON.stringify(yaml.scenario), 'minimal.json');
    expect(json.ok && json.scenario).toEqual(yaml.scenario);
  });
});

describe('scenario loader: one invalid fixture per rule', () => {
  const files = readdirSync(INVALID).filter((f) => f.endsWith('.yaml'));
  it('has fixtures', () => expect(files.length).toBeGreaterThan(15));
  for (const file of files) {
    it(`${file} is rejected with a readable error naming the file and field`, () => {
      const text = readFileSync(`${INVALID}/${file}`, 'utf8');
      const [, rule, fragment] = /^# expect: (\S+) \| (.*)$/m.exec(text)!;
      const result = loadScenario(text, file);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      const match = result.problems.find(
        (p) => p.rule === rule && p.severity === 'error' && p.path.includes(fragment!.trim()),
      );
      expect(match, JSON.stringify(result.problems, null, 2)).toBeDefined();
      expect(match!.file).toBe(file);
      expect(match!.path).toContain(fragment!.trim());
      for (const p of result.problems) expect(p.message).not.toMatch(/\bat \S+:\d+:\d+/); // no stack traces
    });
  }
});

describe('scenario loader: untrusted input', () => {
  it('refuses files over the size cap before parsing', () => {
    const result = loadScenarioText(`x: "${'a'.repeat(MAX_FILE_BYTES)}"`, 'huge.yaml');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.rule).toBe('too-large');
  });

  it('leaves Object.prototype alone for __proto__ and constructor keys in JSON and YAML', () => {
    loadScenarioText(
      '{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
      'evil.json',
    );
    loadScenarioText(
      '__proto__: { polluted: true }\nconstructor: { prototype: { polluted: true } }\n',
      'evil.yaml',
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on garbage', () => {
    for (const text of [
      '',
      'null',
      '42',
      '[]',
      '{',
      '- - -',
      '\u0000\u0001',
      '{"nodes": {"a": 1}}',
      'a: !!js/function "x"',
    ])
      expect(() => loadScenarioText(text, 'garbage.yaml')).not.toThrow();
  });
});

describe('JSON Schema for editors', () => {
  it('is generated from the zod schema and committed up to date (run `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync('scenarios/scenario.schema.json', 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
