/**
 * Compiles a validated scenario into an XState v5 machine: one state per node, ending nodes final.
 * Each choice becomes one guarded `choice.select` transition per node it can lead to; the guard
 * works out (purely) where the choice lands given the model after its effect, so branch
 * conditions see the consequences of the decision that triggered them.
 *
 * There are no timers in the machine. Real time arrives in events (`at`), deadlines are stored
 * as absolute times in context, and `clock.deadline` is sent by whoever owns a real timer (the
 * app) — so every path can be walked in tests and a restored run re-arms from stored deadlines.
 */
import { assign, setup, type SnapshotFrom } from 'xstate';
import { conditionHolds } from './conditions';
import { advanceModel, applyEffect } from './model';
import type { DecisionEntry, RunContext, RunEvent, RunInput } from './run-types';
import {
  indexScenario,
  outcomeTargets,
  TIMEOUT_CHOICE,
  type IndexedOutcome,
  type ScenarioIndex,
} from './scenario-index';
import {
  LAST_STATEMENT,
  SIGNOFF_ROLES,
  signoffMinutesOf,
  type SignoffRole,
} from './format-constants';
import type { ChoiceOutcome, Scenario } from './schema';
import { statementId } from './feed-ids';

type DecisionEvent = Extract<RunEvent, { type: 'choice.select' | 'clock.deadline' }>;

interface Resolved {
  context: RunContext;
  target: string;
}

/** Feed id of the company's most recent published statement (see `deriveFeed`), or null. */
function lastStatementId(index: ScenarioIndex, context: RunContext): string | null {
  for (let i = context.log.length - 1; i >= 0; i--) {
    const e = context.log[i]!;
    if (index.outcomes.get(e.nodeId)?.get(e.choiceId)?.outcome.statement) return statementId(e.seq);
  }
  return null;
}

/**
 * The sign-off a decision waits for: the distinct approving roles and the minutes they cost, or
 * null when there is none or the choice publishes no statement (nothing to approve).
 */
function signoffCost(
  index: ScenarioIndex,
  outcome: ChoiceOutcome,
  event: DecisionEvent,
): { roles: SignoffRole[]; minutes: number } | null {
  if (event.type !== 'choice.select' || !event.signoff?.length || !outcome.statement) return null;
  const roles = SIGNOFF_ROLES.filter((r) => event.signoff!.includes(r));
  const perRole = signoffMinutesOf(index.scenario);
  const minutes = roles.reduce((sum, r) => sum + perRole[r], 0);
  return roles.length > 0 ? { roles, minutes } : null;
}

/** Where a decision lands and the context after it. Pure; memoised per (context, event). */
function resolveDecision(
  index: ScenarioIndex,
  context: RunContext,
  event: DecisionEvent,
  indexed: IndexedOutcome,
): Resolved {
  const signoff = signoffCost(index, indexed.outcome, event);
  // A sign-off delays the statement: the model advances over the extra minutes as it would over
  // any other wait, so the trade-off between speed and accuracy is the crisis's, not a penalty.
  const outcome = signoff
    ? { ...indexed.outcome, minutes: indexed.outcome.minutes + signoff.minutes }
    : indexed.outcome;
  const clockAfter = context.clock + outcome.minutes;
  const { model, memory } = advanceModel(
    context.model,
    { engaged: context.engaged },
    outcome,
    clockAfter,
    index.scenario.model.dynamics,
  );
  const branch = indexed.branches.find((b) => conditionHolds(b.when, model, clockAfter));
  const target = branch ? branch.to : outcome.next;
  const targetNode = index.nodes.get(target);
  const entry: DecisionEntry = {
    seq: context.log.length + 1,
    nodeId: context.nodeId,
    choiceId: indexed.id,
    at: event.at,
    realMs: Math.max(0, event.at - context.nodeEnteredAt - context.pausedMs),
    deadlineAt: context.deadlineAt,
    clockBefore: context.clock,
    clockAfter,
    modelBefore: context.model,
    modelAfter: model,
    target,
    ...(event.type === 'choice.select' && event.rationale ? { rationale: event.rationale } : {}),
    ...(event.type === 'choice.select' && event.team ? { team: event.team } : {}),
    ...(signoff ? { signoff } : {}),
  };
  const deadline = targetNode?.deadline;
  return {
    target,
    context: {
      ...context,
      nodeId: target,
      clock: clockAfter,
      model,
      engaged: memory.engaged,
      log: [...context.log, entry],
      arrivals: [...context.arrivals, { nodeId: target, clock: clockAfter, model }],
      nodeEnteredAt: event.at,
      pausedMs: 0,
      deleted: [
        ...context.deleted,
        ...outcome.deletes
          .map((id) => (id === LAST_STATEMENT ? lastStatementId(index, context) : id))
          .filter((id): id is string => id !== null && !context.deleted.some((d) => d.id === id))
          .map((id) => ({ id, clock: clockAfter })),
      ],
      deadlineAt:
        context.input.timer && deadline
          ? (context.pausedAt ?? event.at) + deadline.seconds * 1000
          : null,
    },
  };
}

/** Input for XState's internal throwaway actors; never used for a real run. */
const INERT_INPUT: RunInput = { seed: 0, timer: false, startedAt: 0 };

/** The initial context of a run of this scenario. */
export function initialContext(scenario: Scenario, input: RunInput): RunContext {
  const start = scenario.nodes.find((n) => n.id === scenario.start);
  const model = { ...scenario.model.initial };
  return {
    input,
    nodeId: scenario.start,
    clock: 0,
    model,
    engaged: false,
    log: [],
    arrivals: [{ nodeId: scenario.start, clock: 0, model }],
    nodeEnteredAt: input.startedAt,
    pausedMs: 0,
    deleted: [],
    injects: [],
    deadlineAt:
      input.timer && start?.deadline ? input.startedAt + start.deadline.seconds * 1000 : null,
    pausedAt: null,
  };
}

/**
 * Build the machine for a scenario. The scenario must have passed `checkScenario` without errors;
 * compiling an unchecked scenario may produce transitions to unknown states.
 */
export function createScenarioMachine(
  scenario: Scenario,
  index: ScenarioIndex = indexScenario(scenario),
) {
  // The guard and the action of one transition see the same context and event objects, and XState
  // evaluates them back to back, so a one-entry cache resolves each decision exactly once. (A
  // WeakMap per context cost more in garbage collection than the resolution it saved.)
  let last: { context: RunContext; event: RunEvent; outcomeId: string; resolved: Resolved } | null =
    null;
  const resolve = (
    context: RunContext,
    event: DecisionEvent,
    nodeId: string,
    outcomeId: string,
  ) => {
    if (last && last.context === context && last.event === event && last.outcomeId === outcomeId)
      return last.resolved;
    const indexed = index.outcomes.get(nodeId)?.get(outcomeId);
    if (!indexed) throw new Error(`no outcome ${nodeId}/${outcomeId}`);
    const resolved = resolveDecision(index, context, event, indexed);
    last = { context, event, outcomeId, resolved };
    return resolved;
  };

  const machineSetup = setup({
    types: {
      context: {} as RunContext,
      events: {} as RunEvent,
      input: {} as RunInput,
    },
    guards: {
      choiceLeadsTo: (
        { context, event },
        params: { nodeId: string; choiceId: string; target: string },
      ) =>
        event.type === 'choice.select' &&
        event.choiceId === params.choiceId &&
        resolve(context, event, params.nodeId, params.choiceId).target === params.target,
      isDeadlinePassedTowards: ({ context, event }, params: { nodeId: string; target: string }) =>
        event.type === 'clock.deadline' &&
        context.deadlineAt !== null &&
        context.pausedAt === null &&
        event.at >= context.deadlineAt &&
        resolve(context, event, params.nodeId, TIMEOUT_CHOICE).target === params.target,
      isInjectAvailable: ({ context, event }) =>
        event.type === 'inject.push' &&
        index.scenario.injects.some((i) => i.id === event.injectId) &&
        !context.injects.some((i) => i.id === event.injectId),
    },
    actions: {
      applyDecision: assign(({ context, event }, params: { nodeId: string; outcomeId: string }) =>
        event.type === 'choice.select' || event.type === 'clock.deadline'
          ? resolve(context, event, params.nodeId, params.outcomeId).context
          : context,
      ),
      pauseClock: assign(({ context, event }) =>
        context.pausedAt === null ? { pausedAt: event.at } : {},
      ),
      resumeClock: assign(({ context, event }) => {
        if (context.pausedAt === null) return {};
        const paused = Math.max(0, event.at - context.pausedAt);
        return {
          pausedAt: null,
          pausedMs: context.pausedMs + paused,
          deadlineAt: context.deadlineAt === null ? null : context.deadlineAt + paused,
        };
      }),
      extendDeadline: assign(({ context, event }) =>
        event.type === 'clock.extend' && context.deadlineAt !== null
          ? { deadlineAt: context.deadlineAt + Math.max(0, event.seconds) * 1000 }
          : {},
      ),
      rearmDeadline: assign(({ context, event }) => {
        if (event.type !== 'clock.rearm') return {};
        const deadline = index.nodes.get(context.nodeId)?.deadline;
        return {
          nodeEnteredAt: event.at,
          pausedMs: 0,
          pausedAt: context.pausedAt === null ? null : event.at,
          deadlineAt: context.input.timer && deadline ? event.at + deadline.seconds * 1000 : null,
        };
      }),
      pushInject: assign(({ context, event }) => {
        if (event.type !== 'inject.push') return {};
        const inject = index.scenario.injects.find((i) => i.id === event.injectId);
        if (!inject) return {};
        return {
          injects: [
            ...context.injects,
            { id: inject.id, nodeId: context.nodeId, clock: context.clock },
          ],
          model: applyEffect(context.model, inject.effect),
        };
      }),
    },
  });

  const states: Record<string, object> = {};
  for (const node of scenario.nodes) {
    if (node.ending) {
      states[node.id] = { type: 'final' };
      continue;
    }
    const select = node.choices.flatMap((choice) =>
      outcomeTargets(choice).map((target) => ({
        target,
        guard: {
          type: 'choiceLeadsTo' as const,
          params: { nodeId: node.id, choiceId: choice.id, target },
        },
        actions: {
          type: 'applyDecision' as const,
          params: { nodeId: node.id, outcomeId: choice.id },
        },
      })),
    );
    const timeout = node.deadline
      ? outcomeTargets(node.deadline.onTimeout).map((target) => ({
          target,
          guard: { type: 'isDeadlinePassedTowards' as const, params: { nodeId: node.id, target } },
          actions: {
            type: 'applyDecision' as const,
            params: { nodeId: node.id, outcomeId: TIMEOUT_CHOICE },
          },
        }))
      : [];
    states[node.id] = { on: { 'choice.select': select, 'clock.deadline': timeout } };
  }

  return machineSetup.createMachine({
    id: scenario.id,
    initial: scenario.start,
    // XState's pure `transition()` builds a throwaway actor without input on every call; give it a
    // harmless default instead of letting it throw (an exception per step cost ~50 µs).
    context: ({ input }) => initialContext(scenario, input ?? INERT_INPUT),
    on: {
      'clock.pause': { actions: 'pauseClock' },
      'clock.resume': { actions: 'resumeClock' },
      'clock.extend': { actions: 'extendDeadline' },
      'inject.push': { guard: 'isInjectAvailable', actions: 'pushInject' },
      'clock.rearm': { actions: 'rearmDeadline' },
    },
    // The states object is built from data; XState checks targets when the machine is created.
    states: states as never,
  });
}

export type ScenarioMachine = ReturnType<typeof createScenarioMachine>;
export type RunSnapshot = SnapshotFrom<ScenarioMachine>;
