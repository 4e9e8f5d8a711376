/**
 * A hostile scenario file (tests/fixtures/hostile/hostile-texts.yaml: HTML and script payloads,
 * `javascript:` links, right-to-left overrides and 10,000-character texts, the schema's maximum)
 * imported through the library's import control. On the library card, the briefing, the live
 * screen before and after a decision and the debrief, at phone and desktop widths in both
 * languages: no element is created from the text, no payload runs, the text shows literally, the
 * page never scrolls sideways, and an override never reorders any other text. The harness also
 * fails on any CSP violation or console error.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/engine';
import { MAX_TEXT_LENGTH } from '../../src/engine/schema';
import { openPage, serveApp } from './harness';
import { expectSafe, FIXTURE, ID, importFixture, PAYLOADS, VIEWPORTS } from './hostile';

const app = serveApp(Number(process.env.FIREBREAK_HOSTILE_PORT ?? 4875));

describe('the hostile fixture', () => {
  it('is a valid scenario whose texts hold every payload at exactly the longest allowed length', () => {
    const text = readFileSync(FIXTURE, 'utf8');
    expect(loadScenario(text, FIXTURE).ok).toBe(true);
    const scenario = parse(text);
    for (const locale of ['en', 'ja']) {
      expect(scenario.title[locale]).toHaveLength(MAX_TEXT_LENGTH);
      for (const p of PAYLOADS) expect(scenario.title[locale]).toContain(p);
    }
  });
});

describe('hostile scenario import', () => {
  for (const locale of ['en', 'ja'] as const) {
    for (const [label, viewport] of VIEWPORTS) {
      it(`imports and renders inertly in ${locale} at ${label} size`, async () => {
        const context = await app.browser.newContext({
          viewport,
          locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
        });
        const { page, problems } = await openPage(context, `${app.url}/#/`);
        const at = (screen: string) => `${screen}-${locale}-${label}`;
        const card = await importFixture(page);
        // The card clamps its summary to four lines but the title is whole.
        for (const p of PAYLOADS) expect(await card.locator('h2').textContent()).toContain(p);
        await expectSafe(page, at('library'), card);

        await card.locator(`a[href="#/scenario/${ID}"]`).click();
        await page.locator('button.start').waitFor();
        await expectSafe(page, at('briefing'));

        await page.locator('button.start').click();
        await page.locator('button.choice').first().waitFor();
        await expectSafe(page, at('live'));

        await page.locator('button.choice[data-choice="apologise"]').click();
        await page.locator('.ending a.btn').waitFor();
        await expectSafe(page, at('live-ending'));

        await page.locator('.ending a.btn').click();
        await page.locator('.report').waitFor();
        await expectSafe(page, at('debrief'));

        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
