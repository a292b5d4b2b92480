import type { Gate } from '../gates';
import { gateStatus, worseStatus } from '../review/status';
import type { Finding, GateReview, GateStatus } from '../review/types';
import type { GateAnswer, ModelFinding } from './answerSchemas';
import type { QuoteLocator } from './quoteLocator';

export const MODEL_FINDING_ID = 'MODEL-REVIEW';

/**
 * Merges a gate agent's answer into the deterministic gate. The evidence wins: the model's findings
 * are added, a quoted finding counts only when its quote is really in the card, and the status is
 * recomputed from all counted findings, so it can only stay or get worse, never better.
 */
export function groundGate(gate: Gate, checks: GateReview, answer: GateAnswer, locator: QuoteLocator): { review: GateReview; modelFindings: Finding[] } {
  const modelFindings = answer.findings.map((finding) => toFinding(finding, locator));
  const findings = [...checks.findings, ...modelFindings];
  const counted = findings.filter((finding) => finding.verified !== false);
  const status = gateStatus(counted, checks.evidence.length);
  const ungrounded = worseStatus(answer.status, status) !== status;
  if (ungrounded) {
    findings.push({ checkId: MODEL_FINDING_ID, severity: 'info', source: 'model', message: `The model rated this gate ${answer.status} without a grounded finding of that severity; the status stays ${status}.`, line: null, endLine: null });
  }
  const decisive = decisiveFinding(counted, status);
  const modelDecides = decisive?.source === 'model';
  return {
    review: {
      ...checks,
      status,
      findings,
      // A model finding that decides the status names the risk; on a clean pass the model's view of the residual risk is kept.
      keyRisk: modelDecides ? decisive.message : status === 'Pass' ? answer.keyRisk || checks.keyRisk : checks.keyRisk,
      mitigation: modelDecides ? decisive.recommendation || answer.mitigation : status === 'Pass' ? answer.mitigation || checks.mitigation : checks.mitigation,
      owner: modelDecides ? answer.owner || gate.owner : checks.owner,
    },
    modelFindings,
  };
}

function toFinding(finding: ModelFinding, locator: QuoteLocator): Finding {
  const quote = finding.quote && finding.quote.trim() ? finding.quote.trim() : null;
  const base = { checkId: MODEL_FINDING_ID, severity: finding.severity, message: finding.title.trim(), source: 'model' as const, quote, recommendation: finding.recommendation.trim() };
  if (quote === null) return { ...base, line: null, endLine: null };
  const where = locator.locate(quote);
  return where ? { ...base, verified: true, line: where.line, endLine: where.endLine } : { ...base, verified: false, line: null, endLine: null };
}

function decisiveFinding(findings: readonly Finding[], status: GateStatus): Finding | undefined {
  if (status === 'Fail') return findings.find((finding) => finding.severity === 'error');
  if (status === 'Conditional') return findings.find((finding) => finding.severity === 'warning');
  return undefined;
}
