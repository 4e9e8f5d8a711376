/**
 * Lookup tables over a validated scenario, built once at compile time so the machine's guards
 * and actions never search arrays on the hot path.
 */
import { parseCondition, type Comparison } from './conditions';
import type { ChoiceOutcome, FeedItem, Scenario, ScenarioNode } from './schema';

/** The pseudo-choice id recorded when a node's real-time deadline passes with no decision. */
export const TIMEOUT_CHOICE = 'timeout';

/** A choice or timeout outcome with its branch conditions already parsed. */
export interface IndexedOutcome {
  id: string;
  outcome: ChoiceOutcome;
  branches: { when: Comparison[]; to: string }[];
}

export interface ScenarioIndex {
  scenario: Scenario;
  nodes: Map<string, ScenarioNode>;
  /** nodeId → choiceId (or `timeout`) → outcome. */
  outcomes: Map<string, Map<string, IndexedOutcome>>;
  /** Every feed item the scenario can show (node feeds, reactions, injects), by id. */
  feedItems: Map<string, FeedItem>;
}

function indexOutcome(id: string, outcome: ChoiceOutcome): IndexedOutcome {
  return {
    id,
    outcome,
    branches: outcome.branches.map((b) => ({ when: parseCondition(b.when), to: b.to })),
  };
}

/** Build the lookup tables. The scenario must already have passed schema validation. */
export function indexScenario(scenario: Scenario): ScenarioIndex {
  const nodes = new Map<string, ScenarioNode>();
  const outcomes = new Map<string, Map<string, IndexedOutcome>>();
  const feedItems = new Map<string, FeedItem>();
  for (const node of scenario.nodes) {
    nodes.set(node.id, node);
    const byId = new Map<string, IndexedOutcome>();
    for (const choice of node.choices) {
      byId.set(choice.id, indexOutcome(choice.id, choice));
      for (const r of choice.reactions) feedItems.set(r.id, r);
    }
    if (node.deadline) {
      byId.set(TIMEOUT_CHOICE, indexOutcome(TIMEOUT_CHOICE, node.deadline.onTimeout));
      for (const r of node.deadline.onTimeout.reactions) feedItems.set(r.id, r);
    }
    outcomes.set(node.id, byId);
    for (const item of node.feed) feedItems.set(item.id, item);
  }
  for (const inject of scenario.injects)
    for (const item of inject.items) feedItems.set(item.id, item);
  return { scenario, nodes, outcomes, feedItems };
}

/** Every node a decision outcome can lead to: its branches' targets, then `next`. */
export function outcomeTargets(outcome: Pick<ChoiceOutcome, 'next' | 'branches'>): string[] {
  const targets = outcome.branches.map((b) => b.to);
  if (!targets.includes(outcome.next)) targets.push(outcome.next);
  return targets;
}
