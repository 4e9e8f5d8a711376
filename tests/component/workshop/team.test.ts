// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRepository, type StoredRun } from '../../../src/storage';
import BriefReveal from '../../../src/ui/team/BriefReveal.svelte';
import { participantLabel } from '../../../src/ui/team/people';
import { signoffRolesOf, withSignoff } from '../../../src/ui/team/signoff';
import { isSplit, toTeamInput } from '../../../src/ui/team/team-input';
import { startPaused } from '../../../src/ui/workshop/console-controller.svelte';
import ConsoleScreen from '../../../src/ui/workshop/ConsoleScreen.svelte';
import { memoryChannels } from '../../../src/ui/workshop/sync';
import { makeApp, storeRun } from '../helpers';
import { billing } from './helpers';

describe('roles and private briefs', () => {
  const roles = billing().scenario.roles;
  const legal = roles.find((r) => r.kind === 'legal')!;
  const exec = roles.find((r) => r.kind === 'executive')!;
  const people = [
    { key: 'a', name: 'Aiko', roleId: legal.id },
    { key: 'b', name: 'Ben', roleId: exec.id },
  ];
  const briefTexts = roles.map((r) => r.brief.en!);
  const visibleBriefs = () => briefTexts.filter((b) => document.body.textContent!.includes(b));

  it('shows a brief only to its role, after the hand-over, and hides it again', async () => {
    render(BriefReveal, { props: { roles, people } });
    expect(visibleBriefs()).toEqual([]);

    await fireEvent.click(
      screen.getByRole('button', { name: /Hand the device to Aiko \(\u2068Legal\u2069\)/ }),
    );
    // The hand-over screen names the role but shows no brief until the person confirms.
    expect(
      screen.getByText('Only the \u2068Legal\u2069 should look at the screen now.'),
    ).toBeInTheDocument();
    expect(visibleBriefs()).toEqual([]);

    await fireEvent.click(screen.getByRole('button', { name: 'I am Aiko: show my brief' }));
    expect(screen.getByTestId('private-brief')).toHaveTextContent(legal.brief.en!);
    // No other role's brief is in the page at all — not even hidden.
    expect(visibleBriefs()).toEqual([legal.brief.en]);
    expect(document.body.textContent).not.toContain(exec.brief.en);

    await fireEvent.click(screen.getByRole('button', { name: /Hide my brief/ }));
    expect(visibleBriefs()).toEqual([]);
    expect(screen.getByText('Brief read')).toBeInTheDocument();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Aiko/ }));

    await fireEvent.click(screen.getByRole('button', { name: /Hand the device to Ben/ }));
    await fireEvent.click(screen.getByRole('button', { name: 'I am Ben: show my brief' }));
    expect(visibleBriefs()).toEqual([exec.brief.en]);
  });

  it('records who plays which role in the run’s participants', () => {
    expect(participantLabel(roles, people[0]!, 'en')).toBe('Aiko — Legal');
    expect(participantLabel(roles, people[1]!, 'ja')).toBe(`Ben — ${exec.name.ja}`);
  });
});

describe('vote and confidence capture', () => {
  it('normalises a draft into the event’s team field', () => {
    expect(toTeamInput({ agreed: null, voters: null, confidence: null })).toBeUndefined();
    expect(toTeamInput({ agreed: 3, voters: 5, confidence: 'high' })).toEqual({
      agreed: 3,
      voters: 5,
      confidence: 'high',
    });
    // A typing slip is clamped, never blocks the decision.
    expect(toTeamInput({ agreed: 9, voters: 4, confidence: null })).toEqual({
      agreed: 4,
      voters: 4,
    });
    expect(isSplit({ agreed: 3, voters: 5 })).toBe(true);
    expect(isSplit({ agreed: 5, voters: 5 })).toBe(false);
  });

  it('the console records rationale, vote and confidence in the choice.select event', async () => {
    const repo = createMemoryRepository();
    const save = vi.spyOn(repo, 'saveRun');
    const t = await makeApp([billing()], { repo });
    await storeRun(t, billing(), { id: 'team1', team: 'Blue', timer: false });
    render(ConsoleScreen, {
      props: { runId: 'team1', channels: memoryChannels() },
      context: t.context,
    });
    await screen.findByRole('heading', { level: 1 });
    save.mockClear();

    await fireEvent.input(screen.getByLabelText('Agreed'), { target: { value: '3' } });
    await fireEvent.input(screen.getByLabelText('Voted'), { target: { value: '5' } });
    await fireEvent.click(screen.getByRole('radio', { name: 'High' }));
    await fireEvent.input(screen.getByLabelText(/Rationale/), { target: { value: 'Own it now' } });
    await fireEvent.click(document.querySelector<HTMLElement>('button[data-choice="ack-fast"]')!);
    await vi.waitFor(() => expect(save).toHaveBeenCalledTimes(1));

    const saved = save.mock.calls[0]![0] as StoredRun;
    expect(saved.events).toEqual([
      {
        type: 'choice.select',
        choiceId: 'ack-fast',
        at: t.clock.now(),
        rationale: 'Own it now',
        team: { agreed: 3, voters: 5, confidence: 'high' },
      },
    ]);
    // The form resets for the next decision, keeping the team's size.
    await vi.waitFor(() => expect(screen.getByLabelText('Agreed')).toHaveValue(null));
    expect(screen.getByLabelText('Voted')).toHaveValue(5);
  });
});

describe('sign-off', () => {
  it('goes on the decision event for statements only, in a fixed role order', () => {
    const event = { type: 'choice.select', choiceId: 'x', at: 1, rationale: 'fast' } as const;
    const signed = withSignoff(event, ['executive', 'legal'], true);
    expect(signed).toEqual({ ...event, signoff: ['legal', 'executive'] });
    expect(withSignoff(event, ['legal'], false)).toBe(event);
    expect(withSignoff(event, [], true)).toBe(event);
    expect(signoffRolesOf(billing().scenario)).toEqual(['legal', 'executive']);
  });
});

describe('facilitated runs', () => {
  it('start paused, so the clock runs only once the facilitator starts it', () => {
    const run = {
      input: { timer: true, startedAt: 5, seed: 1 },
      events: [],
    } as unknown as StoredRun;
    expect(startPaused(run).events).toEqual([{ type: 'clock.pause', at: 5 }]);
    const untimed = { ...run, input: { ...run.input, timer: false } };
    expect(startPaused(untimed).events).toEqual([]);
  });
});
