// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import DebriefScreen from '../../src/ui/screens/DebriefScreen.svelte';
import { captureDownloads, feedDrill, makeApp, readBlob, storeRun } from './helpers';

afterEach(() => vi.restoreAllMocks());

describe('debrief screen', () => {
  it('renders the grade, the four scores with evidence, the chart and every AAR section', async () => {
    const t = await makeApp([feedDrill()]);
    await storeRun(t, feedDrill(), { id: 'd1', choices: ['ignore'] });
    render(DebriefScreen, { props: { runId: 'd1' }, context: t.context });
    await screen.findByRole('heading', { level: 1, name: 'Feed drill' });
    for (const name of [
      'Scores and evidence',
      'Speed',
      'Transparency',
      'Tone',
      'Strategy fit',
      'Timeline',
      'Path taken vs. best path',
      'Objectives',
      'Strengths',
      'Turning points',
      'Areas for improvement',
      'Discussion questions',
      'Improvement plan',
    ])
      expect(screen.getByRole('heading', { name })).toBeInTheDocument();
    expect(screen.getByText('Escalated')).toBeInTheDocument();
    // The chart is an accessible image with a data-table alternative.
    const chart = screen.getByRole('img', { name: /Timeline/ });
    expect(chart.querySelector('title')).toHaveTextContent('Timeline');
    expect(chart.querySelector('desc')?.textContent).toMatch(/Decision 1: Ignore it/);
    expect(screen.getByRole('table', { name: 'Timeline' })).toBeInTheDocument();
    // Path taken vs best path: the divergence is flagged at the first step.
    const path = screen.getByRole('region', { name: 'Path taken vs. best path' });
    expect(within(path).getByText('Left the best path here')).toBeInTheDocument();
    expect(within(path).getByText('Delete and apologise')).toBeInTheDocument();
  });

  it('exports Markdown and JSON as downloads', async () => {
    const t = await makeApp([feedDrill()]);
    await storeRun(t, feedDrill(), { id: 'd2', choices: ['delete-apologise'] });
    const { blobs, click } = captureDownloads();
    render(DebriefScreen, { props: { runId: 'd2' }, context: t.context });
    await fireEvent.click(await screen.findByRole('button', { name: 'Export Markdown' }));
    expect(click).toHaveBeenCalledTimes(1);
    const md = await readBlob(blobs[0]!);
    expect(md).toMatch(/Feed drill/);
    await fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    const json = JSON.parse(await readBlob(blobs[1]!));
    expect(json.overview.scenarioId).toBe('feed-drill');
    expect(json.path.taken.map((s: { choiceId: string }) => s.choiceId)).toEqual([
      'delete-apologise',
    ]);
  });
});
