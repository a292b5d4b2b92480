import type { GateReview, MaturityAssessment, Recommendation } from './types';

const MAX_LISTED = 3;

/** Executive summary composed from the findings: counts, blockers, gaps, strongest areas, maturity. */
export function executiveSummary(input: {
  title: string;
  recommendation: Recommendation;
  gates: readonly GateReview[];
  maturity: MaturityAssessment;
  cardNotices: number;
}): string {
  const { gates } = input;
  const failed = gates.filter((gate) => gate.status === 'Fail');
  const conditional = gates.filter((gate) => gate.status === 'Conditional');
  const passed = gates.filter((gate) => gate.status === 'Pass');
  const parts: string[] = [];
  parts.push(`${input.title}: ${input.recommendation}. ${passed.length} of ${gates.length} gates pass, ${conditional.length} ${conditional.length === 1 ? 'is' : 'are'} conditional and ${failed.length} ${failed.length === 1 ? 'fails' : 'fail'}.`);
  if (failed.length > 0) {
    const blockers = failed.slice(0, MAX_LISTED).map((gate) => `${gate.title} (${gate.keyRisk.replace(/\.$/, '')})`);
    const more = failed.length > MAX_LISTED ? ` and ${failed.length - MAX_LISTED} more` : '';
    parts.push(`Blockers to resolve before production: ${blockers.join('; ')}${more}.`);
  }
  if (conditional.length > 0) {
    const gaps = conditional.slice(0, MAX_LISTED).map((gate) => `${gate.title} (${gate.keyRisk.replace(/\.$/, '')})`);
    parts.push(`Gaps that can be closed in parallel with a mitigation plan: ${gaps.join('; ')}.`);
  }
  if (passed.length > 0) {
    const strongest = [...passed].sort((a, b) => b.evidence.length - a.evidence.length).slice(0, MAX_LISTED);
    parts.push(`Best evidenced: ${strongest.map((gate) => `${gate.title} (${gate.evidence.length} criteria met)`).join(', ')}.`);
  }
  parts.push(`The card evidences MLOps maturity level ${input.maturity.level} (${input.maturity.label}).`);
  if (input.cardNotices > 0) parts.push('The card file itself needs attention (see card findings).');
  return parts.join(' ');
}
