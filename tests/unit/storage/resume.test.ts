import { describe, expect, it } from 'vitest';
import { replayRun } from '../../../src/engine';
import { rebaseRun, resumeRun } from '../../../src/storage/resume';
import { createRun } from '../../../src/ui/run-factory';
import { appendEvent } from '../../../src/ui/run-session.svelte';
import { compile, makeRun, MINIMAL, MINIMAL_TEXT } from './helpers';

// The same scenario with the "wait" choice's cost changed: different hash, same choices.
const TWEAKED_TEXT = MINIMAL_TEXT.replace(
  'minutes: 240\n        actions: [wait]\n        transparency: silent\n        tone: neutral\n        feedback: { ja: 沈黙',
  'minutes: 120\n        actions: [wait]\n        transparency: silent\n        tone: neutral\n        feedback: { ja: 沈黙',
);
// The same scenario with the "wait" choice renamed: a stored "wait" no longer applies.
const RENAMED_TEXT = MINIMAL_TEXT.replace('- id: wait', '- id: hold');

describe('resumeRun', () => {
  it('same scenario: replays the log to the same snapshot', () => {
    const stored = makeRun('r', ['apologise']);
    const result = resumeRun(stored, MINIMAL);
    expect(result.status).toBe('same');
    if (result.status !== 'same') return;
    expect(result.snapshot.context).toEqual(
      replayRun(MINIMAL, stored.input, stored.events).context,
    );
  });

  it('changed scenario whose path still exists: offers both, and the new replay works', () => {
    expect(TWEAKED_TEXT).not.toBe(MINIMAL_TEXT);
    const tweaked = compile(TWEAKED_TEXT);
    const stored = makeRun('r', ['wait']);
    const result = resumeRun(stored, tweaked);
    expect(result.status).toBe('changed');
    if (result.status !== 'changed') return;
    expect(result.stored.compiled.hash).toBe(MINIMAL.hash);
    expect(result.stored.snapshot.context.clock).toBe(240);
    expect(result.current).toMatchObject({ ok: true });
    if (result.current?.ok) expect(result.current.snapshot.context.clock).toBe(120);
    const rebased = rebaseRun(stored, { compiled: tweaked, text: TWEAKED_TEXT }, 77);
    expect(rebased).toMatchObject({
      scenarioHash: tweaked.hash,
      scenarioText: TWEAKED_TEXT,
      updatedAt: 77,
      events: stored.events,
    });
    expect(resumeRun(rebased, tweaked).status).toBe('same');
  });

  it('changed scenario where a stored decision no longer exists: names the first failing event', () => {
    const result = resumeRun(makeRun('r', ['wait']), compile(RENAMED_TEXT));
    expect(result.status).toBe('changed');
    if (result.status !== 'changed') return;
    expect(result.current).toMatchObject({
      ok: false,
      failure: {
        index: 0,
        event: { choiceId: 'wait' },
        reason: expect.stringMatching(/no choice "wait"/),
      },
    });
    // The stored version still works, so the app can continue on it.
    expect(result.stored.snapshot.context.nodeId).toBe('bad-end');
  });

  it('a scenario gone from the library: continue on the stored copy only', () => {
    const result = resumeRun(makeRun('r', []), null);
    expect(result).toMatchObject({ status: 'changed', current: null });
  });

  it('a deadline that no longer makes a decision on the new version is reported', () => {
    const noDeadline = compile(
      MINIMAL_TEXT.replace(/ {4}deadline:\n(?: {6}.*\n| {8}.*\n)+?(?= {4}choices:)/, ''),
    );
    const stored = makeRun('r', [], { events: [{ type: 'clock.deadline', at: 60_000 }] });
    const result = resumeRun(stored, noDeadline);
    expect(result.status).toBe('changed');
    if (result.status === 'changed')
      expect(result.current).toMatchObject({
        ok: false,
        failure: { index: 0, reason: expect.stringMatching(/no longer makes a decision/) },
      });
  });

  it('broken: stored text that no longer loads, or a log that does not replay', () => {
    expect(
      resumeRun(makeRun('r', [], { scenarioText: 'not: [valid', scenarioHash: 'x' }), MINIMAL),
    ).toMatchObject({ status: 'broken' });
    expect(resumeRun(makeRun('r', ['nope']), MINIMAL)).toMatchObject({
      status: 'broken',
      reason: expect.stringMatching(/event 1/),
    });
  });

  it('keeps absolute deadlines, so a resumed run re-arms from the stored time', () => {
    const stored = makeRun('r', [], { input: { seed: 3, timer: true, startedAt: 1_000_000 } });
    const result = resumeRun(stored, MINIMAL);
    if (result.status !== 'same') throw new Error(result.status);
    expect(result.snapshot.context.deadlineAt).toBe(1_000_000 + 60_000);
  });
});

describe('the records the app builds for a run', () => {
  it('a new run stores the scenario it is played on, and marks itself finished at the ending', () => {
    let run = createRun(
      MINIMAL,
      { mode: 'assessment', timer: false, team: '  T  ', locale: 'ja' },
      { now: 1, id: 'n', seed: 1 },
    );
    expect(run).toMatchObject({
      status: 'active',
      events: [],
      team: 'T',
      scenarioHash: MINIMAL.hash,
      createdAt: 1,
      input: { seed: 1, timer: false, startedAt: 1 },
    });
    // The stored text replays the run even if the library's copy changes.
    expect(resumeRun(run, compile(run.scenarioText)).status).toBe('same');
    const event = { type: 'choice.select' as const, choiceId: 'apologise', at: 5 };
    const after = replayRun(MINIMAL, run.input, [event]);
    run = appendEvent(MINIMAL, run, event, after, 6);
    expect(run).toMatchObject({ status: 'finished', events: [event], updatedAt: 6 });
    expect(run.result?.grade).toMatch(/^[A-E]$/);
  });
});
