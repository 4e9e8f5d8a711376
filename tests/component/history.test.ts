// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { toggleSelection } from '../../src/ui/history';
import { router } from '../../src/ui/router.svelte';
import CompareScreen from '../../src/ui/screens/CompareScreen.svelte';
import HistoryScreen from '../../src/ui/screens/HistoryScreen.svelte';
import { feedDrill, makeApp, storeRun } from './helpers';

describe('history', () => {
  it('lists finished runs with scores and links to their debriefs; unfinished runs are not listed', async () => {
    const t = await makeApp([feedDrill()]);
    await storeRun(t, feedDrill(), { id: 'h1', team: 'Alpha', choices: ['delete-apologise'] });
    await storeRun(t, feedDrill(), { id: 'h2', team: 'Beta', choices: ['ignore'] });
    await storeRun(t, feedDrill(), { id: 'h3', team: 'Gamma' });
    render(HistoryScreen, { context: t.context });
    const items = screen.getAllByRole('listitem').filter((li) => li.classList.contains('run'));
    expect(items).toHaveLength(2);
    expect(screen.queryByText(/Gamma/)).not.toBeInTheDocument();
    const alpha = items.find((li) => li.textContent?.includes('Alpha'))!;
    expect(within(alpha).getByRole('link', { name: 'Open debrief' })).toHaveAttribute(
      'href',
      '#/debrief/h1',
    );
    expect(alpha).toHaveTextContent('Recovered');
  });

  it('compares two selected runs side by side', async () => {
    const t = await makeApp([feedDrill()]);
    await storeRun(t, feedDrill(), { id: 'h1', team: 'Alpha', choices: ['delete-apologise'] });
    await storeRun(t, feedDrill(), { id: 'h2', team: 'Beta', choices: ['ignore'] });
    render(HistoryScreen, { context: t.context });
    const compare = screen.getByRole('button', { name: 'Compare selected' });
    expect(compare).toBeDisabled();
    for (const box of screen.getAllByRole('checkbox')) await fireEvent.click(box);
    expect(compare).toBeEnabled();
    await fireEvent.click(compare);
    expect(router.route.name).toBe('compare');
    const route = router.route as { a: string; b: string };
    expect([route.a, route.b].sort()).toEqual(['h1', 'h2']);

    render(CompareScreen, { props: { a: 'h1', b: 'h2' }, context: t.context });
    const table = await screen.findByRole('table', { name: 'Compare runs' });
    expect(within(table).getByText(/Alpha/)).toBeInTheDocument();
    expect(within(table).getByText(/Beta/)).toBeInTheDocument();
    const outcome = within(table).getByRole('row', { name: /Outcome/ });
    expect(outcome).toHaveTextContent('Recovered');
    expect(outcome).toHaveTextContent('Escalated');
  });

  it('keeps at most two runs selected', () => {
    expect(toggleSelection(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(toggleSelection(['a', 'b'], 'a')).toEqual(['b']);
  });
});
