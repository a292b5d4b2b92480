import { checkById, checksOfGate } from '../checks/registry';
import { gateById, type GateId } from '../gates';
import { topicsOfHeading, type Topic } from './topics';
import type { ModelCard, Section } from './types';

/** Where each gate's content lives in a card: the heading a skeleton adds, and the topics that belong to the gate. */
export const GATE_SECTIONS: Readonly<Record<GateId, { heading: string; topics: readonly Topic[] }>> = {
  'problem-framing': { heading: 'Business Objective and KPIs', topics: ['objectives', 'kpis', 'model-details', 'intended-use', 'scope', 'out-of-scope', 'assumptions', 'contact', 'license'] },
  'data-readiness': { heading: 'Training Data', topics: ['training-data', 'evaluation-data'] },
  'feature-engineering': { heading: 'Features', topics: ['features'] },
  'model-performance': { heading: 'Evaluation', topics: ['evaluation', 'training-procedure'] },
  'responsible-ai': { heading: 'Fairness and Responsible AI', topics: ['fairness', 'governance'] },
  'security-robustness': { heading: 'Security and Robustness', topics: ['security'] },
  'deployment-monitoring': { heading: 'Deployment and Monitoring', topics: ['deployment', 'monitoring'] },
};

/** The placeholder the review reads as missing, so a skeleton never passes a check until someone fills it in. */
export const SKELETON_PLACEHOLDER = '[More Information Needed]';

/** Insert `text` before 1-based line `beforeLine` (lines.length + 1 appends). */
export interface SkeletonInsertion {
  beforeLine: number;
  text: string;
  /** What the insertion adds, for a quick-fix title. */
  description: string;
}

export interface MissingFinding {
  checkId: string;
  gate: GateId;
  line: number | null;
}

/**
 * A skeleton for something the card is missing: a bullet at the end of the section where the finding
 * points (its heading), or a new section placed before the first section of a later gate.
 * Null for findings that point at a statement (those need the sentence rewritten) and for JSON cards.
 */
export function missingItemSkeleton(card: ModelCard, finding: MissingFinding): SkeletonInsertion | null {
  if (card.format !== 'markdown') return null;
  const bullets = bulletsFor(finding);
  if (finding.line !== null) {
    const section = card.sections.find((candidate) => candidate.line === finding.line);
    return section ? appendToSection(card, section, bullets) : null;
  }
  return newSection(card, finding.gate, bullets);
}

function bulletsFor(finding: MissingFinding): string[] {
  const check = checkById(finding.checkId);
  const checks = check ? [check] : checksOfGate(finding.gate);
  return checks.map((item) => `- **${item.title}:** ${SKELETON_PLACEHOLDER}`);
}

function appendToSection(card: ModelCard, section: Section, bullets: string[]): SkeletonInsertion {
  let last = section.endLine;
  while (last > section.line && card.lines[last - 1].trim() === '') last--;
  const previousIsListItem = last > section.line && /^\s*([-*+]|\d+[.)])\s/.test(card.lines[last - 1]);
  const text = `${previousIsListItem ? '' : '\n'}${bullets.join('\n')}\n`;
  return { beforeLine: last + 1, text, description: `Add ${bullets.length === 1 ? 'an item' : 'items'} to "${section.title}"` };
}

function newSection(card: ModelCard, gate: GateId, bullets: string[]): SkeletonInsertion {
  const { heading } = GATE_SECTIONS[gate];
  const title = card.sections[0]?.level === 1 ? card.sections[0] : undefined;
  const bodySections = card.sections.filter((section) => section !== title);
  const level = bodySections.length > 0 ? Math.min(...bodySections.map((section) => section.level)) : 2;
  const block = `${'#'.repeat(level)} ${heading}\n\n${bullets.join('\n')}\n`;
  const number = gateById(gate).number;
  const later = bodySections.find((section) => section.level === level && (gateOfSection(section) ?? 0) > number);
  const description = `Add a "${heading}" section`;
  if (later) return { beforeLine: later.line, text: `${block}\n`, description };
  const endsWithNewline = card.text.endsWith('\n');
  const lastLineBlank = card.lines.length > 0 && card.lines[card.lines.length - (endsWithNewline ? 2 : 1)]?.trim() === '';
  const beforeLine = card.lines.length + (endsWithNewline ? 0 : 1);
  return { beforeLine, text: `${endsWithNewline ? '' : '\n'}${lastLineBlank ? '' : '\n'}${block}`, description };
}

/** The earliest gate a heading belongs to, e.g. "Bias, Risks, and Limitations" → Responsible AI. */
function gateOfSection(section: Section): number | undefined {
  const numbers = topicsOfHeading(section.title).flatMap((topic) => (Object.keys(GATE_SECTIONS) as GateId[]).filter((gate) => GATE_SECTIONS[gate].topics.includes(topic)).map((gate) => gateById(gate).number));
  return numbers.length > 0 ? Math.min(...numbers) : undefined;
}
