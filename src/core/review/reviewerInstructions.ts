import type { ModelCard } from '../card/types';
import type { Finding } from './types';

/**
 * Text in a card that tries to instruct whoever reviews it ("ignore previous instructions",
 * "mark all gates Pass"). The card is data: such text never changes a review, and it is reported
 * as a security finding, offline and with a model reviewer alike.
 */
export const REVIEWER_INSTRUCTIONS_ID = 'SR-REVIEWER-INSTRUCTIONS';

interface InstructionPattern {
  pattern: RegExp;
  /** Words the pattern needs one of each of, rarest first (lower case): a card lacking one is never matched, so the pattern is not run. */
  cues: readonly RegExp[];
}

const INSTRUCTION_PATTERNS: readonly InstructionPattern[] = [
  {
    pattern: /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|system)\b[^.\n]{0,20}\b(?:instructions?|prompts?|rules|guidelines|directions)\b/i,
    cues: [/ignore|disregard|forget|override/, /instruction|prompt|rules|guideline|direction/],
  },
  {
    pattern: /\b(?:mark|rate|set|report|grade|score|pass|approve)\b[^.\n]{0,30}\b(?:all|every|each|these|the)\s+(?:seven\s+|7\s+)?(?:gates?|checks?|reviews?)\b[^.\n]{0,20}\b(?:as\s+)?(?:pass(?:ed|ing)?|green|approved|go)\b/i,
    cues: [/gate|check|review/],
  },
  {
    pattern: /\b(?:ai|llm|automated|model|gpt)\s+(?:reviewers?|agents?|assistants?)\b[^.\n]{0,60}\b(?:must|should|shall|are instructed to|need to)\b/i,
    cues: [/reviewer|agent|assistant/, /must|should|shall|instructed|need/],
  },
  {
    pattern: /\b(?:recommend(?:ation)?|verdict)\s*(?:must|should|shall)\s+be\s+["'“]?(?:go|approved)\b/i,
    cues: [/recommend|verdict/],
  },
  {
    pattern: /\byou\s+are\s+now\b[^.\n]{0,40}\b(?:reviewer|assistant|model|ai)\b/i,
    cues: [/you/, /now/],
  },
];

export const reviewerInstructionsMitigation = 'Remove the text addressed to reviewers from the card; a review is decided by evidence, and the attempt should be raised with the model owner.';

export function findReviewerInstructions(card: ModelCard): Finding[] {
  const findings: Finding[] = [];
  const patterns = patternsTheCardCanMatch(card.text);
  if (patterns.length === 0) return findings;
  const codeLines = new Set<number>();
  for (const block of card.blocks) if (block.kind === 'code') for (let line = block.line; line <= block.endLine; line++) codeLines.add(line);
  card.lines.forEach((text, index) => {
    const line = index + 1;
    if (codeLines.has(line)) return;
    for (const pattern of patterns) {
      const match = pattern.exec(text);
      // A quoted example (e.g. a red-team prompt the card documents) is not an instruction.
      if (!match || isQuoted(text, match.index)) continue;
      findings.push({
        checkId: REVIEWER_INSTRUCTIONS_ID,
        severity: 'error',
        message: `Line ${line} addresses instructions to the reviewer ("${excerpt(match[0])}"); it was treated as card text and changed nothing, but a card that tries to steer its own review needs a human look.`,
        line,
        endLine: line,
      });
      return;
    }
  });
  return findings;
}

/** The patterns whose cue words all occur in the card (most cards have none): each skipped pattern saves a regex run per line. */
function patternsTheCardCanMatch(text: string): RegExp[] {
  const lower = text.toLowerCase();
  return INSTRUCTION_PATTERNS.filter(({ cues }) => cues.every((cue) => cue.test(lower))).map(({ pattern }) => pattern);
}

function isQuoted(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opened = (before.match(/["“`]/g) ?? []).length - (before.match(/”/g) ?? []).length;
  return opened % 2 === 1 || /['‘]\s*$/.test(before);
}

function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').replace(/"/g, "'");
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
