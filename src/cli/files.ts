/** Finding and reading scenario files for the CLI (the only part of the CLI that touches the disk). */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadScenario, MAX_FILE_BYTES, type LoadedScenario } from '../engine';

/** The folder the built-in scenarios live in. */
export const SCENARIO_DIR = 'scenarios';

const SCENARIO_FILE = /\.(ya?ml|json)$/i;

/** Expand files and folders into scenario file paths (folders: their *.yaml, *.yml, *.json, not schemas). */
export function scenarioFiles(targets: readonly string[]): string[] {
  const files: string[] = [];
  for (const target of targets.length > 0 ? targets : [SCENARIO_DIR]) {
    if (existsSync(target) && statSync(target).isDirectory()) {
      for (const name of readdirSync(target).sort())
        if (SCENARIO_FILE.test(name) && !name.endsWith('.schema.json'))
          files.push(join(target, name));
    } else {
      files.push(target);
    }
  }
  return files;
}

/** Read and load one scenario file; unreadable files become a problem, not an exception. */
export function loadFile(path: string): LoadedScenario {
  const file = relative(process.cwd(), path) || path;
  try {
    if (statSync(path).size > MAX_FILE_BYTES)
      return {
        ok: false,
        problems: [
          {
            severity: 'error',
            rule: 'too-large',
            file,
            path: '',
            message: `the file is larger than ${MAX_FILE_BYTES} bytes`,
          },
        ],
      };
    return loadScenario(readFileSync(path, 'utf8'), file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : 'could not be read';
    return {
      ok: false,
      problems: [{ severity: 'error', rule: 'unreadable', file, path: '', message }],
    };
  }
}

/** Find a scenario by id among the built-in ones, or load it as a file path. */
export function findScenario(idOrFile: string): LoadedScenario {
  if (SCENARIO_FILE.test(idOrFile) || idOrFile.includes('/')) return loadFile(idOrFile);
  for (const file of scenarioFiles([SCENARIO_DIR])) {
    const loaded = loadFile(file);
    if (loaded.ok && loaded.compiled.scenario.id === idOrFile) return loaded;
  }
  return {
    ok: false,
    problems: [
      {
        severity: 'error',
        rule: 'not-found',
        file: idOrFile,
        path: '',
        message: `no scenario with id "${idOrFile}" in ${SCENARIO_DIR}/`,
      },
    ],
  };
}

/** Write text to stdout. */
export function out(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
