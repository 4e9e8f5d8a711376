// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { router } from '../../src/ui/router.svelte';
import BriefingScreen from '../../src/ui/screens/BriefingScreen.svelte';
import { feedDrill, makeApp } from './helpers';

describe('briefing screen', () => {
  it('shows the situation, objectives and roles', async () => {
    const t = await makeApp([feedDrill()]);
    render(BriefingScreen, { props: { id: 'feed-drill' }, context: t.context });
    // The header comes from the library card at once; the rest once the scenario has loaded.
    expect(screen.getByRole('heading', { level: 1, name: 'Feed drill' })).toBeInTheDocument();
    expect(await screen.findByText('Our own post is being criticised.')).toBeInTheDocument();
    expect(screen.getByText('Own the mistake')).toBeInTheDocument();
    expect(screen.getByText('Social lead')).toBeInTheDocument();
  });

  it('starts a run with the chosen mode, timer and team name, stored before the run opens', async () => {
    const t = await makeApp([feedDrill()]);
    render(BriefingScreen, { props: { id: 'feed-drill' }, context: t.context });
    expect(await screen.findByLabelText(/Learning/)).toBeChecked();
    await fireEvent.click(screen.getByLabelText(/Assessment/));
    await fireEvent.click(screen.getByLabelText(/Real-time decision timer/));
    await fireEvent.input(screen.getByLabelText('Team or trainee name'), {
      target: { value: '  Social team A ' },
    });
    await fireEvent.click(screen.getByRole('button', { name: 'Start the drill' }));
    await screen.findByText('Start the drill');
    await new Promise((r) => setTimeout(r, 0));
    const { runs } = await t.repo.listRuns();
    expect(runs).toHaveLength(1);
    const run = runs[0]!;
    expect(run).toMatchObject({
      scenarioId: 'feed-drill',
      mode: 'assessment',
      team: 'Social team A',
      status: 'active',
    });
    expect(run.input.timer).toBe(true);
    expect(run.input.startedAt).toBe(t.clock.now());
    expect(Number.isInteger(run.input.seed)).toBe(true);
    expect(router.route).toEqual({ name: 'run', runId: run.id });
  });

  it('says so when the scenario does not exist', async () => {
    const t = await makeApp([feedDrill()]);
    render(BriefingScreen, { props: { id: 'nope' }, context: t.context });
    await screen.findByRole('heading', { level: 1, name: 'Not found' });
  });
});
