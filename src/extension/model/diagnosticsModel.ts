import type { Finding, Review } from '../../core';

/** Finding statuses a user can turn into diagnostics: error findings fail a gate, warnings make it conditional. */
export const DIAGNOSTIC_STATUSES = ['Fail', 'Conditional', 'Info'] as const;
export type DiagnosticStatus = (typeof DIAGNOSTIC_STATUSES)[number];
export const DEFAULT_DIAGNOSTIC_STATUSES: readonly DiagnosticStatus[] = ['Fail', 'Conditional'];

export const DIAGNOSTIC_SOURCE = 'model-readiness';
/** The source of diagnostics a model reviewer's findings produce (in the same collection). */
export const MODEL_DIAGNOSTIC_SOURCE = 'Model Readiness (model)';

const STATUS_OF_SEVERITY: Record<Finding['severity'], DiagnosticStatus> = { error: 'Fail', warning: 'Conditional', info: 'Info' };

/** A diagnostic without VS Code types: 0-based lines, the whole line(s) of the finding. */
export interface DiagnosticSpec {
  severity: Finding['severity'];
  startLine: number;
  endLine: number;
  message: string;
  checkId: string;
  /** True when the finding points at nothing in the card (placed on line 1). */
  unplaced: boolean;
  /** A model reviewer's finding (code MODEL-REVIEW, source MODEL_DIAGNOSTIC_SOURCE). */
  fromModel: boolean;
}

export interface DiagnosticOptions {
  statuses: readonly DiagnosticStatus[];
  ignoredChecks: readonly string[];
  /** Lines in the card now, so a stale line number never points past the end. */
  lineCount: number;
}

/**
 * Findings of a review → diagnostics, in gate order; card findings (encoding, front matter) come first.
 * A model finding whose quote is not in the card (verified false) is never a diagnostic.
 */
export function diagnosticsOf(review: Review, options: DiagnosticOptions): DiagnosticSpec[] {
  const statuses = new Set(options.statuses);
  const ignored = new Set(options.ignoredChecks);
  const lastLine = Math.max(0, options.lineCount - 1);
  const findings = [...review.cardFindings, ...review.gates.flatMap((gate) => gate.findings.map((finding) => ({ ...finding, gateTitle: gate.title })))];
  return findings
    .filter((finding) => finding.verified !== false && statuses.has(STATUS_OF_SEVERITY[finding.severity]) && !ignored.has(finding.checkId))
    .map((finding) => {
      const startLine = Math.min(lastLine, Math.max(0, (finding.line ?? 1) - 1));
      const endLine = Math.min(lastLine, Math.max(startLine, (finding.endLine ?? finding.line ?? 1) - 1));
      const gateTitle = 'gateTitle' in finding ? `${finding.gateTitle}: ` : '';
      return { severity: finding.severity, startLine, endLine, message: `${gateTitle}${finding.message}`, checkId: finding.checkId, unplaced: finding.line === null, fromModel: finding.source === 'model' };
    });
}

/** How many diagnostics a review yields with the default settings: its Fail and Conditional findings. */
export function countBlockingFindings(review: Review): number {
  return diagnosticsOf(review, { statuses: DEFAULT_DIAGNOSTIC_STATUSES, ignoredChecks: [], lineCount: Number.MAX_SAFE_INTEGER }).length;
}
