import { GATES } from '../gates';
import type { GateStatus, Recommendation } from '../review/types';

export const DISCLAIMERS = [
  ['Not model governance', 'establish a formal model governance board.'],
  ['Not a bias audit', 'conduct thorough fairness audits with domain experts.'],
  ['Not a security assessment', 'engage security teams for threat modeling.'],
  ['Not legal advice', 'consult legal counsel for regulatory compliance.'],
  ['Validation required', 'all gate findings must be validated by human experts.'],
  ['Context dependent', 'risk thresholds vary by industry and use case.'],
] as const;

export const DISCLAIMER_INTRO = 'This review is a preliminary, evidence-based production readiness assessment of what the model card documents, for planning purposes only.';

export const STATUS_ICON: Record<GateStatus, string> = { Pass: '✅', Conditional: '⚠️', Fail: '❌' };

export const RECOMMENDATION_ICON: Record<Recommendation, string> = { Go: '🟢', 'Conditional Go': '🟡', 'No-Go': '🔴' };

export function gateEmoji(id: string): string {
  return GATES.find((gate) => gate.id === id)?.emoji ?? '•';
}

export function shortTitle(id: string): string {
  return GATES.find((gate) => gate.id === id)?.shortTitle ?? id;
}

/** "line 12", "lines 12–14", or "" when the finding has no location. */
export function lineLabel(line: number | null, endLine: number | null): string {
  if (line === null) return '';
  return endLine !== null && endLine > line ? `lines ${line}–${endLine}` : `line ${line}`;
}

export function formatSeconds(ms: number): string {
  return `${(ms / 1000).toFixed(ms < 1000 ? 3 : 2)} seconds`;
}
