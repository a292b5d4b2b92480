/**
 * How the model review is put into words, shared by the tree (extension host) and the Gate Review page
 * (webview), so both say the same thing. Plain text: callers escape it for HTML.
 */
import type { Finding, GateAgentReport, ModelReviewReport, ReviewMode, TokenUsage } from '../core/review/types';

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
