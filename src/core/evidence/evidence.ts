import type { Topic } from '../card/topics';
import type { Block, CardMetadata, ModelCard, Section, Table } from '../card/types';
import { extractNumbers, type StatedNumber } from './numbers';
import { indexAtOffset } from '../text/offsets';
import { WORD_CHAR, anchorPrefixes, wordKey } from './prefilter';

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

export interface NumberHit extends StatedNumber {
  hit: Hit;
}

export interface SearchOptions {
  /** Only blocks under a heading with one of these topics. */
  topics?: readonly Topic[];
  /** Also search fenced code and raw HTML (off by default: code samples are not claims about the model). */
  includeCode?: boolean;
}

// "missing" is not a negation here: cards use it as a data-quality term ("missing values are imputed").
const NEGATION_BEFORE = /\b(no|not|none|without|lacks?|lacking|absent|never|tbd|todo|neither|nor|yet to be|pending|planned for later|out of scope)\b[^.;!?]{0,60}$/;
/** True when the text ends in a negation that covers what follows ("no imputation for", "not handled; "). */
export function endsNegated(text: string): boolean {
  return NEGATION_BEFORE.test(text);
}

/** A negation within a few words of the match states that very thing is absent. */
const NEGATION_CLOSE_BEFORE = /\b(no|not|none|without|lacks?|lacking|absent|never|tbd|todo|yet to be|pending)\b(\s+(formal|documented|defined|explicit|dedicated|clear|real|any|yet|a|an|the|automated|written)){0,2}\s*$/;

const NEGATION_AFTER = /^[^.;!?]{0,50}?(\b(not|never) (yet )?(been )?(defined|available|implemented|planned|documented|in place|established|performed|done|assessed|measured|evaluated|set up|configured|monitored|tracked|considered|conducted|reviewed|specified|known)\b|\b(is|are|was|were|remains?)( still)? (tbd|tbc|todo|unknown|pending|unclear|undefined|missing|absent|n\/a)\b|:\s*(none|no|tbd|tbc|todo|n\/a|unknown|pending)\b|\bto be (defined|determined|added|done|decided|confirmed|written)\b)/;
/** Longest stretch either side of a match that counts as its sentence; bounds the work per hit. */
const MAX_SENTENCE_SIDE = 400;

interface Haystack {
  text: string;
  starts: number[];
  blocks: Block[];
  words: WordIndex;
}

/**
 * Query helpers over one card. Searches run over one lower-cased haystack per mode, so a
 * check costs one regex scan of the card, not one per block.
 */
export class Evidence {
  private prose?: Haystack;
  private everything?: Haystack;

  private readonly derivedValues = new Map<string, unknown>();
  private readonly completeScans = new Map<CompiledPattern, Map<string, Hit[]>>();

  constructor(readonly card: ModelCard) {}

  /** A value derived from the card once per review and shared by the checks that need it (sample counts, dates...). */
  derived<T>(key: string, compute: () => T): T {
    if (!this.derivedValues.has(key)) this.derivedValues.set(key, compute());
    return this.derivedValues.get(key) as T;
  }

  get metadata(): CardMetadata | null {
    return this.card.metadata;
  }

  get tables(): readonly Table[] {
    return this.card.tables;
  }

  /** First hit that affirms the pattern (not negated). */
  find(pattern: RegExp, options?: SearchOptions): Hit | undefined {
    return this.scan(pattern, options, (hit) => !hit.negated);
  }

  /** First mention, affirmed or negated. */
  findAny(pattern: RegExp, options?: SearchOptions): Hit | undefined {
    return this.scan(pattern, options, () => true);
  }

  /** First statement that the thing is absent or pending ("no rollback plan yet"). */
  findAbsence(pattern: RegExp, options?: SearchOptions): Hit | undefined {
    return this.scan(pattern, options, (hit) => hit.absent);
  }

  findAll(pattern: RegExp, options?: SearchOptions): Hit[] {
    const hits: Hit[] = [];
    this.scan(pattern, options, (hit) => {
      hits.push(hit);
      return false;
    });
    return hits;
  }

  /** Numbers stated in the same sentence or table row as a mention of the pattern. */
  numbersNear(pattern: RegExp, options?: SearchOptions): NumberHit[] {
    return this.findAll(pattern, options).flatMap((hit) => extractNumbers(hit.sentence).map((number) => ({ ...number, hit })));
  }

  /** Sections under a heading with this topic that hold real (non-placeholder) content. */
  sectionsWithContent(topic: Topic): Section[] {
    return this.card.sections.filter((section) => section.hasContent && section.topics.includes(topic));
  }

  /** Line of the heading where a missing item belongs (first section with one of the topics, even empty), else null. */
  anchor(...topics: Topic[]): number | null {
    for (const topic of topics) {
      const section = this.card.sections.find((candidate) => candidate.topics.includes(topic));
      if (section) return section.line;
    }
    return null;
  }

  /** The section a block sits in, if any. */
  sectionOf(block: Block): Section | undefined {
    return block.section >= 0 ? this.card.sections[block.section] : undefined;
  }

  /**
   * First hit the predicate accepts. A scan that runs to the end has seen every hit; that list is
   * kept, so the usual follow-up query with the same pattern ("no evidence, so is absence
   * stated?") costs nothing.
   */
  private scan(pattern: RegExp, options: SearchOptions | undefined, accept: (hit: Hit) => boolean): Hit | undefined {
    const compiled = compile(pattern);
    const scope = `${options?.includeCode ? 'code;' : ''}${options?.topics?.join(',') ?? ''}`;
    let byScope = this.completeScans.get(compiled);
    const known = byScope?.get(scope);
    if (known) return known.find(accept);
    const seen: Hit[] = [];
    const found = this.scanCompiled(compiled, options, (hit) => {
      seen.push(hit);
      return accept(hit);
    });
    if (found) return found;
    if (!byScope) this.completeScans.set(compiled, (byScope = new Map()));
    byScope.set(scope, seen);
    return undefined;
  }

  private scanCompiled(compiled: CompiledPattern, options: SearchOptions | undefined, accept: (hit: Hit) => boolean): Hit | undefined {
    const haystack = this.haystack(options?.includeCode ?? false);
    const topics = options?.topics;
    if (compiled.keys === null) return topics ? this.scanTopicBlocks(haystack, compiled.global, topics, accept) : this.scanAll(haystack, compiled.global, accept);
    // Every match starts at a word the pattern can start with: try the pattern right there (sticky), in document order.
    const { sticky } = compiled;
    const { text, starts, blocks } = haystack;
    let blockIndex = -1;
    let blockStart = 0;
    let nextStart = 0;
    let blockText = '';
    let inTopic = true;
    let consumedTo = 0;
    for (const offset of candidateOffsets(text, haystack.words, compiled.keys)) {
      if (offset < consumedTo) continue;
      if (offset >= nextStart || offset < blockStart) {
        blockIndex = indexAtOffset(starts, offset);
        blockStart = starts[blockIndex];
        nextStart = blockIndex + 1 < starts.length ? starts[blockIndex + 1] : text.length;
        inTopic = !topics || this.blockHasTopic(blocks[blockIndex], topics);
        blockText = inTopic ? text.slice(blockStart, nextStart - 1) : '';
      }
      if (!inTopic) continue;
      sticky.lastIndex = offset - blockStart;
      const match = sticky.exec(blockText);
      if (!match) continue;
      consumedTo = offset + Math.max(1, match[0].length);
      const hit = toHit(blocks[blockIndex], blockText, match.index, match[0]);
      if (accept(hit)) return hit;
    }
    return undefined;
  }

  /** Patterns without index keys: one regex pass over the whole card. */
  private scanAll(haystack: Haystack, regex: RegExp, accept: (hit: Hit) => boolean): Hit | undefined {
    regex.lastIndex = 0;
    for (let match = regex.exec(haystack.text); match; match = regex.exec(haystack.text)) {
      if (match[0].length === 0) regex.lastIndex++;
      const index = indexAtOffset(haystack.starts, match.index);
      const hit = toHit(haystack.blocks[index], haystack.text.slice(haystack.starts[index], blockEnd(haystack, index)), match.index - haystack.starts[index], match[0]);
      if (accept(hit)) return hit;
    }
    return undefined;
  }

  /** Patterns without index keys, limited to some topics: only the blocks under those headings are scanned. */
  private scanTopicBlocks(haystack: Haystack, regex: RegExp, topics: readonly Topic[], accept: (hit: Hit) => boolean): Hit | undefined {
    for (let index = 0; index < haystack.blocks.length; index++) {
      const block = haystack.blocks[index];
      if (!this.blockHasTopic(block, topics)) continue;
      const blockText = haystack.text.slice(haystack.starts[index], blockEnd(haystack, index));
      regex.lastIndex = 0;
      for (let match = regex.exec(blockText); match; match = regex.exec(blockText)) {
        if (match[0].length === 0) regex.lastIndex++;
        const hit = toHit(block, blockText, match.index, match[0]);
        if (accept(hit)) return hit;
      }
    }
    return undefined;
  }

  private blockHasTopic(block: Block, topics: readonly Topic[]): boolean {
    if (block.section < 0) return false;
    const own = this.card.sections[block.section].topics;
    return topics.some((topic) => own.includes(topic));
  }

  private haystack(includeCode: boolean): Haystack {
    if (includeCode) return (this.everything ??= buildHaystack(this.card.blocks.filter((block) => !block.placeholder)));
    return (this.prose ??= buildHaystack(this.card.blocks.filter((block) => !block.placeholder && block.kind !== 'code' && block.kind !== 'html')));
  }

}

/** A check pattern ready to run: its index keys and its global and sticky twins. */
interface CompiledPattern {
  keys: KeyLiterals | null;
  global: RegExp;
  sticky: RegExp;
}

// Shared by every review: compiling a RegExp costs more than scanning a card with it. Keyed by
// identity first, then by text (a regex literal inside a function is a new object on every call).
const COMPILED_BY_IDENTITY = new WeakMap<RegExp, CompiledPattern>();
const COMPILED_BY_TEXT = new Map<string, CompiledPattern>();

function compile(pattern: RegExp): CompiledPattern {
  const known = COMPILED_BY_IDENTITY.get(pattern);
  if (known) return known;
  const id = `${pattern.flags}/${pattern.source}`;
  let compiled = COMPILED_BY_TEXT.get(id);
  if (!compiled) {
    const flags = pattern.flags.replace(/[gy]/g, '');
    const prefixes = anchorPrefixes(pattern);
    compiled = { keys: prefixes && keyLiterals(prefixes), global: new RegExp(pattern.source, flags + 'g'), sticky: new RegExp(pattern.source, flags + 'y') };
    COMPILED_BY_TEXT.set(id, compiled);
  }
  COMPILED_BY_IDENTITY.set(pattern, compiled);
  return compiled;
}

function buildHaystack(blocks: Block[]): Haystack {
  const starts: number[] = [];
  const parts: string[] = [];
  let length = 0;
  for (const block of blocks) {
    starts.push(length);
    const lower = block.text.toLowerCase();
    parts.push(lower);
    length += lower.length + 1;
  }
  // join() yields a flat string; += would build a rope that makes every charCodeAt slow.
  const text = parts.join('\n') + '\n';
  return { text, starts, blocks, words: indexWords(text) };
}

/** Where the words of the haystack start, chained by word key (see wordKey); only keys present in the card get a head. */
interface WordIndex {
  /** Latest posting per key; postings chain backwards through `next`, -1 ends. */
  head: Map<number, number>;
  next: Int32Array;
  /** Haystack offset where each posting's word starts. */
  offset: Int32Array;
}

/** One pass over the haystack; words are runs of [a-z0-9_], as \b sees them. */
function indexWords(text: string): WordIndex {
  const head = new Map<number, number>();
  const capacity = (text.length >> 1) + 1;
  const next = new Int32Array(capacity);
  const offset = new Int32Array(capacity);
  let postings = 0;
  let wordStart = -1;
  const wordChar = WORD_CHAR;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code < 128 && wordChar[code] !== 0) {
      if (wordStart < 0) wordStart = i;
      continue;
    }
    if (wordStart >= 0) {
      const length = i - wordStart;
      const key = wordKey(text.charCodeAt(wordStart), length > 1 ? text.charCodeAt(wordStart + 1) : 0, length > 2 ? text.charCodeAt(wordStart + 2) : 0);
      next[postings] = head.get(key) ?? -1;
      offset[postings] = wordStart;
      head.set(key, postings++);
    }
    wordStart = -1;
  }
  return { head, next, offset };
}

/** A pattern's index keys, each with the literals a match starts with there (empty: any word with the key). */
interface KeyLiterals {
  keys: Int32Array;
  literals: Array<readonly string[]>;
}

function keyLiterals(byKey: Map<number, string[]>): KeyLiterals {
  return { keys: Int32Array.from(byKey.keys()), literals: [...byKey.values()] };
}

/** Haystack offsets where a match can start: words with one of the pattern's keys that also start with one of its literals, ascending. */
function candidateOffsets(text: string, index: WordIndex, pattern: KeyLiterals): number[] {
  const { head, next, offset } = index;
  const found: number[] = [];
  let chains = 0;
  for (let i = 0; i < pattern.keys.length; i++) {
    const first = head.get(pattern.keys[i]);
    if (first === undefined) continue;
    chains++;
    const literals = pattern.literals[i];
    for (let posting = first; posting >= 0; posting = next[posting]) {
      const at = offset[posting];
      if (literals.length === 0 || literals.some((literal) => text.startsWith(literal, at))) found.push(at);
    }
  }
  // Chains run backwards; one chain only needs reversing, several need merging.
  return chains <= 1 ? found.reverse() : found.sort((a, b) => a - b);
}

function blockEnd(haystack: Haystack, index: number): number {
  return index + 1 < haystack.starts.length ? haystack.starts[index + 1] - 1 : haystack.text.length - 1;
}

function toHit(block: Block, blockText: string, local: number, match: string): Hit {
  const [from, to] = sentenceBounds(blockText, local, local + match.length, block.kind === 'table-row');
  // Quote the card's own casing when lower-casing kept offsets aligned (it almost always does).
  const original = block.text.length === blockText.length ? block.text : blockText;
  const sentence = original.slice(from, to).trim();
  // The negation rules look at most ~70 characters either side; slicing keeps each test constant-time.
  const before = blockText.slice(Math.max(from, local - NEGATION_REACH), local);
  const after = blockText.slice(local + match.length, Math.min(to, local + match.length + NEGATION_REACH));
  const negatedAfter = NEGATION_AFTER.test(after);
  const absent = negatedAfter || NEGATION_CLOSE_BEFORE.test(before);
  const negated = absent || NEGATION_BEFORE.test(before);
  const line = block.kind === 'table-row' ? block.line : block.line + newlinesBefore(block, blockText, local);
  return { block, line: Math.min(line, block.endLine), endLine: block.endLine, sentence, match, negated, absent };
}

const NEGATION_REACH = 100;
const NEWLINES = new WeakMap<Block, number[]>();

/** Newlines in the block's text before an offset, from a per-block list (many hits in one long block stay linear). */
function newlinesBefore(block: Block, text: string, offset: number): number {
  let newlines = NEWLINES.get(block);
  if (!newlines) {
    newlines = [];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) newlines.push(i);
    NEWLINES.set(block, newlines);
  }
  let low = 0;
  let high = newlines.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (newlines[mid] < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * A table row is one sentence; prose breaks at . ! ? ; followed by white space, or at a blank
 * line (a wrapped line is the same sentence). Searches outward from the match, so many hits in
 * one long block stay linear.
 */
function sentenceBounds(text: string, start: number, end: number, wholeBlock: boolean): [number, number] {
  if (wholeBlock) return [0, text.length];
  let from = start;
  const floor = Math.max(0, start - MAX_SENTENCE_SIDE);
  while (from > floor && !isBreakBefore(text, from)) from--;
  let to = end;
  const ceiling = Math.min(text.length, end + MAX_SENTENCE_SIDE);
  while (to < ceiling && !isBreakAt(text, to)) to++;
  return [from, to];
}

/** True when a sentence ends just before `index` (the break character is at index - 1). */
function isBreakBefore(text: string, index: number): boolean {
  return isBreakAt(text, index - 1);
}

function isBreakAt(text: string, index: number): boolean {
  const char = text[index];
  if (char === '\n') return text[index + 1] === '\n' || text[index - 1] === '\n';
  if (char !== '.' && char !== '!' && char !== '?' && char !== ';') return false;
  const next = text[index + 1];
  return next === undefined || next === ' ' || next === '\n' || next === '\t';
}
