/**
 * Graph and content checks on a structurally valid scenario: ids, targets, reachability, endings,
 * cycles, translations. Every pass is linear in the size of the scenario — paths are counted by
 * dynamic programming over a topological order, never enumerated — so a 20,000-node file checks
 * in milliseconds.
 */
import type { ScenarioProblem } from './loader';
import { outcomeTargets } from './scenario-index';
import { LAST_STATEMENT, LOCALES } from './format-constants';
import type { ChoiceOutcome, LocalText, Scenario } from './schema';

/** Size and shape of a scenario's decision graph. */
export interface GraphStats {
  nodes: number;
  endings: number;
  /** Distinct decision paths from start to an ending (each branch target counted); Infinity with cycles. */
  paths: number;
  /** Fewest and most decisions on a path to an ending; `longest` is Infinity with cycles. */
  shortest: number;
  longest: number;
}

export interface CheckReport {
  problems: ScenarioProblem[];
  stats: GraphStats;
}

/** Outgoing edges of each node: one per (choice or timeout, target). */
export function graphEdges(scenario: Scenario): Map<string, string[]> {
  const edges = new Map<string, string[]>();
  for (const node of scenario.nodes) {
    const out: string[] = [];
    const outcomes: ChoiceOutcome[] = [...node.choices];
    if (node.deadline) outcomes.push(node.deadline.onTimeout);
    for (const o of outcomes) out.push(...outcomeTargets(o));
    edges.set(node.id, out);
  }
  return edges;
}

/** Check a scenario; problems with severity `error` make it unplayable. */
export function checkScenario(scenario: Scenario, file: string): CheckReport {
  const problems: ScenarioProblem[] = [];
  const add = (
    rule: string,
    path: string,
    message: string,
    nodeId?: string,
    severity: 'error' | 'warning' = 'error',
  ) => problems.push({ severity, rule, file, path, message, ...(nodeId ? { nodeId } : {}) });

  checkIds(scenario, add);
  const nodeIds = new Set(scenario.nodes.map((n) => n.id));
  const itemIds = collectFeedItemIds(scenario);
  itemIds.add(LAST_STATEMENT);

  if (!nodeIds.has(scenario.start))
    add('unknown-start', 'start', `start node "${scenario.start}" does not exist`);

  scenario.nodes.forEach((node, i) => {
    const at = `nodes[${i}] (node "${node.id}")`;
    if (node.ending && (node.choices.length > 0 || node.deadline))
      add('ending-with-choices', at, 'an ending node cannot have choices or a deadline', node.id);
    if (!node.ending && node.choices.length === 0)
      add(
        'no-choices',
        at,
        'has no choices and is not an ending: the run would get stuck here',
        node.id,
      );
    const outcomes: [string, ChoiceOutcome][] = node.choices.map((c, j) => [
      `${at} › choices[${j}] (choice "${c.id}")`,
      c,
    ]);
    if (node.deadline) outcomes.push([`${at} › deadline › onTimeout`, node.deadline.onTimeout]);
    for (const [where, o] of outcomes) {
      for (const target of outcomeTargets(o))
        if (!nodeIds.has(target))
          add('unknown-target', where, `leads to node "${target}", which does not exist`, node.id);
      for (const del of o.deletes)
        if (!itemIds.has(del))
          add(
            'unknown-feed-item',
            `${where} › deletes`,
            `deletes feed item "${del}", which does not exist`,
            node.id,
          );
    }
    for (const item of [...node.feed, ...outcomes.flatMap(([, o]) => o.reactions)]) {
      for (const ref of [item.replyTo, item.quoteOf])
        if (ref !== undefined && !itemIds.has(ref))
          add(
            'unknown-feed-item',
            `${at} › feed item "${item.id}"`,
            `refers to feed item "${ref}", which does not exist`,
            node.id,
          );
    }
  });

  checkTranslations(scenario, add);
  const stats = analyseGraph(scenario, add);
  return { problems, stats };
}

type Add = (
  rule: string,
  path: string,
  message: string,
  nodeId?: string,
  severity?: 'error' | 'warning',
) => void;

function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return [...dup];
}

function collectFeedItemIds(scenario: Scenario): Set<string> {
  const ids = new Set<string>();
  for (const node of scenario.nodes) {
    for (const item of node.feed) ids.add(item.id);
    for (const c of node.choices) for (const r of c.reactions) ids.add(r.id);
    for (const r of node.deadline?.onTimeout.reactions ?? []) ids.add(r.id);
  }
  for (const inject of scenario.injects) for (const item of inject.items) ids.add(item.id);
  return ids;
}

function checkIds(scenario: Scenario, add: Add) {
  for (const id of duplicates(scenario.nodes.map((n) => n.id)))
    add('duplicate-id', 'nodes', `node id "${id}" is used more than once`, id);
  const itemIds: string[] = [];
  for (const node of scenario.nodes) {
    for (const id of duplicates(node.choices.map((c) => c.id)))
      add(
        'duplicate-id',
        `node "${node.id}" › choices`,
        `choice id "${id}" is used more than once in this node`,
        node.id,
      );
    itemIds.push(...node.feed.map((f) => f.id));
    for (const c of node.choices) itemIds.push(...c.reactions.map((r) => r.id));
    itemIds.push(...(node.deadline?.onTimeout.reactions ?? []).map((r) => r.id));
  }
  for (const inject of scenario.injects) itemIds.push(...inject.items.map((i) => i.id));
  for (const id of duplicates(itemIds))
    add('duplicate-id', 'feed', `feed item id "${id}" is used more than once`);
  for (const [name, list] of [
    ['objectives', scenario.objectives],
    ['roles', scenario.roles],
    ['injects', scenario.injects],
  ] as const)
    for (const id of duplicates(list.map((x) => x.id)))
      add('duplicate-id', name, `id "${id}" is used more than once`);
}

function isLocalText(value: unknown): value is LocalText {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => k === 'ja' || k === 'en');
}

/** Walk every text of the scenario and report each language that is missing. */
function checkTranslations(scenario: Scenario, add: Add) {
  const walk = (value: unknown, path: string, nodeId: string | undefined) => {
    if (isLocalText(value)) {
      const missing = LOCALES.filter((l) => value[l] === undefined);
      if (missing.length > 0)
        add('missing-translation', path, `missing translation: ${missing.join(', ')}`, nodeId);
      return;
    }
    if (Array.isArray(value)) {
      value.forEach((v, i) => {
        const id = v && typeof v === 'object' && 'id' in v ? ` ("${String(v.id)}")` : '';
        walk(v, `${path}[${i}]${id}`, nodeId);
      });
    } else if (value && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, path ? `${path} › ${k}` : k, nodeId);
    }
  };
  const { nodes, ...rest } = scenario;
  walk(rest, '', undefined);
  nodes.forEach((node, i) => walk(node, `nodes[${i}] (node "${node.id}")`, node.id));
}

/**
 * Reachability, endings, cycles and path statistics in O(nodes + edges). Uses Kahn's algorithm for
 * a topological order of the reachable part; whatever it cannot order lies on or behind a cycle.
 */
function analyseGraph(scenario: Scenario, add: Add): GraphStats {
  const edges = graphEdges(scenario);
  const endings = new Set(scenario.nodes.filter((n) => n.ending).map((n) => n.id));
  const known = (id: string) => edges.has(id);

  // Forward reachability from the start.
  const reachable = new Set<string>();
  if (known(scenario.start)) {
    const stack = [scenario.start];
    reachable.add(scenario.start);
    while (stack.length > 0) {
      const id = stack.pop()!;
      for (const t of edges.get(id) ?? []) {
        if (known(t) && !reachable.has(t)) {
          reachable.add(t);
          stack.push(t);
        }
      }
    }
  }
  for (const node of scenario.nodes)
    if (!reachable.has(node.id))
      add('unreachable', `node "${node.id}"`, 'can never be reached from the start node', node.id);

  // Backward reachability from the endings.
  const reverse = new Map<string, string[]>();
  for (const [from, tos] of edges)
    for (const t of tos) if (known(t)) reverse.set(t, [...(reverse.get(t) ?? []), from]);
  const canEnd = new Set<string>(endings);
  const stack = [...endings];
  while (stack.length > 0) {
    const id = stack.pop()!;
    for (const f of reverse.get(id) ?? []) {
      if (!canEnd.has(f)) {
        canEnd.add(f);
        stack.push(f);
      }
    }
  }
  for (const id of reachable)
    if (!canEnd.has(id))
      add(
        'never-ends',
        `node "${id}"`,
        'no path from here reaches an ending (a dead end or a cycle with no way out)',
        id,
      );
  if (endings.size === 0) add('no-ending', 'nodes', 'the scenario has no ending node');

  // Topological order of the reachable subgraph.
  const indegree = new Map<string, number>();
  for (const id of reachable) indegree.set(id, 0);
  for (const id of reachable)
    for (const t of edges.get(id) ?? [])
      if (reachable.has(t)) indegree.set(t, indegree.get(t)! + 1);
  const order: string[] = [];
  const queue = [...reachable].filter((id) => indegree.get(id) === 0);
  while (queue.length > 0) {
    const id = queue.pop()!;
    order.push(id);
    for (const t of edges.get(id) ?? []) {
      if (!reachable.has(t)) continue;
      const d = indegree.get(t)! - 1;
      indegree.set(t, d);
      if (d === 0) queue.push(t);
    }
  }
  const cyclic = order.length < reachable.size;
  if (cyclic) {
    const onCycle = [...reachable].filter((id) => indegree.get(id)! > 0);
    add(
      'cycle',
      'nodes',
      `the graph has a cycle through ${onCycle
        .slice(0, 5)
        .map((id) => `"${id}"`)
        .join(', ')}${onCycle.length > 5 ? '…' : ''}; paths are unbounded`,
      onCycle[0],
      'warning',
    );
  }

  // Path counts and lengths, from the endings back.
  const paths = new Map<string, number>();
  const shortest = new Map<string, number>();
  const longest = new Map<string, number>();
  for (let i = order.length - 1; i >= 0; i--) {
    const id = order[i]!;
    if (endings.has(id)) {
      paths.set(id, 1);
      shortest.set(id, 0);
      longest.set(id, 0);
      continue;
    }
    let count = 0;
    let lo = Infinity;
    let hi = -Infinity;
    for (const t of edges.get(id) ?? []) {
      if (!reachable.has(t)) continue;
      count += paths.get(t) ?? 0;
      if (canEnd.has(t)) {
        lo = Math.min(lo, 1 + (shortest.get(t) ?? Infinity));
        hi = Math.max(hi, 1 + (longest.get(t) ?? -Infinity));
      }
    }
    paths.set(id, count);
    shortest.set(id, lo);
    longest.set(id, hi);
  }
  const start = scenario.start;
  return {
    nodes: scenario.nodes.length,
    endings: endings.size,
    paths: cyclic ? Infinity : (paths.get(start) ?? 0),
    shortest: cyclic ? shortestWithCycles(edges, start, endings) : finite(shortest.get(start)),
    longest: cyclic ? Infinity : finite(longest.get(start)),
  };
}

function finite(n: number | undefined): number {
  return n === undefined || !Number.isFinite(n) ? 0 : n;
}

/** Breadth-first distance from the start to the nearest ending, for graphs with cycles. */
function shortestWithCycles(
  edges: Map<string, string[]>,
  start: string,
  endings: Set<string>,
): number {
  const dist = new Map<string, number>([[start, 0]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    if (endings.has(id)) return dist.get(id)!;
    for (const t of edges.get(id) ?? []) {
      if (!dist.has(t) && edges.has(t)) {
        dist.set(t, dist.get(id)! + 1);
        queue.push(t);
      }
    }
  }
  return 0;
}
