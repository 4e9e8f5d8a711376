/**
 * A value built on first use, then shared. zod builds every schema eagerly and that is not free,
 * so the storage chunk defers its schemas until the first record is read or written: a fresh
 * browser with nothing stored never builds the record schemas while the first screen settles.
 */
export function lazy<T>(build: () => T): () => T {
  let value: T | undefined;
  let built = false;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value as T;
  };
}
