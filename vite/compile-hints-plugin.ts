/**
 * Explicit compile hints for the first screen's chunk.
 *
 * V8 compiles a function lazily, on the main thread, the first time it is called. Nearly every
 * function in the entry chunk (the Svelte runtime, the library screen, the i18n tables) runs
 * before the first paint, so the first render paid for compiling them one by one: about two thirds
 * of its main-thread time, measured with 4x CPU throttling (mount 170 ms -> 45 ms). The magic
 * comment `//# allFunctionsCalledOnLoad` on the first line of a script asks Chromium (136+) to
 * compile the whole file eagerly while it streams in, off the main thread. Other browsers ignore
 * the comment.
 *
 * Only the entry chunk carries it: lazily loaded screens, the engine and the storage chunk run a
 * fraction of their functions at start-up, and eager compilation of unused code is wasted work.
 */
import type { Plugin } from 'vite';

/** The comment V8 recognises. */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

export function compileHints(): Plugin {
  return {
    name: 'firebreak-compile-hints',
    apply: 'build',
    generateBundle: {
      // After minification and Vite's own prepended preload map, so the comment is line 1.
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry) continue;
          chunk.code = `${COMPILE_HINT}\n${chunk.code}`;
          // One more generated line before the code: shift a source map, if the build makes one.
          if (chunk.map) chunk.map.mappings = `;${chunk.map.mappings}`;
          const mapFile = bundle[`${chunk.fileName}.map`];
          if (mapFile?.type === 'asset' && typeof mapFile.source === 'string') {
            const map = JSON.parse(mapFile.source) as { mappings: string };
            map.mappings = `;${map.mappings}`;
            mapFile.source = JSON.stringify(map);
          }
        }
      },
    },
  };
}
