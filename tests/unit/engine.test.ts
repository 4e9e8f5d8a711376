import { describe, expect, it } from 'vitest';
import {
  checkScenario,
  compileScenario,
  parseCondition,
  conditionHolds,
  playChoices,
  replayRun,
  RunError,
  startRun,
  stepRun,
  viewRun,
  walkRuns,
  type RunEvent,
  type Scenario,
} from '../../src/engine';
import { fixture } from '../helpers/scenarios';

const INPUT = { seed: 7, timer: true, startedAt: 1_000_000 };

describe('graph checks', () => {
  it('counts paths, endings and path lengths by dynamic programming', () => {
    const { scenario } = fixture('rubric');
    const { problems, stats } = checkScenario(scenario, 'rubric.yaml');
    expect(problems).toEqual([]);
    // 2 direct endings + 5 choices into "later" × 3 choices there.
    expect(stats).toEqual({ nodes: 5, endings: 3, paths: 17, shortest: 1, longest: 2 });
  });

  it('counts the same number of paths the simulation walks on a branch-free scenario', () => {
    const compiled = fixture('rubric');
    const walks = [...walkRuns(compiled, { timeouts: true })];
    expect(walks.length).toBe(checkScenario(compiled.scenario, 'x').stats.paths);
  });

  it('checks a generated 2,000-node scenario without enumerating its paths', () => {
    const { scenario } = fixture('minimal');
    const template = scenario.nodes[0]!;
    const nodes: Scenario['nodes'] = [];
    const layers = 1000;
    for (let i = 0; i < layers; i++) {
      const next = i + 1 < layers ? [`n${i + 1}a`, `n${i + 1}b`] : ['good-end', 'bad-end'];
      for (const side of ['a', 'b'])
        nodes.push({
          ...template,
          id: `n${i}${side}`,
          feed: [],
          deadline: undefined,
          choices: template.choices.map((c, j) => ({ ...c, reactions: [], next: next[j]! })),
        });
    }
    nodes.push(...scenario.nodes.slice(1));
    const big: Scenario = { ...scenario, start: 'n0a', nodes: nodes.filter((n) => n.id !== 'n0b') };
    const { problems, stats } = checkScenario(big, 'big.yaml');
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(stats.nodes).toBe(2 * layers + 1);
    expect(stats.paths).toBe(2 ** layers);
    expect(stats.longest).toBe(layers);
  });
});

describe('conditions', () => {
  it('parses and evaluates comparisons joined by "and" without evaluating code', () => {
    const cond = parseCondition('heat >= 70 and minutes < 300');
    expect(cond).toEqual([
      { subject: 'heat', op: '>=', value: 70 },
      { subject: 'minutes', op: '<', value: 300 },
    ]);
    const model = { heat: 70, sentiment: 0, reach: 1, trust: 50, media: 0 };
    expect(conditionHolds(cond, model, 299)).toBe(true);
    expect(conditionHolds(cond, model, 300)).toBe(false);
    expect(() => parseCondition('heat >= 70; alert(1)')).toThrow();
  });
});

describe('compiled machine', () => {
  const compiled = fixture('minimal');

  it('starts at the start node with the initial model and an absolute deadline', () => {
    const s = startRun(compiled, INPUT);
    expect(s.value).toBe('complaint');
    expect(s.context.clock).toBe(0);
    expect(s.context.deadlineAt).toBe(INPUT.startedAt + 60_000);
    expect(s.context.model).toEqual(compiled.scenario.model.initial);
  });

  it('records a decision with real and simulated timestamps, and ends at a final state', () => {
    const s = stepRun(compiled, startRun(compiled, INPUT), {
      type: 'choice.select',
      choiceId: 'apologise',
      at: INPUT.startedAt + 12_000,
      rationale: 'own it',
      team: { agreed: 3, voters: 4, confidence: 'high' },
    });
    expect(s.status).toBe('done');
    expect(s.value).toBe('good-end');
    const [entry] = s.context.log;
    expect(entry).toMatchObject({
      seq: 1,
      nodeId: 'complaint',
      choiceId: 'apologise',
      realMs: 12_000,
      clockBefore: 0,
      clockAfter: 30,
      target: 'good-end',
      rationale: 'own it',
    });
    expect(entry!.team).toEqual({ agreed: 3, voters: 4, confidence: 'high' });
  });

  it('rejects a choice the node does not offer, naming the node and its choices', () => {
    const s = startRun(compiled, INPUT);
    expect(() => stepRun(compiled, s, { type: 'choice.select', choiceId: 'nope', at: 1 })).toThrow(
      RunError,
    );
    expect(() => stepRun(compiled, s, { type: 'choice.select', choiceId: 'nope', at: 1 })).toThrow(
      /complaint.*apologise, wait/,
    );
  });

  it('takes the "no decision" outcome only once the deadline has passed and the clock is running', () => {
    const s0 = startRun(compiled, INPUT);
    const early = stepRun(compiled, s0, { type: 'clock.deadline', at: INPUT.startedAt + 59_999 });
    expect(early.value).toBe('complaint');
    const paused = stepRun(compiled, s0, { type: 'clock.pause', at: INPUT.startedAt + 10_000 });
    expect(
      stepRun(compiled, paused, { type: 'clock.deadline', at: INPUT.startedAt + 70_000 }).value,
    ).toBe('complaint');
    const resumed = stepRun(compiled, paused, {
      type: 'clock.resume',
      at: INPUT.startedAt + 40_000,
    });
    expect(resumed.context.deadlineAt).toBe(INPUT.startedAt + 90_000);
    const late = stepRun(compiled, resumed, {
      type: 'clock.deadline',
      at: INPUT.startedAt + 90_000,
    });
    expect(late.value).toBe('bad-end');
    expect(late.context.log[0]!.choiceId).toBe('timeout');
    expect(late.context.log[0]!.realMs).toBe(60_000);
  });

  it('extends a deadline and never fires one when the timer is off', () => {
    const s = stepRun(compiled, startRun(compiled, INPUT), {
      type: 'clock.extend',
      seconds: 30,
      at: INPUT.startedAt,
    });
    expect(s.context.deadlineAt).toBe(INPUT.startedAt + 90_000);
    const off = startRun(compiled, { ...INPUT, timer: false });
    expect(off.context.deadlineAt).toBeNull();
    expect(
      stepRun(compiled, off, { type: 'clock.deadline', at: Number.MAX_SAFE_INTEGER }).value,
    ).toBe('complaint');
  });

  it('replays an event log to the identical snapshot context (deterministic)', () => {
    const events: RunEvent[] = [
      { type: 'clock.pause', at: INPUT.startedAt + 1000 },
      { type: 'clock.resume', at: INPUT.startedAt + 5000 },
      { type: 'choice.select', choiceId: 'wait', at: INPUT.startedAt + 9000 },
    ];
    const a = replayRun(compiled, INPUT, events);
    const b = replayRun(compiled, INPUT, events);
    expect(a.context).toEqual(b.context);
    expect(viewRun(compiled, a)).toEqual(viewRun(compiled, b));
  });
});

describe('sign-off on a statement', () => {
  const compiled = fixture('rubric');
  const select = (choiceId: string, signoff?: ('legal' | 'executive')[]): RunEvent => ({
    type: 'choice.select',
    choiceId,
    at: INPUT.startedAt + 5_000,
    ...(signoff ? { signoff } : {}),
  });
  const first = (event: RunEvent, c = compiled) => stepRun(c, startRun(c, INPUT), event);

  it('adds each role’s minutes to the decision, and the crisis moves on meanwhile', () => {
    const plain = first(select('apologise')).context.log[0]!;
    const signed = first(select('apologise', ['executive', 'legal'])).context.log[0]!;
    expect(plain.clockAfter).toBe(30);
    expect(signed.clockAfter).toBe(30 + 30 + 20);
    expect(signed.signoff).toEqual({ roles: ['legal', 'executive'], minutes: 50 });
    // Before the company has spoken, waiting lets outrage compound.
    expect(signed.modelAfter.heat).toBeGreaterThan(plain.modelAfter.heat);
  });

  it('costs nothing on a choice that publishes no statement', () => {
    const entry = first(select('wait', ['legal'])).context.log[0]!;
    expect(entry.clockAfter).toBe(240);
    expect(entry.signoff).toBeUndefined();
  });

  it("uses the scenario's own minutes per role when it sets them", () => {
    const custom = compileScenario({ ...compiled.scenario, signoff: { legal: 5 } });
    const entry = first(select('apologise', ['legal', 'executive']), custom).context.log[0]!;
    expect(entry.signoff).toEqual({ roles: ['legal', 'executive'], minutes: 5 + 20 });
  });

  it('replays to the same state', () => {
    const events = [select('apologise', ['legal'])];
    const once = replayRun(compiled, INPUT, events);
    expect(replayRun(compiled, INPUT, events).context).toEqual(once.context);
  });
});

describe('public-reaction model', () => {
  const compiled = fixture('rubric');

  it('lets heat compound while the company waits', () => {
    const waited = playChoices(compiled, ['wait']).context.model;
    expect(waited.heat).toBeGreaterThan(compiled.scenario.model.initial.heat);
    expect(waited.reach).toBeGreaterThan(compiled.scenario.model.initial.reach);
    expect(waited.trust).toBeLessThan(compiled.scenario.model.initial.trust);
  });

  it('spikes heat, media and reach when criticism is deleted (Streisand effect)', () => {
    const deleted = playChoices(compiled, ['delete-criticism']).context.model;
    const initial = compiled.scenario.model.initial;
    expect(deleted.heat).toBeGreaterThan(initial.heat + 20);
    expect(deleted.media).toBeGreaterThan(initial.media + 10);
    expect(deleted.trust).toBeLessThan(initial.trust - 5);
  });

  it('cools heat after an early honest statement, more than after a late one', () => {
    const early = playChoices(compiled, ['apologise']).context.model;
    const late = playChoices(compiled, ['wait', 'apologise']).context.model;
    expect(early.heat).toBeLessThan(compiled.scenario.model.initial.heat);
    expect(early.heat).toBeLessThan(late.heat);
  });
});

describe('derived feed', () => {
  const compiled = fixture('rubric');

  it("shows the company's statement, and marks deleted posts instead of dropping them", () => {
    const view = viewRun(compiled, playChoices(compiled, ['delete-own-apology']));
    const own = view.feed.find((f) => f.id === 'own-ad')!;
    expect(own.deletedAt).toBe(30);
    const statement = view.feed.find((f) => f.origin === 'statement')!;
    expect(statement.text.en).toBe('Statement for delete-own-apology');
    expect(statement.own).toBe(true);
  });

  it("deletes the company's most recent statement by `last-statement`", () => {
    const view = viewRun(compiled, playChoices(compiled, ['defensive', 'retract']));
    const statements = view.feed.filter((f) => f.origin === 'statement');
    expect(statements.map((f) => [f.id, f.deletedAt])).toEqual([
      ['statement-2', null],
      ['statement-1', 60],
    ]);
  });

  it('moves engagement with the model and is identical for the same seed', () => {
    const critic = (choices: string[]) =>
      viewRun(compiled, playChoices(compiled, choices)).feed.find((f) => f.id === 'critic')!
        .engagement;
    expect(critic(['wait', 'stay-silent']).likes).toBeGreaterThan(critic(['apologise']).likes);
    expect(critic(['wait'])).toEqual(critic(['wait']));
  });
});
