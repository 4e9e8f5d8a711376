/**
 * Offline after the first visit (issue 8): the built app, served by `vite preview`, installs its
 * service worker; then the server is stopped and the browser goes offline, the page reloads from
 * the precache, every built-in scenario still opens, and one is played to the debrief.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, playToEnding } from './harness';

const PORT = Number(process.env.FIREBREAK_OFFLINE_PORT ?? 4874);
const SCENARIO = 'billing-error';

const OUT_DIR = process.env.FIREBREAK_DIST ?? 'dist';
const url = `http://127.0.0.1:${PORT}`;

let server: ChildProcess | undefined;
let browser: Browser;

/**
 * `vite preview` run by node itself rather than through npx, so that stopping it really closes
 * the port (this test needs the server gone, not just the browser's network switched off).
 */
async function startServer(): Promise<void> {
  const vite = 'node_modules/vite/bin/vite.js';
  const args = ['preview', '--port', String(PORT), '--strictPort', '--host', '127.0.0.1'];
  server = spawn(process.execPath, [vite, ...args, '--outDir', OUT_DIR], { stdio: 'ignore' });
  for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`vite preview did not come up on ${url}`);
}

async function stopServer(): Promise<void> {
  const child = server;
  server = undefined;
  if (!child || child.exitCode !== null) return;
  await new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

beforeAll(async () => {
  await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await stopServer();
});

describe('offline', () => {
  it('reloads and plays a built-in scenario to the debrief with no network', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const { page, problems } = await openPage(context, `${url}/#/`);
    await page.locator('main h1').waitFor();

    // The manifest makes it installable: linked, parsed, with the icons Chrome asks for.
    const manifestHref = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifest = await (await fetch(new URL(manifestHref!, url))).json();
    expect(manifest).toMatchObject({ name: expect.any(String), display: 'standalone' });
    const sizes = manifest.icons.map((i: { sizes: string }) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));

    // Wait until the worker has installed (precached everything) and controls this page.
    await page.waitForFunction(
      () => navigator.serviceWorker?.controller?.state === 'activated',
      null,
      {
        timeout: 60_000,
      },
    );
    const scenarioIds = await page
      .locator('a[href^="#/scenario/"]')
      .evaluateAll((as) => [...new Set(as.map((a) => a.getAttribute('href')!.slice(11)))]);
    expect(scenarioIds).toContain(SCENARIO);

    // Really offline: no server behind the page, and the browser's network switched off.
    await stopServer();
    await expect(fetch(url)).rejects.toThrow();
    await context.setOffline(true);

    await page.reload();
    await page.locator('main h1').waitFor();
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);

    // Every built-in scenario's lazy chunk comes from the precache.
    for (const id of scenarioIds) {
      await page.goto(`${url}/#/scenario/${id}`);
      await page.locator('button.start').waitFor();
    }

    await page.goto(`${url}/#/scenario/${SCENARIO}`);
    await page.locator('button.start').click();
    await page.locator('button.choice').first().waitFor();
    await playToEnding(page);
    await page.locator('.ending a.btn').click();
    await page.locator('.report').waitFor();
    expect(await page.locator('.report').textContent()).toMatch(/\S/);

    expect(problems).toEqual([]);
    await context.close();
  });
});
