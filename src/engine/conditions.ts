/**
 * Declarative branch conditions (`heat >= 70 and minutes > 180`). Scenario files are untrusted, so
 * conditions are parsed by this small grammar into data and compared — never evaluated as code.
 */
import type { Metric, ModelState } from './metrics';

export type ConditionSubject = Metric | 'minutes';
export type ComparisonOp = '>=' | '<=' | '==' | '!=' | '>' | '<';

/** One comparison of a condition; a condition holds when all of its comparisons hold. */
export interface Comparison {
  subject: ConditionSubject;
  op: ComparisonOp;
  value: number;
}

const TERM = /^(heat|sentiment|reach|trust|media|minutes)\s*(>=|<=|==|!=|>|<)\s*(-?\d+(?:\.\d+)?)$/;

/**
 * Parse a condition string. Throws an `Error` naming the bad part; the schema's pattern rejects
 * malformed conditions before this is reached, so a throw here means a programming error.
 */
export function parseCondition(source: string): Comparison[] {
  return source
    .trim()
    .split(/\s+and\s+/)
    .map((part) => {
      const m = TERM.exec(part.trim());
      if (!m) throw new Error(`not a condition: "${part}"`);
      return { subject: m[1] as ConditionSubject, op: m[2] as ComparisonOp, value: Number(m[3]) };
    });
}

/** True when every comparison holds for the model at the given simulated minute. */
export function conditionHolds(
  cond: readonly Comparison[],
  model: ModelState,
  minutes: number,
): boolean {
  return cond.every(({ subject, op, value }) => {
    const actual = subject === 'minutes' ? minutes : model[subject];
    switch (op) {
      case '>=':
        return actual >= value;
      case '<=':
        return actual <= value;
      case '>':
        return actual > value;
      case '<':
        return actual < value;
      case '==':
        return actual === value;
      case '!=':
        return actual !== value;
    }
  });
}
