/**
 * Asking the browser to keep our data (`navigator.storage.persist()`), and how much room there is.
 * Without persistence a browser may evict IndexedDB under storage pressure; with it, only the user
 * can clear it.
 */
import type { Repository } from './types';

/** The parts of `navigator.storage` used here; injected in tests. */
export type StorageManagerLike = Partial<
  Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>
>;

function defaultManager(): StorageManagerLike | undefined {
  return typeof navigator !== 'undefined' ? navigator.storage : undefined;
}

/**
 * Ask for persistent storage and record the answer in settings (`Settings.persisted`).
 * Resolves to the browser's answer, or null when the browser has no such API. Never rejects
 * because of the browser's answer; a failing settings write is ignored (the answer is still returned).
 */
export async function requestPersistence(
  repo: Repository,
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<boolean | null> {
  let granted: boolean | null = null;
  if (manager?.persist) {
    try {
      granted = await manager.persist();
    } catch {
      granted = null;
    }
  }
  try {
    const settings = await repo.getSettings();
    if (settings.persisted !== granted)
      await repo.saveSettings({ ...settings, persisted: granted });
  } catch {
    // The settings panel still shows the returned value; a failed write surfaces on the next save.
  }
  return granted;
}

/** Usage and quota in bytes, for the settings panel; null when the browser does not say. */
export interface StorageEstimateView {
  usage: number;
  quota: number;
  /** Usage as a fraction of quota, 0..1. */
  fraction: number;
}

/** How much storage this site uses and may use. Never rejects (null when unknown). */
export async function storageEstimate(
  manager: StorageManagerLike | undefined = defaultManager(),
): Promise<StorageEstimateView | null> {
  if (!manager?.estimate) return null;
  try {
    const { usage, quota } = await manager.estimate();
    if (typeof usage !== 'number' || typeof quota !== 'number') return null;
    return { usage, quota, fraction: quota > 0 ? Math.min(1, usage / quota) : 1 };
  } catch {
    return null;
  }
}
