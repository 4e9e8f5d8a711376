/**
 * The accessibility audit both a11y suites run: axe-core with the WCAG 2.1 A/AA rules, on a screen
 * that has rendered its heading and finished its entrance animations.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe violations on the settled page, as readable lines (rule, impact, first targets). */
export async function violations(page: Page): Promise<string[]> {
  await page.locator('main h1').first().waitFor();
  // Audit the settled screen: a feed item fading in is briefly low-contrast by design.
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity,
      ),
  );
  const result = await new AxeBuilder({ page: page as never }).withTags(TAGS).analyze();
  return result.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} — ${v.nodes
        .map((n) => n.target.join(' '))
        .slice(0, 3)
        .join(' | ')}`,
  );
}
