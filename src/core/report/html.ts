import type { Review } from '../review/types';
import { escapeHtml } from './escapeHtml';
import { findingDetail, findingOriginTag, gateAgentLabel, modeLabel, modelReviewSummaryLines } from './modelReviewText';
import { DISCLAIMERS, DISCLAIMER_INTRO, RECOMMENDATION_ICON, STATUS_ICON, formatSeconds, gateEmoji, lineLabel } from './disclaimers';

/** Self-contained HTML report (inline CSS, no scripts); every string from the card is escaped. */
export function renderHtml(review: Review): string {
  const e = escapeHtml;
  const rows = review.gates
    .map((gate) => `<tr class="${gate.status.toLowerCase()}"><td>${gateEmoji(gate.id)} ${e(gate.title)}</td><td>${STATUS_ICON[gate.status]} ${gate.status}</td><td>${e(gate.keyRisk)}</td><td>${e(gate.mitigation)}</td><td>${e(gate.owner)}</td></tr>`)
    .join('\n');
  const sections = review.gates
    .map((gate) => {
      const findings = gate.findings.length === 0 ? `<p>No gaps found (${gate.evidence.length} criteria evidenced).</p>` : `<ul>${gate.findings.map((finding) => `<li><span class="sev ${finding.severity}">${finding.severity}</span> <code>${e(finding.checkId)}</code>${e(findingOriginTag(finding))}${finding.line ? ` <span class="where">(${lineLabel(finding.line, finding.endLine)})</span>` : ''}: ${e(finding.message)}${e(findingDetail(finding))}</li>`).join('')}</ul>`;
      const agentLine = gateAgentLabel(gate);
      const agent = agentLine ? `<p class="agent">${e(agentLine)}${gate.agent?.summary ? `<br>${e(gate.agent.summary)}` : ''}</p>` : '';
      return `<section><h2>${gateEmoji(gate.id)} ${gate.number}. ${e(gate.title)} — ${STATUS_ICON[gate.status]} ${gate.status}</h2>${agent}${findings}<p><strong>Key risk:</strong> ${e(gate.keyRisk)}<br><strong>Mitigation:</strong> ${e(gate.mitigation)} (owner: ${e(gate.owner)})</p></section>`;
    })
    .join('\n');
  const cardFindings = review.cardFindings.length === 0 ? '' : `<section><h2>Card findings</h2><ul>${review.cardFindings.map((finding) => `<li>${e(finding.message)}</li>`).join('')}</ul></section>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Gate Review: ${e(review.title ?? review.card)}</title>
<style>
body{font:14px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4em .6em;text-align:left;vertical-align:top}
tr.fail td:nth-child(2){color:#b00020;font-weight:600}tr.conditional td:nth-child(2){color:#8a5a00;font-weight:600}tr.pass td:nth-child(2){color:#1e6b2e;font-weight:600}
.recommendation{font-size:1.4em;font-weight:700}.sev{font-size:.8em;padding:0 .4em;border-radius:3px;background:#eee}.sev.error{background:#fdd}.sev.warning{background:#ffe9b3}
.where{color:#555}.agent{color:#444;font-style:italic}@media (prefers-color-scheme:dark){body{background:#1e1e1e;color:#ddd}th,td{border-color:#555}.sev{background:#333}.sev.error{background:#5a1a1a}.sev.warning{background:#5a4a10}.where{color:#aaa}}
</style>
</head>
<body>
<h1>🤖 ML Model Productionization Gate Review</h1>
<p>Card: <code>${e(review.card)}</code>${review.title ? ` — ${e(review.title)}` : ''}<br>Reviewed ${e(review.reviewedAt)} · mode ${e(modeLabel(review))} · ${e(review.tool.name)} ${e(review.tool.version)}</p>
<p class="recommendation">${RECOMMENDATION_ICON[review.recommendation]} Overall recommendation: ${review.recommendation}</p>
<h2>Executive summary</h2>
<p>${e(review.executiveSummary)}</p>
${cardFindings}
<h2>📋 Gate table</h2>
<table><thead><tr><th>Gate</th><th>Status</th><th>Key Risk</th><th>Suggested Mitigation</th><th>Owner</th></tr></thead>
<tbody>
${rows}
</tbody></table>
<p>MLOps maturity: level ${review.maturityLevel} (${e(review.maturity.label)}) · ⏱️ Elapsed time: ${formatSeconds(review.elapsedMs)}</p>
${modelReviewSummaryLines(review).length > 0 ? `<h2>🤖 Model review</h2><ul>${modelReviewSummaryLines(review).map((line) => `<li>${e(line)}</li>`).join('')}</ul>` : ''}
${sections}
<h2>⚠️ Disclaimers</h2>
<p>${e(DISCLAIMER_INTRO)}</p>
<ul>${DISCLAIMERS.map(([title, text]) => `<li><strong>${e(title)}</strong> — ${e(text)}</li>`).join('')}</ul>
</body>
</html>
`;
}
