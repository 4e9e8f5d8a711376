/**
 * The built-in library: every scenario checks clean, every path is walked to an ending with scores
 * in range, and the engine's best path follows the source's principles while paths that wait,
 * hide or deflect score lower and never recover.
 */
import { describe, expect, it } from 'vitest';
import {
  checkScenario,
  CRISIS_TYPES,
  DIMENSIONS,
  playChoices,
  rubric,
  scoreAllPaths,
  TIMEOUT_CHOICE,
  type CompiledScenario,
  type ScoredPath,
} from '../../src/engine';
import { builtInFiles, compileFile } from '../helpers/scenarios';

const files = builtInFiles();
const library = files.map((file) => ({ file, compiled: compileFile(file) }));

/** The actions and classifications of each decision on a path, from its replayed log. */
function decisionsOn(c: CompiledScenario, path: ScoredPath) {
  return playChoices(c, path.choices).context.log.map((e) => {
    const { outcome } = c.index.outcomes.get(e.nodeId)!.get(e.choiceId)!;
    return {
      choiceId: e.choiceId,
      actions: outcome.actions as string[],
      transparency: outcome.transparency as string,
    };
  });
}

const waits = (d: { choiceId: string; actions: string[] }) =>
  d.choiceId === TIMEOUT_CHOICE || d.actions.includes('wait');
const hides = (d: { actions: string[] }) =>
  d.actions.includes('delete-criticism') || d.actions.includes('hide-criticism');

describe('built-in library', () => {
  it('has at least ten scenarios covering every crisis type, B2C and B2B', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
    const types = new Set(library.map((s) => s.compiled.scenario.crisisType));
    for (const t of CRISIS_TYPES) expect(types, t).toContain(t);
    const audiences = new Set(library.map((s) => s.compiled.scenario.audience));
    expect([...audiences].sort()).toEqual(['b2b', 'b2c']);
  });

  it('gives roles with private briefs to at least half of the scenarios', () => {
    const withRoles = library.filter((s) => s.compiled.scenario.roles.length >= 3);
    expect(withRoles.length * 2).toBeGreaterThanOrEqual(library.length);
  });

  for (const { file, compiled } of library) {
    describe(file, () => {
      const { scenario } = compiled;
      const paths = scoreAllPaths(compiled);

      it('checks clean: 12+ nodes, 3+ distinct endings, a deadline, both languages', () => {
        const report = checkScenario(scenario, file);
        expect(report.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(report.stats.nodes).toBeGreaterThanOrEqual(12);
        const outcomes = new Set(
          scenario.nodes.flatMap((n) => (n.ending ? [n.ending.outcome] : [])),
        );
        expect(outcomes.size).toBeGreaterThanOrEqual(3);
        expect(scenario.nodes.some((n) => n.deadline)).toBe(true);
      });

      it('walks every path to an ending with every score in 0–100 and evidence adding up', () => {
        expect(paths.length).toBeGreaterThan(0);
        for (const p of paths) {
          expect(p.score.outcome, p.choices.join(',')).not.toBeNull();
          for (const d of DIMENSIONS) {
            expect(p.score[d]).toBeGreaterThanOrEqual(0);
            expect(p.score[d]).toBeLessThanOrEqual(100);
            const sum = p.score.evidence
              .filter((e) => e.dimension === d)
              .reduce((s, e) => s + e.points, rubric.DIMENSION_START[d]);
            expect(sum).toBe(p.score[d]);
          }
        }
      });

      it('has a best path that recovers, and scores higher than every path that waits, hides criticism or denies a true fault', () => {
        const best = paths[0]!;
        expect(best.score.outcome).toBe('recovered');
        for (const p of paths.slice(1)) {
          const ds = decisionsOn(compiled, p);
          const denies =
            !scenario.rumour &&
            ds.some((d) => d.actions.includes('deny') || d.transparency === 'denying');
          if (ds.some(waits) || ds.some(hides) || denies)
            expect(
              p.score.overall,
              `${p.choices.join(',')} vs best ${best.choices.join(',')}`,
            ).toBeLessThan(best.score.overall);
        }
      });

      it('never lets a path that waits first, hides criticism or denies a true fault recover', () => {
        for (const p of paths) {
          const ds = decisionsOn(compiled, p);
          const bad =
            waits(ds[0]!) ||
            ds.some(hides) ||
            (!scenario.rumour && ds.some((d) => d.actions.includes('deny')));
          if (bad) expect(p.score.outcome, p.choices.join(',')).not.toBe('recovered');
        }
      });
    });
  }
});
