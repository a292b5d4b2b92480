import type { Review } from '../review/types';

/** The stable machine-readable shape (documented in README): fixed key order, gates in order. */
export function toJsonReview(review: Review): object {
  return {
    card: review.card,
    title: review.title,
    format: review.format,
    recommendation: review.recommendation,
    mode: review.mode,
    elapsedMs: review.elapsedMs,
    maturityLevel: review.maturityLevel,
    maturity: review.maturity,
    executiveSummary: review.executiveSummary,
    cardFindings: review.cardFindings,
    gates: review.gates.map((gate) => ({
      id: gate.id,
      number: gate.number,
      title: gate.title,
      status: gate.status,
      keyRisk: gate.keyRisk,
      mitigation: gate.mitigation,
      owner: gate.owner,
      findings: gate.findings.map((finding) => ({
        checkId: finding.checkId,
        severity: finding.severity,
        message: finding.message,
        line: finding.line,
        endLine: finding.endLine,
        ...(finding.source === 'model' ? { source: finding.source, verified: finding.verified ?? null, quote: finding.quote ?? null, recommendation: finding.recommendation ?? null } : {}),
      })),
      evidence: gate.evidence,
      skipped: gate.skipped,
      ...(gate.agent ? { agent: gate.agent } : {}),
    })),
    ...(review.modelReview ? { modelReview: review.modelReview } : {}),
    reviewedAt: review.reviewedAt,
    tool: review.tool,
  };
}

export function renderJson(review: Review | readonly Review[]): string {
  const value = Array.isArray(review) ? review.map(toJsonReview) : toJsonReview(review as Review);
  return `${JSON.stringify(value, null, 2)}\n`;
}
