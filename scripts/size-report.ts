/**
 * Bundle-size report (`npm run size`): gzip size of every built chunk, and of the initial load of
 * the library screen — the entry script, everything it imports statically (Vite's modulepreload
 * list) and the CSS — against the budget. Exits 1 when the initial load is over budget.
 *
 * Usage: `npm run size` (builds first) or `tsx scripts/size-report.ts [distDir]`.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

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
const total = [...initial].reduce((s, f) => s + gz(f), 0);
console.log(
  `\ninitial load of the library screen (* above): ${kb(total).trim()} of ${kb(INITIAL_LOAD_BUDGET).trim()} budget`,
);
if (total > INITIAL_LOAD_BUDGET) {
  console.error('over budget: move code out of the initial chunks (lazy import) or shrink it');
  process.exitCode = 1;
}
