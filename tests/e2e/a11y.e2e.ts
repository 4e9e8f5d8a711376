/**
 * Accessibility in the real browser: axe-core (WCAG 2.1 A/AA rules) finds no violations on any
 * screen, in Japanese and English — including the live crisis screen mid-run and the debrief.
 */
import { describe, expect, it } from 'vitest';
import { violations } from './axe';
import { openPage, playToEnding, serveApp, takeFirstChoice } from './harness';

const PORT = Number(process.env.FIREBREAK_A11Y_PORT ?? 4872);
const SCENARIO = 'quality-complaint';

const served = serveApp(PORT);

describe('accessibility (axe, WCAG 2.1 AA)', () => {
  for (const locale of ['en', 'ja'] as const) {
    it(`has no violations on any screen in ${locale}`, async () => {
      const context = await served.browser.newContext({
        viewport: { width: 1280, height: 900 },
        locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
      });
      const { page, problems } = await openPage(context, `${served.url}/#/`);
      const found: Record<string, string[]> = {};
      const audit = async (name: string) => {
        found[name] = await violations(page);
      };

      await audit('library');
      await page.goto(`${served.url}/#/scenario/${SCENARIO}`);
      await page.locator('button.start').waitFor();
      await audit('briefing');

      await page.locator('button.start').click();
      await page.locator('button.choice').first().waitFor();
      await audit('live-start');
      await takeFirstChoice(page);
      await audit('live-mid-run');

      // Play on to the ending, then the debrief.
      await playToEnding(page);
      const debriefLink = page.locator('a[href^="#/debrief/"]').first();
      await debriefLink.waitFor();
      await debriefLink.click();
      await page.locator('main h1').first().waitFor();
      await page.waitForSelector('svg');
      await audit('debrief');

      for (const route of ['history', 'settings']) {
        await page.goto(`${served.url}/#/${route}`);
        await audit(route);
      }

      expect(found).toEqual(Object.fromEntries(Object.keys(found).map((k) => [k, []])));
      expect(problems).toEqual([]);
      await context.close();
    });
  }
});
