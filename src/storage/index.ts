/**
 * Storage entry point. The only module that touches localforage.
 * (Placeholder until the persistent repository lands: returns the memory repository.)
 */
import { createMemoryRepository } from './memory';
import type { Repository } from './types';

export * from './types';
export { createMemoryRepository } from './memory';

/** Open the best repository this browser allows; never rejects (falls back to memory). */
export async function openRepository(): Promise<Repository> {
  return createMemoryRepository('persistent storage is not implemented yet');
}

import type { RunLease } from './types';

/** Claim a run for this tab. (Placeholder: always the driver, until the lock module lands.) */
export async function claimRun(runId: string): Promise<RunLease> {
  return {
    runId,
    role: 'driver',
    onRoleChange: () => () => {},
    onRemoteUpdate: () => () => {},
    notifySaved: () => {},
    release: () => {},
  };
}
