/**
 * Accessibility of the group-exercise screens in the real browser: axe-core (WCAG 2.1 A/AA) finds
 * no violations on the team-drill set-up (with a role picked and a brief revealed), the team
 * drill's live screen with its vote form, the workshop, the facilitator console (paused and
 * running), the presenter view, the handouts and the comparison of two runs — in English and
 * Japanese. `a11y.e2e.ts` covers the trainee's screens.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { wen } from '../../src/ui/workshop/i18n/en';
import { wja } from '../../src/ui/workshop/i18n/ja';
import { violations } from './axe';
import { openPage, playToEnding, serveApp } from './harness';

const PORT = Number(process.env.FIREBREAK_A11Y_WORKSHOP_PORT ?? 4877);
const SCENARIO = 'billing-error';

const served = serveApp(PORT);

/** Start a solo run from the briefing and play it to its ending; resolves to the run id. */
async function finishedRun(page: Page): Promise<string> {
  await page.goto(`${served.url}/#/scenario/${SCENARIO}`);
  await page.locator('button.start').click();
  await page.waitForURL(/#\/run\//);
  const runId = decodeURIComponent(page.url().split('#/run/')[1]!);
  await page.locator('button.choice').first().waitFor();
  await playToEnding(page);
  return runId;
}

describe('accessibility of team drills and workshops (axe, WCAG 2.1 AA)', () => {
  for (const locale of ['en', 'ja'] as const) {
    const w = locale === 'ja' ? wja : wen;
    it(`has no violations on any workshop screen in ${locale}`, async () => {
      const context = await served.browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
      });
      const { page, problems } = await openPage(context, `${served.url}/#/team/${SCENARIO}`);
      const found: Record<string, string[]> = {};

      // Team drill: one person in a role, their private brief revealed, then the live screen.
      await page.locator('main h1').first().waitFor();
      await page.getByLabel(w['team.person'], { exact: true }).fill('Aki');
      await page.getByRole('button', { name: w['team.addPerson'] }).click();
      found['team-setup'] = await violations(page);
      await page.locator('form.setup button[type="submit"]').click();
      await page.waitForURL(/#\/run\//);
      await page.locator('button.choice').first().waitFor();
      found['team-live'] = await violations(page);

      await page.goto(`${served.url}/#/handouts/${SCENARIO}`);
      found['handouts'] = await violations(page);

      // Workshop → console (paused, then running) → presenter in a second window.
      await page.goto(`${served.url}/#/workshop/${SCENARIO}`);
      await page.locator('#ws-team').waitFor();
      found['workshop'] = await violations(page);
      await page.locator('#ws-team').fill('Red');
      await page.locator('form.add button[type="submit"]').click();
      await page.waitForURL(/#\/console\//);
      const runId = decodeURIComponent(page.url().split('#/console/')[1]!);
      await page.getByRole('button', { name: w['console.start'] }).waitFor();
      found['console-paused'] = await violations(page);
      await page.getByRole('button', { name: w['console.start'] }).click();
      await page.getByRole('button', { name: w['console.start'] }).waitFor({ state: 'detached' });
      found['console-running'] = await violations(page);

      const { page: presenter, problems: presenterProblems } = await openPage(
        context,
        `${served.url}/#/present/${encodeURIComponent(runId)}`,
      );
      found['presenter'] = await violations(presenter);

      // Two finished solo runs side by side.
      const a = await finishedRun(page);
      const b = await finishedRun(page);
      await page.goto(`${served.url}/#/compare/${a}/${b}`);
      found['compare'] = await violations(page);

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      expect([...problems, ...presenterProblems]).toEqual([]);
      await context.close();
    });
  }
});
