// Shared helpers for the storage tests: fixture scenarios, a run record, isolated IndexedDB repositories.
import { readFileSync } from 'node:fs';
import localforage from 'localforage';
import { loadScenario, playChoices, type CompiledScenario } from '../../../src/engine';
import { openPersistentRepository, type OpenOptions } from '../../../src/storage/open';
import type { StoreName } from '../../../src/storage/stores';
import type { FirebreakRepository, StoredRun } from '../../../src/storage/types';

export const MINIMAL_TEXT = readFileSync('tests/fixtures/scenarios/minimal.yaml', 'utf8');

export function compile(text: string, file = 'scenario.yaml'): CompiledScenario {
  const loaded = loadScenario(text, file);
  if (!loaded.ok) throw new Error(`${file}: ${loaded.problems.map((p) => p.message).join('; ')}`);
  return loaded.compiled;
}

export const MINIMAL = compile(MINIMAL_TEXT, 'minimal.yaml');

/** A valid run of the minimal scenario with `choices` already made. */
export function makeRun(
  id: string,
  choices: string[] = [],
  overrides: Partial<StoredRun> = {},
): StoredRun {
  const input = { seed: 1, timer: true, startedAt: 0 };
  const snapshot = playChoices(MINIMAL, [], input);
  const events = choices.map((choiceId) => ({
    type: 'choice.select' as const,
    choiceId,
    at: snapshot.context.nodeEnteredAt + 1000,
  }));
  return {
    id,
    scenarioId: 'minimal',
    scenarioHash: MINIMAL.hash,
    scenarioVersion: 1,
    scenarioText: MINIMAL_TEXT,
    input,
    events,
    mode: 'learning',
    team: 'Team',
    participants: [],
    locale: 'en',
    status: choices.length > 0 ? 'finished' : 'active',
    createdAt: 1000,
    updatedAt: 1000 + choices.length,
    ...overrides,
  };
}

let dbCounter = 0;

/** A fresh database name per test, so tests never see each other's records. */
export function freshDbName(): string {
  return `firebreak-test-${process.pid}-${++dbCounter}`;
}

/** localforage instances on the given database (fake-indexeddb under Node). */
export function instancesOn(dbName: string) {
  return (storeName: StoreName) =>
    localforage.createInstance({ name: dbName, storeName, driver: localforage.INDEXEDDB });
}

/** Open (or reopen) the IndexedDB repository on a named database. */
export function openOn(dbName: string, options: OpenOptions = {}): Promise<FirebreakRepository> {
  return openPersistentRepository({ createInstance: instancesOn(dbName), ...options });
}
