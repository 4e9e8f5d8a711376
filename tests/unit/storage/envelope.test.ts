import { describe, expect, it } from 'vitest';
import { openEnvelope, validateData, wrap } from '../../../src/storage/envelope';
import { APP_VERSION, RECORD_SCHEMA_VERSION } from '../../../src/storage/version';
import { makeRun } from './helpers';

describe('envelopes', () => {
  it('wraps data with the current schema version, app version and save time', () => {
    const envelope = wrap('settings', { locale: 'ja', persisted: null }, 42);
    expect(envelope).toEqual({
      schemaVersion: RECORD_SCHEMA_VERSION,
      appVersion: APP_VERSION,
      savedAt: 42,
      kind: 'settings',
      data: { locale: 'ja', persisted: null },
    });
  });

  it('opens what it wrapped', () => {
    const run = makeRun('r1', ['apologise']);
    const opened = openEnvelope(structuredClone(wrap('run', run, 5)), 'run');
    expect(opened).toEqual({
      ok: true,
      data: run,
      schemaVersion: RECORD_SCHEMA_VERSION,
      savedAt: 5,
    });
  });

  it('rejects values that are not envelopes', () => {
    for (const raw of [null, 'text', 42, [], { data: {} }]) {
      const opened = openEnvelope(raw, 'run');
      expect(opened.ok).toBe(false);
      if (!opened.ok) expect(opened.reason).toMatch(/not a Firebreak record/);
    }
  });

  it('rejects a record of another kind', () => {
    const opened = openEnvelope(wrap('settings', { locale: null, persisted: null }), 'run');
    expect(opened).toMatchObject({
      ok: false,
      newer: false,
      reason: 'expected a run record but found a settings record',
    });
  });

  it('names the path of the bad field', () => {
    const run = makeRun('r1');
    const bad = {
      ...wrap('run', run),
      data: { ...run, events: [{ type: 'choice.select', at: 'soon' }] },
    };
    const opened = openEnvelope(bad, 'run');
    expect(opened.ok).toBe(false);
    if (!opened.ok) expect(opened.reason).toMatch(/^invalid run record: events\.0\./);
  });

  it('says in words what is wrong with the field, not just "invalid input"', () => {
    const checked = validateData('settings', { locale: 'fr', persisted: 3 });
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.reason).toContain('locale: Invalid option: expected one of "ja"|"en"');
      expect(checked.reason).toContain('persisted: Invalid input: expected boolean');
    }
  });

  it('flags a record from a newer app version instead of treating it as damaged', () => {
    const opened = openEnvelope(
      {
        ...wrap('settings', { locale: null, persisted: null }),
        schemaVersion: RECORD_SCHEMA_VERSION + 1,
      },
      'settings',
    );
    expect(opened).toMatchObject({ ok: false, newer: true });
  });

  it('validateData checks current-version data before a write', () => {
    expect(validateData('settings', { locale: 'fr', persisted: null })).toMatchObject({
      ok: false,
    });
    expect(validateData('run', makeRun('x'))).toMatchObject({ ok: true });
  });
});
