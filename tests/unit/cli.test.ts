import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Run the CLI as a user would, through tsx. */
function cli(...args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('firebreak CLI', () => {
  it('check: exits 0 and prints nodes, endings, paths and best/worst paths for valid files', () => {
    const r = cli('check', 'tests/fixtures/scenarios');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /ok +tests\/fixtures\/scenarios\/rubric\.yaml \(rubric\): 5 nodes, 3 endings, 17 paths, shortest 1, longest 2/,
    );
    expect(r.stdout).toMatch(/best: +\d+ \(recovered\) delete-own-apology/);
  });

  it('check --json: the same as JSON', () => {
    const r = cli('check', 'tests/fixtures/scenarios/minimal.yaml', '--json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.scenarios[0]).toMatchObject({
      id: 'minimal',
      stats: { nodes: 3, endings: 2, paths: 3 },
      best: { choices: ['apologise'] },
    });
  });

  it('check: exits 1 with readable errors and no stack trace for bad files', () => {
    const r = cli(
      'check',
      'tests/fixtures/invalid/bad-enum.yaml',
      'tests/fixtures/invalid/yaml-syntax.yaml',
      'no/such/file.yaml',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(
      'bad-enum.yaml: error: nodes[0] (node "complaint") › choices[0] (choice "apologise") › transparency',
    );
    expect(r.stdout).toContain('yaml-syntax.yaml: error: not valid YAML');
    expect(r.stdout).toContain('no/such/file.yaml: error: no such file');
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at /);
  });

  it('play --json: prints path, ending, scores, evidence and debrief', () => {
    const r = cli(
      'play',
      'tests/fixtures/scenarios/rubric.yaml',
      '--choose',
      'wait,apologise',
      '--json',
    );
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({
      scenario: 'rubric',
      path: ['wait', 'apologise'],
      ending: 'contained',
    });
    expect(Object.keys(json.scores).sort()).toEqual([
      'overall',
      'speed',
      'strategyFit',
      'tone',
      'transparency',
    ]);
    expect(json.evidence.length).toBeGreaterThan(0);
    expect(json.debrief.path.taken.map((s: { choiceId: string }) => s.choiceId)).toEqual([
      'wait',
      'apologise',
    ]);
  });

  it('play: timeout lets the deadline pass', () => {
    const r = cli('play', 'tests/fixtures/scenarios/minimal.yaml', '--choose', 'timeout', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ending).toBe('escalated');
  });

  it('play: an unavailable choice exits 1 naming the node and the choices it offers', () => {
    const r = cli('play', 'tests/fixtures/scenarios/minimal.yaml', '--choose', 'panic');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      'node "complaint" has no choice "panic"; it offers: apologise, wait',
    );
  });

  it('prints usage and exits 2 for an unknown command', () => {
    const r = cli('frobnicate');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('usage:');
  });
});
