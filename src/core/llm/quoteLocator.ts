import type { ModelCard } from '../card/types';
import { redactSecretLines } from '../checks/secretPatterns';

/** Shortest quote worth verifying: a few characters match anywhere and prove nothing. */
const MIN_QUOTE_CHARS = 12;

const TYPOGRAPHIC: Readonly<Record<string, string>> = { '‘': "'", '’': "'", '“': '"', '”': '"', '–': '-', '—': '-', '\u00a0': ' ' };

/**
 * Finds a model's quote in the card, whitespace-normalised, as the model saw the card (credentials
 * redacted) and as a reader sees it (markdown punctuation removed), and says on which lines it is.
 */
export class QuoteLocator {
  private readonly raw: NormalisedText;
  private readonly blocks: { text: string; line: number; endLine: number }[];

  constructor(card: ModelCard) {
    this.raw = normalise(redactSecretLines(card.lines));
    this.blocks = card.blocks.map((block) => ({ text: normalise([block.text]).text, line: block.line, endLine: block.endLine }));
  }

  /** The lines the quote spans, or null when it is not in the card (or too short to tell). */
  locate(quote: string): { line: number; endLine: number } | null {
    const fragments = fragmentsOf(quote);
    if (fragments.join('').length < MIN_QUOTE_CHARS) return null;
    const span = findInOrder(this.raw.text, fragments);
    if (span) return { line: this.raw.lineAt[span.start], endLine: this.raw.lineAt[span.end - 1] };
    for (const block of this.blocks) if (findInOrder(block.text, fragments)) return { line: block.line, endLine: block.endLine };
    return null;
  }
}

interface NormalisedText {
  text: string;
  /** 1-based card line of each character of text. */
  lineAt: number[];
}

function normalise(lines: readonly string[]): NormalisedText {
  let text = '';
  const lineAt: number[] = [];
  let pendingSpace = false;
  lines.forEach((line, index) => {
    for (const char of line) {
      const mapped = TYPOGRAPHIC[char] ?? char;
      if (/\s/.test(mapped)) {
        pendingSpace = text.length > 0;
        continue;
      }
      if (pendingSpace) {
        text += ' ';
        lineAt.push(index + 1);
        pendingSpace = false;
      }
      text += mapped;
      for (let i = 0; i < mapped.length; i++) lineAt.push(index + 1);
    }
    pendingSpace = text.length > 0;
  });
  return { text, lineAt };
}

/** A quote may elide with "..." or "…"; each part must appear, in order. Surrounding quote marks and end punctuation are not part of it. */
function fragmentsOf(quote: string): string[] {
  return normalise([quote]).text
    .split(/\s*(?:\.{3}|…)\s*/)
    .map((part) => part.replace(/^["'\s]+|["'\s]+$/g, '').replace(/[.,;:]+$/, ''))
    .filter((part) => part.length > 0);
}

function findInOrder(text: string, fragments: readonly string[]): { start: number; end: number } | null {
  let from = 0;
  let start = -1;
  for (const fragment of fragments) {
    const at = text.indexOf(fragment, from);
    if (at < 0) return null;
    if (start < 0) start = at;
    from = at + fragment.length;
  }
  return start < 0 ? null : { start, end: from };
}
