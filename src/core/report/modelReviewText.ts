/**
 * How the model review is put into words, in one place: the reports (TXT, Markdown, HTML), the tree
 * (extension host) and the Gate Review page (webview) all say the same thing. Plain text: callers
 * escape it for HTML or Markdown.
 */
import type { Finding, GateAgentReport, GateReview, ModelReviewReport, Review, ReviewMode, TokenUsage } from '../review/types';


export const MODE_LABEL: Record<ReviewMode, string> = { offline: 'offline review', azure: 'Azure OpenAI review', openai: 'OpenAI-compatible model review' };

/** "reviewed by model", or "not reviewed by model: <reason>". */
export function agentVerdict(agent: GateAgentReport): string {
  return agent.reviewed ? 'reviewed by model' : `not reviewed by model: ${agent.fallbackReason ?? 'no answer'}`;
}

/** "1,234 prompt (1,000 cached) + 210 completion tokens". */
export function formatUsage(usage: TokenUsage): string {
  return `${thousands(usage.promptTokens)} prompt (${thousands(usage.cachedTokens)} cached) + ${thousands(usage.completionTokens)} completion tokens`;
}

/** "850 ms", "2.4 s". */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** "2.4 s, 1 attempt, 1,234 prompt (…) tokens", or "" when nothing was sent. */
export function agentCost(agent: GateAgentReport): string {
  if (agent.attempts === 0) return '';
  return `${formatDuration(agent.elapsedMs)}, ${agent.attempts} attempt${agent.attempts === 1 ? '' : 's'}, ${formatUsage(agent.usage)}`;
}

/** "The model reviewed 7 of 7 gates", or why it stopped. */
export function modelReviewOutcome(report: ModelReviewReport): string {
  if (report.cancelled) return `Model review cancelled: the model reviewed ${report.gatesReviewed} of 7 gates; the others keep their deterministic result.`;
  if (report.stoppedBecause) return `Model review failed: ${report.stoppedBecause} The model reviewed ${report.gatesReviewed} of 7 gates; the others keep their deterministic result.`;
  return `The model reviewed ${report.gatesReviewed} of 7 gates.`;
}

/** Model findings whose quote is not in the card: shown, never counted, never a diagnostic. */
export function isUnverifiedModelFinding(finding: Finding): boolean {
  return finding.source === 'model' && finding.verified === false;
}

/** "from the model", "from the model · unverified quote", or "" for a deterministic finding. */
export function findingOrigin(finding: Finding): string {
  if (finding.source !== 'model') return '';
  return isUnverifiedModelFinding(finding) ? 'from the model · unverified quote' : 'from the model';
}

function thousands(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The review's mode for a report header: offline, or where the model review ran and how far it got. */
export function modeLabel(review: Review): string {
  if (!review.modelReview) return `${review.mode} (deterministic checks only)`;
  const model = review.modelReview;
  const stopped = model.cancelled ? ', cancelled' : model.stoppedBecause ? `, stopped: ${model.stoppedBecause}` : '';
  return `${review.mode}: ${model.target}; ${model.gatesReviewed}/7 gates reviewed by the model${stopped}`;
}

/** One line per gate in a report: what the model proposed and what it cost, or why the gate kept the checks' result. */
export function gateAgentLabel(gate: GateReview): string | null {
  const agent = gate.agent;
  if (!agent) return null;
  if (!agent.reviewed) return `Model review: not used — ${agent.fallbackReason ?? 'no answer'} The gate keeps its deterministic result.`;
  const change = agent.statusFromChecks !== gate.status ? `; lowered from ${agent.statusFromChecks} by the model's findings` : '';
  return `Model review: ${agent.statusFromModel ?? 'no status'} proposed${change}; ${agentCost(agent)}.`;
}

/** " [model]" or " [model, unverified quote …]" after a finding's id in a report; nothing for a check's finding. */
export function findingOriginTag(finding: Finding): string {
  if (finding.source !== 'model') return '';
  return isUnverifiedModelFinding(finding) ? ' [model, unverified quote: not found in the card, not counted]' : ' [model]';
}

/** The quote and recommendation a model finding carries, as trailing sentences in a report. */
export function findingDetail(finding: Finding): string {
  if (finding.source !== 'model') return '';
  const quote = finding.quote ? ` Quote: "${finding.quote}".` : '';
  return `${quote}${finding.recommendation ? ` Recommendation: ${finding.recommendation}` : ''}`;
}

/** The report's model review section: target, outcome, steps, time, tokens and the formatter's rationale. */
export function modelReviewSummaryLines(review: Review): string[] {
  const model = review.modelReview;
  if (!model) return [];
  const lines = [`Model reviewer: ${model.target}.`, modelReviewOutcome(model)];
  for (const step of model.steps) lines.push(`${step.name === 'dispatcher' ? 'Dispatcher' : 'Formatter'}: ${step.ok ? `answered in ${formatDuration(step.elapsedMs)}` : `no answer (${step.reason})`}.`);
  lines.push(`Model time: ${formatDuration(model.elapsedMs)}; tokens: ${formatUsage(model.usage)}.`);
  if (model.rationale) lines.push(`Rationale: ${model.rationale}`);
  return lines;
}
