/**
 * Hash routing: one URL per screen so a facilitator can send a link to a scenario or a debrief.
 * Parsing and formatting are pure functions (tested); `router` holds the current route as a rune.
 */

export type Route =
  | { name: 'library' }
  | { name: 'briefing'; id: string }
  | { name: 'run'; runId: string }
  | { name: 'debrief'; runId: string }
  | { name: 'history' }
  | { name: 'compare'; a: string; b: string }
  | { name: 'settings' }
  | { name: 'workshop'; id: string }
  | { name: 'console'; runId: string }
  | { name: 'present'; runId: string }
  | { name: 'handouts'; id: string }
  | { name: 'team'; id: string }
  | { name: 'not-found'; hash: string };

const SEGMENT = /^[A-Za-z0-9._-]{1,128}$/;

/** Parse `#/scenario/abc` into a route; anything unknown is `not-found`, never an exception. */
export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/^\/?/, '/');
  const parts = path
    .split('/')
    .filter((p) => p.length > 0)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return '';
      }
    });
  const ok = (...xs: (string | undefined)[]) => xs.every((x) => x !== undefined && SEGMENT.test(x));
  const [head, a, b] = parts;
  if (parts.length === 0) return { name: 'library' };
  if (head === 'scenario' && parts.length === 2 && ok(a)) return { name: 'briefing', id: a! };
  if (head === 'run' && parts.length === 2 && ok(a)) return { name: 'run', runId: a! };
  if (head === 'debrief' && parts.length === 2 && ok(a)) return { name: 'debrief', runId: a! };
  if (head === 'history' && parts.length === 1) return { name: 'history' };
  if (head === 'compare' && parts.length === 3 && ok(a, b))
    return { name: 'compare', a: a!, b: b! };
  if (head === 'settings' && parts.length === 1) return { name: 'settings' };
  if (head === 'workshop' && parts.length === 2 && ok(a)) return { name: 'workshop', id: a! };
  if (head === 'console' && parts.length === 2 && ok(a)) return { name: 'console', runId: a! };
  if (head === 'present' && parts.length === 2 && ok(a)) return { name: 'present', runId: a! };
  if (head === 'handouts' && parts.length === 2 && ok(a)) return { name: 'handouts', id: a! };
  if (head === 'team' && parts.length === 2 && ok(a)) return { name: 'team', id: a! };
  return { name: 'not-found', hash };
}

/** The hash of a route (`#/run/<id>`). */
export function hrefFor(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'library':
      return '#/';
    case 'briefing':
      return `#/scenario/${e(route.id)}`;
    case 'run':
      return `#/run/${e(route.runId)}`;
    case 'debrief':
      return `#/debrief/${e(route.runId)}`;
    case 'history':
      return '#/history';
    case 'compare':
      return `#/compare/${e(route.a)}/${e(route.b)}`;
    case 'settings':
      return '#/settings';
    case 'workshop':
      return `#/workshop/${e(route.id)}`;
    case 'console':
      return `#/console/${e(route.runId)}`;
    case 'present':
      return `#/present/${e(route.runId)}`;
    case 'handouts':
      return `#/handouts/${e(route.id)}`;
    case 'team':
      return `#/team/${e(route.id)}`;
    case 'not-found':
      return route.hash;
  }
}

let current = $state<Route>(parseHash(globalThis.location?.hash ?? ''));

/** The current route; `go()` changes the hash, and the hashchange listener updates `route`. */
export const router = {
  get route(): Route {
    return current;
  },
  /** Navigate to a route (adds a history entry, like following a link). */
  go(route: Route): void {
    const hash = hrefFor(route);
    if (typeof location !== 'undefined' && location.hash !== hash) location.hash = hash;
    current = route;
  },
  /** Re-read the location (called on `hashchange`). */
  sync(): void {
    current = parseHash(globalThis.location?.hash ?? '');
  },
};
