/**
 * A repository held in memory: the fallback when IndexedDB is unavailable (private mode, blocked
 * storage), and a handy double in component tests. It is the same repository code as the
 * persistent one (validation, quarantine, import merge rules) over in-memory stores. Progress here
 * does not survive a reload.
 */
import { createRepository } from './repository';
import { memoryStores } from './stores';
import type { FirebreakRepository } from './types';

export { APP_VERSION } from './version';
export { BACKUP_SCHEMA_VERSION } from './backup';

/** A fresh, empty memory repository; `fallbackReason` is shown by the app's memory-mode banner. */
export function createMemoryRepository(fallbackReason: string | null = null): FirebreakRepository {
  return createRepository(memoryStores(), { mode: 'memory', fallbackReason });
}
