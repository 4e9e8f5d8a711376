/**
 * The hostile scenario fixture and the checks every screen that shows its texts must pass, shared
 * by hostile-scenario.e2e.ts (library, briefing, live, debrief) and hostile-workshop.e2e.ts (team
 * drill, handouts, workshop, console, presenter, history, compare).
 */
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS } from './harness';

export const FIXTURE = 'tests/fixtures/hostile/hostile-texts.yaml';
export const ID = 'hostile-texts';
/** Every payload in the fixture; each would set this window property if it ever ran. */
export const MARKER = '__firebreakPwned';
export const PAYLOADS = [
  '<img src=x onerror=window.__firebreakPwned=1>',
  '<script>window.__firebreakPwned=2</script>',
  '<a href=javascript:window.__firebreakPwned=3>open</a>',
  'javascript:window.__firebreakPwned=4',
  '<svg onload=window.__firebreakPwned=5></svg>',
  'report\u202Efdp.exe',
];

export const VIEWPORTS = [
  ['phone', { width: 390, height: 844 }],
  ['desktop', { width: 1440, height: 900 }],
] as const;

/** Import the fixture through the library's import control and wait for its card. */
export async function importFixture(page: Page): Promise<Locator> {
  // The library paints before storage opens; import is enabled once it has.
  const input = page.locator('section[aria-labelledby="import-h"] input[type="file"]:enabled');
  await input.waitFor({ state: 'attached' });
  await input.setInputFiles(FIXTURE);
  await page.locator('section[aria-labelledby="import-h"] .ok').waitFor();
  const card = page.locator('article.scenario', {
    has: page.locator(`a[href="#/scenario/${ID}"]`),
  });
  await card.waitFor();
  return card;
}

/**
 * Nothing from the scenario became markup or ran: no image, frame or inline script, no event
 * handler attribute, no `javascript:` URL anywhere in the DOM, and the marker was never set.
 */
export async function expectInert(page: Page, where: string): Promise<void> {
  const found = await page.evaluate((marker) => {
    const bad: string[] = [];
    for (const el of document.querySelectorAll('*')) {
      const tag = el.tagName.toLowerCase();
      if (['img', 'iframe', 'object', 'embed', 'image'].includes(tag)) bad.push(`<${tag}>`);
      if (tag === 'script' && !el.hasAttribute('src')) bad.push('inline <script>');
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) bad.push(`<${tag} ${a.name}>`);
        if (/^\s*javascript:/i.test(a.value)) bad.push(`<${tag} ${a.name}="${a.value}">`);
      }
    }
    if (marker in window) bad.push(`window.${marker} was set`);
    return bad;
  }, MARKER);
  expect(found, where).toEqual([]);
}

/** The payloads are on screen as plain text, character for character. */
export async function expectLiteral(page: Page, where: string): Promise<void> {
  const text = (await page.locator('main').textContent()) ?? '';
  for (const p of PAYLOADS) expect(text, `${where}: ${JSON.stringify(p)}`).toContain(p);
}

/**
 * The page never scrolls sideways (a 10,000-character unbroken run must wrap). On failure, name
 * the outermost elements that stick out of their container, to say which rule needs a fix.
 */
export async function expectNoOverflow(page: Page, where: string): Promise<void> {
  const found = await page.evaluate(() => {
    const viewport = window.innerWidth;
    const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
    if (width <= viewport) return { width, viewport, culprits: [] };
    const sticksOut = (el: Element): boolean => {
      const box = el.getBoundingClientRect();
      const parent = el.parentElement!.getBoundingClientRect();
      const ownText = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim());
      // Wider than its container, or its own text runs past its box.
      return box.right > parent.right + 1 || (ownText && el.scrollWidth > el.clientWidth + 1);
    };
    const wide = [...document.querySelectorAll('body *')].filter((el) => {
      const box = el.getBoundingClientRect();
      return Math.max(box.right, box.left + el.scrollWidth) > viewport + 1 && sticksOut(el);
    });
    const culprits = wide
      .filter((el) => !wide.some((other) => other !== el && other.contains(el)))
      .slice(0, 5)
      .map(
        (el) =>
          `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} in ${el.parentElement!.tagName.toLowerCase()}.${[...el.parentElement!.classList].join('.')}`,
      );
    return { width, viewport, culprits };
  });
  // Soft: carry on to the next screens so one run lists every component that needs a fix.
  expect.soft(found.culprits, `${where}: sticking out`).toEqual([]);
  expect.soft(found.width, `${where}: page width`).toBeLessThanOrEqual(found.viewport);
}

/**
 * A right-to-left override in one scenario text never reverses any other text: in every text node
 * without a bidi control character of its own, two neighbouring letters read left to right.
 */
export async function expectNoBidiSpill(page: Page, where: string): Promise<void> {
  const reversed = await page.evaluate(() => {
    const bidiControl = /[\u202a-\u202e\u2066-\u2069\u200e\u200f]/;
    const out: string[] = [];
    const walker = document.createTreeWalker(document.querySelector('main')!, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent!;
      if (bidiControl.test(text)) continue;
      let i = 0;
      while (i + 1 < text.length && !(/\S/.test(text[i]!) && /\S/.test(text[i + 1]!))) i++;
      if (i + 1 >= text.length) continue;
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const a = range.getBoundingClientRect();
      range.setStart(node, i + 1);
      range.setEnd(node, i + 2);
      const b = range.getBoundingClientRect();
      if (a.width === 0 || b.width === 0 || Math.abs(a.top - b.top) > 2) continue;
      if (b.left < a.left) out.push(text.slice(0, 40));
    }
    return out;
  });
  expect.soft(reversed, `${where}: text reversed by another text's override`).toEqual([]);
}

/** Every check above, then a screenshot of the top of the page or of `target`. */
export async function expectSafe(page: Page, where: string, target?: Locator): Promise<void> {
  await expectInert(page, where);
  await expectLiteral(page, where);
  await expectNoOverflow(page, where);
  await expectNoBidiSpill(page, where);
  await shoot(page, where, target);
}

/** One screenful (the whole page is hundreds of screens tall): the top, or around `target`. */
async function shoot(page: Page, where: string, target?: Locator): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  if (target) await target.scrollIntoViewIfNeeded();
  else await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${ARTIFACTS}/hostile-${where}.png` });
}
