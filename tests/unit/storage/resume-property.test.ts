// Property: over random decision sequences on every built-in scenario (and the fixture), saving
// after any step, reopening the repository and replaying the stored log gives exactly the
// snapshot of a run that was never reloaded — same node, clocks, model, log, deadlines — and the
// run then continues identically.
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  availableDecisions,
  startRun,
  stepRun,
  TIMEOUT_CHOICE,
  type CompiledScenario,
  type RunEvent,
  type RunInput,
  type RunSnapshot,
} from '../../../src/engine';
import { resumeRun } from '../../../src/storage/resume';
import { createRun } from '../../../src/ui/run-factory';
import { compile, freshDbName, openOn } from './helpers';

const FILES = [
  ...readdirSync('scenarios')
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `scenarios/${f}`),
  'tests/fixtures/scenarios/minimal.yaml',
];

/** One step of a random session: optional facilitator events, then a decision. */
const stepArb = fc.record({
  pick: fc.nat(),
  delayMs: fc.integer({ min: 0, max: 90_000 }),
  extra: fc.constantFrom('none', 'none', 'pause', 'extend', 'inject'),
  extraMs: fc.integer({ min: 0, max: 30_000 }),
});

type Step = typeof stepArb extends fc.Arbitrary<infer T> ? T : never;

const sessionArb = fc.record({
  seed: fc.integer(),
  timer: fc.boolean(),
  startedAt: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
  steps: fc.array(stepArb, { maxLength: 30 }),
  saveAt: fc.nat(),
});

/** Play a random session; returns the events and the snapshot after each (index 0: the start). */
function play(
  compiled: CompiledScenario,
  input: RunInput,
  steps: Step[],
): { events: RunEvent[]; snapshots: RunSnapshot[] } {
  let snapshot = startRun(compiled, input);
  const events: RunEvent[] = [];
  const snapshots = [snapshot];
  let now = input.startedAt;
  const push = (event: RunEvent) => {
    snapshot = stepRun(compiled, snapshot, event);
    events.push(event);
    snapshots.push(snapshot);
    now = Math.max(now, event.at);
  };
  for (const step of steps) {
    if (snapshot.status === 'done') break;
    now += step.extraMs;
    if (step.extra === 'pause') {
      push({ type: 'clock.pause', at: now });
      push({ type: 'clock.resume', at: now + step.extraMs });
    } else if (step.extra === 'extend') {
      push({ type: 'clock.extend', seconds: Math.round(step.extraMs / 1000), at: now });
    } else if (step.extra === 'inject' && compiled.scenario.injects.length > 0) {
      push({
        type: 'inject.push',
        injectId: compiled.scenario.injects[step.pick % compiled.scenario.injects.length]!.id,
        at: now,
      });
    }
    const options = availableDecisions(compiled, snapshot, input.timer);
    const choiceId = options[step.pick % options.length]!;
    if (choiceId === TIMEOUT_CHOICE)
      push({ type: 'clock.deadline', at: Math.max(now, snapshot.context.deadlineAt ?? now) });
    else
      push({
        type: 'choice.select',
        choiceId,
        at: now + step.delayMs,
        ...(step.pick % 3 === 0 ? { rationale: `because ${step.pick}` } : {}),
      });
  }
  return { events, snapshots };
}

/** What must survive a reload: everything the machine knows. */
const essence = (s: RunSnapshot) => ({ value: s.value, status: s.status, context: s.context });

describe.each(FILES)('save, reload and replay equals never reloading: %s', (file) => {
  const text = readFileSync(file, 'utf8');

  it('holds for random sessions saved at a random step', async () => {
    const compiled = compile(text, file);
    await fc.assert(
      fc.asyncProperty(sessionArb, async ({ seed, timer, startedAt, steps, saveAt }) => {
        const input: RunInput = { seed, timer, startedAt };
        const { events, snapshots } = play(compiled, input, steps);
        const k = saveAt % (events.length + 1);
        const db = freshDbName();
        const repo = await openOn(db);
        const run = createRun(
          compiled,
          { mode: 'learning', timer, team: 'T', locale: 'en' },
          { now: startedAt, id: 'run-1', seed },
        );
        await repo.saveRun({
          ...run,
          events: events.slice(0, k),
          status: snapshots[k]!.status === 'done' ? 'finished' : 'active',
        });

        const stored = await (await openOn(db)).getRun('run-1');
        expect(stored).not.toBeNull();
        const resumed = resumeRun(stored!, compiled);
        expect(resumed.status).toBe('same');
        if (resumed.status !== 'same') return;
        expect(essence(resumed.snapshot)).toEqual(essence(snapshots[k]!));

        // The reloaded run carries on exactly like the one that never reloaded.
        let continued = resumed.snapshot;
        for (const event of events.slice(k)) continued = stepRun(compiled, continued, event);
        expect(essence(continued)).toEqual(essence(snapshots[events.length]!));
      }),
      { numRuns: 40 },
    );
  }, 60_000);
});
