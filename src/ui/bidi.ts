/**
 * Bidi isolation for scenario text placed inside an app sentence ("Imported “{title}”."). Scenario
 * files are untrusted: a right-to-left override (U+202E) in a title must not reorder the words of
 * the sentence around it. First-strong isolate (U+2068) … pop directional isolate (U+2069) is the
 * plain-text form of `<bdi>`; use `<bdi>` where the text is markup of its own.
 */
export function isolate(text: string): string {
  return `\u2068${text}\u2069`;
}
