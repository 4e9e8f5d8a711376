/** Observer notes: tied to the node and simulated minute they were written at (pure; tested). */
import type { ObserverNote, RunSnapshot } from '../../engine';

export const NOTE_TAGS = [
  'strength',
  'improvement',
  'question',
] as const satisfies readonly ObserverNote['tag'][];
export const MAX_NOTE_LENGTH = 2000;

/** A new note at the run's current moment, or null when the text is empty. */
export function createNote(
  snapshot: RunSnapshot,
  tag: ObserverNote['tag'],
  text: string,
  at: number,
  id: string,
): ObserverNote | null {
  const clean = text.trim().slice(0, MAX_NOTE_LENGTH);
  if (!clean) return null;
  return {
    id,
    nodeId: snapshot.context.nodeId,
    clock: snapshot.context.clock,
    at,
    tag,
    text: clean,
  };
}

/** A short random id for a note. */
export function newNoteId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return `n-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
