/** Team members and their roles (pure; tested). */
import type { Locale, Scenario } from '../../engine';

type Role = Scenario['roles'][number];

export interface Person {
  /** Stable key for the keyed list (names may repeat). */
  key: string;
  name: string;
  roleId: string;
}

export const MAX_PEOPLE = 12;

/** The role a person plays, if the scenario still has it. */
export function roleOf(roles: readonly Role[], person: Pick<Person, 'roleId'>): Role | undefined {
  return roles.find((r) => r.id === person.roleId);
}

/** How a person is recorded in the run's `participants` ("Aiko — Legal counsel"). */
export function participantLabel(roles: readonly Role[], person: Person, locale: Locale): string {
  const role = roleOf(roles, person);
  const roleName = role ? (role.name[locale] ?? role.name.en ?? role.name.ja ?? role.id) : '';
  const name = person.name.trim().slice(0, 60);
  return roleName ? `${name} — ${roleName}` : name;
}

/** The first role nobody has taken yet (roles may be shared once all are taken). */
export function nextFreeRole(roles: readonly Role[], people: readonly Person[]): string {
  const taken = new Set(people.map((p) => p.roleId));
  return (roles.find((r) => !taken.has(r.id)) ?? roles[0])?.id ?? '';
}
