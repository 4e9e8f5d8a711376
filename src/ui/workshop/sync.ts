/**
 * Console ↔ presenter sync over a same-origin `BroadcastChannel`, one channel per run. The console
 * is the only writer: it saves each event through the repository, then publishes the new
 * `PresenterState`. The presenter only listens, and says `hello` when it opens so the console
 * answers with the current state (a projector window opened late, or reloaded, catches up at once).
 */
import type { PresenterState } from './presenter-state';

export type SyncMessage =
  | { type: 'presenter.hello'; runId: string }
  | { type: 'presenter.state'; runId: string; seq: number; state: PresenterState }
  | { type: 'console.closed'; runId: string };

/** The part of `BroadcastChannel` used here (injected in tests). */
export interface SyncChannel {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

export type ChannelFactory = (name: string) => SyncChannel;

/** The channel name of a run's presenter sync. */
export const presenterChannel = (runId: string): string => `firebreak-presenter-${runId}`;

/** The browser's BroadcastChannel, or null where there is none. */
export function browserChannelFactory(): ChannelFactory | null {
  return typeof BroadcastChannel === 'undefined'
    ? null
    : (name) => new BroadcastChannel(name) as unknown as SyncChannel;
}

/** A message from another window, checked for shape before it is trusted. */
export function asSyncMessage(data: unknown, runId: string): SyncMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m.runId !== runId) return null;
  if (m.type === 'presenter.hello' || m.type === 'console.closed') return m as SyncMessage;
  if (
    m.type === 'presenter.state' &&
    typeof m.seq === 'number' &&
    typeof m.state === 'object' &&
    m.state !== null &&
    (m.state as { v?: unknown }).v === 1
  )
    return m as SyncMessage;
  return null;
}

/** The console's end: publish states, answer a presenter's hello with the latest one. */
export interface ConsoleLink {
  publish(state: PresenterState): void;
  close(): void;
}

export function openConsoleLink(runId: string, factory: ChannelFactory | null): ConsoleLink {
  const channel = factory?.(presenterChannel(runId)) ?? null;
  let latest: PresenterState | null = null;
  let seq = 0;
  const post = () => {
    if (latest) channel?.postMessage({ type: 'presenter.state', runId, seq: ++seq, state: latest });
  };
  channel?.addEventListener('message', (event) => {
    if (asSyncMessage(event.data, runId)?.type === 'presenter.hello') post();
  });
  return {
    publish(state) {
      latest = state;
      post();
    },
    close() {
      channel?.postMessage({ type: 'console.closed', runId });
      channel?.close();
    },
  };
}

/** The presenter's end: receive states (in order; stale ones dropped). */
export function openPresenterLink(
  runId: string,
  factory: ChannelFactory | null,
  handlers: { state(state: PresenterState): void; closed(): void },
): { close(): void } {
  const channel = factory?.(presenterChannel(runId)) ?? null;
  let lastSeq = 0;
  channel?.addEventListener('message', (event) => {
    const m = asSyncMessage(event.data, runId);
    if (!m) return;
    if (m.type === 'presenter.state') {
      // A console reopened in another window starts counting again from 1.
      if (m.seq <= lastSeq && m.seq !== 1) return;
      lastSeq = m.seq;
      handlers.state(m.state);
    } else if (m.type === 'console.closed') handlers.closed();
  });
  channel?.postMessage({ type: 'presenter.hello', runId });
  return { close: () => channel?.close() };
}

/**
 * An in-memory bus with BroadcastChannel's semantics (a sender does not receive its own messages;
 * delivery is asynchronous). For tests, and for environments without BroadcastChannel.
 */
export function memoryChannels(): ChannelFactory {
  const listeners = new Map<string, Set<{ fn: (event: { data: unknown }) => void }>>();
  return (name) => {
    const mine: { fn: (event: { data: unknown }) => void }[] = [];
    const set = listeners.get(name) ?? new Set();
    listeners.set(name, set);
    return {
      postMessage(message) {
        const data = structuredClone(message);
        for (const l of set) if (!mine.includes(l)) queueMicrotask(() => l.fn({ data }));
      },
      addEventListener(_type, fn) {
        const l = { fn };
        mine.push(l);
        set.add(l);
      },
      close() {
        for (const l of mine) set.delete(l);
      },
    };
  };
}
