import type { Review } from '../review/types';
import { findingDetail, findingOriginTag, gateAgentLabel, modeLabel, modelReviewSummaryLines } from './modelReviewText';
import { DISCLAIMERS, DISCLAIMER_INTRO, RECOMMENDATION_ICON, STATUS_ICON, formatSeconds, gateEmoji, lineLabel, shortTitle } from './disclaimers';

/** Markdown report: same structure as the text report, with a real gate table. */
export function renderMarkdown(review: Review): string {
  const out: string[] = [];
  out.push('# 🤖 ML Model Productionization Gate Review', '');
  out.push(`**Card:** \`${code(review.card)}\`${review.title ? ` — ${inline(review.title)}` : ''}  `);
  out.push(`**Reviewed:** ${review.reviewedAt} · ${review.tool.name} ${review.tool.version}  `, `**Mode:** ${inline(modeLabel(review))}`, '');
  out.push(`## ${RECOMMENDATION_ICON[review.recommendation]} Overall recommendation: ${review.recommendation}`, '');
  out.push('## Executive summary', '', inline(review.executiveSummary), '');
  if (review.cardFindings.length > 0) {
    out.push('### Card findings', '');
    for (const finding of review.cardFindings) out.push(`- ⚠️ ${inline(finding.message)}${finding.line ? ` (line ${finding.line})` : ''}`);
    out.push('');
  }
  for (const gate of review.gates) {
    out.push(`## ${gateEmoji(gate.id)} ${gate.number}. ${gate.title} — ${STATUS_ICON[gate.status]} ${gate.status}`, '');
    const agentLine = gateAgentLabel(gate);
    if (agentLine) out.push(`_${inline(agentLine)}_`, '');
    if (gate.agent?.summary) out.push(`> ${inline(gate.agent.summary)}`, '');
    if (gate.findings.length === 0) out.push(`No gaps found (${gate.evidence.length} criteria evidenced).`, '');
    for (const finding of gate.findings) {
      const where = lineLabel(finding.line, finding.endLine);
      out.push(`- **${finding.severity}** \`${finding.checkId}\`${inline(findingOriginTag(finding))}${where ? ` (${where})` : ''}: ${inline(finding.message)}${inline(findingDetail(finding))}`);
    }
    if (gate.findings.length > 0) out.push('');
    if (gate.evidence.length > 0 && gate.findings.length > 0) out.push(`Evidenced: ${gate.evidence.map((item) => `\`${item.checkId}\``).join(', ')}`, '');
    out.push(`**Key risk:** ${inline(gate.keyRisk)}  `, `**Mitigation:** ${inline(gate.mitigation)} (owner: ${gate.owner})`, '');
  }
  out.push('## 📋 Gate table', '');
  out.push('| Gate | Status | Key Risk | Suggested Mitigation | Owner |', '|---|---|---|---|---|');
  for (const gate of review.gates) out.push(`| ${shortTitle(gate.id)} | ${STATUS_ICON[gate.status]} ${gate.status} | ${cell(gate.keyRisk)} | ${cell(gate.mitigation)} | ${gate.owner} |`);
  out.push('', `**Overall Recommendation:** ${review.recommendation}  `, `**MLOps maturity:** level ${review.maturityLevel} (${review.maturity.label})  `, `**⏱️ Elapsed Time:** ${formatSeconds(review.elapsedMs)}`, '');
  const model = modelReviewSummaryLines(review);
  if (model.length > 0) out.push('## 🤖 Model review', '', ...model.map((line) => `- ${inline(line)}`), '');
  out.push('## ⚠️ Disclaimers', '', DISCLAIMER_INTRO, '');
  for (const [title, text] of DISCLAIMERS) out.push(`- **${title}** — ${text}`);
  return `${out.join('\n')}\n`;
}

/** Card text inside a report must not become markup: escape what Markdown would interpret. */
function inline(text: string): string {
  return text.replace(/([\\`*_[\]<>#|])/g, '\\$1').replace(/\r?\n/g, ' ');
}

function cell(text: string): string {
  return inline(text);
}

function code(text: string): string {
  return text.replace(/`/g, "'");
}
