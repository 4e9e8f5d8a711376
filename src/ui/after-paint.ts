/**
 * Run `fn` once, after the browser has shown the first contentful paint: the first screen reaches
 * the user before start-up work (opening storage) fetches and evaluates its chunks on the main
 * thread.
 *
 * Where paint timing is not observable (tests, older browsers) `fn` runs in the next task. A tab
 * opened in the background never paints, so `fn` also runs after `fallbackMs` at the latest.
 */
export function afterFirstPaint(fn: () => void, fallbackMs = 1000): void {
  const painted = () => performance.getEntriesByName('first-contentful-paint').length > 0;
  const observable =
    typeof PerformanceObserver !== 'undefined' &&
    PerformanceObserver.supportedEntryTypes?.includes('paint');
  if (!observable || painted()) {
    setTimeout(fn, 0);
    return;
  }
  let done = false;
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length > 0) setTimeout(run, 0);
  });
  const fallback = setTimeout(run, fallbackMs);
  function run() {
    if (done) return;
    done = true;
    observer.disconnect();
    clearTimeout(fallback);
    fn();
  }
  observer.observe({ type: 'paint' });
}
