import { describe, expect, it } from 'vitest';
import {
  buildDebrief,
  debriefToMarkdown,
  decisionEvent,
  escapeMarkdown,
  playChoices,
  startRun,
  stepRun,
  type Debrief,
  type RunEvent,
} from '../../src/engine';
import { fixture } from '../helpers/scenarios';

const compiled = fixture('rubric');
const META = {
  mode: 'learning' as const,
  team: 'Team Blue',
  participants: ['Aiko', 'Ben'],
  startedAt: Date.UTC(2026, 10, 23, 9),
  endedAt: Date.UTC(2026, 10, 23, 9, 20),
};
const debriefOf = (choices: string[]): Debrief =>
  buildDebrief(
    compiled,
    playChoices(compiled, choices, { seed: 1, timer: true, startedAt: META.startedAt }),
    META,
  );

describe('debrief', () => {
  it('is complete: no empty section, whatever the run', () => {
    for (const choices of [
      ['apologise'],
      ['delete-own-apology'],
      ['wait', 'stay-silent'],
      ['deny', 'apologise'],
    ]) {
      const d = debriefOf(choices);
      expect(d.scores.evidence.length).toBeGreaterThan(0);
      expect(d.objectives.length).toBe(compiled.scenario.objectives.length);
      expect(d.strengths.length).toBeGreaterThan(0);
      expect(d.improvements.length).toBeGreaterThan(0);
      expect(d.turningPoints.length).toBeGreaterThan(0);
      expect(d.path.taken.length).toBe(choices.length);
      expect(d.path.best.length).toBeGreaterThan(0);
      expect(d.discussionQuestions.length).toBeGreaterThanOrEqual(3);
      expect(d.improvementPlan.length).toBeGreaterThan(0);
      expect(d.timeline.points.length).toBe(choices.length + 1);
      expect(d.timeline.decisions.length).toBe(choices.length);
    }
  });

  it('ties each improvement to a decision and a principle, observation → analysis → recommendation', () => {
    const d = debriefOf(['delete-criticism', 'apologise']);
    const concealment = d.improvements.find((i) => i.principle === 'no-concealment')!;
    expect(concealment.seq).toBe(1);
    expect(concealment.choiceId).toBe('delete-criticism');
    expect(concealment.observation.en).toMatch(/conceal/i);
    expect(concealment.analysis.ja.length).toBeGreaterThan(0);
    expect(concealment.recommendation.en.length).toBeGreaterThan(0);
    expect(d.path.divergedAt).toBe(0);
  });

  it('is JSON-serialisable without loss', () => {
    const d = debriefOf(['wait', 'apologise']);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });

  it('flags a confident call that cost points for discussion, without changing the score', () => {
    const input = { seed: 1, timer: true, startedAt: META.startedAt };
    const base = playChoices(compiled, ['deny', 'apologise'], input);
    let withTeam = startRun(compiled, input);
    withTeam = stepRun(compiled, withTeam, {
      ...decisionEvent(withTeam, 'deny'),
      team: { agreed: 2, voters: 5, confidence: 'high' },
    } as RunEvent);
    withTeam = stepRun(compiled, withTeam, decisionEvent(withTeam, 'apologise'));
    const d = buildDebrief(compiled, withTeam, META);
    expect(d.team[0]!.flag).toBe('confident-wrong');
    expect(d.scores).toEqual(buildDebrief(compiled, base, META).scores);
  });

  it('renders Markdown in both languages', () => {
    const d = debriefOf(['wait', 'apologise']);
    const en = debriefToMarkdown(d, 'en');
    const ja = debriefToMarkdown(d, 'ja');
    expect(en).toContain('# After-action report');
    expect(ja).toContain('# 事後検証レポート');
    expect(ja).toContain('## 改善計画');
  });

  it('keeps the Markdown shape stable', () => {
    const headings = (md: string) => md.split('\n').filter((l) => /^#{1,3} /.test(l));
    expect(headings(debriefToMarkdown(debriefOf(['wait', 'apologise']), 'en'))).toMatchSnapshot();
    expect(debriefToMarkdown(debriefOf(['delete-criticism', 'apologise']), 'ja')).toMatchSnapshot();
  });

  it('escapes scenario text so it cannot inject Markdown or HTML', () => {
    expect(escapeMarkdown('<img src=x onerror=alert(1)> [link](javascript:alert(1))')).toBe(
      '\\<img src=x onerror=alert(1)\\> \\[link\\](javascript:alert(1))',
    );
    expect(escapeMarkdown('line\n# heading')).toBe('line # heading');
  });
});
