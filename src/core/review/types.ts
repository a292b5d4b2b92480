import type { CardFormat } from '../card/types';
import type { Severity } from '../checks/types';
import type { GateId } from '../gates';

export type GateStatus = 'Pass' | 'Conditional' | 'Fail';
export type Recommendation = 'Go' | 'Conditional Go' | 'No-Go';
export type ReviewMode = 'offline' | 'azure' | 'openai';

export interface Finding {
  checkId: string;
  severity: Severity;
  message: string;
  line: number | null;
  endLine: number | null;
  /** Set on findings a model reviewer added; deterministic findings leave it out. */
  source?: 'model';
  /** Model findings only: false when the quoted text is not in the card (never a diagnostic, never counted). */
  verified?: boolean;
  /** Model findings only: the card text the finding quotes. */
  quote?: string | null;
  /** Model findings only: what the reviewer recommends. */
  recommendation?: string;
}

/** A check that found its criterion met, and where. */
export interface EvidenceRef {
  checkId: string;
  line: number | null;
}

export interface GateReview {
  id: GateId;
  number: number;
  title: string;
  status: GateStatus;
  keyRisk: string;
  mitigation: string;
  owner: string;
  findings: Finding[];
  evidence: EvidenceRef[];
  /** Checks with nothing to judge (e.g. a threshold rule where the card states no number). */
  skipped: string[];
  /** Present when a model reviewer was asked about this gate. */
  agent?: GateAgentReport;
}

export interface TokenUsage {
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
}

/** What the gate's model agent did: its review, or why the gate kept its deterministic result. */
export interface GateAgentReport {
  /** True when the model's review is part of this gate; false when the gate fell back to the checks. */
  reviewed: boolean;
  /** Why the gate fell back (null when reviewed). */
  fallbackReason: string | null;
  /** The status of the deterministic checks alone. */
  statusFromChecks: GateStatus;
  /** The status the model proposed (null without an answer). */
  statusFromModel: GateStatus | null;
  summary: string | null;
  elapsedMs: number;
  attempts: number;
  usage: TokenUsage;
}

/** The model review as a whole: where it ran and what it cost. No keys, no tokens of auth. */
export interface ModelReviewReport {
  provider: 'azure' | 'openai';
  target: string;
  /** Gates whose final result includes the model's review. */
  gatesReviewed: number;
  cancelled: boolean;
  /** Set when the chain stopped early (credentials, missing deployment, context window...). */
  stoppedBecause: string | null;
  brief: Record<string, string> | null;
  /** The formatter's rationale for the recommendation (null when the formatter gave none). */
  rationale: string | null;
  /** Dispatcher and formatter outcomes, for the report. */
  steps: { name: 'dispatcher' | 'formatter'; ok: boolean; reason: string | null; elapsedMs: number; usage: TokenUsage }[];
  elapsedMs: number;
  usage: TokenUsage;
}

export interface MaturityAssessment {
  level: 0 | 1 | 2 | 3;
  label: string;
  /** What the card shows at each level reached, e.g. "automated training: MLflow (line 120)". */
  signals: string[];
}

export interface Review {
  card: string;
  title: string | null;
  format: CardFormat;
  recommendation: Recommendation;
  mode: ReviewMode;
  elapsedMs: number;
  maturityLevel: 0 | 1 | 2 | 3;
  maturity: MaturityAssessment;
  executiveSummary: string;
  /** Findings about the card file itself (encoding, front matter), not about a gate. */
  cardFindings: Finding[];
  gates: GateReview[];
  /** Present when a model reviewer took part (mode azure or openai). */
  modelReview?: ModelReviewReport;
  reviewedAt: string;
  tool: { name: string; version: string };
}
