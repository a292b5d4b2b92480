import type { ModelCard } from '../card/types';
import type { Evidence } from '../evidence/evidence';
import type { GateId } from '../gates';

export type Severity = 'error' | 'warning' | 'info';

export interface CheckContext {
  card: ModelCard;
  evidence: Evidence;
  /** Review time, for freshness rules (injected so results are reproducible). */
  now: Date;
}

/**
 * What a check concluded.
 * - pass: the card gives evidence that the criterion is met; `line` points at it.
 * - fail: the criterion is not met; `line` points at the offending statement, or at the
 *   heading where the missing item belongs (null when the card has no such heading).
 *   `severity` overrides the check's default, for threshold bands (e.g. 10–30% missing → warning).
 * - skip: nothing to judge (e.g. no number stated for a threshold rule); never counts as evidence.
 */
export type CheckResult =
  | { outcome: 'pass'; line: number | null }
  | { outcome: 'fail'; message: string; line: number | null; endLine?: number | null; severity?: Severity }
  | { outcome: 'skip' };

export interface CheckDefinition {
  /** Stable id, e.g. PF-KPI-TARGET: gate prefix, subject, criterion. */
  id: string;
  gate: GateId;
  title: string;
  /** One-line rationale: why a reviewer cares. */
  description: string;
  /** Severity when the check fails: error = blocker (gate Fail), warning = gap (gate Conditional). */
  severity: Severity;
  /** Where the criterion comes from (review design, HF template, ML Test Score, EU AI Act, NIST AI RMF, OWASP...). */
  source: string;
  /** What to do when it fails; becomes the gate's suggested mitigation. */
  mitigation: string;
  /** One result, or several for checks that report each occurrence (e.g. every embedded secret). */
  run(context: CheckContext): CheckResult | readonly CheckResult[];
}

export const pass = (line: number | null): CheckResult => ({ outcome: 'pass', line });
export const skip = (): CheckResult => ({ outcome: 'skip' });
// Every failure has the same fields (absent ones undefined): the review loop then reads results of a few shapes, not one per combination.
export const fail = (message: string, line: number | null, extra?: { endLine?: number | null; severity?: Severity }): CheckResult => ({
  outcome: 'fail',
  message,
  line,
  endLine: extra?.endLine,
  severity: extra?.severity,
});
