/**
 * A small retry helper for writes the UI must not give up on after one failure (a save mid-run
 * can fail once because the disk is momentarily busy or another tab is upgrading the database).
 */
import { errorKind } from './errors';
import type { StorageErrorKind } from './types';

export interface RetryOptions {
  /** Total tries, including the first (default 3). */
  attempts?: number;
  /** Wait before the second try in ms (default 250); doubles after each failure. */
  delayMs?: number;
  /** Which failures to retry; by default everything except `invalid` and `conflict`, which a retry cannot fix. */
  retryOn?: (kind: StorageErrorKind, error: unknown) => boolean;
  /** Called before each retry, e.g. to show "retrying…". */
  onRetry?: (attempt: number, error: unknown) => void;
  /** Injected for tests; defaults to `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
}

const defaultRetryOn = (kind: StorageErrorKind) => kind !== 'invalid' && kind !== 'conflict';
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Call `fn` until it resolves or the attempts run out; rejects with the last error (unchanged,
 * so a `StorageError` keeps its kind). Example: `await retrying(() => repo.saveRun(run), { attempts: 3 })`.
 */
export async function retrying<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const retryOn = options.retryOn ?? defaultRetryOn;
  const sleep = options.sleep ?? defaultSleep;
  let delay = options.delayMs ?? 250;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || !retryOn(errorKind(err), err)) throw err;
      options.onRetry?.(attempt, err);
      await sleep(delay);
      delay *= 2;
    }
  }
}
