/**
 * End-to-end harness: serves the built app with `vite preview` and drives Debian's Chromium
 * through playwright-core (no browser download is possible here). Every page fails the test on a
 * console error or a Content-Security-Policy violation.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser } from '../../scripts/chromium';
import { servePreview, type Served } from '../../scripts/preview-server';

export const ARTIFACTS = 'test-results';

export { servePreview, type Served } from '../../scripts/preview-server';
export { CHROMIUM_ARGS, CHROMIUM_PATH, launchBrowser } from '../../scripts/chromium';

/**
 * The built app served on `port` and one Chromium, for the tests of one file: started in a
 * `beforeAll`, and in an `afterAll` the browser is closed, then the server stopped. Read `url` and
 * `browser` inside tests and later hooks; before the start they throw.
 */
export function serveApp(port: number): { readonly url: string; readonly browser: Browser } {
  let served: Served | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    served = await servePreview(port);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await served?.stop();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the app and Chromium start in beforeAll');
    return value;
  };
  return {
    get url() {
      return started(served).url;
    },
    get browser() {
      return started(browser);
    },
  };
}

/**
 * A new page that records console errors, page errors and CSP violations into `problems`;
 * call `expect(problems).toEqual([])` at the end of a test.
 */
export async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; problems: string[] }> {
  const problems: string[] = [];
  const page = await context.newPage();
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  await page.exposeFunction('__reportCspViolation', (text: string) =>
    problems.push(`CSP violation: ${text}`),
  );
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation(t: string): void }).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  await page.goto(url);
  return { page, problems };
}

/** Save a screenshot under test-results/ (kept as a CI artefact, never committed). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: `${ARTIFACTS}/${name}.png`, fullPage: true });
}

/** On the live screen, take the first choice and wait for the next situation (or the ending). */
export async function takeFirstChoice(page: Page): Promise<void> {
  const before = await page.locator('#situation-h').textContent();
  await page.locator('button.choice').first().click();
  await page.waitForFunction(
    (b) => document.querySelector('#situation-h')?.textContent !== b,
    before,
  );
}

/**
 * On the live screen, take the first choice at every decision until the run reaches its ending
 * (at most 20 decisions), waiting for each next situation rather than for a fixed time.
 */
export async function playToEnding(page: Page): Promise<void> {
  for (let i = 0; i < 20 && (await page.locator('button.choice').count()) > 0; i++)
    await takeFirstChoice(page);
}
