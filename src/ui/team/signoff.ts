/**
 * Sign-off on a statement (legal or executive approval before it goes out): which roles a scenario
 * offers, and how the choice is put on the decision event. The engine charges the simulated time
 * (the scenario's `signoff` minutes per role), so the crisis moves on while the team waits — the
 * trade-off between speed and accuracy the source material describes.
 */
import { SIGNOFF_ROLES, type RunEvent, type Scenario, type SignoffRole } from '../../engine';

export { SIGNOFF_ROLES, type SignoffRole };

/** Sign-off roles the scenario has someone for (no legal role, no legal sign-off to wait for). */
export function signoffRolesOf(scenario: Pick<Scenario, 'roles'>): SignoffRole[] {
  return SIGNOFF_ROLES.filter((r) => scenario.roles.some((role) => role.kind === r));
}

type Select = Extract<RunEvent, { type: 'choice.select' }>;

/**
 * Put a sign-off on a decision event. Only a choice that publishes a statement can wait for one;
 * for other choices (and no roles) the event is returned unchanged.
 */
export function withSignoff(
  event: Select,
  roles: readonly SignoffRole[],
  publishesStatement: boolean,
): Select {
  if (roles.length === 0 || !publishesStatement) return event;
  return { ...event, signoff: SIGNOFF_ROLES.filter((r) => roles.includes(r)) };
}
