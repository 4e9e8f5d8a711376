/**
 * Safe loading of untrusted scenario files (facilitators mail them to each other): a size cap,
 * YAML with alias limits and unique keys, JSON accepted too, then zod validation with errors that
 * name the file, the path of the bad field — with node and choice ids — and what was expected.
 * Nothing here throws for bad input; every failure becomes a `ScenarioProblem`.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { ScenarioSchema, type Scenario } from './schema';

/** Largest scenario file accepted, in bytes (the biggest built-in one is far below this). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

/** Most YAML aliases a file may use: guards against "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 50;

export type Severity = 'error' | 'warning';

/** One thing wrong with a scenario file, in plain words. */
export interface ScenarioProblem {
  severity: Severity;
  /** Short machine-readable rule name, e.g. `schema`, `unknown-target`, `missing-translation`. */
  rule: string;
  file: string;
  /** Readable path of the field, e.g. `nodes[2] (node "press") › choices[0] (choice "wait") › tone`. */
  path: string;
  message: string;
  nodeId?: string;
}

export type LoadResult =
  { ok: true; scenario: Scenario } | { ok: false; problems: ScenarioProblem[] };

/** Render a problem as one line for a terminal or an error banner. */
export function formatProblem(p: ScenarioProblem): string {
  const where = p.path ? `${p.path}: ` : '';
  return `${p.file}: ${p.severity}: ${where}${p.message}`;
}

/** A raw parsed value, before validation. Anything may be in it. */
type Raw = unknown;

function isJsonFile(file: string, text: string): boolean {
  return /\.json$/i.test(file) || /^\s*[[{]/.test(text);
}

/** Parse JSON or YAML text into a plain value, or say why it could not be. */
export function parseText(
  text: string,
  file: string,
): { ok: true; value: Raw } | { ok: false; problem: ScenarioProblem } {
  const bytes = new TextEncoder().encode(text).length;
  if (bytes > MAX_FILE_BYTES) {
    return {
      ok: false,
      problem: {
        severity: 'error',
        rule: 'too-large',
        file,
        path: '',
        message: `the file is ${bytes.toLocaleString('en')} bytes; the limit is ${MAX_FILE_BYTES.toLocaleString('en')}`,
      },
    };
  }
  try {
    if (isJsonFile(file, text)) return { ok: true, value: JSON.parse(text) as Raw };
    const value = parseYaml(text, {
      maxAliasCount: MAX_YAML_ALIASES,
      uniqueKeys: true,
      prettyErrors: true,
      schema: 'core',
      merge: false,
      logLevel: 'error',
    }) as Raw;
    return { ok: true, value };
  } catch (err) {
    const message =
      err instanceof YAMLParseError
        ? `not valid YAML: ${err.message.split('\n')[0]}`
        : err instanceof SyntaxError
          ? `not valid JSON: ${err.message}`
          : err instanceof Error
            ? `could not be read: ${err.message}`
            : 'could not be read';
    return { ok: false, problem: { severity: 'error', rule: 'syntax', file, path: '', message } };
  }
}

/** Look up an id on a raw array element, if it has a string one, to make paths readable. */
function idOf(value: Raw): string | undefined {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const id = (value as Record<string, unknown>).id;
    if (typeof id === 'string' && id.length <= 64) return id;
  }
  return undefined;
}

const LABELS: Record<string, string> = {
  nodes: 'node',
  choices: 'choice',
  feed: 'feed item',
  reactions: 'reaction',
  objectives: 'objective',
  roles: 'role',
  injects: 'inject',
  items: 'item',
};

/** Turn a zod issue path into `nodes[2] (node "press") › choices[0] (choice "wait") › tone`. */
export function describePath(
  raw: Raw,
  path: readonly PropertyKey[],
): { path: string; nodeId?: string } {
  const parts: string[] = [];
  let cursor: Raw = raw;
  let nodeId: string | undefined;
  let lastKey = '';
  for (const key of path) {
    const next: Raw =
      cursor && typeof cursor === 'object'
        ? (cursor as Record<PropertyKey, unknown>)[key as string]
        : undefined;
    if (typeof key === 'number') {
      const id = idOf(next);
      const label = LABELS[lastKey];
      const suffix = id && label ? ` (${label} "${id}")` : '';
      if (parts.length > 0) parts[parts.length - 1] += `[${key}]${suffix}`;
      else parts.push(`[${key}]${suffix}`);
      if (lastKey === 'nodes' && id) nodeId = id;
    } else {
      parts.push(String(key));
      lastKey = String(key);
    }
    cursor = next;
  }
  return { path: parts.join(' › ') || '(top level)', ...(nodeId ? { nodeId } : {}) };
}

/** The raw value at a path, and whether its key is absent from its parent. */
function lookup(raw: Raw, path: readonly PropertyKey[]): { value: Raw; missing: boolean } {
  let cursor: Raw = raw;
  for (let i = 0; i < path.length; i++) {
    if (!cursor || typeof cursor !== 'object') return { value: undefined, missing: true };
    const key = path[i] as string;
    if (!Object.prototype.hasOwnProperty.call(cursor, key))
      return { value: undefined, missing: true };
    cursor = (cursor as Record<string, unknown>)[key];
  }
  return { value: cursor, missing: false };
}

function issueMessage(issue: z.core.$ZodIssue, raw: Raw): string {
  // zod's defaults are terse ("Invalid input"); say what was expected in words a facilitator reads.
  const { value, missing } = lookup(raw, issue.path);
  const custom = !issue.message.startsWith('Invalid');
  switch (issue.code) {
    case 'invalid_type':
      return missing
        ? `is missing (expected ${issue.expected})`
        : `expected ${issue.expected}, got ${describeValue(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (check the spelling)`;
    case 'invalid_value': {
      if (custom) return issue.message;
      const allowed = issue.values.map((v) => JSON.stringify(v)).join(', ');
      return missing
        ? `is missing (expected one of ${allowed})`
        : `must be one of ${allowed}, not ${describeValue(value)}`;
    }
    default:
      return issue.message;
  }
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the text ${JSON.stringify(value.slice(0, 40))}`;
  return `${typeof value} ${String(value)}`;
}

/** Validate a parsed value against the scenario schema. */
export function validateScenario(raw: Raw, file: string): LoadResult {
  const result = ScenarioSchema.safeParse(raw);
  if (result.success) return { ok: true, scenario: result.data };
  const problems = result.error.issues.map((issue): ScenarioProblem => {
    const { path, nodeId } = describePath(raw, issue.path);
    return {
      severity: 'error',
      rule: 'schema',
      file,
      path,
      message: issueMessage(issue, raw),
      ...(nodeId ? { nodeId } : {}),
    };
  });
  return { ok: false, problems };
}

/**
 * Parse and validate a scenario file's text. Graph checks are separate (`checkScenario`), since
 * they need a structurally valid scenario to walk.
 */
export function loadScenarioText(text: string, file: string): LoadResult {
  const parsed = parseText(text, file);
  if (!parsed.ok) return { ok: false, problems: [parsed.problem] };
  return validateScenario(parsed.value, file);
}
