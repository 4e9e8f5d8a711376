/**
 * Sign-off on a statement (legal or executive approval before it goes out) — the adapter between the
 * UI and the engine.
 *
 * The real trade-off is simulated time: waiting for approval makes the statement later while the
 * crisis grows. Simulated time may only come from the engine (scoring is a pure function of the
 * scenario and the log), and the engine has no way yet to add minutes to a decision, so today this
 * adapter only RECORDS the sign-off with the decision (a `[sign-off: legal+executive]` tag at the
 * start of the rationale, readable in the debrief and the exported log) and
 * `ENGINE_APPLIES_SIGNOFF` is false: the UI says plainly that no simulated time is charged.
 *
 * Engine change requested (see the issue note): `TeamInput.signoff?: RoleKind[]` on `choice.select`,
 * with the minutes per role from an optional scenario field `signoff: { legal: 30, executive: 20 }`;
 * the machine adds them to the chosen outcome's minutes (the model advances over them) when the
 * choice publishes a statement. When it lands, `withSignoff` sets that field instead of the tag and
 * the flag flips to true — no component changes.
 */
import type { RunEvent, Scenario } from '../../engine';

export const SIGNOFF_ROLES = ['legal', 'executive'] as const;
export type SignoffRole = (typeof SIGNOFF_ROLES)[number];

/** Proposed default cost of each sign-off in simulated minutes (shown as the trade-off). */
export const SIGNOFF_MINUTES: Record<SignoffRole, number> = { legal: 30, executive: 20 };

/** Whether the engine charges simulated time for a sign-off (not yet; see above). */
export const ENGINE_APPLIES_SIGNOFF = false;

const TAG = /^\[sign-off: [a-z+]+\]\s*/;

/** Sign-off roles the scenario has someone for (no legal role, no legal sign-off to wait for). */
export function signoffRolesOf(scenario: Pick<Scenario, 'roles'>): SignoffRole[] {
  return SIGNOFF_ROLES.filter((r) => scenario.roles.some((role) => role.kind === r));
}

/** Total simulated minutes the chosen sign-offs would cost. */
export function signoffMinutes(roles: readonly SignoffRole[]): number {
  return roles.reduce((sum, r) => sum + SIGNOFF_MINUTES[r], 0);
}

type Select = Extract<RunEvent, { type: 'choice.select' }>;

/**
 * Record a sign-off on a decision event. Only a choice that publishes a statement can wait for one;
 * for other choices the event is returned unchanged.
 */
export function withSignoff(
  event: Select,
  roles: readonly SignoffRole[],
  publishesStatement: boolean,
): Select {
  if (roles.length === 0 || !publishesStatement) return event;
  const tag = `[sign-off: ${[...new Set(roles)].sort().join('+')}]`;
  const rest = (event.rationale ?? '').replace(TAG, '');
  return { ...event, rationale: `${tag} ${rest}`.trim().slice(0, 2000) };
}

/** The sign-off recorded in a rationale, if any. */
export function signoffOf(rationale: string | undefined): SignoffRole[] {
  const m = rationale?.match(/^\[sign-off: ([a-z+]+)\]/);
  if (!m) return [];
  return m[1]!
    .split('+')
    .filter((r): r is SignoffRole => (SIGNOFF_ROLES as readonly string[]).includes(r));
}
