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
  /**
   * Word lists (lower case) a match holds a word of each of, each at the start of a word: the pattern runs only
   * on the lines holding a word of the first list, in a card holding a word of every list.
   */
  cues: readonly (readonly string[])[];
}

const INSTRUCTION_PATTERNS: readonly InstructionPattern[] = [
  {
    pattern: /\b(?:ignore|disregard|forget|override)\b[^.\n]{0,40}\b(?:previous|prior|above|earlier|all|any|your|system)\b[^.\n]{0,20}\b(?:instructions?|prompts?|rules|guidelines|directions)\b/i,
    cues: [['ignore', 'disregard', 'forget', 'override'], ['instruction', 'prompt', 'rules', 'guideline', 'direction']],
  },
  {
    pattern: /\b(?:mark|rate|set|report|grade|score|pass|approve)\b[^.\n]{0,30}\b(?:all|every|each|these|the)\s+(?:seven\s+|7\s+)?(?:gates?|checks?|reviews?)\b[^.\n]{0,20}\b(?:as\s+)?(?:pass(?:ed|ing)?|green|approved|go)\b/i,
    cues: [['gate', 'check', 'review']],
  },
  {
    pattern: /\b(?:ai|llm|automated|model|gpt)\s+(?:reviewers?|agents?|assistants?)\b[^.\n]{0,60}\b(?:must|should|shall|are instructed to|need to)\b/i,
    cues: [['reviewer', 'agent', 'assistant'], ['must', 'should', 'shall', 'instructed', 'need']],
  },
  {
    pattern: /\b(?:recommend(?:ation)?|verdict)\s*(?:must|should|shall)\s+be\s+["'“]?(?:go|approved)\b/i,
    cues: [['recommend', 'verdict']],
  },
  {
    pattern: /\byou\s+are\s+now\b[^.\n]{0,40}\b(?:reviewer|assistant|model|ai)\b/i,
    cues: [['you'], ['now']],
  },
];

export const reviewerInstructionsMitigation = 'Remove the text addressed to reviewers from the card; a review is decided by evidence, and the attempt should be raised with the model owner.';

export function findReviewerInstructions(card: ModelCard): Finding[] {
  const findings: Finding[] = [];
  const candidates = candidateLines(card.text);
  if (candidates.every((lines) => lines.size === 0)) return findings;
  const codeLines = new Set<number>();
  for (const block of card.blocks) if (block.kind === 'code') for (let line = block.line; line <= block.endLine; line++) codeLines.add(line);
  const lines = [...new Set(candidates.flatMap((set) => [...set]))].sort((a, b) => a - b);
  for (const line of lines) {
    if (codeLines.has(line)) continue;
    const text = card.lines[line - 1];
    for (let index = 0; index < INSTRUCTION_PATTERNS.length; index++) {
      if (!candidates[index].has(line)) continue;
      const match = INSTRUCTION_PATTERNS[index].pattern.exec(text);
      // A quoted example (e.g. a red-team prompt the card documents) is not an instruction.
      if (!match || isQuoted(text, match.index)) continue;
      findings.push({
        checkId: REVIEWER_INSTRUCTIONS_ID,
        severity: 'error',
        message: `Line ${line} addresses instructions to the reviewer ("${excerpt(match[0])}"); it was treated as card text and changed nothing, but a card that tries to steer its own review needs a human look.`,
        line,
        endLine: line,
      });
      break;
    }
  }
  return findings;
}

/** Every pattern's first cue words, longest first: where two start at one offset, the longer is found, and it holds the shorter. */
const FIRST_CUE_WORDS = [...new Set(INSTRUCTION_PATTERNS.flatMap(({ cues }) => cues[0]))].sort((a, b) => b.length - a.length);
/**
 * In every pattern a cue word starts a word, spelt in ASCII letters of any case (the patterns are /i but not
 * Unicode-aware), so cues are found at word starts in the card as written: no lower-cased copy of the card.
 */
const FIRST_CUES = new RegExp(`\\b(?:${FIRST_CUE_WORDS.join('|')})`, 'gi');
/** For each first cue word, the patterns (bit per index) whose first list has a word inside it. */
const PATTERNS_CUED_BY = new Map(FIRST_CUE_WORDS.map((word) => [word, INSTRUCTION_PATTERNS.reduce((mask, { cues }, index) => (cues[0].some((cue) => word.includes(cue)) ? mask | (1 << index) : mask), 0)]));
const OTHER_CUES = INSTRUCTION_PATTERNS.map(({ cues }) => cues.slice(1).map((words) => new RegExp(`\\b(?:${words.join('|')})`, 'i')));

/**
 * For each pattern, the (1-based) lines it can match on: those with a word of its first cue list, in a card
 * with a word of each of its other lists. One regex pass finds every pattern's first cues (most cards have
 * none), far cheaper than a pass per list or a pattern run on every line.
 */
function candidateLines(text: string): Set<number>[] {
  const lines = INSTRUCTION_PATTERNS.map(() => new Set<number>());
  let line = 1;
  let counted = 0;
  FIRST_CUES.lastIndex = 0;
  for (let match = FIRST_CUES.exec(text); match; match = FIRST_CUES.exec(text)) {
    for (let newline = text.indexOf('\n', counted); newline >= 0 && newline < match.index; newline = text.indexOf('\n', counted)) {
      line++;
      counted = newline + 1;
    }
    const patterns = PATTERNS_CUED_BY.get(match[0].toLowerCase())!;
    for (let index = 0; index < lines.length; index++) if (patterns & (1 << index)) lines[index].add(line);
  }
  for (let index = 0; index < lines.length; index++) if (lines[index].size > 0 && !OTHER_CUES[index].every((cue) => cue.test(text))) lines[index].clear();
  return lines;
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
