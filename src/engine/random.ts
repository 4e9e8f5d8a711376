/**
 * The engine's only source of randomness: a small seeded generator, so the same seed gives the
 * same feed numbers on every machine and every replay.
 */

/** 32-bit FNV-1a hash of a string; stable across platforms. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Mulberry32: a fast seeded generator returning floats in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Stable content hash of any JSON value (object keys sorted), as 16 hex digits. */
export function contentHash(value: unknown): string {
  const canonical = JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : v,
  );
  // Two independent 32-bit hashes make accidental collisions between scenario versions negligible.
  const a = hashString(canonical);
  const b = hashString(`${canonical.length}:${canonical}`);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}
