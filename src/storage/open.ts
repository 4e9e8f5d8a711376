/**
 * Opening the best repository this browser allows. IndexedDB is probed with a real open and a
 * test write, because private modes and blocked storage often expose `indexedDB` and only fail
 * on use; when the probe fails the app gets the memory repository and a reason to show.
 */
import { createMemoryRepository } from './memory';
import { errorKind } from './errors';
import { createRepository } from './repository';
import {
  openLocalforageStores,
  type KeyValueStore,
  type LocalforageLike,
  type StoreName,
} from './stores';
import type { FirebreakRepository } from './types';

/** The key the probe writes and removes; it never collides with the settings record. */
const PROBE_KEY = '__firebreak-probe__';

export interface OpenOptions {
  /** Give up on IndexedDB after this long (a database blocked by another tab can hang; default 8 s). */
  timeoutMs?: number;
  /** Create each store's localforage instance; injected in tests to simulate a failing driver. */
  createInstance?: (storeName: StoreName) => LocalforageLike;
  now?: () => number;
}

/**
 * Open the IndexedDB repository or reject with a plain-words reason. Most callers want
 * `openRepository()`, which never rejects.
 */
export async function openPersistentRepository(
  options: OpenOptions = {},
): Promise<FirebreakRepository> {
  if (typeof indexedDB === 'undefined' && !options.createInstance) throw new Error(REASONS.missing);
  const timeoutMs = options.timeoutMs ?? 8000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(REASONS.timeout)), timeoutMs);
  });
  try {
    const stores = await Promise.race([openLocalforageStores(options.createInstance), timeout]);
    await Promise.race([probe(stores.settings), timeout]);
    return createRepository(stores, {
      mode: 'persistent',
      ...(options.now ? { now: options.now } : {}),
    });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Write, read back and remove a probe value. A full disk is not a broken store: what is already
 * saved still reads, so a quota error here opens the real repository anyway (falling back to memory
 * would hide every saved run), and the first save that does not fit reports "storage is full".
 */
async function probe(store: KeyValueStore): Promise<void> {
  const stamp = Date.now();
  try {
    await store.set(PROBE_KEY, stamp);
  } catch (err) {
    if (errorKind(err) === 'quota') return;
    throw err;
  }
  if ((await store.get(PROBE_KEY)) !== stamp) throw new Error('the test write did not read back');
  await store.remove(PROBE_KEY);
}

const REASONS = {
  missing:
    'This browser does not offer storage to this page (private browsing, or storage is turned off), so progress is kept in memory only and will not survive a reload. Export a backup to keep it.',
  timeout:
    'The browser did not open its storage in time (another Firebreak tab may be holding it), so progress is kept in memory only and will not survive a reload. Close other Firebreak tabs and reload, or export a backup to keep this run.',
  failed:
    'The browser refused to save data for this page (private browsing, storage turned off, or the disk is full), so progress is kept in memory only and will not survive a reload. Export a backup to keep it.',
};

/**
 * Open the best repository this browser allows. Never rejects: when IndexedDB is missing, blocked
 * or fails the test write, resolves to the memory repository with `mode: 'memory'` and a
 * `fallbackReason` in plain words for the "progress won't survive a reload" banner.
 */
export async function openRepository(options: OpenOptions = {}): Promise<FirebreakRepository> {
  try {
    return await openPersistentRepository(options);
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    const reason =
      message === REASONS.missing || message === REASONS.timeout ? message : REASONS.failed;
    // Keep the technical cause for whoever opens the console; the banner shows `reason`.
    console.warn('Firebreak: IndexedDB unavailable, using memory storage:', err);
    return createMemoryRepository(reason);
  }
}
