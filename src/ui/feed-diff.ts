/** What changed in the feed across one decision: items that appeared and items that were deleted. */
import type { FeedEntry } from '../engine';

export interface FeedDiff {
  added: ReadonlySet<string>;
  deleted: ReadonlySet<string>;
}

export const NO_CHANGE: FeedDiff = { added: new Set(), deleted: new Set() };

/** Compare the feed before and after a decision (pure; sets are never mutated afterwards). */
export function diffFeed(before: readonly FeedEntry[], after: readonly FeedEntry[]): FeedDiff {
  const seen = new Set(before.map((f) => f.id));
  const wasDeleted = new Set(before.filter((f) => f.deletedAt !== null).map((f) => f.id));
  return {
    added: new Set(after.filter((f) => !seen.has(f.id)).map((f) => f.id)),
    deleted: new Set(
      after.filter((f) => f.deletedAt !== null && !wasDeleted.has(f.id)).map((f) => f.id),
    ),
  };
}
