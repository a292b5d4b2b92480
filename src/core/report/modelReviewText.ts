import type { Finding, GateReview, Review, TokenUsage } from '../review/types';

/** The words every report uses for the model reviewer's part, so TXT, Markdown and HTML agree. */

export function modeLabel(review: Review): string {
  if (!review.modelReview) return `${review.mode} (deterministic checks only)`;
  const model = review.modelReview;
  const stopped = model.cancelled ? ', cancelled' : model.stoppedBecause ? `, stopped: ${model.stoppedBecause}` : '';
  return `${review.mode}: ${model.target}; ${model.gatesReviewed}/7 gates reviewed by the model${stopped}`;
}

export function usageLabel(usage: TokenUsage): string {
  return `${usage.promptTokens.toLocaleString('en-US')} prompt tokens (${usage.cachedTokens.toLocaleString('en-US')} cached), ${usage.completionTokens.toLocaleString('en-US')} completion tokens`;
}

/** One line per gate: reviewed by the model (how long, what it cost) or why it kept the checks' result. */
export function gateAgentLabel(gate: GateReview): string | null {
  const agent = gate.agent;
  if (!agent) return null;
  if (!agent.reviewed) return `Model review: not used — ${agent.fallbackReason ?? 'no answer'} The gate keeps its deterministic result.`;
  const change = agent.statusFromChecks !== gate.status ? `; lowered from ${agent.statusFromChecks} by the model's findings` : '';
  return `Model review: ${agent.statusFromModel ?? 'no status'} proposed${change}; ${seconds(agent.elapsedMs)}, ${usageLabel(agent.usage)}${agent.attempts > 1 ? `, ${agent.attempts} attempts` : ''}.`;
}

/** "[model]" or "[model, unverified quote]" after a finding's id, nothing for a check's finding. */
export function findingOrigin(finding: Finding): string {
  if (finding.source !== 'model') return '';
  return finding.verified === false ? ' [model, unverified quote: not found in the card, not counted]' : ' [model]';
}

/** The recommendation and quote a model finding carries, as one trailing sentence. */
export function findingDetail(finding: Finding): string {
  if (finding.source !== 'model') return '';
  const quote = finding.quote ? ` Quote: "${finding.quote}".` : '';
  return `${quote}${finding.recommendation ? ` Recommendation: ${finding.recommendation}` : ''}`;
}

export function modelReviewSummaryLines(review: Review): string[] {
  const model = review.modelReview;
  if (!model) return [];
  const lines = [`Model reviewer: ${model.target}.`, `Gates reviewed by the model: ${model.gatesReviewed} of 7${model.cancelled ? ' (cancelled)' : ''}${model.stoppedBecause && !model.cancelled ? ` (stopped: ${model.stoppedBecause})` : ''}.`];
  for (const step of model.steps) lines.push(`${capitalise(step.name)}: ${step.ok ? `done in ${seconds(step.elapsedMs)}` : `failed (${step.reason})`}.`);
  lines.push(`Model time: ${seconds(model.elapsedMs)}; tokens: ${usageLabel(model.usage)}.`);
  if (model.rationale) lines.push(`Rationale: ${model.rationale}`);
  return lines;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
