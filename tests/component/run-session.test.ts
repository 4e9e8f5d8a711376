// What RunSession gives both controllers: the lease's role and other tabs' saves, the deadline
// timer, and the record each event is saved as.
import { describe, expect, it, vi } from 'vitest';
import { replayRun } from '../../src/engine';
import type { RunLease } from '../../src/storage';
import { RunController } from '../../src/ui/run-controller.svelte';
import { appendEvent } from '../../src/ui/run-session.svelte';
import { feedDrill, makeApp, storeRun } from './helpers';

/** A lease the test drives: it changes the role and announces other tabs' saves at will. */
function remoteLease(runId: string, role: 'driver' | 'viewer') {
  const roleListeners = new Set<(role: 'driver' | 'viewer') => void>();
  const updateListeners = new Set<() => void>();
  const lease: RunLease & { become(role: 'driver' | 'viewer'): void; remoteSave(): void } = {
    runId,
    role,
    onRoleChange: (l) => (roleListeners.add(l), () => roleListeners.delete(l)),
    onRemoteUpdate: (l) => (updateListeners.add(l), () => updateListeners.delete(l)),
    notifySaved: vi.fn(),
    release: vi.fn(),
    become: (next) => roleListeners.forEach((l) => l(next)),
    remoteSave: () => updateListeners.forEach((l) => l()),
  };
  return lease;
}

describe('run session', () => {
  it('a viewer that becomes the driver arms the deadline; the deadline is then saved and the lease told', async () => {
    const t = await makeApp([feedDrill()]);
    const run = await storeRun(t, feedDrill(), { id: 's1', timer: true });
    const lease = remoteLease(run.id, 'viewer');
    const c = new RunController(t.app, feedDrill(), run, lease);
    expect(c.readOnly).toBe(true);
    t.clock.advance(31_000);
    expect(c.snapshot.context.log).toHaveLength(0);
    lease.become('driver');
    expect(c.role).toBe('driver');
    t.clock.advance(0);
    await vi.waitFor(() => expect(c.snapshot.context.log).toHaveLength(1));
    expect((await t.repo.getRun(run.id))?.events.map((e) => e.type)).toEqual(['clock.deadline']);
    expect(lease.notifySaved).toHaveBeenCalledTimes(1);
  });

  it("another tab's save is read back; after dispose nothing is read and the lease is released", async () => {
    const t = await makeApp([feedDrill()]);
    const run = await storeRun(t, feedDrill(), { id: 's2' });
    const lease = remoteLease(run.id, 'viewer');
    const c = new RunController(t.app, feedDrill(), run, lease);
    const played = await storeRun(t, feedDrill(), { id: 's2', choices: ['delete-apologise'] });
    lease.remoteSave();
    await vi.waitFor(() => expect(c.view.ended).toBe(true));
    expect(c.run).toEqual(played);
    c.dispose();
    expect(lease.release).toHaveBeenCalledTimes(1);
    const get = vi.spyOn(t.repo, 'getRun');
    lease.remoteSave();
    expect(get).not.toHaveBeenCalled();
  });

  it('appendEvent appends the event, keeps a result only while the run has ended', async () => {
    const t = await makeApp([feedDrill()]);
    const compiled = feedDrill();
    const ended = await storeRun(t, compiled, { id: 's3', choices: ['delete-apologise'] });
    expect(ended.result).toBeDefined();
    const event = { type: 'run.rewind', at: ended.updatedAt + 1000 } as const;
    const rewound = replayRun(compiled, ended.input, [...ended.events, event]);
    const next = appendEvent(compiled, ended, event, rewound, event.at);
    expect(next.events).toEqual([...ended.events, event]);
    expect(next.status).toBe('active');
    expect(next.updatedAt).toBe(event.at);
    expect(next).not.toHaveProperty('result');
    expect(ended.events).toHaveLength(1);
    const replayed = appendEvent(
      compiled,
      ended,
      ended.events[0]!,
      replayRun(compiled, ended.input, ended.events),
      5,
    );
    expect(replayed.result).toEqual(ended.result);
  });
});
