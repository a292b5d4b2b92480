import type { Review } from '../review/types';
import { findingDetail, findingOriginTag, gateAgentLabel, modeLabel, modelReviewSummaryLines } from './modelReviewText';
import { DISCLAIMERS, DISCLAIMER_INTRO, STATUS_ICON, formatSeconds, gateEmoji, lineLabel, shortTitle } from './disclaimers';

const WIDTH = 78;
const DOUBLE = '═'.repeat(WIDTH);
const SINGLE = '─'.repeat(WIDTH);

/** Plain-text report in the layout of the review design. */
export function renderText(review: Review): string {
  const out: string[] = [];
  out.push('🤖 ML MODEL PRODUCTIONIZATION GATE REVIEW', DOUBLE);
  out.push(`Card: ${review.card}${review.title ? ` (${review.title})` : ''}`);
  out.push(`Reviewed: ${review.reviewedAt} · ${review.tool.name} ${review.tool.version}`, `Mode: ${modeLabel(review)}`, '');
  out.push('EXECUTIVE SUMMARY (evidence-based – validate with the owners):', review.executiveSummary, '');
  if (review.cardFindings.length > 0) {
    out.push('CARD FINDINGS:');
    for (const finding of review.cardFindings) out.push(`  ⚠ ${finding.message}${finding.line ? ` (line ${finding.line})` : ''}`);
    out.push('');
  }
  for (const gate of review.gates) {
    out.push(`${gateEmoji(gate.id)} ${gate.number}. ${gate.title.toUpperCase()} — ${STATUS_ICON[gate.status]} ${gate.status}`, SINGLE);
    const agentLine = gateAgentLabel(gate);
    if (agentLine) out.push(`  ${agentLine}`);
    if (gate.agent?.summary) out.push(`  Model summary: ${gate.agent.summary}`);
    if (gate.findings.length === 0) out.push(`  No gaps found (${gate.evidence.length} criteria evidenced).`);
    for (const finding of gate.findings) {
      const where = lineLabel(finding.line, finding.endLine);
      out.push(`  [${finding.severity}] ${finding.checkId}${findingOriginTag(finding)}${where ? ` (${where})` : ''}: ${finding.message}${findingDetail(finding)}`);
    }
    if (gate.evidence.length > 0 && gate.findings.length > 0) out.push(`  Evidenced: ${gate.evidence.map((item) => item.checkId).join(', ')}`);
    out.push(`  Key risk: ${gate.keyRisk}`, `  Mitigation: ${gate.mitigation} (owner: ${gate.owner})`, '');
  }
  out.push(DOUBLE, '📋 GATE TABLE', DOUBLE);
  out.push('Gate | Status | Key Risk | Suggested Mitigation | Owner');
  out.push('-----|--------|----------|----------------------|------');
  for (const gate of review.gates) out.push(`${shortTitle(gate.id)} | ${gate.status} | ${gate.keyRisk} | ${gate.mitigation} | ${gate.owner}`);
  out.push('', `Overall Recommendation: ${review.recommendation}`);
  out.push(`MLOps maturity: level ${review.maturityLevel} (${review.maturity.label})`, '');
  const model = modelReviewSummaryLines(review);
  if (model.length > 0) out.push('MODEL REVIEW', ...model.map((line) => `  ${line}`), '');
  out.push(`⏱️ Elapsed Time: ${formatSeconds(review.elapsedMs)}`, '');
  out.push('⚠️ DISCLAIMERS', DISCLAIMER_INTRO);
  for (const [title, text] of DISCLAIMERS) out.push(`- ${title}: ${text}`);
  return `${out.join('\n')}\n`;
}
