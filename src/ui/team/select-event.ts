/**
 * The `choice.select` event of a decision with what the team recorded alongside it — rationale,
 * vote and confidence, sign-off — shared by the team drill's live screen and the facilitator
 * console (pure; tested).
 */
import type { RunEvent, TeamInput } from '../../engine';
import { withSignoff, type SignoffRole } from './signoff';

export type SelectEvent = Extract<RunEvent, { type: 'choice.select' }>;

export interface DecisionDetails {
  rationale?: string;
  team?: TeamInput;
  signoff?: readonly SignoffRole[];
}

export const MAX_RATIONALE = 2000;

export function selectEvent(
  choiceId: string,
  at: number,
  details: DecisionDetails,
  publishesStatement: boolean,
): SelectEvent {
  const text = details.rationale?.trim();
  return withSignoff(
    {
      type: 'choice.select',
      choiceId,
      at,
      ...(text ? { rationale: text.slice(0, MAX_RATIONALE) } : {}),
      ...(details.team ? { team: details.team } : {}),
    },
    details.signoff ?? [],
    publishesStatement,
  );
}
