import type { CardFormat } from '../card/types';
import type { Severity } from '../checks/types';
import type { GateId } from '../gates';

export type GateStatus = 'Pass' | 'Conditional' | 'Fail';
export type Recommendation = 'Go' | 'Conditional Go' | 'No-Go';
export type ReviewMode = 'offline';

export interface Finding {
  checkId: string;
  severity: Severity;
  message: string;
  line: number | null;
  endLine: number | null;
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
  reviewedAt: string;
  tool: { name: string; version: string };
}
