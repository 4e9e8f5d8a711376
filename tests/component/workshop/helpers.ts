/** Shared set-up for the workshop component tests: the billing-error scenario (roles, injects, deadlines). */
import type { CompiledScenario } from '../../../src/engine';
import { fixture } from '../helpers';

export const billing = (): CompiledScenario => fixture('scenarios/billing-error.yaml');

/** Three teams' paths through billing-error: the best path, a middle one, a poor one. */
export const PATHS = {
  best: ['ack-fast', 'full-report', 'cause-report', 'progress-report'],
  middle: ['facts-first', 'full-statement', 'refunds-only', 'repair-report'],
  poor: ['wait-monday', 'late-apology', 'legal-line-2', 'ceo-apology'],
} as const;
