// Run lease roles: a small in-process stand-in for Web Locks (same grant/ifAvailable/abort
// semantics as the spec) plus Node's real BroadcastChannel, with one "tab" per environment.
import { describe, expect, it } from 'vitest';
import {
  claimRun,
  CHANNEL_NAME,
  type LockEnvironment,
  type LockManagerLike,
} from '../../../src/storage/run-lock';
import type { RunLease } from '../../../src/storage/types';

interface Waiter {
  callback: (lock: unknown) => unknown;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  owner: string;
}

/** Web Locks as one browser sees them, shared by every tab of the test. */
class FakeLocks {
  held = new Map<string, string>();
  queues = new Map<string, Waiter[]>();

  /** The LockManager one tab sees. */
  forTab(owner: string): LockManagerLike {
    return {
      request: (name, options, callback) =>
        new Promise((resolve, reject) => {
          if (this.held.has(name)) {
            if (options.ifAvailable) return resolve(callback(null));
            const waiter: Waiter = { callback, resolve, reject, owner };
            const queue = this.queues.get(name) ?? [];
            queue.push(waiter);
            this.queues.set(name, queue);
            options.signal?.addEventListener('abort', () => {
              const q = this.queues.get(name) ?? [];
              const i = q.indexOf(waiter);
              if (i >= 0) q.splice(i, 1);
              reject(new DOMException('aborted', 'AbortError'));
            });
            return;
          }
          this.grant(name, { callback, resolve, reject, owner });
        }),
    };
  }

  private grant(name: string, waiter: Waiter) {
    this.held.set(name, waiter.owner);
    Promise.resolve(waiter.callback({ name })).then(
      (v) => (this.release(name, waiter.owner), waiter.resolve(v)),
      (e) => (this.release(name, waiter.owner), waiter.reject(e)),
    );
  }

  /** What the browser does when a tab closes or crashes: its locks go, the next waiter gets them. */
  release(name: string, owner: string) {
    if (this.held.get(name) !== owner) return;
    this.held.delete(name);
    const next = this.queues.get(name)?.shift();
    if (next) this.grant(name, next);
  }
}

const tick = () => new Promise((r) => setTimeout(r, 20));

function tab(locks: FakeLocks, id: string): LockEnvironment {
  return {
    locks: locks.forTab(id),
    createChannel: () => new BroadcastChannel(CHANNEL_NAME),
    tabId: id,
  };
}

describe('claimRun', () => {
  it('the first tab drives, a second tab on the same run is a viewer, another run is free', async () => {
    const locks = new FakeLocks();
    const a = await claimRun('r1', tab(locks, 'A'));
    const b = await claimRun('r1', tab(locks, 'B'));
    const c = await claimRun('r2', tab(locks, 'B'));
    expect([a.role, b.role, c.role]).toEqual(['driver', 'viewer', 'driver']);
    for (const lease of [a, b, c]) lease.release();
  });

  it('promotes the viewer when the driver releases (tab closed)', async () => {
    const locks = new FakeLocks();
    const a = await claimRun('r', tab(locks, 'A'));
    const b = await claimRun('r', tab(locks, 'B'));
    const roles: string[] = [];
    b.onRoleChange((role) => roles.push(role));
    a.release();
    await tick();
    expect(roles).toEqual(['driver']);
    expect(b.role).toBe('driver');
    // And a third tab now is a viewer of B.
    const c = await claimRun('r', tab(locks, 'C'));
    expect(c.role).toBe('viewer');
    b.release();
    c.release();
  });

  it('promotes the viewer when the driving tab crashes without releasing', async () => {
    const locks = new FakeLocks();
    const a = await claimRun('r', tab(locks, 'A'));
    const b = await claimRun('r', tab(locks, 'B'));
    locks.release('firebreak-run-r', 'A');
    await tick();
    expect(b.role).toBe('driver');
    a.release();
    b.release();
  });

  it('a viewer that leaves stops waiting and is never promoted', async () => {
    const locks = new FakeLocks();
    const a = await claimRun('r', tab(locks, 'A'));
    const b = await claimRun('r', tab(locks, 'B'));
    const roles: string[] = [];
    b.onRoleChange((role) => roles.push(role));
    b.release();
    a.release();
    await tick();
    expect(roles).toEqual([]);
    expect(locks.held.size).toBe(0);
  });

  it('tells viewers of the same run when the driver saved', async () => {
    const locks = new FakeLocks();
    const a = await claimRun('r', tab(locks, 'A'));
    const b = await claimRun('r', tab(locks, 'B'));
    const other = await claimRun('other', tab(locks, 'C'));
    let bUpdates = 0;
    let otherUpdates = 0;
    let selfUpdates = 0;
    b.onRemoteUpdate(() => bUpdates++);
    other.onRemoteUpdate(() => otherUpdates++);
    a.onRemoteUpdate(() => selfUpdates++);
    a.notifySaved();
    b.notifySaved(); // a viewer does not announce saves (it must not save)
    await tick();
    expect([bUpdates, otherUpdates, selfUpdates]).toEqual([1, 0, 0]);
    const off = b.onRemoteUpdate(() => bUpdates++);
    off();
    a.notifySaved();
    await tick();
    expect(bUpdates).toBe(2);
    for (const lease of [a, b, other]) lease.release();
  });

  it('drives when Web Locks or BroadcastChannel are missing', async () => {
    const lease: RunLease = await claimRun('r', { locks: null, createChannel: null, tabId: 'X' });
    expect(lease.role).toBe('driver');
    lease.notifySaved();
    lease.release();
  });

  it('drives when the lock API throws (e.g. an opaque origin)', async () => {
    const broken: LockManagerLike = {
      request: () => Promise.reject(new DOMException('no', 'SecurityError')),
    };
    const lease = await claimRun('r', { locks: broken, createChannel: null, tabId: 'X' });
    expect(lease.role).toBe('driver');
    lease.release();
  });
});
