/**
 * Focus management on screen changes: move focus to the new screen's `<h1>` so keyboard and
 * screen-reader users land at the top of what changed. Screens load lazily, so wait for the heading.
 */
export function focusHeading(root: ParentNode = document, timeoutMs = 3000): void {
  const started = performance.now();
  const attempt = () => {
    const h1 = root.querySelector<HTMLElement>('main h1');
    if (h1) {
      if (!h1.hasAttribute('tabindex')) h1.setAttribute('tabindex', '-1');
      h1.focus({ preventScroll: false });
      return;
    }
    if (performance.now() - started < timeoutMs) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
