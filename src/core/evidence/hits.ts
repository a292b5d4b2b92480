import type { Block } from '../card/types';

/** Where a pattern matched: the block, its lines, and the sentence (or table row) around the match. */
export interface Hit {
  block: Block;
  line: number;
  endLine: number;
  sentence: string;
  match: string;
  /** The sentence negates the match somewhere before or after it; such a hit is never evidence. */
  negated: boolean;
  /** The negation sits right at the match ("no rollback plan yet", "drift monitoring: TBD"): the card states an absence. */
  absent: boolean;
}

// "missing" is not a negation here: cards use it as a data-quality term ("missing values are imputed").
/** How far (in characters) a negation reaches past its word, within the sentence. */
const NEGATION_WINDOW = 60;
const NEGATION_BEFORE = new RegExp(`\\b(no|not|none|without|lacks?|lacking|absent|never|tbd|todo|neither|nor|yet to be|pending|planned for later|out of scope)\\b[^.;!?]{0,${NEGATION_WINDOW}}$`);
/** True when the text ends in a negation that covers what follows ("no imputation for", "not handled; "). */
export function endsNegated(text: string): boolean {
  return NEGATION_BEFORE.test(text);
}

/** A negation within a few words of the match states that very thing is absent. */
const CLOSE_QUALIFIERS = ['formal', 'documented', 'defined', 'explicit', 'dedicated', 'clear', 'real', 'any', 'yet', 'a', 'an', 'the', 'automated', 'written'];
const NEGATION_CLOSE_BEFORE = new RegExp(`\\b(no|not|none|without|lacks?|lacking|absent|never|tbd|todo|yet to be|pending)\\b(\\s+(${CLOSE_QUALIFIERS.join('|')})){0,2}\\s*$`);
/**
 * Its words are NEGATION_BEFORE's too, so where NEGATION_BEFORE fails NEGATION_CLOSE_BEFORE can only
 * hold with more than NEGATION_WINDOW characters after its word: at most two qualifiers, the rest
 * white space in at most three runs, one of them at least this long. Text without such a run skips the test.
 */
const LONG_BLANK = new RegExp(`\\s{${Math.ceil((NEGATION_WINDOW + 1 - 2 * Math.max(...CLOSE_QUALIFIERS.map((word) => word.length))) / 3)}}`);

/** A statement of absence right after the match ("is not yet defined", ": TBD"); see absenceFollows. */
const ABSENCE_AFTER = /(\b(not|never) (yet )?(been )?(defined|available|implemented|planned|documented|in place|established|performed|done|assessed|measured|evaluated|set up|configured|monitored|tracked|considered|conducted|reviewed|specified|known)\b|\b(is|are|was|were|remains?)( still)? (tbd|tbc|todo|unknown|pending|unclear|undefined|missing|absent|n\/a)\b|:\s*(none|no|tbd|tbc|todo|n\/a|unknown|pending)\b|\bto be (defined|determined|added|done|decided|confirmed|written)\b)/;
/**
 * A piece of text every ABSENCE_AFTER match holds (the colon rule's colon and first letter, the other
 * rules' "not "/"never "/"to be " or absence word); far smaller code than ABSENCE_AFTER, whose cold
 * code costs more than its search, and most text after a match holds none of them.
 */
const ABSENCE_CUE = /:\s*[ntup]|not |never |to be |tb[dc]|todo|unknown|pending|unclear|undefined|missing|absent|n\/a/;
/** How far into the text after a match a statement of absence may start. */
const ABSENCE_REACH = 50;
/** Longest stretch either side of a match that counts as its sentence; bounds the work per hit. */
const MAX_SENTENCE_SIDE = 400;
const NEGATION_REACH = 100;

/** Where the lines and sentences of a block's text break, listed once per block and shared by its hits. */
export interface BlockLayout {
  /** Offsets of the newlines, ascending. */
  newlines: number[];
  /** Offsets where a sentence ends (see isBreakAt), ascending. */
  sentenceBreaks: number[];
}

export function blockLayout(text: string): BlockLayout {
  const layout: BlockLayout = { newlines: [], sentenceBreaks: [] };
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    // Letters and most punctuation sort after every break character: one comparison skips them.
    if (code > QUESTION_MARK) continue;
    if (code === NEWLINE) layout.newlines.push(i);
    if (isBreakAt(text, i)) layout.sentenceBreaks.push(i);
  }
  return layout;
}

/** A table row is one sentence on one line: its hits need no layout. */
export function isWholeBlock(block: Block): boolean {
  return block.kind === 'table-row';
}

/** The hit for a match at `local` in the lower-cased text of its block; `layout` may be null for a whole block (isWholeBlock). */
export function toHit(block: Block, blockText: string, layout: BlockLayout | null, local: number, match: string): Hit {
  if (isWholeBlock(block)) return new LazyHit(block, Math.min(block.line, block.endLine), match, blockText, local, 0, blockText.length);
  const { sentenceBreaks, newlines } = layout!;
  const end = local + match.length;
  const from = sentenceStart(sentenceBreaks, local);
  const to = sentenceEnd(sentenceBreaks, blockText.length, end);
  const line = block.line + countBelow(newlines, local);
  return new LazyHit(block, Math.min(line, block.endLine), match, blockText, local, from, to);
}

/**
 * A hit whose sentence and negation are worked out on first read: many queries take a hit for its
 * line alone, and one negation rule often settles the other.
 */
class LazyHit implements Hit {
  private quoted?: string;
  private negation?: boolean;
  private absence?: boolean;

  constructor(
    readonly block: Block,
    readonly line: number,
    readonly match: string,
    /** The block's lower-cased text; the match sits at `local`, its sentence at from..to. */
    private readonly blockText: string,
    private readonly local: number,
    private readonly from: number,
    private readonly to: number,
  ) {}

  get endLine(): number {
    return this.block.endLine;
  }

  get sentence(): string {
    // Quote the card's own casing when lower-casing kept offsets aligned (it almost always does).
    const original = this.block.text.length === this.blockText.length ? this.block.text : this.blockText;
    return (this.quoted ??= original.slice(this.from, this.to).trim());
  }

  get negated(): boolean {
    // The same answer as absent || NEGATION_BEFORE, with the broadest rule tried first; its failure mostly settles the close rule (LONG_BLANK).
    if (this.negation === undefined) {
      const before = this.before();
      this.negation = NEGATION_BEFORE.test(before) || (this.absence ??= absenceFollows(this.after()) || (LONG_BLANK.test(before) && NEGATION_CLOSE_BEFORE.test(before)));
    }
    return this.negation;
  }

  get absent(): boolean {
    return (this.absence ??= absenceFollows(this.after()) || NEGATION_CLOSE_BEFORE.test(this.before()));
  }

  /** The negation rules look at most ~70 characters either side; slicing keeps each test constant-time. */
  private before(): string {
    return this.blockText.slice(Math.max(this.from, this.local - NEGATION_REACH), this.local);
  }

  private after(): string {
    const end = this.local + this.match.length;
    return this.blockText.slice(end, Math.min(this.to, end + NEGATION_REACH));
  }
}

/**
 * True when a statement of absence starts within ABSENCE_REACH characters of the text, before
 * any . ; ! or ?: the same answer as /^[^.;!?]{0,50}?(absence)/, but one search for the leftmost
 * absence instead of trying the whole alternation at each of up to 51 places.
 */
export function absenceFollows(after: string): boolean {
  if (!ABSENCE_CUE.test(after)) return false;
  const at = after.search(ABSENCE_AFTER);
  if (at < 0 || at > ABSENCE_REACH) return false;
  for (let i = 0; i < at; i++) if (isSentencePunctuation(after.charCodeAt(i))) return false;
  return true;
}

/** . ; ! ? */
function isSentencePunctuation(code: number): boolean {
  return code === 46 || code === 59 || code === 33 || code === 63;
}

/** How many of the ascending offsets lie before `offset` (binary search: many hits in one long block stay linear). */
function countBelow(offsets: readonly number[], offset: number): number {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (offsets[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/*
 * A table row is one sentence; prose breaks at . ! ? ; followed by white space, or at a blank
 * line (a wrapped line is the same sentence). A sentence reaches at most MAX_SENTENCE_SIDE
 * characters either side of the match.
 */

function sentenceStart(breaks: readonly number[], start: number): number {
  const before = countBelow(breaks, start);
  const from = before > 0 ? breaks[before - 1] + 1 : 0;
  return Math.max(from, start - MAX_SENTENCE_SIDE);
}

function sentenceEnd(breaks: readonly number[], length: number, end: number): number {
  const after = countBelow(breaks, end);
  const to = after < breaks.length ? breaks[after] : length;
  return Math.min(to, end + MAX_SENTENCE_SIDE);
}

const NEWLINE = 10;
const QUESTION_MARK = 63;

/** True when a sentence ends at `index`, a position inside the text. */
function isBreakAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  // Reads stay inside the text: one out-of-range charCodeAt makes V8 call the builtin for every character after.
  const last = index === text.length - 1;
  if (code === NEWLINE) return (!last && text.charCodeAt(index + 1) === NEWLINE) || (index > 0 && text.charCodeAt(index - 1) === NEWLINE);
  // . ! ? ;
  if (code !== 46 && code !== 33 && code !== 63 && code !== 59) return false;
  if (last) return true;
  const next = text.charCodeAt(index + 1);
  // space, newline, tab
  return next === 32 || next === NEWLINE || next === 9;
}
