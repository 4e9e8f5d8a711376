/**
 * The hostile scenario (tests/fixtures/hostile/hostile-texts.yaml) on the screens that
 * hostile-scenario.e2e.ts does not reach: the team drill set-up with its role picker and private
 * brief, the printable handouts, the workshop, the facilitator console and the presenter view
 * (inject, observer note, revealed feedback, ending, hot-wash), the workshop's team comparison,
 * the history and the two-run compare. Phone and desktop widths, both languages; on every screen
 * the same checks as there: nothing rendered as markup, no payload runs, the texts show
 * literally, the page never scrolls sideways, and an override never reorders other text. The
 * harness fails on any console error or CSP violation.
 *
 * Build first: `npx vite build --outDir /tmp/dist-hostile`, then
 * `FIREBREAK_DIST=/tmp/dist-hostile npx vitest run -c vitest.e2e.config.ts tests/e2e/hostile-workshop.e2e.ts`.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, serveApp } from './harness';
import { expectSafe, ID, importFixture, VIEWPORTS } from './hostile';

const app = serveApp(Number(process.env.FIREBREAK_HOSTILE_WORKSHOP_PORT ?? 4876));

/** Go to a hash route of the app already open in `page` (no reload: the import stays in memory). */
async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
}

/** On the workshop screen, add a team; resolves on its console with the run's id. */
async function addTeam(page: Page, name: string): Promise<string> {
  await page.locator('#ws-team').fill(name);
  await page.locator('form.add button[type="submit"]').click();
  await page.waitForURL(/#\/console\//);
  await page.locator('.console h1').waitFor();
  return decodeURIComponent(page.url().split('#/console/')[1]!);
}

describe('hostile scenario on the team, workshop, history and compare screens', () => {
  for (const locale of ['en', 'ja'] as const) {
    for (const [label, viewport] of VIEWPORTS) {
      it(`renders inertly in ${locale} at ${label} size`, async () => {
        const context = await app.browser.newContext({
          viewport,
          locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
        });
        const { page, problems } = await openPage(context, `${app.url}/#/`);
        const at = (screen: string) => `${screen}-${locale}-${label}`;
        await importFixture(page);

        // Team drill set-up: a person takes the role, then reads the private brief.
        await go(page, `#/team/${ID}`);
        await page.locator('#person-name').fill('Aiko');
        await page.locator('form.add button[type="submit"]').click();
        const reveal = page.locator('button[id^="reveal-"]');
        await reveal.waitFor();
        await expectSafe(page, at('team-setup'));
        await reveal.click();
        await page.locator('.panel.handover').waitFor();
        await expectSafe(page, at('team-handover'), page.locator('.panel.handover'));
        await page.locator('.panel.handover .btn-primary').click();
        await page.getByTestId('private-brief').waitFor();
        await expectSafe(page, at('team-brief'), page.locator('.panel.brief'));

        await go(page, `#/handouts/${ID}`);
        await page.locator('article.brief').waitFor();
        await expectSafe(page, at('handouts'));

        await go(page, `#/workshop/${ID}`);
        await page.locator('#ws-team').waitFor();
        await expectSafe(page, at('workshop'));

        // The first team, on the console and the projector: an inject, a note, the decision,
        // the revealed feedback and the hot-wash.
        const runId = await addTeam(page, 'Red team');
        const { page: presenter, problems: presenterProblems } = await openPage(
          context,
          `${app.url}/#/present/${encodeURIComponent(runId)}`,
        );
        await presenter.locator('.presenter h1').waitFor();
        await page.locator('button[data-inject="leak"]').click();
        await presenter.getByTestId('inject').waitFor();
        await page.locator('#note-text').fill('Legal was not in the room');
        await page.locator('section.notes form button[type="submit"]').click();
        await page.locator('section.notes li.note').waitFor();
        await expectSafe(page, at('console'));
        await expectSafe(presenter, at('presenter'));

        await page.locator('section.controls .btn-primary').click();
        await presenter.getByTestId('paused').waitFor({ state: 'detached' });
        await page.locator('button.choice[data-choice="apologise"]').click();
        await page.locator('section.hotwash').waitFor();
        await presenter.locator('section.ending').waitFor();
        await page.locator('section[aria-labelledby="fb-h"] button[aria-pressed]').click();
        await presenter.getByTestId('feedback').waitFor();
        await expectSafe(page, at('console-ending'));
        await expectSafe(presenter, at('presenter-ending'), presenter.getByTestId('feedback'));

        await page.locator('section.hotwash .btn-primary').click();
        await presenter.getByTestId('hotwash').waitFor();
        await expectSafe(presenter, at('presenter-hotwash'));
        expect(presenterProblems).toEqual([]);
        await presenter.close();

        // A second team takes the other path; the workshop compares the two.
        await go(page, `#/workshop/${ID}`);
        await page.locator('#ws-team').waitFor();
        await addTeam(page, 'Blue team');
        await page.locator('section.controls .btn-primary').click();
        await page.locator('button.choice[data-choice="wait"]').click();
        await page.locator('section.hotwash').waitFor();
        await go(page, `#/workshop/${ID}`);
        await page.locator('section.comparison').waitFor();
        await expectSafe(page, at('workshop-compare'), page.locator('section.comparison'));

        await go(page, '#/history');
        await page.locator('li.run').nth(1).waitFor();
        await expectSafe(page, at('history'));
        await page.locator('li.run .pick input').nth(0).check();
        await page.locator('li.run .pick input').nth(1).check();
        await page.locator('.toolbar .btn-primary').click();
        await page.locator('.paths').waitFor();
        await expectSafe(page, at('compare'));

        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
