/**
 * The trainee app in real Chromium: a whole built-in scenario played with the keyboard only, the
 * debrief exported and checked against the CLI's `play --json` for the same choices, and
 * screenshots of every screen in both languages at phone and desktop sizes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, playToEnding, screenshot, serveApp } from './harness';

// A port of our own: other suites serve their builds on 43xx at the same time.
const PORT = Number(process.env.FIREBREAK_UI_PORT ?? 4871);
const SCENARIO = 'billing-error';

const served = serveApp(PORT);

/** What a keyboard user is looking for: a link by href, a control by its text, or a class. */
interface Target {
  href?: string;
  text?: string;
  className?: string;
}

/** Press Tab until the focused element matches, like a keyboard user looking for a control. */
async function tabTo(page: Page, target: Target, max = 150): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const found = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el || el === document.body) return false;
      if (t.href !== undefined && el.getAttribute('href') !== t.href) return false;
      if (t.text !== undefined && el.textContent?.trim() !== t.text) return false;
      if (t.className !== undefined && !el.classList.contains(t.className)) return false;
      return true;
    }, target);
    if (found) return;
  }
  throw new Error(`could not reach ${JSON.stringify(target)} with Tab`);
}

async function focusedText(page: Page): Promise<string> {
  return page.evaluate(
    () => (document.activeElement as HTMLElement | null)?.textContent?.trim() ?? '',
  );
}

/** Run the CLI over the same engine and scenario files. */
function cliPlay(
  id: string,
  choices: string[],
): Record<string, unknown> & {
  path: string[];
  scores: Record<string, number>;
  grade: string;
  ending: string | null;
  debrief: { path: { best: { choiceId: string }[] } };
} {
  const res = spawnSync(
    'npx',
    ['tsx', 'src/cli/main.ts', 'play', id, '--choose', choices.join(','), '--json'],
    {
      encoding: 'utf8',
    },
  );
  if (res.status !== 0) throw new Error(`CLI failed: ${res.stderr}`);
  return JSON.parse(res.stdout);
}

describe('trainee app', () => {
  it('plays a whole scenario by keyboard to the debrief, and the exports match the CLI', async () => {
    const context = await served.browser.newContext({
      viewport: { width: 1440, height: 900 },
      locale: 'en-GB',
      acceptDownloads: true,
    });
    const { page, problems } = await openPage(context, `${served.url}/#/`);
    await page.getByRole('heading', { level: 1, name: 'Scenarios' }).waitFor();

    await tabTo(page, { href: `#/scenario/${SCENARIO}` });
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Start the drill' }).waitFor();
    // Focus moved to the new screen's heading.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    await tabTo(page, { text: 'Start the drill' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Social feed' }).waitFor();

    // Take the second choice at the first decision (a weaker call), then the first everywhere after.
    const chosen: string[] = [];
    for (let step = 0; step < 20; step++) {
      if (await page.getByRole('link', { name: 'Open the debrief' }).count()) break;
      const wanted = step === 0 ? 1 : 0;
      const ids = await page
        .locator('button.choice')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-choice')));
      const target = ids[Math.min(wanted, ids.length - 1)]!;
      await tabTo(page, { className: 'choice' });
      // Keep tabbing through the choices until the one we want has focus.
      for (
        let i = 0;
        i < ids.length &&
        (await page.evaluate(() => document.activeElement?.getAttribute('data-choice'))) !== target;
        i++
      )
        await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-choice'))).toBe(
        target,
      );
      await page.keyboard.press('Enter');
      chosen.push(target);
      await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    }
    expect(chosen.length).toBeGreaterThan(1);
    await tabTo(page, { text: 'Open the debrief' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Scores and evidence' }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await tabTo(page, { text: 'Export Markdown' });
    const [mdDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    expect(mdDownload.suggestedFilename()).toMatch(/^firebreak-debrief-billing-error-.*\.md$/);
    const markdown = readFileSync((await mdDownload.path())!, 'utf8');
    expect(markdown).toContain('Charged Twice Over the Weekend');

    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Export JSON');
    const [jsonDownload] = await Promise.all([
      page.waitForEvent('download'),
      page.keyboard.press('Enter'),
    ]);
    const exported = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8'));

    const cli = cliPlay(SCENARIO, chosen);
    expect(exported.path.taken.map((s: { choiceId: string }) => s.choiceId)).toEqual(cli.path);
    expect({
      speed: exported.scores.speed,
      transparency: exported.scores.transparency,
      tone: exported.scores.tone,
      strategyFit: exported.scores.strategyFit,
      overall: exported.scores.overall,
    }).toEqual(cli.scores);
    expect(exported.scores.grade).toBe(cli.grade);
    expect(exported.scores.outcome).toBe(cli.ending);
    expect(exported.path.best.map((s: { choiceId: string }) => s.choiceId)).toEqual(
      cli.debrief.path.best.map((s) => s.choiceId),
    );
    await screenshot(page, 'keyboard-run-debrief');
    expect(problems).toEqual([]);
    await context.close();
  });

  for (const locale of ['en', 'ja'] as const) {
    for (const [label, viewport] of [
      ['phone', { width: 390, height: 844 }],
      ['desktop', { width: 1440, height: 900 }],
    ] as const) {
      it(`renders every screen in ${locale} at ${label} size`, async () => {
        const context: BrowserContext = await served.browser.newContext({
          viewport,
          locale: locale === 'ja' ? 'ja-JP' : 'en-GB',
          acceptDownloads: true,
        });
        const { page, problems } = await openPage(context, `${served.url}/#/`);
        const shot = (name: string) => screenshot(page, `${name}-${locale}-${label}`);
        await page.locator('main h1').waitFor();
        expect(await page.evaluate(() => document.documentElement.lang)).toBe(locale);
        await shot('1-library');

        const openBriefing = async () => {
          await page.goto(`${served.url}/#/scenario/${SCENARIO}`);
          await page.locator('button.start').waitFor();
        };
        const startRun = async () => {
          await page.locator('button.start').click();
          await page.locator('button.choice').first().waitFor();
        };

        await openBriefing();
        await shot('2-briefing');
        await startRun();
        await page.locator('button.choice').nth(1).click();
        await page.locator('.feedback').waitFor();
        await page.waitForTimeout(800); // let the arrival animation settle
        await shot('3-live');
        const runUrl = page.url();
        // Finish that run on the best-looking first choices.
        await playToEnding(page);
        await page.locator('.ending a.btn').click();
        await page.locator('.report').waitFor();
        await shot('4-debrief');
        expect(runUrl).toMatch(/#\/run\//);

        // A second run, so the history has two to compare.
        await openBriefing();
        await startRun();
        await playToEnding(page);
        await page.goto(`${served.url}/#/history`);
        await page.locator('.run').nth(1).waitFor();
        await shot('5-history');
        for (const box of await page.getByRole('checkbox').all()) await box.check();
        await page.locator('.toolbar .btn-primary').click();
        await page.locator('table').first().waitFor();
        await shot('6-compare');
        await page.goto(`${served.url}/#/settings`);
        await page.locator('main h1').waitFor();
        await shot('7-settings');
        await page.emulateMedia({ media: 'print' });
        await page.goto(runUrl.replace('#/run/', '#/debrief/'));
        await page.locator('.report').waitFor();
        if (label === 'desktop') await shot('8-debrief-print');
        await page.emulateMedia({ media: 'screen' });
        expect(problems).toEqual([]);
        await context.close();
      });
    }
  }
});
