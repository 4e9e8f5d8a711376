/**
 * The four key-value stores the repository uses, behind a tiny interface so the same repository
 * code runs on IndexedDB (through localforage) or in memory, and tests can inject a failing store.
 * This file and `repository.ts` are the only places that touch localforage.
 */
import localforage from 'localforage';

export const STORE_NAMES = ['runs', 'scenarios', 'settings', 'quarantine'] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** The IndexedDB database every store lives in. */
export const DATABASE_NAME = 'firebreak';

/** A minimal async key-value store. Every method may reject with whatever the backend throws. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  /** Resolves only once the value is written (for IndexedDB: the transaction has completed). */
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  entries(): Promise<Array<[string, unknown]>>;
}

export type StoreSet = Record<StoreName, KeyValueStore>;

/** The subset of a localforage instance the stores use (so tests can pass a stub driver). */
export type LocalforageLike = Pick<
  LocalForage,
  'getItem' | 'setItem' | 'removeItem' | 'iterate' | 'ready'
>;

/** Wrap one localforage instance as a `KeyValueStore`. */
export function localforageStore(instance: LocalforageLike): KeyValueStore {
  return {
    async get(key) {
      // localforage returns null for a missing key; undefined never reaches IndexedDB.
      return (await instance.getItem<unknown>(key)) ?? null;
    },
    async set(key, value) {
      await instance.setItem(key, value);
    },
    async remove(key) {
      await instance.removeItem(key);
    },
    async entries() {
      const out: Array<[string, unknown]> = [];
      // The callback must return undefined, or localforage stops iterating.
      await instance.iterate<unknown, void>((value, key) => {
        out.push([key, value]);
      });
      return out;
    },
  };
}

/** Create the localforage instance of one store: IndexedDB only, never a silent fallback driver. */
export function createLocalforageInstance(storeName: StoreName): LocalForage {
  return localforage.createInstance({
    name: DATABASE_NAME,
    storeName,
    driver: localforage.INDEXEDDB,
  });
}

/**
 * Open the four IndexedDB stores. Resolves once every store is ready; rejects when IndexedDB is
 * missing or blocked. Stores are readied one after another because each new object store in the
 * same database needs a version upgrade, and concurrent upgrades from one page block each other.
 */
export async function openLocalforageStores(
  create: (storeName: StoreName) => LocalforageLike = createLocalforageInstance,
): Promise<StoreSet> {
  const stores = {} as StoreSet;
  for (const name of STORE_NAMES) {
    const instance = create(name);
    await instance.ready();
    stores[name] = localforageStore(instance);
  }
  return stores;
}

/** Four in-memory stores; values are structured-cloned in and out, like IndexedDB does. */
export function memoryStores(): StoreSet {
  const make = (): KeyValueStore => {
    const map = new Map<string, unknown>();
    return {
      async get(key) {
        return map.has(key) ? structuredClone(map.get(key)) : null;
      },
      async set(key, value) {
        map.set(key, structuredClone(value));
      },
      async remove(key) {
        map.delete(key);
      },
      async entries() {
        return [...map.entries()].map(([k, v]) => [k, structuredClone(v)] as [string, unknown]);
      },
    };
  };
  return { runs: make(), scenarios: make(), settings: make(), quarantine: make() };
}
