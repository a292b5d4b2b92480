import type { Finding, GateId, Recommendation } from '../../core';
import type { CardEntry, GateEntry, GateProgress } from './reviewStore';

/** A codicon and the theme colour it is drawn in. */
export interface IconSpec {
  id: string;
  color?: string;
}

interface NodeBase {
  /** Stable across refreshes so the tree keeps expansion and selection. */
  id: string;
  cardKey: string;
  label: string;
  description: string;
  tooltip: string;
  icon: IconSpec;
}

export interface CardNode extends NodeBase {
  kind: 'card';
}

export interface GateNode extends NodeBase {
  kind: 'gate';
  gateId: GateId;
  hasChildren: boolean;
}

export interface FindingNode extends NodeBase {
  kind: 'finding';
  /** 1-based line the finding opens (line 1 when it points at nothing). */
  line: number;
}

export type TreeNode = CardNode | GateNode | FindingNode;

const PROGRESS_ICON: Record<GateProgress, IconSpec> = {
  pending: { id: 'circle-large-outline', color: 'disabledForeground' },
  running: { id: 'loading~spin' },
  Pass: { id: 'pass', color: 'testing.iconPassed' },
  Conditional: { id: 'warning', color: 'list.warningForeground' },
  Fail: { id: 'error', color: 'list.errorForeground' },
};

const RECOMMENDATION_ICON: Record<Recommendation, IconSpec> = {
  Go: { id: 'pass-filled', color: 'testing.iconPassed' },
  'Conditional Go': { id: 'warning', color: 'list.warningForeground' },
  'No-Go': { id: 'error', color: 'list.errorForeground' },
};

const SEVERITY_ICON: Record<Finding['severity'], IconSpec> = {
  error: { id: 'error', color: 'list.errorForeground' },
  warning: { id: 'warning', color: 'list.warningForeground' },
  info: { id: 'info' },
};

export function cardNode(entry: CardEntry): CardNode {
  const { review } = entry;
  const parts: string[] = [];
  if (entry.running) parts.push('reviewing…');
  else if (review) parts.push(review.recommendation);
  if (entry.stale) parts.push('stale: card changed since review');
  if (entry.problem) parts.push(entry.problem);
  const icon = entry.running ? { id: 'loading~spin' } : review ? RECOMMENDATION_ICON[review.recommendation] : { id: 'circle-slash', color: 'list.errorForeground' };
  const tooltip = [entry.path, review ? `${review.recommendation} · reviewed ${review.reviewedAt} in ${review.elapsedMs} ms` : 'not reviewed', entry.stale ? 'The card changed since this review: re-run it.' : '', entry.problem ?? ''].filter(Boolean).join('\n');
  return { kind: 'card', id: entry.key, cardKey: entry.key, label: entry.path, description: parts.join(' · '), tooltip, icon };
}

export function gateNodes(entry: CardEntry): GateNode[] {
  return entry.gates.map((gate) => gateNode(entry.key, gate));
}

function gateNode(cardKey: string, gate: GateEntry): GateNode {
  const findings = gate.result?.findings.length ?? 0;
  const description = gate.progress === 'pending' ? 'pending' : gate.progress === 'running' ? 'running…' : findings > 0 ? `${gate.progress} · ${plural(findings, 'finding')}` : gate.progress;
  const tooltip = gate.result ? `${gate.number}. ${gate.title}: ${gate.result.status}\nKey risk: ${gate.result.keyRisk}\nMitigation: ${gate.result.mitigation}\nOwner: ${gate.result.owner}` : `${gate.number}. ${gate.title}: ${gate.progress}`;
  return { kind: 'gate', id: `${cardKey}#${gate.id}`, cardKey, gateId: gate.id, label: `${gate.number}. ${gate.title}`, description, tooltip, icon: PROGRESS_ICON[gate.progress], hasChildren: findings > 0 };
}

export function findingNodes(entry: CardEntry, gateId: GateId | null): FindingNode[] {
  const findings = gateId === null ? entry.review?.cardFindings ?? [] : entry.gates.find((gate) => gate.id === gateId)?.result?.findings ?? [];
  return findings.map((finding, index) => ({
    kind: 'finding',
    id: `${entry.key}#${gateId ?? 'card'}#${index}`,
    cardKey: entry.key,
    label: finding.message,
    description: finding.line === null ? finding.checkId : `line ${finding.line} · ${finding.checkId}`,
    tooltip: `${finding.severity.toUpperCase()} ${finding.checkId}${finding.line === null ? ' (nothing to point at: opens line 1)' : ` at line ${finding.line}`}\n${finding.message}`,
    icon: SEVERITY_ICON[finding.severity],
    line: finding.line ?? 1,
  }));
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
