/**
 * The engine's public API. The Svelte app, the CLI and the tests import from here only.
 * Pure TypeScript: no DOM, no Svelte, no storage.
 */
export * from './schema';
export * from './metrics';
export { parseCondition, conditionHolds, type Comparison } from './conditions';
export {
  loadScenarioText,
  parseText,
  validateScenario,
  formatProblem,
  MAX_FILE_BYTES,
  type ScenarioProblem,
  type LoadResult,
} from './loader';
export { checkScenario, graphEdges, type CheckReport, type GraphStats } from './check';
export { loadScenario, type LoadedScenario } from './load';
export { advanceModel, applyEffect, isPublic, isHonestResponse } from './model';
export { deriveFeed, type FeedEntry, type Engagement, type FeedOrigin } from './feed';
export {
  createScenarioMachine,
  initialContext,
  type ScenarioMachine,
  type RunSnapshot,
} from './machine';
export * from './run-types';
export { TIMEOUT_CHOICE } from './scenario-index';
export {
  compileScenario,
  startRun,
  stepRun,
  replayRun,
  replayWithHistory,
  type ReplayResult,
  viewRun,
  feedbackFor,
  currentNode,
  RunError,
  type CompiledScenario,
  type RunView,
  type ChoiceView,
  type DecisionFeedback,
} from './run';
export {
  walkRuns,
  playChoices,
  availableDecisions,
  decisionEvent,
  WALK_INPUT,
  type Walk,
} from './paths';
export { PRINCIPLE_INFO, type PrincipleInfo } from './principles';
export { hashString, seededRandom, contentHash } from './random';
export * from './debrief-types';
export { scoreRun } from './scoring';
export { catalogEntry, type CatalogEntry } from './catalog';
export {
  bestChoicesByNode,
  findBestPath,
  findWorstPath,
  scoreAllPaths,
  comparePaths,
  type ScoredPath,
} from './best-path';
export { buildDebrief } from './debrief';
export { debriefToMarkdown, escapeMarkdown } from './debrief-markdown';
export * as rubric from './rubric';
export {
  compareRuns,
  workshopToMarkdown,
  type TeamRun,
  type TeamResult,
  type WorkshopComparison,
  type NodeChoices,
  type WeakPoint,
} from './workshop';
