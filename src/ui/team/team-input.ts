/**
 * A team's deliberation on one decision — how many agreed out of how many voted, and how confident
 * they were — turned into the `team` field of a `choice.select` event (pure; tested). Recorded for
 * the debrief's discussion (split votes, confident wrong calls), never scored.
 */
import type { Confidence, TeamInput } from '../../engine';

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const satisfies readonly Confidence[];
/** A team round one screen: more voters than this is a typing slip, not a team. */
export const MAX_VOTERS = 50;

/** What the capture form holds while the team deliberates. */
export interface TeamDraft {
  agreed: number | null;
  voters: number | null;
  confidence: Confidence | null;
}

export const emptyDraft = (voters: number | null = null): TeamDraft => ({
  agreed: null,
  voters,
  confidence: null,
});

const count = (n: number | null): number | undefined =>
  n === null || !Number.isFinite(n) ? undefined : Math.max(0, Math.min(MAX_VOTERS, Math.round(n)));

/**
 * The event's `team` field from a draft, or undefined when nothing was captured. Agreement never
 * exceeds the number of voters (a slip is clamped, not rejected: the decision must still go through).
 */
export function toTeamInput(draft: TeamDraft): TeamInput | undefined {
  const voters = count(draft.voters);
  let agreed = count(draft.agreed);
  if (agreed !== undefined && voters !== undefined) agreed = Math.min(agreed, voters);
  const input: TeamInput = {
    ...(agreed !== undefined ? { agreed } : {}),
    ...(voters !== undefined && voters > 0 ? { voters } : {}),
    ...(draft.confidence ? { confidence: draft.confidence } : {}),
  };
  return Object.keys(input).length > 0 ? input : undefined;
}

/** True when the vote was split (not unanimous, with at least two voters). */
export function isSplit(input: TeamInput | undefined): boolean {
  return (
    input?.agreed !== undefined &&
    input.voters !== undefined &&
    input.voters >= 2 &&
    input.agreed < input.voters
  );
}
