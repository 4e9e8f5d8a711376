/**
 * Built-in scenario library as Vite virtual modules.
 *
 * At build (and dev) time every `scenarios/*.yaml` file is loaded with the engine's own
 * `loadScenario`, so a broken scenario fails the build with the same readable problems the CLI
 * prints. The app then imports:
 * - `virtual:scenario-catalog`: small card metadata for the library screen plus one lazy loader per
 *   scenario (so the library's initial load stays small — see issue 8's budget);
 * - `virtual:scenario/<id>`: one validated scenario (defaults filled in) as a JSON chunk, loaded
 *   only when a trainee opens it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Plugin } from 'vite';
import {
  catalogEntry,
  formatProblem,
  loadScenario,
  type CatalogEntry,
  type Scenario,
} from '../src/engine';

const CATALOG_ID = 'virtual:scenario-catalog';
const SCENARIO_PREFIX = 'virtual:scenario/';
const SCENARIO_FILE = /\.ya?ml$/i;

interface Loaded {
  file: string;
  scenario: Scenario;
  /** What a library card needs; keep it small, it is in the initial bundle. */
  entry: CatalogEntry;
}

/** Load and validate every scenario in `dir`; throws one error listing every problem. */
export function loadBuiltInScenarios(dir: string): Loaded[] {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => SCENARIO_FILE.test(n))
      .sort();
  } catch {
    // No scenarios folder yet: an empty library is valid.
    return [];
  }
  const loaded: Loaded[] = [];
  const problems: string[] = [];
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(process.cwd(), path) || path;
    const result = loadScenario(readFileSync(path, 'utf8'), file);
    if (!result.ok) {
      for (const p of result.problems.filter((x) => x.severity === 'error'))
        problems.push(formatProblem(p));
      continue;
    }
    const s = result.compiled.scenario;
    if (loaded.some((l) => l.scenario.id === s.id)) {
      problems.push(
        `${file}: error: the id "${s.id}" is already used by another built-in scenario`,
      );
      continue;
    }
    loaded.push({
      file: path,
      scenario: s,
      entry: catalogEntry(result.compiled),
    });
  }
  if (problems.length > 0) {
    throw new Error(
      `Built-in scenarios have problems:\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return loaded;
}

/**
 * The Vite plugin. `dir` defaults to `$FIREBREAK_SCENARIOS_DIR`, else `<root>/scenarios` (the
 * variable lets a build use a vetted copy while authors are mid-edit in the shared folder).
 */
export function scenarios(options: { dir?: string } = {}): Plugin {
  let dir = '';
  let cache: Loaded[] | null = null;
  const all = (): Loaded[] => (cache ??= loadBuiltInScenarios(dir));
  return {
    name: 'firebreak-scenarios',
    configResolved(config) {
      dir = options.dir ?? process.env.FIREBREAK_SCENARIOS_DIR ?? resolve(config.root, 'scenarios');
    },
    buildStart() {
      cache = null;
      // Fail early, with every problem listed, rather than at the first import.
      for (const l of all()) this.addWatchFile(l.file);
    },
    resolveId(id) {
      if (id === CATALOG_ID || id.startsWith(SCENARIO_PREFIX)) return `\0${id}`;
      return null;
    },
    load(id) {
      if (id === `\0${CATALOG_ID}`) {
        const entries = all().map((l) => l.entry);
        const loaders = all()
          .map(
            (l) =>
              `  ${JSON.stringify(l.scenario.id)}: () => import(${JSON.stringify(SCENARIO_PREFIX + l.scenario.id)}),`,
          )
          .join('\n');
        return `export const catalog = ${JSON.stringify(entries)};\nexport const loaders = {\n${loaders}\n};\n`;
      }
      if (id.startsWith(`\0${SCENARIO_PREFIX}`)) {
        const wanted = id.slice(SCENARIO_PREFIX.length + 1);
        const found = all().find((l) => l.scenario.id === wanted);
        if (!found) return null;
        // JSON.parse of a string literal is faster to start than an object literal of the same size.
        return `export default JSON.parse(${JSON.stringify(JSON.stringify(found.scenario))});\n`;
      }
      return null;
    },
    handleHotUpdate(ctx) {
      if (ctx.file.startsWith(dir)) {
        cache = null;
        const mods = [...ctx.server.moduleGraph.idToModuleMap.entries()]
          .filter(([key]) => key.startsWith('\0virtual:scenario'))
          .map(([, m]) => m);
        for (const m of mods) ctx.server.moduleGraph.invalidateModule(m);
        ctx.server.ws.send({ type: 'full-reload' });
        return [];
      }
      return undefined;
    },
  };
}

/**
 * A Content-Security-Policy for the built app, injected only at build time: the dev server needs
 * inline `<style>` for hot reload, the built app needs nothing inline.
 */
export function contentSecurityPolicy(): Plugin {
  const policy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; form-action 'none'";
  return {
    name: 'firebreak-csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: policy },
          injectTo: 'head-prepend',
        },
      ];
    },
  };
}
