/**
 * Render the app icons in `public/` from their SVG sources with Debian's Chromium (the same
 * browser the end-to-end tests drive), so the PNGs the web app manifest and iOS need are made
 * here rather than copied. Run after changing `public/favicon.svg` or `public/icon-maskable.svg`:
 * `npx tsx scripts/make-icons.ts`, then commit the PNGs.
 */
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICONS = [
  // "any" purpose: the favicon's rounded square, transparent corners.
  { source: 'public/favicon.svg', out: 'public/icon-192.png', size: 192 },
  { source: 'public/favicon.svg', out: 'public/icon-512.png', size: 512 },
  // "maskable": full-bleed background, the letter inside the 80 % safe circle.
  { source: 'public/icon-maskable.svg', out: 'public/icon-maskable-512.png', size: 512 },
  // iOS rounds the corners itself and shows transparency as black: use the full-bleed one.
  { source: 'public/icon-maskable.svg', out: 'public/apple-touch-icon.png', size: 180 },
];

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const icon of ICONS) {
    await page.setViewportSize({ width: icon.size, height: icon.size });
    const svg = readFileSync(icon.source, 'utf8').replace(
      '<svg ',
      `<svg width="${icon.size}" height="${icon.size}" `,
    );
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${svg}`,
    );
    await page.screenshot({ path: icon.out, omitBackground: true });
    console.log(`${icon.out} (${icon.size}×${icon.size})`);
  }
} finally {
  await browser.close();
}
