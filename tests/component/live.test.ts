// @vitest-environment jsdom
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import {
  createMemoryRepository,
  StorageError,
  type Repository,
  type StoredRun,
} from '../../src/storage';
import LiveScreen from '../../src/ui/screens/LiveScreen.svelte';
import Banners from '../../src/ui/components/Banners.svelte';
import { feedDrill, makeApp, storeRun } from './helpers';

/** The decision region's buttons. */
const choiceButton = (name: RegExp) => screen.getByRole('button', { name });

async function openRun(
  options: Parameters<typeof storeRun>[2],
  appOptions: Parameters<typeof makeApp>[1] = {},
) {
  const t = await makeApp([feedDrill()], appOptions);
  const run = await storeRun(t, feedDrill(), options);
  render(LiveScreen, { props: { runId: run.id }, context: t.context });
  await screen.findByRole('heading', { level: 1, name: 'The flare-up' });
  return { ...t, run };
}

describe('live crisis screen', () => {
  it('shows the feed, the clock, the gauges and the choices with their statements', async () => {
    await openRun({ id: 'r1' });
    const feed = screen.getByRole('region', { name: 'Social feed' });
    expect(within(feed).getByText('This is awful')).toBeInTheDocument();
    // The quote-post shows the item it quotes.
    expect(within(feed).getByLabelText('Quoting')).toHaveTextContent('A tasteless joke');
    expect(screen.getByText('T+0m')).toBeInTheDocument();
    const heat = screen.getByRole('meter', { name: 'Heat' });
    expect(heat).toHaveAttribute('aria-valuenow', '50');
    expect(heat).toHaveAttribute('aria-valuemax', '100');
    expect(screen.getByRole('meter', { name: 'Sentiment' })).toHaveAttribute(
      'aria-valuemin',
      '-100',
    );
    expect(choiceButton(/Delete and apologise/)).toHaveTextContent(
      'We deleted an inappropriate post. We are sorry.',
    );
    expect(choiceButton(/Ignore it/)).toHaveTextContent('Nothing is published.');
  });

  it('a choice sends choice.select with the rationale, saves it, then updates the feed (deleted post → tombstone)', async () => {
    const repo = createMemoryRepository();
    const save = vi.spyOn(repo, 'saveRun');
    const t = await openRun({ id: 'r2' }, { repo });
    save.mockClear();
    await fireEvent.input(screen.getByLabelText(/Rationale/), { target: { value: 'Own it fast' } });
    await fireEvent.click(choiceButton(/Delete and apologise/));
    await screen.findByRole('heading', { name: 'The drill has ended' });
    expect(save).toHaveBeenCalledTimes(1);
    const saved = save.mock.calls[0]![0] as StoredRun;
    expect(saved.events).toEqual([
      {
        type: 'choice.select',
        choiceId: 'delete-apologise',
        at: t.clock.now(),
        rationale: 'Own it fast',
      },
    ]);
    expect(saved.status).toBe('finished');
    expect(saved.result?.outcome).toBe('recovered');
    const feed = screen.getByRole('region', { name: 'Social feed' });
    // The own post is gone, replaced by a tombstone; the news reaction and our statement appeared.
    expect(within(feed).queryByText('A tasteless joke')).not.toBeInTheDocument();
    expect(within(feed).getAllByText('This post was deleted').length).toBeGreaterThan(0);
    expect(within(feed).getByText('Example Inc. apologises')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the debrief' })).toHaveAttribute(
      'href',
      '#/debrief/r2',
    );
    expect((await t.repo.getRun('r2'))?.events).toHaveLength(1);
  });

  it('does not show a decision as made until its save resolves', async () => {
    const repo = createMemoryRepository();
    const t = await openRun({ id: 'r3' }, { repo });
    let release!: () => void;
    vi.spyOn(repo, 'saveRun').mockImplementationOnce(
      (run) =>
        new Promise<void>((resolve) => {
          release = () => void createMemoryRepository().saveRun(run).then(resolve);
        }),
    );
    await fireEvent.click(choiceButton(/Ignore it/));
    expect(screen.getByText('Saving your decision…')).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'The drill has ended' })).not.toBeInTheDocument();
    expect(choiceButton(/Ignore it/)).toBeDisabled();
    release();
    await screen.findByRole('heading', { name: 'The drill has ended' });
    expect(t.app.problem).toBeNull();
  });

  it('a failed write keeps the run in the tab, shows a banner, and retries', async () => {
    const repo: Repository = createMemoryRepository();
    const t = await makeApp([feedDrill()], { repo });
    const run = await storeRun(t, feedDrill(), { id: 'r4' });
    render(Banners, { context: t.context });
    render(LiveScreen, { props: { runId: run.id }, context: t.context });
    await screen.findByRole('heading', { level: 1, name: 'The flare-up' });
    const save = vi
      .spyOn(repo, 'saveRun')
      .mockRejectedValueOnce(new StorageError('quota', 'the disk is full'));
    await fireEvent.click(choiceButton(/Ignore it/));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('the disk is full');
    expect(screen.queryByRole('heading', { name: 'The drill has ended' })).not.toBeInTheDocument();
    expect(within(alert).getByRole('button', { name: 'Export this run' })).toBeInTheDocument();
    await fireEvent.click(within(alert).getByRole('button', { name: 'Retry saving' }));
    await screen.findByRole('heading', { name: 'The drill has ended' });
    expect(save).toHaveBeenCalledTimes(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect((await repo.getRun('r4'))?.status).toBe('finished');
  });

  it('when the timer runs out with no decision, the deadline event is saved and the crisis moves on', async () => {
    const repo = createMemoryRepository();
    const save = vi.spyOn(repo, 'saveRun');
    const t = await openRun({ id: 'r5', timer: true }, { repo });
    expect(screen.getByRole('timer')).toHaveTextContent('0:30');
    save.mockClear();
    t.clock.advance(20_000);
    await vi.waitFor(() => expect(screen.getByRole('timer')).toHaveTextContent('0:10'));
    // The live region announces thresholds, not every second.
    expect(screen.getByText('10 seconds left', { selector: '[aria-live]' })).toBeInTheDocument();
    expect(save).not.toHaveBeenCalled();
    t.clock.advance(10_000);
    await screen.findByRole('heading', { name: 'The drill has ended' });
    const saved = save.mock.calls[0]![0] as StoredRun;
    expect(saved.events).toEqual([{ type: 'clock.deadline', at: t.clock.now() }]);
    expect(
      screen.getByText('Time is up — the crisis moved on without a decision.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Pile-on grew')).toBeInTheDocument();
  });

  it('learning mode shows feedback and the principle after a decision; assessment mode shows none', async () => {
    await openRun({ id: 'r6', mode: 'learning' });
    await fireEvent.click(choiceButton(/Delete and apologise/));
    const panel = await screen.findByRole('region', { name: 'Feedback on your last decision' });
    expect(panel).toHaveTextContent('Deleting with an apology is right.');
    expect(panel).toHaveTextContent('Principle');
  });

  it('assessment mode keeps feedback for the debrief', async () => {
    await openRun({ id: 'r7', mode: 'assessment' });
    await fireEvent.click(choiceButton(/Delete and apologise/));
    await screen.findByRole('heading', { name: 'The drill has ended' });
    expect(
      screen.queryByRole('region', { name: 'Feedback on your last decision' }),
    ).not.toBeInTheDocument();
    expect(screen.queryByText('Deleting with an apology is right.')).not.toBeInTheDocument();
  });

  it('a viewer tab is read-only and says so', async () => {
    await openRun({ id: 'r8' }, { role: 'viewer' });
    expect(
      screen.getByText('This run is open in another tab — read-only here.'),
    ).toBeInTheDocument();
    expect(choiceButton(/Ignore it/)).toBeDisabled();
  });

  it('a run started on an earlier version of the scenario says so, and plays on that version', async () => {
    const t = await makeApp([feedDrill()]);
    const run = await storeRun(t, feedDrill(), { id: 'r9' });
    await t.app.saveRun({ ...run, scenarioHash: 'an-earlier-version' });
    render(LiveScreen, { props: { runId: run.id }, context: t.context });
    await screen.findByRole('heading', { level: 1, name: 'The flare-up' });
    expect(screen.getByText(/This scenario has been updated since the run started/)).toBeVisible();
    expect(choiceButton(/Ignore it/)).toBeEnabled();
  });

  it('an unknown run id says the run does not exist', async () => {
    const t = await makeApp([feedDrill()]);
    render(LiveScreen, { props: { runId: 'nope' }, context: t.context });
    expect(await screen.findByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
    expect(screen.getByRole('link', { name: 'Back to the scenarios' })).toHaveAttribute(
      'href',
      '#/',
    );
    expect(screen.queryByText(/has been updated/)).not.toBeInTheDocument();
  });
});
