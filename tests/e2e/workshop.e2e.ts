/**
 * The facilitated workshop in real Chromium: the facilitator console and the presenter (projector)
 * view open as two pages of one browser context, kept in sync over a same-origin BroadcastChannel.
 * What the console does — start, pause, push an inject, record a decision, reveal feedback, walk
 * the hot-wash questions — shows up on the presenter; the observer notes, the answer key and
 * feedback the facilitator has not revealed never do.
 *
 * Build first: `npx vite build --outDir /tmp/dist-workshop`, then
 * `FIREBREAK_DIST=/tmp/dist-workshop npx vitest run -c vitest.e2e.config.ts tests/e2e/workshop.e2e.ts`.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadScenario, type CompiledScenario } from '../../src/engine';
import { openPage, screenshot, serveApp } from './harness';

const PORT = 4873;
const SCENARIO = 'billing-error';
/** A path to an ending with no deadline after the first decision (billing-error's middle path). */
const PATH = ['facts-first', 'full-statement', 'refunds-only', 'repair-report'];
const NOTE = 'PRIVATE-OBSERVATION: legal was not in the room when the post went out';

const served = serveApp(PORT);
let compiled: CompiledScenario;

beforeAll(() => {
  const path = `scenarios/${SCENARIO}.yaml`;
  const loaded = loadScenario(readFileSync(path, 'utf8'), path);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  compiled = loaded.compiled;
});

const en = (text: { en?: string | undefined }) => text.en!;
const node = (id: string) => compiled.index.nodes.get(id)!;
const choice = (nodeId: string, choiceId: string) =>
  node(nodeId).choices.find((c) => c.id === choiceId)!;

/** Everything in the presenter's page, visible or not (a leak in a hidden element still leaks). */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');

/** What must never be on the projector while unrevealed: the note, the answer key, this feedback. */
async function expectNothingPrivate(presenter: Page, feedback: string[] = []): Promise<void> {
  const text = await pageText(presenter);
  expect(text).not.toContain(NOTE);
  expect(text).not.toMatch(/Best choice here|Answer key|Transparency:|Observer notes/);
  for (const f of feedback) expect(text).not.toContain(f);
}

describe('facilitator console and presenter view', () => {
  it('the presenter follows start, pause, inject, decision, reveal and hot-wash — and never shows notes or unrevealed feedback', async () => {
    const context = await served.browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'en-GB',
    });

    // The facilitator adds a team to the workshop; that opens the console on a paused run.
    const { page: console_, problems: consoleProblems } = await openPage(
      context,
      `${served.url}/#/workshop/${SCENARIO}`,
    );
    await console_.getByLabel('Team name').fill('Red team');
    await console_.getByRole('button', { name: 'Create and open the console' }).click();
    await console_.waitForURL(/#\/console\//);
    const runId = decodeURIComponent(console_.url().split('#/console/')[1]!);
    await console_.getByRole('button', { name: 'Start the clock' }).waitFor();
    // The console carries the answer key for the facilitator.
    await console_.getByText('Best choice here').waitFor();

    // The projector: a second page of the same browser (same origin, so the same BroadcastChannel).
    const { page: presenter, problems: presenterProblems } = await openPage(
      context,
      `${served.url}/#/present/${encodeURIComponent(runId)}`,
    );
    const start = node('first-posts');
    await presenter.getByRole('heading', { level: 1, name: en(start.title) }).waitFor();
    await expect(presenter.getByTestId('paused').textContent()).resolves.toContain(
      'The exercise will start shortly.',
    );
    await expect(presenter.locator('.presenter').textContent()).resolves.toContain('Red team');
    // The options are on the projector, without their classification.
    for (const c of start.choices)
      await presenter.locator(`li[data-choice="${c.id}"]`).getByText(en(c.label)).waitFor();
    await expectNothingPrivate(
      presenter,
      start.choices.map((c) => en(c.feedback)),
    );

    // Start: the projector's countdown runs.
    await console_.getByRole('button', { name: 'Start the clock' }).click();
    await presenter.getByTestId('paused').waitFor({ state: 'detached' });
    await presenter.getByTestId('countdown').waitFor();
    await presenter.waitForFunction(
      () => document.querySelector('[data-testid="countdown"]')?.textContent !== '1:30',
      undefined,
      { timeout: 10_000 },
    );

    // Pause: the projector says so and its countdown freezes at the console's value.
    await console_.getByRole('button', { name: 'Pause' }).click();
    await console_.getByRole('button', { name: 'Resume' }).waitFor();
    await presenter.getByTestId('paused').getByText('Paused').waitFor();
    const frozen = await presenter.getByTestId('countdown').textContent();
    expect(frozen).toMatch(/^\d:\d\d$/);
    expect(frozen).not.toBe('1:30');
    await expect(console_.getByRole('timer').textContent()).resolves.toContain(frozen!);

    // Inject while paused: the projector announces it and its post lands on the feed.
    const reporter = compiled.scenario.injects.find((i) => i.id === 'reporter-call')!;
    await console_.locator('button[data-inject="reporter-call"]').click();
    await presenter.getByTestId('inject').getByText(en(reporter.label)).waitFor();
    await presenter.locator('.feed').getByText(en(reporter.items[0]!.text)).waitFor();
    await console_
      .locator('li', { hasText: en(reporter.label) })
      .getByText('Pushed')
      .waitFor();

    // An observer note stays on the console.
    await console_.getByRole('radio', { name: 'Improvement' }).check();
    await console_.getByLabel('Note', { exact: true }).fill(NOTE);
    await console_.getByRole('button', { name: 'Add note' }).click();
    await console_.getByRole('region', { name: 'Observer notes' }).getByText(NOTE).waitFor();
    // Still paused after all that: the countdown has not moved.
    await expect(presenter.getByTestId('countdown').textContent()).resolves.toBe(frozen);
    await expectNothingPrivate(presenter);

    // Resume and decide: the projector shows the decision made and the next situation.
    await console_.getByRole('button', { name: 'Resume' }).click();
    await presenter.getByTestId('paused').waitFor({ state: 'detached' });
    const first = choice('first-posts', PATH[0]!);
    await console_.locator(`button[data-choice="${PATH[0]}"]`).click();
    await presenter.getByTestId('last-decision').getByText(en(first.label)).waitFor();
    const second = node(compiled.index.outcomes.get('first-posts')!.get(PATH[0]!)!.outcome.next);
    await presenter.getByRole('heading', { level: 1, name: en(second.title) }).waitFor();
    await presenter.getByRole('heading', { name: 'Decision 2' }).waitFor();
    // The inject is no longer announced as new; its post stays on the feed.
    await presenter.getByTestId('inject').waitFor({ state: 'detached' });
    await presenter.locator('.feed').getByText(en(reporter.items[0]!.text)).waitFor();
    expect(await presenter.getByTestId('feedback').count()).toBe(0);
    await expectNothingPrivate(presenter, [en(first.feedback)]);

    // The facilitator reveals the feedback: now, and only now, it is on the projector.
    await console_.getByRole('button', { name: 'Reveal feedback on the projector' }).click();
    await presenter.getByTestId('feedback').getByText(en(first.feedback)).waitFor();
    await expectNothingPrivate(presenter);
    // A projector window reloaded mid-session asks the console again and catches up at once.
    await presenter.reload();
    await presenter.getByTestId('feedback').getByText(en(first.feedback)).waitFor();
    await presenter.getByTestId('last-decision').getByText(en(first.label)).waitFor();
    await screenshot(presenter, 'workshop-presenter-feedback');
    await screenshot(console_, 'workshop-console');

    // The next decisions hide the feedback again, up to the ending.
    let at = second.id;
    for (const choiceId of PATH.slice(1)) {
      const c = choice(at, choiceId);
      await console_.locator(`button[data-choice="${choiceId}"]`).click();
      await presenter.getByTestId('last-decision').getByText(en(c.label)).waitFor();
      expect(await presenter.getByTestId('feedback').count()).toBe(0);
      await expectNothingPrivate(presenter, [en(c.feedback)]);
      at = compiled.index.outcomes.get(at)!.get(choiceId)!.outcome.next;
    }
    const ending = node(at).ending!;
    await presenter.getByRole('heading', { name: en(ending.title) }).waitFor();
    await console_.getByRole('heading', { name: 'Hot-wash' }).waitFor();

    // Hot-wash: the console walks the discussion questions on the projector, one at a time.
    await console_.getByRole('button', { name: 'Start the hot-wash on the projector' }).click();
    const hotwash = presenter.getByTestId('hotwash');
    await hotwash.getByText(/Question 1 of \d+/).waitFor();
    const q1 = (await console_.locator('.hotwash .question').textContent())!.trim();
    await hotwash.getByRole('heading', { name: q1 }).waitFor();
    await console_.getByRole('button', { name: 'Next question' }).click();
    await hotwash.getByText(/Question 2 of \d+/).waitFor();
    const q2 = (await console_.locator('.hotwash .question').textContent())!.trim();
    expect(q2).not.toBe(q1);
    await hotwash.getByRole('heading', { name: q2 }).waitFor();
    await screenshot(presenter, 'workshop-presenter-hotwash');
    await console_.getByRole('button', { name: 'End the hot-wash' }).click();
    await hotwash.waitFor({ state: 'detached' });
    await expectNothingPrivate(presenter);

    // The full debrief carries the observer note (it never went to the projector).
    await console_.getByRole('link', { name: 'Open the full debrief' }).click();
    await console_.getByRole('region', { name: 'Areas for improvement' }).getByText(NOTE).waitFor();

    expect(consoleProblems).toEqual([]);
    expect(presenterProblems).toEqual([]);
    await context.close();
  });
});
