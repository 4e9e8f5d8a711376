// The build's own Vite plugins, run on hand-made bundles.
import { describe, expect, it } from 'vitest';
import type { Plugin } from 'vite';
import { COMPILE_HINT, compileHints } from '../../vite/compile-hints-plugin';

type Bundle = Record<string, Record<string, unknown>>;

function runGenerateBundle(plugin: Plugin, bundle: Bundle): void {
  const hook = plugin.generateBundle as unknown as { handler: (o: unknown, b: Bundle) => void };
  hook.handler.call({}, {}, bundle);
}

describe('compile hints', () => {
  it('puts the hint on the first line of the entry chunk only, and shifts its source map', () => {
    const bundle: Bundle = {
      'assets/index.js': {
        type: 'chunk',
        isEntry: true,
        fileName: 'assets/index.js',
        code: 'const a=1;\nmount();',
        map: { mappings: 'AAAA' },
      },
      'assets/index.js.map': { type: 'asset', source: JSON.stringify({ mappings: 'AAAA' }) },
      'assets/storage.js': {
        type: 'chunk',
        isEntry: false,
        fileName: 'assets/storage.js',
        code: 'x',
      },
    };
    runGenerateBundle(compileHints(), bundle);
    const entry = bundle['assets/index.js']!;
    expect((entry.code as string).split('\n')[0]).toBe(COMPILE_HINT);
    expect((entry.code as string).endsWith('const a=1;\nmount();')).toBe(true);
    expect(entry.map).toEqual({ mappings: ';AAAA' });
    expect(JSON.parse(bundle['assets/index.js.map']!.source as string)).toEqual({
      mappings: ';AAAA',
    });
    expect(bundle['assets/storage.js']!.code).toBe('x');
  });
});
