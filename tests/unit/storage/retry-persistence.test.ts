import { describe, expect, it, vi } from 'vitest';
import { errorKind, toStorageError } from '../../../src/storage/errors';
import { createMemoryRepository } from '../../../src/storage/memory';
import { requestPersistence, storageEstimate } from '../../../src/storage/persistence';
import { retrying } from '../../../src/storage/retry';
import { StorageError } from '../../../src/storage/types';

const noSleep = () => Promise.resolve();

describe('retrying', () => {
  it('retries until the call succeeds', async () => {
    let calls = 0;
    const onRetry = vi.fn();
    const value = await retrying(
      async () => {
        if (++calls < 3) throw new StorageError('unknown', 'flaky');
        return 'saved';
      },
      { attempts: 3, sleep: noSleep, onRetry },
    );
    expect(value).toBe('saved');
    expect(calls).toBe(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('gives up after the attempts and rethrows the last error unchanged', async () => {
    const err = new StorageError('quota', 'full');
    const fn = vi.fn(() => Promise.reject(err));
    await expect(retrying(fn, { attempts: 2, sleep: noSleep })).rejects.toBe(err);
    expect(fn).toHaveBeenCalledTimes(2);
  });

  it('does not retry what a retry cannot fix', async () => {
    for (const kind of ['invalid', 'conflict'] as const) {
      const fn = vi.fn(() => Promise.reject(new StorageError(kind, 'no')));
      await expect(retrying(fn, { attempts: 5, sleep: noSleep })).rejects.toMatchObject({ kind });
      expect(fn).toHaveBeenCalledTimes(1);
    }
  });

  it('backs off, doubling the delay', async () => {
    const delays: number[] = [];
    await expect(
      retrying(() => Promise.reject(new Error('x')), {
        attempts: 4,
        delayMs: 10,
        sleep: async (ms) => void delays.push(ms),
      }),
    ).rejects.toThrow('x');
    expect(delays).toEqual([10, 20, 40]);
  });
});

describe('error mapping', () => {
  it.each([
    [new DOMException('q', 'QuotaExceededError'), 'quota'],
    [{ name: 'NS_ERROR_DOM_QUOTA_REACHED' }, 'quota'],
    [{ code: 22, name: 'Error' }, 'quota'],
    [new DOMException('x', 'InvalidStateError'), 'unavailable'],
    [new Error('No available storage method found.'), 'unavailable'],
    [new DOMException('x', 'DataCloneError'), 'invalid'],
    [new Error('weird'), 'unknown'],
    ['a string', 'unknown'],
    [null, 'unknown'],
  ] as const)('%s -> %s', (err, kind) => {
    expect(errorKind(err)).toBe(kind);
    expect(toStorageError(err, 'test').kind).toBe(kind);
  });

  it('leaves a StorageError as it is', () => {
    const err = new StorageError('conflict', 'c');
    expect(toStorageError(err, 'x')).toBe(err);
  });
});

describe('persistence and estimate', () => {
  it('asks for persistence and stores the answer in settings', async () => {
    const repo = createMemoryRepository();
    expect(await requestPersistence(repo, { persist: async () => true })).toBe(true);
    expect((await repo.getSettings()).persisted).toBe(true);
    expect(await requestPersistence(repo, { persist: async () => false })).toBe(false);
    expect((await repo.getSettings()).persisted).toBe(false);
  });

  it('returns null when the browser has no such API (or it throws)', async () => {
    const repo = createMemoryRepository();
    expect(await requestPersistence(repo, undefined)).toBeNull();
    expect(
      await requestPersistence(repo, { persist: () => Promise.reject(new Error('no')) }),
    ).toBeNull();
    expect((await repo.getSettings()).persisted).toBeNull();
  });

  it('reports usage and quota', async () => {
    expect(await storageEstimate({ estimate: async () => ({ usage: 50, quota: 200 }) })).toEqual({
      usage: 50,
      quota: 200,
      fraction: 0.25,
    });
    expect(await storageEstimate({ estimate: async () => ({}) })).toBeNull();
    expect(await storageEstimate(undefined)).toBeNull();
  });
});
