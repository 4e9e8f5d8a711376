/**
 * One driving tab per run. The tab holding the Web Lock `firebreak-run-<id>` drives the run;
 * others open it as viewers (read-only) and queue for the lock, so when the driving tab closes or
 * crashes the browser releases its lock and the first viewer is promoted. Saves are announced on
 * `BroadcastChannel('firebreak')` so viewers refresh. Where either API is missing the tab drives
 * (there is no way to tell, and refusing to let a lone tab play would be worse).
 */
import type { RunLease } from './types';

/** The name of the BroadcastChannel every Firebreak tab shares. */
export const CHANNEL_NAME = 'firebreak';

/** The Web Lock name of a run. */
export const lockName = (runId: string): string => `firebreak-run-${runId}`;

/** The message a driver posts after each successful save. */
export interface RunSavedMessage {
  type: 'run.saved';
  runId: string;
  /** The posting tab, so a tab ignores its own messages (a real BroadcastChannel does not echo them, fakes may). */
  from: string;
  at: number;
}

/** The part of `LockManager` used here (Web Locks). */
export interface LockManagerLike {
  request(
    name: string,
    options: { ifAvailable?: boolean; signal?: AbortSignal; mode?: 'exclusive' | 'shared' },
    callback: (lock: unknown) => unknown,
  ): Promise<unknown>;
}

/** The part of `BroadcastChannel` used here. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** Where the lease gets its browser APIs; injected in tests. */
export interface LockEnvironment {
  locks: LockManagerLike | null;
  createChannel: (() => ChannelLike) | null;
  /** Identifies this tab in broadcast messages. */
  tabId: string;
}

/** The real browser's Web Locks and BroadcastChannel, or null for what is missing. */
export function browserLockEnvironment(): LockEnvironment {
  const nav =
    typeof navigator !== 'undefined'
      ? (navigator as Navigator & { locks?: LockManagerLike })
      : undefined;
  return {
    locks: nav?.locks ?? null,
    createChannel:
      typeof BroadcastChannel !== 'undefined'
        ? () => new BroadcastChannel(CHANNEL_NAME) as ChannelLike
        : null,
    tabId:
      typeof crypto !== 'undefined' && 'randomUUID' in crypto
        ? crypto.randomUUID()
        : String(Math.random()).slice(2),
  };
}

/**
 * Claim a run for this tab. Resolves with the lease once the role is known: `driver` if no other
 * tab drives the run, else `viewer` (which is promoted, with `onRoleChange('driver')`, when the
 * driving tab goes away — re-read the run with `getRun` before driving, the old driver may have
 * saved last). Call `notifySaved()` after each successful save and `release()` on leaving the run.
 * Never rejects: if the lock API fails, the tab drives.
 */
export async function claimRun(
  runId: string,
  env: LockEnvironment = browserLockEnvironment(),
): Promise<RunLease> {
  const name = lockName(runId);
  const roleListeners = new Set<(role: 'driver' | 'viewer') => void>();
  const updateListeners = new Set<() => void>();
  const abort = new AbortController();
  let role: 'driver' | 'viewer' = 'driver';
  let released = false;
  let letGo: (() => void) | null = null;
  // The lock is held for as long as this promise is pending; resolving it releases the lock.
  const holdUntilReleased = () =>
    new Promise<void>((resolve) => {
      letGo = resolve;
    });

  let channel: ChannelLike | null = null;
  try {
    channel = env.createChannel?.() ?? null;
  } catch {
    channel = null;
  }
  channel?.addEventListener('message', (event) => {
    const m = event.data as Partial<RunSavedMessage> | null;
    if (released || m?.type !== 'run.saved' || m.runId !== runId || m.from === env.tabId) return;
    for (const listener of [...updateListeners]) listener();
  });

  if (env.locks) {
    const locks = env.locks;
    try {
      const acquired = await new Promise<boolean>((resolve, reject) => {
        locks
          .request(name, { ifAvailable: true }, (lock) => {
            if (!lock) {
              resolve(false);
              return undefined;
            }
            resolve(true);
            return holdUntilReleased();
          })
          .catch(reject);
      });
      role = acquired ? 'driver' : 'viewer';
      if (!acquired) {
        // Queue for the lock: granted when the driving tab releases it or closes.
        locks
          .request(name, { signal: abort.signal }, (lock) => {
            if (released || !lock) return undefined;
            role = 'driver';
            for (const listener of [...roleListeners]) listener('driver');
            return holdUntilReleased();
          })
          .catch(() => {
            // AbortError after release(): nothing to do.
          });
      }
    } catch {
      role = 'driver';
    }
  }

  return {
    runId,
    get role() {
      return role;
    },
    onRoleChange(listener) {
      roleListeners.add(listener);
      return () => roleListeners.delete(listener);
    },
    onRemoteUpdate(listener) {
      updateListeners.add(listener);
      return () => updateListeners.delete(listener);
    },
    notifySaved() {
      if (released || role !== 'driver') return;
      const message: RunSavedMessage = {
        type: 'run.saved',
        runId,
        from: env.tabId,
        at: Date.now(),
      };
      try {
        channel?.postMessage(message);
      } catch {
        // A closed channel only means viewers refresh later; the save itself succeeded.
      }
    },
    release() {
      if (released) return;
      released = true;
      abort.abort();
      (letGo as (() => void) | null)?.();
      roleListeners.clear();
      updateListeners.clear();
      channel?.close();
    },
  };
}
