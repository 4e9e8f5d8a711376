/**
 * Lighthouse budgets (`npm run lighthouse`): audits the built app served by `vite preview` with
 * Debian's Chromium, mobile defaults and simulated throttling, prints the category scores, and
 * exits 1 when one is under budget. Run `npm run build` first (or set FIREBREAK_DIST).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { launchBrowser } from './chromium';
import { servePreview } from './preview-server';

/** Minimum category scores (0–1). */
export const BUDGETS = { performance: 0.98, accessibility: 1, 'best-practices': 0.95 } as const;

const PORT = 4317;
const DEBUG_PORT = 9317;
const dist = process.env.FIREBREAK_DIST ?? 'dist';
/**
 * The screens a workshop opens first carry the performance budget. The briefing deep link is
 * measured and printed too, and held to the accessibility and best-practice budgets, but its
 * performance is not gated: it waits for the scenario's own chunk (~39 kB gzip of bilingual
 * content) and the compiler, and its median sits right at the budget (0.97–0.98, single runs
 * 0.92–0.99; see the README's Quality section), so gating it would fail on noise.
 */
const GATED = ['/', '/#/history', '/#/settings'];
const REPORTED = ['/#/scenario/quality-complaint'];
const pages = process.env.LIGHTHOUSE_PAGES?.split(',') ?? [...GATED, ...REPORTED];

/**
 * Runs per page. Simulated throttling still depends on the host's CPU, so one run on a busy
 * 2-core machine can swing a point or two; Lighthouse's own docs recommend the median of several
 * runs for a budget. Seven keeps the whole audit near three minutes.
 */
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 7);

/** The run with the median performance score. */
function medianRun(runs: RunnerResult[]): RunnerResult {
  const sorted = [...runs].sort(
    (a, b) =>
      (a.lhr.categories.performance?.score ?? 0) - (b.lhr.categories.performance?.score ?? 0),
  );
  return sorted[Math.floor(sorted.length / 2)]!;
}

const server = await servePreview(PORT, dist);
let failed = false;
try {
  // Lighthouse drives the browser over the DevTools protocol port; playwright-core only launches it.
  const chrome = await launchBrowser([`--remote-debugging-port=${DEBUG_PORT}`]);
  try {
    mkdirSync('test-results', { recursive: true });
    for (const page of pages) {
      const url = `${server.url}${page}`;
      const runs: RunnerResult[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(url, {
          port: DEBUG_PORT,
          output: 'json',
          logLevel: 'error',
          onlyCategories: Object.keys(BUDGETS),
        });
        if (!result) throw new Error(`no Lighthouse result for ${url}`);
        runs.push(result);
      }
      const result = medianRun(runs);
      const { categories } = result.lhr;
      const line = Object.entries(BUDGETS).map(([id, min]) => {
        const score = categories[id]?.score ?? 0;
        const gated = id !== 'performance' || !REPORTED.includes(page);
        if (score < min && gated) failed = true;
        return `${id} ${score.toFixed(2)}${score < min ? ` (budget ${min}${gated ? '' : ', not gated'})` : ''}`;
      });
      const spread = runs.map((r) => r.lhr.categories.performance?.score?.toFixed(2)).join(' ');
      console.log(`${page.padEnd(14)} ${line.join(', ')}  [performance runs: ${spread}]`);
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
    await chrome.close();
  }
} finally {
  await server.stop();
}
if (failed) {
  console.error('Lighthouse: a category is under budget');
  process.exitCode = 1;
}
