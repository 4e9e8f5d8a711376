/**
 * The simulated feed a trainee sees at any point of a run, derived — never stored — from the
 * scenario's items, the decisions made, and the public-reaction model. Engagement numbers move
 * with the model (critical posts grow with heat and reach; supportive ones with trust), plus a
 * small seeded jitter so numbers look organic yet replay identically.
 */
import type { ModelState } from './metrics';
import { statementId } from './feed-ids';
import { hashString, seededRandom } from './random';
import type { RunContext } from './run-types';
import type { ScenarioIndex } from './scenario-index';
import type { FeedItem, FeedKind, LocalText, Stance } from './schema';

export type FeedOrigin = 'scenario' | 'reaction' | 'statement' | 'inject';

export interface Engagement {
  likes: number;
  reposts: number;
  replies: number;
}

/** One item of the derived feed. */
export interface FeedEntry {
  id: string;
  kind: FeedKind;
  author: LocalText;
  handle: string;
  text: LocalText;
  stance: Stance;
  own: boolean;
  replyTo?: string;
  quoteOf?: string;
  /** Simulated minute the item appeared. */
  clock: number;
  /** Node at which it appeared. */
  nodeId: string;
  origin: FeedOrigin;
  engagement: Engagement;
  /** Simulated minute it was deleted by the company, or null. Deleted items stay, marked, so the UI can show the removal. */
  deletedAt: number | null;
}

function engagementFactor(
  stance: Stance,
  model: ModelState,
  initialReach: number,
  ageMinutes: number,
): number {
  const reachRatio = Math.sqrt(Math.max(model.reach, 1) / Math.max(initialReach, 1));
  const age = 1 + Math.min(1, Math.max(0, ageMinutes) / 240) * 0.5;
  switch (stance) {
    case 'critical':
      return (0.4 + (1.2 * model.heat) / 100) * reachRatio * age;
    case 'supportive':
      return (0.5 + model.trust / 100) * Math.sqrt(reachRatio) * age;
    case 'company':
      return (0.5 + (model.sentiment + 100) / 200) * reachRatio * age;
    case 'neutral':
      return (0.6 + (0.4 * model.media) / 100) * reachRatio * age;
  }
}

function scaled(base: Engagement, factor: number, seed: number, id: string): Engagement {
  // One seeded stream per (seed, item): three draws, ±10% each, identical on every replay.
  const draw = seededRandom(hashString(id) ^ seed);
  return {
    likes: Math.round(base.likes * factor * (0.9 + draw() * 0.2)),
    reposts: Math.round(base.reposts * factor * (0.9 + draw() * 0.2)),
    replies: Math.round(base.replies * factor * (0.9 + draw() * 0.2)),
  };
}

/**
 * The feed at the run's current point, newest first. Items deleted by the company are kept with
 * `deletedAt` set; a feed item reached twice (a scenario with a loop) appears once.
 */
export function deriveFeed(index: ScenarioIndex, context: RunContext): FeedEntry[] {
  const { scenario } = index;
  const seed = context.input.seed;
  const initialReach = scenario.model.initial.reach;
  const deletedAt = new Map(context.deleted.map((d) => [d.id, d.clock]));
  const entries = new Map<string, FeedEntry>();

  const addItem = (item: FeedItem, clock: number, nodeId: string, origin: FeedOrigin) => {
    if (entries.has(item.id)) return;
    const at = clock + item.minutesAfter;
    entries.set(item.id, {
      id: item.id,
      kind: item.kind,
      author: item.author,
      handle: item.handle,
      text: item.text,
      stance: item.stance,
      own: item.own,
      ...(item.replyTo ? { replyTo: item.replyTo } : {}),
      ...(item.quoteOf ? { quoteOf: item.quoteOf } : {}),
      clock: at,
      nodeId,
      origin,
      engagement: scaled(
        item.engagement,
        engagementFactor(item.stance, context.model, initialReach, context.clock - at),
        seed,
        item.id,
      ),
      deletedAt: deletedAt.get(item.id) ?? null,
    });
  };

  // Walk the run in order: each node's items on arrival, then each decision's statement and reactions.
  context.arrivals.forEach((arrival, i) => {
    for (const item of index.nodes.get(arrival.nodeId)?.feed ?? [])
      addItem(item, arrival.clock, arrival.nodeId, 'scenario');
    for (const inj of context.injects.filter(
      (x) => x.nodeId === arrival.nodeId && x.clock >= arrival.clock,
    )) {
      const inject = scenario.injects.find((s) => s.id === inj.id);
      for (const item of inject?.items ?? []) addItem(item, inj.clock, inj.nodeId, 'inject');
    }
    const decision = context.log[i];
    if (!decision) return;
    const outcome = index.outcomes.get(decision.nodeId)?.get(decision.choiceId)?.outcome;
    if (!outcome) return;
    if (outcome.statement) {
      const id = statementId(decision.seq);
      const base = { likes: 40, reposts: 12, replies: 25 };
      entries.set(id, {
        id,
        kind: 'post',
        author: scenario.company.name,
        handle: scenario.company.handle,
        text: outcome.statement,
        stance: 'company',
        own: true,
        clock: decision.clockAfter,
        nodeId: decision.nodeId,
        origin: 'statement',
        engagement: scaled(
          base,
          engagementFactor(
            'company',
            context.model,
            initialReach,
            context.clock - decision.clockAfter,
          ),
          seed,
          id,
        ),
        deletedAt: deletedAt.get(id) ?? null,
      });
    }
    for (const item of outcome.reactions)
      addItem(item, decision.clockAfter, decision.target, 'reaction');
  });

  return [...entries.values()].sort((a, b) => b.clock - a.clock || (a.id < b.id ? -1 : 1));
}
