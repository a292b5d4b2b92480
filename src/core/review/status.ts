import type { Finding, GateStatus, Recommendation } from './types';

/**
 * Pass: criteria met. Conditional: minor gaps (warnings). Fail: a blocker (an error finding),
 * or no evidence at all: a card that says nothing about a gate's subject can never pass it.
 */
export function gateStatus(findings: readonly Finding[], evidenceCount: number): GateStatus {
  if (evidenceCount === 0 || findings.some((finding) => finding.severity === 'error')) return 'Fail';
  if (findings.some((finding) => finding.severity === 'warning')) return 'Conditional';
  return 'Pass';
}

/** Any Fail → No-Go; otherwise any Conditional → Conditional Go; all Pass → Go. */
export function recommendationOf(statuses: readonly GateStatus[]): Recommendation {
  if (statuses.includes('Fail')) return 'No-Go';
  if (statuses.includes('Conditional')) return 'Conditional Go';
  return 'Go';
}

const STATUS_RANK: Record<GateStatus, number> = { Pass: 0, Conditional: 1, Fail: 2 };

/** The worse of two statuses; used wherever a second opinion may only lower a status. */
export function worseStatus(a: GateStatus, b: GateStatus): GateStatus {
  return STATUS_RANK[a] >= STATUS_RANK[b] ? a : b;
}
