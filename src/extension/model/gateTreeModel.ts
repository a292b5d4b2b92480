import type { Finding, GateId, Recommendation } from '../../core';
import { agentCost, agentVerdict, findingOrigin, formatDuration, formatUsage, isUnverifiedModelFinding, MODE_LABEL, modelReviewOutcome } from '../../core/report/modelReviewText';
import type { CardEntry, GateEntry, GateProgress, ModelStep } from './reviewStore';

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

const STEP_LABEL: Record<ModelStep, string> = { dispatcher: 'dispatcher briefing the review…', formatter: 'formatter writing the recommendation…' };

/** A model finding whose quote is not in the card: shown, but neither counted nor a diagnostic. */
const UNVERIFIED_ICON: IconSpec = { id: 'question', color: 'disabledForeground' };

export function cardNode(entry: CardEntry): CardNode {
  const { review } = entry;
  const parts: string[] = [];
  if (entry.running) parts.push(entry.step ? `reviewing… ${STEP_LABEL[entry.step]}` : 'reviewing…');
  else if (review) parts.push(review.modelReview ? `${review.recommendation} · model ${review.modelReview.gatesReviewed}/7` : review.recommendation);
  if (entry.stale) parts.push('stale: card changed since review');
  if (entry.problem) parts.push(entry.problem);
  const icon = entry.running ? { id: 'loading~spin' } : review ? RECOMMENDATION_ICON[review.recommendation] : { id: 'circle-slash', color: 'list.errorForeground' };
  const model = review?.modelReview;
  const modelLines = model ? [`${MODE_LABEL[review!.mode]}: ${model.target}`, modelReviewOutcome(model), `Model time ${formatDuration(model.elapsedMs)}; ${formatUsage(model.usage)}`] : [];
  const tooltip = [entry.path, review ? `${review.recommendation} · reviewed ${review.reviewedAt} in ${review.elapsedMs} ms` : 'not reviewed', ...modelLines, entry.stale ? 'The card changed since this review: re-run it.' : '', entry.problem ?? ''].filter(Boolean).join('\n');
  return { kind: 'card', id: entry.key, cardKey: entry.key, label: entry.path, description: parts.join(' · '), tooltip, icon };
}

export function gateNodes(entry: CardEntry): GateNode[] {
  return entry.gates.map((gate) => gateNode(entry.key, gate, entry.running && entry.runningMode !== 'offline'));
}

function gateNode(cardKey: string, gate: GateEntry, modelAtWork: boolean): GateNode {
  const findings = gate.result?.findings.length ?? 0;
  const agent = gate.result?.agent;
  const parts: string[] = [];
  if (gate.progress === 'pending' || gate.progress === 'running') parts.push(gate.progress === 'pending' ? 'pending' : modelAtWork ? 'model reviewing…' : 'running…');
  else {
    parts.push(gate.progress);
    if (agent) parts.push(agent.reviewed ? 'reviewed by model' : 'checks only');
    if (findings > 0) parts.push(plural(findings, 'finding'));
  }
  const agentLines = agent ? [`Model: ${agentVerdict(agent)}`, agent.reviewed && agent.statusFromModel ? `Model proposed ${agent.statusFromModel}; the checks alone: ${agent.statusFromChecks}` : '', agent.summary ? `Model summary: ${agent.summary}` : '', agentCost(agent)] : [];
  const tooltip = gate.result
    ? [`${gate.number}. ${gate.title}: ${gate.result.status}`, `Key risk: ${gate.result.keyRisk}`, `Mitigation: ${gate.result.mitigation}`, `Owner: ${gate.result.owner}`, ...agentLines].filter(Boolean).join('\n')
    : `${gate.number}. ${gate.title}: ${gate.progress === 'running' && modelAtWork ? 'the model is reviewing this gate' : gate.progress}`;
  const description = parts.join(' · ');
  return { kind: 'gate', id: `${cardKey}#${gate.id}`, cardKey, gateId: gate.id, label: `${gate.number}. ${gate.title}`, description, tooltip, icon: PROGRESS_ICON[gate.progress], hasChildren: findings > 0 };
}

export function findingNodes(entry: CardEntry, gateId: GateId | null): FindingNode[] {
  const findings = gateId === null ? entry.review?.cardFindings ?? [] : entry.gates.find((gate) => gate.id === gateId)?.result?.findings ?? [];
  return findings.map((finding, index) => {
    const origin = findingOrigin(finding);
    const where = finding.line === null ? finding.checkId : `line ${finding.line} · ${finding.checkId}`;
    const modelLines = finding.source === 'model' ? [finding.quote ? `Quote: "${finding.quote}"${isUnverifiedModelFinding(finding) ? ' (not found in the card: not counted, not a diagnostic)' : ''}` : '', finding.recommendation ? `Recommendation: ${finding.recommendation}` : ''] : [];
    return {
      kind: 'finding',
      id: `${entry.key}#${gateId ?? 'card'}#${index}`,
      cardKey: entry.key,
      label: finding.message,
      description: origin ? `${where} · ${origin}` : where,
      tooltip: [`${finding.severity.toUpperCase()} ${finding.checkId}${origin ? ` (${origin})` : ''}${finding.line === null ? ' (nothing to point at: opens line 1)' : ` at line ${finding.line}`}`, finding.message, ...modelLines].filter(Boolean).join('\n'),
      icon: isUnverifiedModelFinding(finding) ? UNVERIFIED_ICON : SEVERITY_ICON[finding.severity],
      line: finding.line ?? 1,
    };
  });
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
