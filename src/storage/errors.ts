/**
 * Turning whatever IndexedDB / localforage throws into a `StorageError` whose `kind` the UI can
 * show in plain words. Browsers disagree on names and codes, so the mapping looks at several.
 */
import { StorageError, type StorageErrorKind } from './types';

const QUOTA_NAMES = new Set(['QuotaExceededError', 'NS_ERROR_DOM_QUOTA_REACHED']);
// Errors that mean "this browser will not let us use IndexedDB here" rather than "this write failed".
const UNAVAILABLE_NAMES = new Set([
  'InvalidStateError',
  'SecurityError',
  'NotFoundError',
  'VersionError',
  'UnknownError',
  'NotAllowedError',
]);

/** The kind of a thrown value: quota, unavailable, or unknown (already-mapped errors keep theirs). */
export function errorKind(err: unknown): StorageErrorKind {
  if (err instanceof StorageError) return err.kind;
  const e = err as { name?: unknown; code?: unknown; message?: unknown } | null;
  const name = typeof e?.name === 'string' ? e.name : '';
  const message = typeof e?.message === 'string' ? e.message : typeof err === 'string' ? err : '';
  // Legacy WebKit reports quota as DOMException code 22 (or 1014 in old Firefox).
  if (QUOTA_NAMES.has(name) || e?.code === 22 || e?.code === 1014 || /quota/i.test(message))
    return 'quota';
  if (name === 'DataCloneError') return 'invalid';
  if (
    UNAVAILABLE_NAMES.has(name) ||
    /no available storage method|indexeddb|database connection is closing|not allowed/i.test(
      message,
    )
  )
    return 'unavailable';
  return 'unknown';
}

const MESSAGES: Record<StorageErrorKind, string> = {
  quota:
    "The browser's storage for this site is full, so the latest change was not saved. Everything saved before it is still there. Export a backup file, then free some space.",
  unavailable:
    'The browser would not let Firebreak use its storage just now, so the latest change was not saved. Everything saved before it is still there. Export a backup file to keep this run.',
  conflict: 'This run was changed in another tab, so this tab did not overwrite it.',
  invalid: 'The data to save was not valid, so it was not saved.',
  unknown:
    'Saving failed for an unexpected reason. Everything saved before it is still there. Try again, or export a backup file.',
};

/**
 * Map a thrown value to a `StorageError` with a plain-words message (the UI may show `message`
 * as-is). `action` names what was being done, e.g. "saving the run", for the log.
 */
export function toStorageError(err: unknown, action: string): StorageError {
  if (err instanceof StorageError) return err;
  const kind = errorKind(err);
  const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  const error = new StorageError(kind, MESSAGES[kind], err);
  // Keep the technical detail reachable for the console without putting it in front of users.
  Object.defineProperty(error, 'detail', { value: `${action}: ${detail}`, enumerable: false });
  return error;
}

/** The plain-words message for a kind, for screens that only have the kind. */
export function messageFor(kind: StorageErrorKind): string {
  return MESSAGES[kind];
}
