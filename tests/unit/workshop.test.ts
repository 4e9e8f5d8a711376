import { describe, expect, it } from 'vitest';
import {
  buildDebrief,
  compareRuns,
  debriefToMarkdown,
  decisionEvent,
  playChoices,
  replayWithHistory,
  startRun,
  stepRun,
  workshopToMarkdown,
  type ObserverNote,
  type RunEvent,
} from '../../src/engine';
import { fixture } from '../helpers/scenarios';

const compiled = fixture('rubric');
const INPUT = { seed: 3, timer: true, startedAt: 0 };

describe('rewind for discussion', () => {
  it('jumps back one decision, keeps the rewound decision on record, and re-arms the deadline', () => {
    const first = decisionEvent(startRun(compiled, INPUT), 'wait');
    const afterWait = stepRun(compiled, startRun(compiled, INPUT), first);
    const second = decisionEvent(afterWait, 'stay-silent');
    const events: RunEvent[] = [first, second, { type: 'run.rewind', at: 50_000 }];
    const { snapshot, rewound } = replayWithHistory(compiled, INPUT, events);
    expect(snapshot.value).toBe('later');
    expect(snapshot.context.log.map((e) => e.choiceId)).toEqual(['wait']);
    expect(rewound.map((r) => r.entry.choiceId)).toEqual(['stay-silent']);
    // The run goes on from the restored node with a different decision.
    const { snapshot: resumed } = replayWithHistory(compiled, INPUT, [
      ...events,
      { type: 'choice.select', choiceId: 'apologise', at: 60_000 },
    ]);
    expect(resumed.value).toBe('late-end');
    expect(resumed.context.log[1]!.realMs).toBe(10_000);
  });

  it('ignores a rewind with nothing to rewind', () => {
    const { snapshot, rewound } = replayWithHistory(compiled, INPUT, [
      { type: 'run.rewind', at: 10 },
    ]);
    expect(snapshot.value).toBe('start');
    expect(rewound).toEqual([]);
  });
});

describe('observer notes in the debrief', () => {
  it('flow into strengths, improvements and discussion questions, tied to the moment', () => {
    const snapshot = playChoices(compiled, ['wait', 'apologise'], INPUT);
    const notes: ObserverNote[] = [
      {
        id: 'n1',
        nodeId: 'start',
        clock: 0,
        at: 1,
        tag: 'improvement',
        text: 'Nobody checked the facts before waiting.',
      },
      {
        id: 'n2',
        nodeId: 'later',
        clock: 240,
        at: 2,
        tag: 'strength',
        text: 'Legal and PR agreed quickly.',
      },
      {
        id: 'n3',
        nodeId: 'later',
        clock: 240,
        at: 3,
        tag: 'question',
        text: 'Who owns the account at night?',
      },
    ];
    const d = buildDebrief(compiled, snapshot, {
      mode: 'learning',
      team: 'Red',
      participants: [],
      startedAt: 0,
      endedAt: 1,
      notes,
    });
    expect(
      d.improvements.some((i) => i.observation.en === notes[0]!.text && i.nodeId === 'start'),
    ).toBe(true);
    expect(d.strengths.some((s) => s.text.en === notes[1]!.text)).toBe(true);
    expect(d.discussionQuestions[0]!.en).toBe(notes[2]!.text);
    expect(debriefToMarkdown(d, 'en')).toContain('## Observer notes');
  });
});

describe('workshop comparison', () => {
  const runs = [
    { team: 'Red', snapshot: playChoices(compiled, ['apologise'], INPUT) },
    { team: 'Blue', snapshot: playChoices(compiled, ['wait', 'apologise'], INPUT) },
    { team: 'Green', snapshot: playChoices(compiled, ['wait', 'stay-silent'], INPUT) },
  ];
  const c = compareRuns(compiled, runs);

  it('puts three teams side by side with their scores and outcomes', () => {
    expect(c.teams.map((t) => [t.team, t.scores.outcome])).toEqual([
      ['Red', 'recovered'],
      ['Blue', 'contained'],
      ['Green', 'catastrophic'],
    ]);
    expect(c.teams[0]!.scores.overall).toBeGreaterThan(c.teams[2]!.scores.overall);
  });

  it('shows where the paths diverged and what each team chose at each node', () => {
    expect(c.firstDivergence).toBe(0);
    const start = c.nodes.find((n) => n.nodeId === 'start')!;
    expect(start.diverged).toBe(true);
    expect(start.choices.find((ch) => ch.choiceId === 'wait')!.teams).toEqual(['Blue', 'Green']);
    expect(start.bestChoiceId).toBe('delete-own-apology');
    const later = c.nodes.find((n) => n.nodeId === 'later')!;
    expect(later.choices.map((ch) => ch.choiceId).sort()).toEqual(['apologise', 'stay-silent']);
  });

  it('names the weak points at least half the teams shared', () => {
    expect(c.commonWeakPoints[0]!.teams.length).toBeGreaterThanOrEqual(2);
    expect(c.commonWeakPoints.some((w) => w.principle === 'transparency-sincerity')).toBe(true);
  });

  it('exports one workshop report in both languages', () => {
    expect(workshopToMarkdown(c, compiled, 'en')).toContain('| Red |');
    expect(workshopToMarkdown(c, compiled, 'ja')).toContain('# ワークショップ報告');
  });
});
