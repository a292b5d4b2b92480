import type { Finding, GateReview } from '../review/types';

/**
 * Earlier gates travel to later agents as compact structured outcomes, not their full prose: the
 * final status, the key risk and one short line per finding the agent added. The checks' own
 * findings are already in every prompt's shared prefix, so they are not repeated here.
 */

const MAX_CHECK_FINDINGS = 10;
const MAX_MODEL_FINDINGS = 3;
const MAX_MESSAGE = 140;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** One gate's deterministic results: status, findings worst first, and the criteria met. */
export function compactChecks(gate: GateReview): string {
  const findings = bySeverity(gate.findings).slice(0, MAX_CHECK_FINDINGS).map(compactFinding);
  const more = gate.findings.length - findings.length;
  if (more > 0) findings.push(`- (${more} more)`);
  const met = gate.evidence.length > 0 ? `\ncriteria met: ${[...new Set(gate.evidence.map((evidence) => evidence.checkId))].join(', ')}` : '';
  return `Gate ${gate.number} ${gate.title}: ${gate.status}${findings.length > 0 ? `\n${findings.join('\n')}` : ''}${met}`;
}

/** One gate's outcome after its agent: what a later gate needs to build on. */
export function compactOutcome(gate: GateReview): string {
  const added = bySeverity(gate.findings.filter((finding) => finding.source === 'model' && finding.verified !== false && finding.severity !== 'info')).slice(0, MAX_MODEL_FINDINGS);
  const reviewed = gate.agent?.reviewed ? (added.length > 0 ? added.map(compactFinding).join('\n') : '- agent added no gaps') : '- no agent review (checks only)';
  return `Gate ${gate.number} ${gate.title}: ${gate.status}. Key risk: ${shorten(gate.keyRisk)}\n${reviewed}`;
}

function bySeverity(findings: readonly Finding[]): Finding[] {
  return [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

function compactFinding(finding: Finding): string {
  const where = finding.line === null ? '' : ` L${finding.line}`;
  const id = finding.source === 'model' ? '' : ` ${finding.checkId}`;
  return `- [${finding.severity}]${id}${where}: ${shorten(finding.message)}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}
