/**
 * Bundle-size report (`npm run size`): gzip size of every built chunk, and of the initial load of
 * the library screen — the entry script, everything it imports statically (Vite's modulepreload
 * list) and the CSS — against the budget. Exits 1 when the initial load is over budget.
 *
 * The static list can miss what the screen imports lazily at start-up (the Japanese dictionary, the
 * storage layer), so the report also loads the library screen in Chromium, in English and in
 * Japanese, and sums every script and stylesheet the page actually requested; the budget applies
 * to the largest of the three figures.
 *
 * Usage: `npm run size` (builds first) or `tsx scripts/size-report.ts [distDir]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchBrowser } from './chromium';
import { servePreview } from './preview-server';

/** Budget for the library screen's JS + CSS, gzip (issue 8). */
export const INITIAL_LOAD_BUDGET = 90 * 1024;

const dist = process.argv[2] ?? process.env.FIREBREAK_DIST ?? 'dist';
const gz = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1).padStart(7)} kB`;

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const refs = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="\/?([^"]+\.(?:js|css))"/g),
].map((m) => m[1]!);

// Follow static imports of the entry chunks, in case a chunk is not listed as modulepreload.
const initial = new Set<string>();
const visit = (file: string) => {
  if (initial.has(file)) return;
  initial.add(file);
  if (!file.endsWith('.js')) return;
  const code = readFileSync(join(dist, file), 'utf8');
  for (const m of code.matchAll(
    /(?:^|[;\n}])\s*import\s*(?:[\w*{}\s,$]+from\s*)?["']\.\/([^"']+\.js)["']/g,
  ))
    visit(`assets/${m[1]}`);
};
for (const r of refs) visit(r);

const files: string[] = [];
const walk = (dir: string) => {
  for (const name of readdirSync(join(dist, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(dist, rel)).isDirectory()) walk(rel);
    else if (/\.(js|css|json)$/.test(name)) files.push(rel);
  }
};
walk('');

console.log('chunk sizes (gzip):');
for (const f of files.sort((a, b) => gz(b) - gz(a)))
  console.log(`${kb(gz(f))}  ${initial.has(f) ? '*' : ' '} ${f}`);
const sum = (list: Iterable<string>) => [...list].reduce((s, f) => s + gz(f), 0);
const staticTotal = sum(initial);
console.log(
  `\ninitial load of the library screen (* above, static imports): ${kb(staticTotal).trim()}`,
);

/** The same-origin scripts and stylesheets the library screen requests until the network is idle. */
async function requestedByLibrary(locale: string): Promise<string[]> {
  const served = await servePreview(4318, dist);
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext({ locale, serviceWorkers: 'block' });
    const page = await context.newPage();
    const seen = new Set<string>();
    page.on('request', (req) => {
      const url = new URL(req.url());
      if (url.origin === served.url && /\.(js|css)$/.test(url.pathname))
        seen.add(url.pathname.replace(/^\//, ''));
    });
    await page.goto(`${served.url}/#/`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    return [...seen].sort();
  } finally {
    await browser.close();
    await served.stop();
  }
}

let total = staticTotal;
for (const locale of ['en-GB', 'ja-JP']) {
  const loaded = await requestedByLibrary(locale);
  const bytes = sum(loaded);
  total = Math.max(total, bytes);
  const extra = loaded.filter((f) => !initial.has(f));
  console.log(
    `initial load measured in Chromium (${locale}): ${kb(bytes).trim()} in ${loaded.length} files` +
      (extra.length > 0 ? ` (also lazy at start-up: ${extra.join(', ')})` : ''),
  );
}
console.log(
  `initial load against budget: ${kb(total).trim()} of ${kb(INITIAL_LOAD_BUDGET).trim()}`,
);
if (total > INITIAL_LOAD_BUDGET) {
  console.error('over budget: move code out of the initial chunks (lazy import) or shrink it');
  process.exitCode = 1;
}
