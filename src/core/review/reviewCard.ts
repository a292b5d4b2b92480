import type { ModelCard } from '../card/types';
import { checksOfGate } from '../checks/registry';
import type { CheckContext, CheckDefinition, CheckResult } from '../checks/types';
import { Evidence } from '../evidence/evidence';
import { GATES, type Gate } from '../gates';
import { TOOL } from '../version';
import { assessMaturity } from './maturity';
import { gateStatus, recommendationOf } from './status';
import { findReviewerInstructions, REVIEWER_INSTRUCTIONS_ID, reviewerInstructionsMitigation } from './reviewerInstructions';
import { executiveSummary } from './summary';
import type { EvidenceRef, Finding, GateReview, Review } from './types';

export interface ReviewOptions {
  /** Review time; injectable so freshness rules and timestamps are reproducible. */
  now?: Date;
  /** Called as each gate completes, in order (drives live progress). */
  onGate?: (gate: GateReview) => void;
}

export interface AsyncReviewOptions extends ReviewOptions {
  /** Checked before each gate; an aborted review rejects with ReviewCancelledError. */
  signal?: AbortSignal;
  /** Called as each gate starts, in order (a UI shows it as running). */
  onGateStart?: (gate: Gate) => void;
}

/** Thrown by reviewCardAsync when its signal is aborted between gates. */
export class ReviewCancelledError extends Error {
  constructor(readonly card: string) {
    super(`${card}: review cancelled`);
    this.name = 'ReviewCancelledError';
  }
}

/** Runs the seven gates over a parsed card, deterministically and offline. */
export function reviewCard(card: ModelCard, options: ReviewOptions = {}): Review {
  const started = performance.now();
  const now = options.now ?? new Date();
  const context: CheckContext = { card, evidence: new Evidence(card), now };
  const gates = GATES.map((gate) => {
    const result = reviewGate(gate, context);
    options.onGate?.(result);
    return result;
  });
  return finishReview(context, gates, started);
}

/**
 * The same review, yielding to the event loop between gates so an editor stays responsive,
 * can show each gate's progress and can cancel. Results are identical to reviewCard.
 */
export async function reviewCardAsync(card: ModelCard, options: AsyncReviewOptions = {}): Promise<Review> {
  const started = performance.now();
  const now = options.now ?? new Date();
  const context: CheckContext = { card, evidence: new Evidence(card), now };
  const gates: GateReview[] = [];
  for (const gate of GATES) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (options.signal?.aborted) throw new ReviewCancelledError(card.path);
    options.onGateStart?.(gate);
    const result = reviewGate(gate, context);
    gates.push(result);
    options.onGate?.(result);
  }
  return finishReview(context, gates, started);
}

function finishReview(context: CheckContext, gates: GateReview[], started: number): Review {
  const { card, evidence, now } = context;
  const maturity = assessMaturity(evidence);
  const recommendation = recommendationOf(gates.map((gate) => gate.status));
  const cardFindings: Finding[] = card.notices.map((notice) => ({ checkId: `CARD-${notice.kind.toUpperCase()}`, severity: 'warning', message: notice.message, line: notice.line, endLine: notice.line }));
  const title = card.title ?? card.path;
  return {
    card: card.path,
    title: card.title,
    format: card.format,
    recommendation,
    mode: 'offline',
    elapsedMs: round(performance.now() - started),
    maturityLevel: maturity.level,
    maturity,
    executiveSummary: executiveSummary({ title, recommendation, gates, maturity, cardNotices: cardFindings.length }),
    cardFindings,
    gates,
    reviewedAt: now.toISOString(),
    tool: { ...TOOL },
  };
}

function reviewGate(gate: Gate, context: CheckContext): GateReview {
  const findings: Finding[] = [];
  const evidence: EvidenceRef[] = [];
  const skipped: string[] = [];
  const mitigations = new Map<string, string>();
  const record = (check: CheckDefinition, result: CheckResult) => {
    if (result.outcome === 'pass') evidence.push({ checkId: check.id, line: result.line });
    else if (result.outcome === 'skip') skipped.push(check.id);
    else {
      findings.push({ checkId: check.id, severity: result.severity ?? check.severity, message: result.message, line: result.line, endLine: result.endLine ?? result.line });
      mitigations.set(check.id, check.mitigation);
    }
  };
  for (const check of checksOfGate(gate.id)) {
    const outcome = check.run(context);
    if (!Array.isArray(outcome)) record(check, outcome as CheckResult);
    else if (outcome.length === 0) skipped.push(check.id);
    else for (const result of outcome) record(check, result);
  }
  if (gate.id === 'security-robustness') {
    const attempts = findReviewerInstructions(context.card);
    findings.push(...attempts);
    if (attempts.length > 0) mitigations.set(REVIEWER_INSTRUCTIONS_ID, reviewerInstructionsMitigation);
  }
  if (evidence.length === 0 && !findings.some((finding) => finding.severity === 'error')) {
    findings.unshift({ checkId: 'GATE-NO-EVIDENCE', severity: 'error', message: `The card says nothing about ${gate.subject}.`, line: null, endLine: null });
    mitigations.set('GATE-NO-EVIDENCE', `Document ${gate.subject}.`);
  }
  const status = gateStatus(findings, evidence.length);
  const decisive = findings.find((finding) => finding.severity === 'error') ?? findings.find((finding) => finding.severity === 'warning');
  return {
    id: gate.id,
    number: gate.number,
    title: gate.title,
    status,
    // A gate that passes still carries the residual risk of its subject.
    keyRisk: decisive ? decisive.message : `Residual: ${gate.residualRisk}`,
    mitigation: decisive ? mitigations.get(decisive.checkId)! : gate.residualMitigation,
    owner: gate.owner,
    findings,
    evidence,
    skipped,
  };
}

function round(ms: number): number {
  return Math.round(ms * 1000) / 1000;
}
