/**
 * The model reviewer's part of the Gate Review page: the header section (target, outcome, time, tokens,
 * the formatter's rationale), each gate's model column and details, and the notes on model findings.
 * Every value passes through escapeHtml.
 */
import { escapeHtml } from '../../src/core/report/escapeHtml';
import type { Finding, GateAgentReport, ModelReviewReport } from '../../src/core/review/types';
import { agentCost, agentVerdict, formatDuration, formatUsage, isUnverifiedModelFinding, modelReviewOutcome } from '../../src/core/report/modelReviewText';

export function modelReviewSection(report: ModelReviewReport): string {
  const failed = report.stoppedBecause !== null || report.cancelled;
  const steps = report.steps.map((step) => `<li>${escapeHtml(step.name)}: ${step.ok ? 'answered' : `no answer (${escapeHtml(step.reason ?? 'unknown')})`} · ${escapeHtml(formatDuration(step.elapsedMs))} · ${escapeHtml(formatUsage(step.usage))}</li>`).join('');
  return [
    `<section class="model-review${failed ? ' failed' : ''}" id="model-review" aria-labelledby="model-review-heading">`,
    `<h2 id="model-review-heading">Model review</h2>`,
    `<p class="model-target">${escapeHtml(report.target)}</p>`,
    `<p class="model-outcome"${failed ? ' role="alert"' : ''}>${escapeHtml(modelReviewOutcome(report))}</p>`,
    `<p class="model-usage">Model time ${escapeHtml(formatDuration(report.elapsedMs))} · ${escapeHtml(formatUsage(report.usage))}</p>`,
    report.rationale ? `<p class="model-rationale"><strong>Rationale:</strong> ${escapeHtml(report.rationale)}</p>` : '',
    steps ? `<ul class="model-steps">${steps}</ul>` : '',
    `</section>`,
  ].join('\n');
}

/** The gate table's "Model Review" cell: reviewed by model (time, tokens) or why the gate kept its checks. */
export function gateAgentCell(agent: GateAgentReport | undefined): string {
  if (!agent) return '<span class="agent none">not sent</span>';
  const cost = agentCost(agent);
  return `<span class="agent ${agent.reviewed ? 'reviewed' : 'fallback'}">${escapeHtml(agentVerdict(agent))}</span>${cost ? `<br><span class="agent-cost">${escapeHtml(cost)}</span>` : ''}`;
}

export function gateAgentDetails(agent: GateAgentReport): string {
  const proposed = agent.reviewed && agent.statusFromModel ? ` The model proposed ${escapeHtml(agent.statusFromModel)}; the checks alone say ${escapeHtml(agent.statusFromChecks)}.` : '';
  const cost = agentCost(agent);
  return `<div class="agent-details"><p><strong>Model:</strong> ${escapeHtml(agentVerdict(agent))}.${proposed}${cost ? ` <span class="agent-cost">${escapeHtml(cost)}</span>` : ''}</p>${agent.summary ? `<p class="agent-summary">${escapeHtml(agent.summary)}</p>` : ''}</div>`;
}

/** "from the model", the quote (marked when it is not in the card) and the recommendation. */
export function modelFindingNote(finding: Finding): string {
  const unverified = isUnverifiedModelFinding(finding);
  const marker = `<span class="origin">${unverified ? 'from the model · unverified quote: not in the card, not counted' : 'from the model'}</span>`;
  const quote = finding.quote ? `<q class="quote">${escapeHtml(finding.quote)}</q>` : '';
  const recommendation = finding.recommendation ? `<span class="recommendation-text">${escapeHtml(finding.recommendation)}</span>` : '';
  return `<br>${marker}${quote ? ` ${quote}` : ''}${recommendation ? `<br>${recommendation}` : ''}`;
}
