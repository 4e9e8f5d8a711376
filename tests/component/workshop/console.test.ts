// @vitest-environment jsdom
import { fireEvent, render, within } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { replayWithHistory } from '../../../src/engine';
import { createRun } from '../../../src/ui/run-factory';
import { ConsoleController, startPaused } from '../../../src/ui/workshop/console-controller.svelte';
import ConsoleScreen from '../../../src/ui/workshop/ConsoleScreen.svelte';
import PresenterScreen from '../../../src/ui/workshop/PresenterScreen.svelte';
import type { PresenterState } from '../../../src/ui/workshop/presenter-state';
import { memoryChannels, openConsoleLink, openPresenterLink } from '../../../src/ui/workshop/sync';
import { makeApp, type TestApp } from '../helpers';
import { billing } from './helpers';

// These tests render whole screens (console, presenter, live, debrief) and replay runs: on a busy
// two-core machine that can take longer than the 5 s default.
vi.setConfig({ testTimeout: 30_000 });

/** A facilitated, timed run of billing-error, created paused as the workshop screen creates it. */
async function facilitated(t: TestApp, id = 'w1') {
  const compiled = billing();
  const run = startPaused(
    createRun(
      compiled,
      { mode: 'assessment', timer: true, team: 'Red', locale: 'en' },
      { now: t.clock.now(), id, seed: 7 },
    ),
  );
  await t.app.saveRun(run);
  return { compiled, run };
}

/** A controller publishing to a presenter link; `states` collects what the presenter receives. */
async function withPresenter() {
  const t = await makeApp([billing()]);
  const { compiled, run } = await facilitated(t);
  const channels = memoryChannels();
  const states: PresenterState[] = [];
  openPresenterLink(run.id, channels, { state: (s) => states.push(s), closed: () => {} });
  const link = openConsoleLink(run.id, channels);
  const c = new ConsoleController(t.app, compiled, run, { link });
  await Promise.resolve();
  return { t, c, compiled, states, latest: () => states.at(-1)! };
}

const flush = async () => {
  for (let i = 0; i < 3; i++) await Promise.resolve();
  await tick();
};

describe('facilitator console: clock', () => {
  it('pause/resume freezes the deadline; it fires only after the unpaused time has run out', async () => {
    const { t, c } = await withPresenter();
    expect(c.waiting).toBe(true);
    // Waiting to start: the 90-second deadline is frozen in full.
    t.clock.advance(120_000);
    expect(c.view.log).toHaveLength(0);
    expect(c.secondsLeft).toBe(90);

    await c.start();
    expect(c.waiting).toBe(false);
    t.clock.advance(30_000);
    expect(c.secondsLeft).toBe(60);
    await c.pause();
    t.clock.advance(10 * 60_000);
    expect(c.view.log).toHaveLength(0);
    expect(c.secondsLeft).toBe(60);

    await c.resume();
    t.clock.advance(59_000);
    expect(c.view.log).toHaveLength(0);
    await c.extend(30);
    t.clock.advance(30_000);
    expect(c.view.log).toHaveLength(0);
    t.clock.advance(2_000);
    await vi.waitFor(() => expect(c.view.log).toHaveLength(1));
    expect(c.view.log[0]!.choiceId).toBe('timeout');
    // Stored events are the truth: pause, resume, pause, resume, extend, deadline.
    const stored = await t.app.getRun(c.run.id);
    expect(stored!.events.map((e) => e.type)).toEqual([
      'clock.pause',
      'clock.resume',
      'clock.pause',
      'clock.resume',
      'clock.extend',
      'clock.deadline',
    ]);
  });

  it('the presenter freezes its countdown while paused', async () => {
    const { t, c, latest } = await withPresenter();
    await c.start();
    t.clock.advance(20_000);
    await c.pause();
    await flush();
    expect(latest().paused).toBe(true);
    expect(latest().frozenMs).toBe(70_000);
    await c.resume();
    await flush();
    expect(latest().paused).toBe(false);
    expect(latest().frozenMs).toBeNull();
    expect(latest().deadlineAt! - t.clock.now()).toBe(70_000);
  });
});

describe('facilitator console: injects, rewind, notes', () => {
  it('a pushed inject appears in the feed (console and presenter), once', async () => {
    const { c, latest } = await withPresenter();
    expect(c.view.feed.some((f) => f.id === 'inj-reporter')).toBe(false);
    expect(await c.pushInject('reporter-call')).toBe(true);
    await flush();
    expect(c.view.feed.some((f) => f.id === 'inj-reporter' && f.origin === 'inject')).toBe(true);
    expect(latest().feed.some((f) => f.id === 'inj-reporter')).toBe(true);
    expect(latest().injects).toMatchObject([{ id: 'reporter-call', current: true }]);
    // Each inject is pushed once.
    expect(await c.pushInject('reporter-call')).toBe(false);
    expect(c.run.events.filter((e) => e.type === 'inject.push')).toHaveLength(1);
    // Once the team has decided, it is no longer news; its posts stay on the feed.
    await c.start();
    await c.choose('ack-fast');
    await flush();
    expect(latest().injects).toMatchObject([{ id: 'reporter-call', current: false }]);
    expect(latest().feed.some((f) => f.id === 'inj-reporter')).toBe(true);
  });

  it('rewinds one decision and keeps it on record', async () => {
    const { c, latest } = await withPresenter();
    await c.start();
    await c.choose('wait-monday');
    expect(c.view.nodeId).toBe('trending-silence');
    await c.rewind();
    await flush();
    expect(c.view.nodeId).toBe('first-posts');
    expect(latest().nodeId).toBe('first-posts');
    expect(c.replay.rewound.map((r) => r.entry.choiceId)).toEqual(['wait-monday']);
    expect(c.run.events.map((e) => e.type)).toContain('run.rewind');
    await c.choose('ack-fast');
    expect(c.view.nodeId).toBe('scope-confirmed');
  });

  it('observer notes are saved with the run, tied to node and simulated time, and reach the debrief', async () => {
    const { t, c } = await withPresenter();
    await c.start();
    expect(await c.addNote('strength', 'Checked the facts before posting')).toBe(true);
    await c.choose('ack-fast');
    await c.addNote('improvement', 'Nobody owned the support inbox');
    await c.addNote('question', 'Who signs off on refunds?');
    expect(await c.addNote('question', '   ')).toBe(false);
    for (const choice of ['full-report', 'cause-report', 'progress-report']) await c.choose(choice);
    expect(c.view.ended).toBe(true);

    const stored = await t.app.getRun(c.run.id);
    expect(stored!.notes!.map((n) => [n.tag, n.nodeId])).toEqual([
      ['strength', 'first-posts'],
      ['improvement', 'scope-confirmed'],
      ['question', 'scope-confirmed'],
    ]);
    expect(stored!.notes![1]!.clock).toBeGreaterThan(0);

    const debrief = c.debrief!;
    expect(debrief.strengths.map((s) => s.text.en)).toContain('Checked the facts before posting');
    expect(debrief.improvements.map((i) => i.observation.en)).toContain(
      'Nobody owned the support inbox',
    );
    expect(debrief.discussionQuestions[0]!.en).toBe('Who signs off on refunds?');
    expect(debrief.notes).toHaveLength(3);
  });
});

describe('presenter view', () => {
  it('never receives notes, the answer key or feedback until the facilitator reveals it', async () => {
    const { c, latest, compiled } = await withPresenter();
    await c.start();
    await c.addNote('improvement', 'SECRET-NOTE-TEXT');
    await c.choose('blame-processor');
    await flush();
    const node = compiled.index.nodes.get('first-posts')!;
    const chosen = node.choices.find((ch) => ch.id === 'blame-processor')!;
    let sent = JSON.stringify(latest());
    expect(sent).not.toContain('SECRET-NOTE-TEXT');
    expect(sent).not.toContain(chosen.feedback.en);
    for (const field of ['"transparency"', '"tone"', '"principle"', '"bestPath"', '"notes"'])
      expect(sent).not.toContain(field);
    expect(latest().feedback).toBeNull();

    c.reveal(true);
    await flush();
    expect(latest().feedback?.feedback.en).toBe(chosen.feedback.en);
    sent = JSON.stringify(latest());
    expect(sent).not.toContain('SECRET-NOTE-TEXT');

    // A new decision hides the feedback again.
    await c.choose(c.view.choices[0]!.id);
    await flush();
    expect(latest().feedback).toBeNull();
  });

  it('renders what the console does — decision, pause, inject — but never notes or unrevealed feedback', async () => {
    const t = await makeApp([billing()]);
    const { compiled, run } = await facilitated(t, 'w2');
    const channels = memoryChannels();
    const consoleView = render(ConsoleScreen, {
      props: { runId: run.id, channels },
      context: t.context,
    });
    const presenterView = render(PresenterScreen, {
      props: { runId: run.id, channels },
      context: t.context,
    });
    const presenter = within(presenterView.container);
    const console_ = within(consoleView.container);
    await console_.findByRole('button', { name: 'Start the clock' });
    await presenter.findByText('The exercise will start shortly.');
    const start = compiled.index.nodes.get('first-posts')!;
    expect(presenter.getByRole('heading', { level: 1 })).toHaveTextContent(start.title.en!);
    // The console shows the answer key; the presenter does not.
    expect(console_.getAllByText(/Best choice here/).length).toBe(1);
    expect(presenterView.container.textContent).not.toMatch(/Best choice here|Transparency:/);

    await fireEvent.click(console_.getByRole('button', { name: 'Start the clock' }));
    await vi.waitFor(() => expect(presenter.queryByTestId('paused')).not.toBeInTheDocument());
    expect(presenter.getByTestId('countdown')).toHaveTextContent('1:30');

    await fireEvent.click(console_.getByRole('button', { name: 'Pause' }));
    await console_.findByRole('button', { name: 'Resume' });
    await presenter.findByTestId('paused');
    expect(presenter.getByTestId('paused')).toHaveTextContent('Paused');
    t.clock.advance(45_000);
    expect(presenter.getByTestId('countdown')).toHaveTextContent('1:30');

    await fireEvent.click(
      consoleView.container.querySelector<HTMLElement>('button[data-inject="reporter-call"]')!,
    );
    await presenter.findByTestId('inject');
    expect(presenter.getByTestId('inject')).toHaveTextContent('A consumer-news reporter calls');
    const reporter = compiled.scenario.injects.find((i) => i.id === 'reporter-call')!;
    await vi.waitFor(() =>
      expect(presenterView.container.textContent).toContain(
        reporter.items[0]!.text.en!.slice(0, 40),
      ),
    );

    await fireEvent.input(console_.getByLabelText('Note'), {
      target: { value: 'PRIVATE OBSERVATION' },
    });
    await fireEvent.click(console_.getByRole('button', { name: 'Add note' }));
    await vi.waitFor(() =>
      expect(
        within(console_.getByRole('region', { name: 'Observer notes' })).getByRole('listitem'),
      ).toHaveTextContent('PRIVATE OBSERVATION'),
    );

    await fireEvent.click(console_.getByRole('button', { name: 'Resume' }));
    await console_.findByRole('button', { name: 'Pause' });
    await fireEvent.click(
      consoleView.container.querySelector<HTMLElement>('button[data-choice="facts-first"]')!,
    );
    const factsFirst = start.choices.find((ch) => ch.id === 'facts-first')!;
    await vi.waitFor(() =>
      expect(presenter.getByTestId('last-decision')).toHaveTextContent(factsFirst.label.en!),
    );
    const text = () => presenterView.container.textContent ?? '';
    expect(text()).not.toContain('PRIVATE OBSERVATION');
    expect(text()).not.toContain(factsFirst.feedback.en!);
    expect(presenter.queryByTestId('feedback')).not.toBeInTheDocument();
    // The inject is not announced as new any more, but its post is still on the feed.
    expect(presenter.queryByTestId('inject')).not.toBeInTheDocument();
    expect(text()).toContain(reporter.items[0]!.text.en!.slice(0, 40));

    await fireEvent.click(
      console_.getByRole('button', { name: 'Reveal feedback on the projector' }),
    );
    await presenter.findByTestId('feedback');
    expect(presenter.getByTestId('feedback')).toHaveTextContent(factsFirst.feedback.en!);
    expect(text()).not.toContain('PRIVATE OBSERVATION');
  });

  it('walks the hot-wash questions on the projector after the ending', async () => {
    const { c, latest } = await withPresenter();
    await c.start();
    for (const choice of ['ack-fast', 'full-report', 'cause-report', 'progress-report'])
      await c.choose(choice);
    const questions = c.debrief!.discussionQuestions;
    expect(questions.length).toBeGreaterThan(1);
    c.hotwash(0);
    await flush();
    expect(latest().hotwash).toEqual({ index: 0, total: questions.length, question: questions[0] });
    c.hotwash(1);
    await flush();
    expect(latest().hotwash?.question).toEqual(questions[1]);
    c.hotwash(null);
    await flush();
    expect(latest().hotwash).toBeNull();
  });

  it('a presenter opened late catches up with the current state', async () => {
    const t = await makeApp([billing()]);
    const { compiled, run } = await facilitated(t);
    const channels = memoryChannels();
    const c = new ConsoleController(t.app, compiled, run, {
      link: openConsoleLink(run.id, channels),
    });
    await c.start();
    await c.choose('ack-fast');
    const got: PresenterState[] = [];
    openPresenterLink(run.id, channels, { state: (s) => got.push(s), closed: () => {} });
    await flush();
    expect(got.at(-1)?.nodeId).toBe('scope-confirmed');
    // The replay of the stored log agrees with what the presenter was sent.
    const stored = await t.app.getRun(run.id);
    expect(replayWithHistory(compiled, stored!.input, stored!.events).snapshot.context.nodeId).toBe(
      got.at(-1)?.nodeId,
    );
  });
});
