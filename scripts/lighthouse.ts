/**
 * Lighthouse budgets (`npm run lighthouse`): audits the built app served by `vite preview` with
 * Debian's Chromium, mobile defaults and simulated throttling, prints the category scores, and
 * exits 1 when one is under budget. Run `npm run build` first (or set FIREBREAK_DIST).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

/** Minimum category scores (0–1). */
export const BUDGETS = { performance: 0.98, accessibility: 1, 'best-practices': 0.95 } as const;

const PORT = 4317;
const dist = process.env.FIREBREAK_DIST ?? 'dist';
const chromePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const pages = ['/', '/#/history', '/#/settings'];

async function waitFor(url: string) {
  for (let i = 0; i < 150; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

const server = spawn(
  'npx',
  [
    'vite',
    'preview',
    '--port',
    String(PORT),
    '--strictPort',
    '--host',
    '127.0.0.1',
    '--outDir',
    dist,
  ],
  { stdio: 'ignore' },
);
let failed = false;
try {
  await waitFor(`http://127.0.0.1:${PORT}/`);
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-dev-shm-usage',
    ],
  });
  try {
    mkdirSync('test-results', { recursive: true });
    for (const page of pages) {
      const url = `http://127.0.0.1:${PORT}${page}`;
      const result = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: Object.keys(BUDGETS),
      });
      if (!result) throw new Error(`no Lighthouse result for ${url}`);
      const { categories } = result.lhr;
      const line = Object.entries(BUDGETS).map(([id, min]) => {
        const score = categories[id]?.score ?? 0;
        if (score < min) failed = true;
        return `${id} ${score.toFixed(2)}${score < min ? ` (budget ${min})` : ''}`;
      });
      console.log(`${page.padEnd(14)} ${line.join(', ')}`);
      writeFileSync(
        `test-results/lighthouse${page.replace(/[^a-z]+/g, '-')}.json`,
        JSON.stringify(result.lhr, null, 1),
      );
      for (const [id, cat] of Object.entries(categories))
        if ((cat.score ?? 0) < 1)
          for (const ref of cat.auditRefs) {
            const audit = result.lhr.audits[ref.id];
            if (audit && audit.score !== null && audit.score < 1 && ref.weight > 0)
              console.log(`    ${id}: ${audit.id} ${audit.score} ${audit.displayValue ?? ''}`);
          }
    }
  } finally {
    await chrome.kill();
  }
} finally {
  server.kill('SIGTERM');
}
if (failed) {
  console.error('Lighthouse: a category is under budget');
  process.exitCode = 1;
}
