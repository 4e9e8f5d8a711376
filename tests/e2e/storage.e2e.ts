/**
 * Storage end to end, in real Chromium with real IndexedDB: a reload at every node resumes the same
 * screen; a full disk (CDP quota override) shows a clear message and loses nothing already saved;
 * a missing IndexedDB falls back to memory with a banner; a second tab on the same run is read-only
 * and takes over when the first closes; a chosen language shows from the first paint after a reload.
 *
 * Build first: `npx vite build --outDir /tmp/storage-dist`, then
 * `FIREBREAK_DIST=/tmp/storage-dist npx vitest run -c vitest.e2e.config.ts tests/e2e/storage.e2e.ts`.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { loadScenario, playChoices, walkRuns } from '../../src/engine';
import { CHROMIUM_ARGS, CHROMIUM_PATH, openPage, screenshot, serveApp } from './harness';

const PORT = 4391;
const SCENARIO = 'billing-error';

const served = serveApp(PORT);

/** Wait until the app has opened storage and rendered a screen. */
async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.querySelector('main');
    return (
      !!main &&
      !main.querySelector('.loading') &&
      !/^\s*(Loading|読み込み)/.test(main.textContent ?? '')
    );
  });
}

/** Start a drill of SCENARIO from its briefing (timer off, learning mode) and wait for the live screen. */
async function startDrill(page: Page): Promise<string> {
  await page.goto(`${served.url}/#/scenario/${SCENARIO}`);
  await settled(page);
  await page.click('button.start');
  await page.waitForURL(/#\/run\//);
  await page.waitForSelector('button[data-choice]');
  return decodeURIComponent(page.url().split('#/run/')[1]!);
}

/**
 * What the trainee sees on the live screen, as text: title, clock, gauges, situation, feedback,
 * choices and feed. Live-region announcements are left out (they narrate the last click, which
 * a reload rightly does not repeat).
 */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const main = document.querySelector('main')!.cloneNode(true) as HTMLElement;
    for (const el of main.querySelectorAll('[aria-live], .visually-hidden')) el.remove();
    return (main.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** The run's stored record, read straight from IndexedDB in the page. */
async function storedEvents(page: Page, runId: string): Promise<number | null> {
  return page.evaluate(
    (id) =>
      new Promise<number | null>((resolve, reject) => {
        const open = indexedDB.open('firebreak');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const get = db.transaction('runs').objectStore('runs').get(id);
          get.onsuccess = () => {
            const env = get.result as { data?: { events?: unknown[] } } | undefined;
            db.close();
            resolve(env?.data?.events?.length ?? null);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    runId,
  );
}

/**
 * Decision paths (choice ids, no timeouts) through a built-in scenario that together reach every
 * node, chosen greedily from the engine's own walk of the scenario.
 */
function coveringPaths(id: string): { walks: string[][]; nodes: string[]; covered: string[] } {
  const loaded = loadScenario(readFileSync(`scenarios/${id}.yaml`, 'utf8'), `${id}.yaml`);
  if (!loaded.ok) throw new Error(`${id} does not load`);
  const compiled = loaded.compiled;
  const reachable = (choices: string[]) => [
    compiled.scenario.start,
    ...playChoices(compiled, choices).context.log.map((e) => e.target),
  ];
  const candidates = [...walkRuns(compiled, { timeouts: false, maxWalks: 5000 })].map((w) => ({
    choices: w.choices,
    nodes: new Set(reachable(w.choices)),
  }));
  const covered = new Set<string>();
  const walks: string[][] = [];
  for (;;) {
    let best: (typeof candidates)[number] | null = null;
    let gain = 0;
    for (const c of candidates) {
      const g = [...c.nodes].filter((n) => !covered.has(n)).length;
      if (g > gain) {
        best = c;
        gain = g;
      }
    }
    if (!best) break;
    walks.push(best.choices);
    for (const n of best.nodes) covered.add(n);
  }
  // Nodes only a timeout reaches cannot be clicked to; the timer test covers deadlines.
  const viaChoices = new Set(candidates.flatMap((c) => [...c.nodes]));
  const nodes = compiled.scenario.nodes
    .map((n) => n.id)
    .filter((n) => viaChoices.has(n))
    .sort();
  return { walks, nodes, covered: [...covered].sort() };
}

async function newContext(): Promise<BrowserContext> {
  return served.browser.newContext({ viewport: { width: 1280, height: 900 } });
}

describe('storage in real Chromium', () => {
  it('reloading at every node of a scenario shows the same screen', async () => {
    const paths = coveringPaths(SCENARIO);
    const context = await newContext();
    const { page, problems } = await openPage(context, `${served.url}/#/`);
    await settled(page);
    const visited = new Set<string>();
    for (const path of paths.walks) {
      const runId = await startDrill(page);
      for (let step = 0; ; step++) {
        const before = await screenText(page);
        expect(await storedEvents(page, runId)).toBe(step);
        await page.reload();
        await settled(page);
        await page.waitForSelector('.live');
        expect(await screenText(page), `${path.join(' > ')} at step ${step}`).toBe(before);
        visited.add(`${path.slice(0, step).join('>')}`);
        if (step === path.length) break;
        await page.click(`button[data-choice="${path[step]}"]`);
        await page.waitForFunction(
          (n) =>
            !!document.querySelector('.ending') ||
            (document.querySelector('#situation-h')?.textContent ?? '').includes(String(n)),
          step + 2,
        );
      }
      expect(await page.$('.ending')).not.toBeNull();
    }
    // Every node of the scenario was reached (and reloaded) on some path.
    expect(paths.covered).toEqual(paths.nodes);
    expect(visited.size).toBeGreaterThanOrEqual(paths.nodes.length);
    await screenshot(page, 'storage-reload-ended');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a reload keeps the real-time deadline running from where it was (absolute time, not reset)', async () => {
    const context = await newContext();
    const { page, problems } = await openPage(context, `${served.url}/#/scenario/${SCENARIO}`);
    await settled(page);
    await page.getByLabel(/Real-time decision timer/).check();
    await page.click('button.start');
    await page.waitForSelector('[role="timer"]');
    const secondsLeft = async () =>
      Number((await page.locator('[role="timer"]').getAttribute('aria-label'))?.match(/\d+/)?.[0]);
    const first = await secondsLeft();
    await page.waitForTimeout(2500);
    await page.reload();
    await settled(page);
    await page.waitForSelector('[role="timer"]');
    const after = await secondsLeft();
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThanOrEqual(first - 2);
    expect(problems).toEqual([]);
    await context.close();
  });

  /**
   * Chromium sizes an origin's IndexedDB quota when it first opens the origin's storage and keeps
   * that while the browser runs, so an override set mid-session does not reach IndexedDB. So: play
   * in one browser on a profile folder, close it, start a new browser on the same profile, and set
   * the quota just above what is already used before the app opens storage — room for the app's
   * start-up probe, not for the next save of the run.
   */
  async function profileBrowser(dir: string): Promise<BrowserContext> {
    return chromium.launchPersistentContext(dir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 1280, height: 900 },
    });
  }

  /** Bytes the origin uses, measured in the browser that wrote them (a fresh browser reports 0 until storage opens). */
  async function usageOf(page: Page): Promise<number> {
    const cdp = await page.context().newCDPSession(page);
    const { usage } = (await cdp.send('Storage.getUsageAndQuota', { origin: served.url })) as {
      usage: number;
    };
    return usage;
  }

  async function reopenWithFullDisk(dir: string, usage: number, hash: string) {
    const context = await profileBrowser(dir);
    const opened = await openPage(context, 'about:blank');
    const cdp = await context.newCDPSession(opened.page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: served.url,
      quotaSize: usage + 16 * 1024,
    });
    await opened.page.goto(`${served.url}/${hash}`);
    await settled(opened.page);
    return { ...opened, context };
  }

  it('a full disk shows a clear message, keeps the decision in the tab, and loses nothing saved', async () => {
    const dir = mkdtempSync('/tmp/firebreak-e2e-profile-');
    const setupContext = await profileBrowser(dir);
    const { page: setup } = await openPage(setupContext, `${served.url}/#/`);
    await settled(setup);
    const runId = await startDrill(setup);
    await setup.click('button[data-choice] >> nth=0');
    await setup.waitForFunction(() =>
      document.querySelector('#situation-h')?.textContent?.includes('2'),
    );
    expect(await storedEvents(setup, runId)).toBe(1);
    const saved = await screenText(setup);
    const usage = await usageOf(setup);
    await setupContext.close();

    const { page, problems, context } = await reopenWithFullDisk(dir, usage, `#/run/${runId}`);
    await page.waitForSelector('.live');
    // Storage opened normally (the probe fits), and the run resumed where it was.
    expect(await page.locator('.banner', { hasText: 'won’t survive a reload' }).count()).toBe(0);
    expect(await screenText(page)).toBe(saved);

    await page.click('button[data-choice] >> nth=0');
    const alert = page.locator('.banner.danger');
    await alert.waitFor();
    const message = await alert.textContent();
    expect(message).toMatch(/could not be saved/);
    expect(message).toMatch(/storage for this site is full/);
    expect(message).toMatch(/still there/);
    expect(await alert.locator('button').allTextContents()).toEqual([
      'Retry saving',
      'Export this run',
    ]);
    await screenshot(page, 'storage-quota-banner');
    // The decision is not shown as made, and what was saved before is intact.
    expect(await page.locator('#situation-h').textContent()).toContain('2');
    expect(await storedEvents(page, runId)).toBe(1);

    // The run can be exported from the banner.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      alert.locator('button', { hasText: 'Export this run' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);

    expect(problems).toEqual([]);
    await context.close();

    // Space comes back (a new browser without the override): the saved run is all there.
    const after = await profileBrowser(dir);
    const { page: again, problems: againProblems } = await openPage(
      after,
      `${served.url}/#/run/${runId}`,
    );
    await settled(again);
    await again.waitForSelector('.live');
    expect(await screenText(again)).toBe(saved);
    expect(await storedEvents(again, runId)).toBe(1);
    expect(againProblems).toEqual([]);
    await after.close();
  });

  it('a full disk when a new run is started is reported, and earlier runs survive', async () => {
    const dir = mkdtempSync('/tmp/firebreak-e2e-profile-');
    const setupContext = await profileBrowser(dir);
    const { page: setup } = await openPage(setupContext, `${served.url}/#/`);
    await settled(setup);
    const first = await startDrill(setup);
    const usage = await usageOf(setup);
    await setupContext.close();
    const { page, problems, context } = await reopenWithFullDisk(
      dir,
      usage,
      `#/scenario/${SCENARIO}`,
    );
    await page.click('button.start');
    const alert = page.locator('[role="alert"]', { hasText: /full/ }).first();
    await alert.waitFor();
    await screenshot(page, 'storage-quota-start');
    expect(page.url()).toContain(`#/scenario/${SCENARIO}`);
    expect(await storedEvents(page, first)).toBe(0);
    expect(problems).toEqual([]);
    await context.close();
  });

  it('a language chosen on this device is there from the first paint after a reload', async () => {
    const context = await newContext(); // an English browser
    // Record the library heading as first rendered, before storage has opened.
    await context.addInitScript(`
      new MutationObserver((_, observer) => {
        const h1 = document.querySelector('main h1');
        if (h1) {
          window.__firstHeading = h1.textContent;
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    `);
    const { page, problems } = await openPage(context, `${served.url}/#/`);
    await settled(page);
    expect(await page.evaluate('window.__firstHeading')).toBe('Scenarios');
    await page.getByRole('button', { name: '日本語' }).click();
    await page.locator('main h1', { hasText: 'シナリオ' }).waitFor();
    await page.reload();
    await settled(page);
    expect(await page.evaluate('window.__firstHeading')).toBe('シナリオ');
    expect(await page.evaluate('document.documentElement.lang')).toBe('ja');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('without IndexedDB the app runs in memory and says progress will not survive a reload', async () => {
    const context = await newContext();
    await context.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      delete w.indexedDB;
      // Some engines keep it on the prototype; make sure it is gone either way.
      if (typeof w.indexedDB !== 'undefined')
        Object.defineProperty(window, 'indexedDB', { value: undefined });
    });
    const { page, problems } = await openPage(context, `${served.url}/#/`);
    await settled(page);
    const banner = page.locator('.banner.warn', { hasText: 'won’t survive a reload' });
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/Reason: .*private browsing/);
    expect(await banner.locator('button').textContent()).toMatch(/Export a backup/);
    // The drill still works in memory.
    await startDrill(page);
    await page.click('button[data-choice] >> nth=0');
    await page.waitForFunction(() =>
      document.querySelector('#situation-h')?.textContent?.includes('2'),
    );
    await screenshot(page, 'storage-memory-banner');
    expect(problems).toEqual([]);
    await context.close();
  });

  it('the same run in two tabs: the second is read-only, follows the first, and takes over when it closes', async () => {
    const context = await newContext();
    const { page: first, problems: firstProblems } = await openPage(context, `${served.url}/#/`);
    await settled(first);
    const runId = await startDrill(first);
    const { page: second, problems: secondProblems } = await openPage(
      context,
      `${served.url}/#/run/${runId}`,
    );
    await settled(second);
    const viewer = second.locator('.viewer');
    await viewer.waitFor();
    expect(await viewer.textContent()).toMatch(/read-only/);
    expect(
      await second.$$eval('button[data-choice]', (bs) =>
        bs.every((b) => (b as HTMLButtonElement).disabled),
      ),
    ).toBe(true);
    expect(await first.$('.viewer')).toBeNull();

    // The driver decides; the viewer follows.
    await first.click('button[data-choice] >> nth=0');
    await second.waitForFunction(() =>
      document.querySelector('#situation-h')?.textContent?.includes('2'),
    );
    expect(await screenText(second)).toContain(await first.locator('#situation-h').textContent());
    await screenshot(second, 'storage-two-tabs-viewer');

    // The driver's tab closes; the viewer becomes the driver and can decide.
    await first.close();
    await viewer.waitFor({ state: 'detached' });
    await second.click('button[data-choice] >> nth=0');
    await second.waitForFunction(() =>
      /3|ended|終/.test(document.querySelector('#situation-h')?.textContent ?? ''),
    );
    expect(await storedEvents(second, runId)).toBe(2);
    expect([...firstProblems, ...secondProblems]).toEqual([]);
    await context.close();
  });
});
