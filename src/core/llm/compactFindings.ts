import type { Finding, GateReview } from '../review/types';

/**
 * Earlier gates travel to later agents as compact structured findings, not as their full prose:
 * status, key risk and one short line per finding. This keeps later prompts small (and cheap)
 * while keeping what a later gate needs to build on.
 */

const MAX_FINDINGS = 8;
const MAX_MESSAGE = 150;
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

export function compactFindings(gate: GateReview): string {
  const listed = gate.findings
    .filter((finding) => finding.verified !== false)
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity])
    .slice(0, MAX_FINDINGS);
  const met = gate.evidence.map((evidence) => evidence.checkId);
  const lines = listed.map(compactFinding);
  const more = gate.findings.length - listed.length;
  if (more > 0) lines.push(`- (${more} more)`);
  if (lines.length === 0) lines.push('- no findings');
  if (met.length > 0) lines.push(`criteria met: ${met.join(', ')}`);
  return lines.join('\n');
}

export function compactGate(gate: GateReview): string {
  return `Gate ${gate.number} ${gate.title}: ${gate.status}. Key risk: ${shorten(gate.keyRisk)}\n${compactFindings(gate)}`;
}

function compactFinding(finding: Finding): string {
  const where = finding.line === null ? '' : ` L${finding.line}`;
  return `- [${finding.severity}] ${finding.checkId}${where}: ${shorten(finding.message)}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_MESSAGE ? `${flat.slice(0, MAX_MESSAGE - 1)}…` : flat;
}
