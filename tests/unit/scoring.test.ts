import { describe, expect, it } from 'vitest';
import {
  compileScenario,
  DIMENSIONS,
  findBestPath,
  playChoices,
  scoreRun,
  type ScoreCard,
} from '../../src/engine';
import { fixture } from '../helpers/scenarios';

const compiled = fixture('rubric');
const score = (choices: string[]): ScoreCard =>
  scoreRun(compiled, playChoices(compiled, choices).context.log);
const evidence = (card: ScoreCard, principle: string) =>
  card.evidence.filter((e) => e.principle === principle);

describe('scoring rubric (one behaviour per test)', () => {
  it('a fast honest apology beats a late one', () => {
    const fast = score(['apologise']);
    const late = score(['wait', 'apologise']);
    expect(fast.speed).toBeGreaterThan(late.speed);
    expect(fast.overall).toBeGreaterThan(late.overall);
  });

  it('deleting criticism costs transparency, citing the no-concealment principle', () => {
    const deleted = score(['delete-criticism', 'apologise']);
    expect(deleted.transparency).toBeLessThan(score(['wait', 'apologise']).transparency);
    expect(
      evidence(deleted, 'no-concealment').some(
        (e) => e.points < 0 && e.dimension === 'transparency',
      ),
    ).toBe(true);
  });

  it('a defensive statement costs tone', () => {
    const defensive = score(['defensive', 'apologise']);
    expect(defensive.tone).toBeLessThan(score(['wait', 'apologise']).tone);
    expect(
      defensive.evidence.some((e) => e.dimension === 'tone' && e.points < 0 && e.seq === 1),
    ).toBe(true);
  });

  it('denying and then apologising costs strategy fit (mixed messages)', () => {
    const mixed = score(['deny', 'apologise']);
    expect(mixed.strategyFit).toBeLessThan(score(['wait', 'apologise']).strategyFit);
    expect(
      mixed.evidence.some((e) => e.dimension === 'strategyFit' && /Mixed denial/.test(e.reason.en)),
    ).toBe(true);
  });

  it("deleting the company's own post with an apology is not concealment; deleting it silently is", () => {
    const corrected = score(['delete-own-apology']);
    expect(evidence(corrected, 'no-concealment').filter((e) => e.points < 0)).toEqual([]);
    expect(corrected.transparency).toBeGreaterThanOrEqual(score(['apologise']).transparency);
    const silent = score(['delete-own-silent', 'apologise']);
    expect(evidence(silent, 'no-concealment').some((e) => e.points < 0)).toBe(true);
    expect(silent.transparency).toBeLessThan(corrected.transparency);
  });

  it('stating an unverified claim as fact costs transparency, citing verify-facts', () => {
    const scenario = structuredClone(compiled.scenario);
    const apologise = scenario.nodes[0]!.choices.find((c) => c.id === 'apologise')!;
    apologise.actions = [...apologise.actions, 'unverified-claim'];
    const claimed = compileScenario(scenario);
    const card = scoreRun(claimed, playChoices(claimed, ['apologise']).context.log);
    expect(card.transparency).toBe(score(['apologise']).transparency - 12);
    expect(
      evidence(card, 'verify-facts').some((e) => e.dimension === 'transparency' && e.points < 0),
    ).toBe(true);
  });

  it('never acknowledging publicly costs speed, transparency and tone', () => {
    const silent = score(['wait', 'stay-silent']);
    expect(silent.speed).toBeLessThan(10);
    expect(silent.transparency).toBeLessThan(50);
    expect(silent.tone).toBeLessThan(50);
  });

  it('records the outcome of the ending reached and the weights used', () => {
    expect(score(['apologise']).outcome).toBe('recovered');
    expect(score(['wait', 'stay-silent']).outcome).toBe('catastrophic');
    expect(score(['apologise']).weights).toEqual({
      speed: 1,
      transparency: 1,
      tone: 1,
      strategyFit: 1,
      outcome: 1,
    });
  });

  it('applies per-scenario weights to the overall score', () => {
    const weighted = {
      ...compiled,
      scenario: {
        ...compiled.scenario,
        scoring: { weights: { speed: 3, transparency: 1, tone: 1, strategyFit: 1, outcome: 1 } },
      },
    };
    const log = playChoices(compiled, ['wait', 'apologise']).context.log;
    const plain = scoreRun(compiled, log);
    const heavy = scoreRun(weighted, log);
    expect(heavy.overall).toBe(
      Math.round(
        (plain.speed * 3 +
          plain.transparency +
          plain.tone +
          plain.strategyFit +
          plain.outcomeScore!) /
          7,
      ),
    );
  });

  it('gives every evidence item a decision or run reference, a reason in both languages and a principle', () => {
    for (const e of score(['deny', 'apologise']).evidence) {
      expect(e.reason.en.length).toBeGreaterThan(0);
      expect(e.reason.ja.length).toBeGreaterThan(0);
      expect(e.principle).toBeTruthy();
      if (e.seq !== null) expect(e.nodeId).not.toBeNull();
    }
  });

  it('finds the best path by search: the own-post correction with an apology', () => {
    expect(findBestPath(compiled).choices).toEqual(['delete-own-apology']);
  });
});

describe('score bounds', () => {
  it('keeps every dimension within 0–100 and makes its evidence add up to it, on every fixture path', async () => {
    const { walkRuns, rubric } = await import('../../src/engine');
    for (const name of ['minimal', 'rubric']) {
      const c = fixture(name);
      for (const walk of walkRuns(c)) {
        const card = scoreRun(c, walk.snapshot.context.log);
        for (const d of DIMENSIONS) {
          expect(card[d]).toBeGreaterThanOrEqual(0);
          expect(card[d]).toBeLessThanOrEqual(100);
          const sum = card.evidence
            .filter((e) => e.dimension === d)
            .reduce((s, e) => s + e.points, rubric.DIMENSION_START[d]);
          expect(sum).toBe(card[d]);
        }
      }
    }
  });
});
