/**
 * Debian's Chromium driven by playwright-core (no browser can be downloaded here), shared by the
 * end-to-end tests, the size report and the Lighthouse audit.
 */
import { chromium, type Browser } from 'playwright-core';

/** The browser binary: `CHROME_PATH`, else Debian's `chromium` package. */
export const CHROMIUM_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

/** Flags this sandbox needs: no sandboxing as root, no GPU, no background network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Launch headless Chromium; `extraArgs` are appended (e.g. a remote-debugging port). */
export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}
