/**
 * The best (and worst) path through a scenario, found by the engine: every complete run is walked
 * by simulation and scored with the same rubric as a trainee's run. Results are cached per compiled
 * scenario. Built-in scenarios stay small enough (a few thousand runs) for exhaustive search.
 */
import type { ScoreCard } from './debrief-types';
import { playChoices, walkRuns } from './paths';
import type { CompiledScenario } from './run';
import type { Outcome } from './schema';
import { scoreRun } from './scoring';

export interface ScoredPath {
  choices: string[];
  score: ScoreCard;
  endingNode: string;
}

const OUTCOME_RANK: Record<Outcome, number> = {
  recovered: 3,
  contained: 2,
  escalated: 1,
  catastrophic: 0,
};

/** Order paths best first: overall score, then a better ending, then fewer decisions, then by ids. */
export function comparePaths(a: ScoredPath, b: ScoredPath): number {
  return (
    b.score.overall - a.score.overall ||
    (b.score.outcome ? OUTCOME_RANK[b.score.outcome] : -1) -
      (a.score.outcome ? OUTCOME_RANK[a.score.outcome] : -1) ||
    a.choices.length - b.choices.length ||
    (a.choices.join(',') < b.choices.join(',') ? -1 : 1)
  );
}

const cache = new WeakMap<CompiledScenario, ScoredPath[]>();

/** Every complete run of the scenario with its score, best first (cached). */
export function scoreAllPaths(compiled: CompiledScenario): ScoredPath[] {
  const cached = cache.get(compiled);
  if (cached) return cached;
  const scored: ScoredPath[] = [];
  for (const walk of walkRuns(compiled)) {
    scored.push({
      choices: walk.choices,
      score: scoreRun(compiled, walk.snapshot.context.log),
      endingNode: walk.snapshot.context.nodeId,
    });
  }
  scored.sort(comparePaths);
  cache.set(compiled, scored);
  return scored;
}

/** The highest-scoring path through the scenario. */
export function findBestPath(compiled: CompiledScenario): ScoredPath {
  const all = scoreAllPaths(compiled);
  if (all.length === 0) throw new Error(`scenario "${compiled.scenario.id}" has no complete path`);
  return all[0]!;
}

/** The lowest-scoring path through the scenario. */
export function findWorstPath(compiled: CompiledScenario): ScoredPath {
  const all = scoreAllPaths(compiled);
  if (all.length === 0) throw new Error(`scenario "${compiled.scenario.id}" has no complete path`);
  return all[all.length - 1]!;
}

/**
 * Node id → the choice the best path makes there, for each node it passes through (the answer key
 * and the workshop comparison mark it). Read from the best path played through the machine, so a
 * branch taken on the way leads to the node the trainee would really reach.
 */
export function bestChoicesByNode(compiled: CompiledScenario): Map<string, string> {
  const { log } = playChoices(compiled, findBestPath(compiled).choices).context;
  return new Map(log.map((e) => [e.nodeId, e.choiceId]));
}
