import { indexAtOffset } from '../text/offsets';
import type { Haystack } from './haystack';
import { isWholeBlock, toHit, type Hit } from './hits';

/** Topic mask that searches every block, with or without a section. */
export const ANY_TOPIC = -1;

/**
 * The matches of one pattern in one haystack and scope, found only as far as the queries so far
 * needed ("find" stops at the first affirmed hit), and kept: every later query with the pattern
 * and scope reads the same list. A hit's sentence and negation are worked out on first use.
 */
export abstract class Matches {
  /** How many matches were found so far. */
  count = 0;
  /** The same pattern's matches in another scope (Haystack.matchesOf chains them). */
  otherScope?: Matches;
  /** Block, start and end (offsets in the haystack text) of each match found so far; made on the first. */
  private spans?: number[];
  private hits?: Array<Hit | undefined>;

  /** `topics`: the topic bits a block must have to be searched (ANY_TOPIC: every block). */
  constructor(
    readonly haystack: Haystack,
    readonly topics: number,
  ) {}

  /** Finds one more match; false when there are no more. */
  abstract advance(): boolean;

  hitAt(index: number): Hit {
    const hits = (this.hits ??= []);
    let hit = hits[index];
    if (hit === undefined) {
      const spans = this.spans!;
      const block = spans[3 * index];
      const start = spans[3 * index + 1];
      const { blocks, blockTexts, starts, text } = this.haystack;
      const layout = isWholeBlock(blocks[block]) ? null : this.haystack.layoutOf(block);
      hit = hits[index] = toHit(blocks[block], blockTexts[block], layout, start - starts[block], text.slice(start, spans[3 * index + 2]));
    }
    return hit;
  }

  protected record(block: number, start: number, end: number): void {
    (this.spans ??= []).push(block, start, end);
    this.count++;
  }
}

/** A pattern with no candidate in the haystack. */
export class NoMatches extends Matches {
  constructor(haystack: Haystack) {
    super(haystack, ANY_TOPIC);
  }

  advance(): boolean {
    return false;
  }
}

/** A keyed pattern tried (sticky) at its candidate offsets only, block by block; matches never overlap within a block. */
export class IndexedMatches extends Matches {
  private consumedTo = 0;
  private block = -1;
  private blockStart = 0;
  private blockEnd = -1;

  /** The candidates are candidates[next .. end), ascending. */
  constructor(
    haystack: Haystack,
    private readonly candidates: Int32Array,
    private next: number,
    private readonly end: number,
    private readonly sticky: RegExp,
    topics: number,
  ) {
    super(haystack, topics);
  }

  advance(): boolean {
    const { candidates, haystack, sticky } = this;
    while (this.next < this.end) {
      const offset = candidates[this.next++];
      if (offset < this.consumedTo) continue;
      if (offset >= this.blockEnd) {
        this.block = indexAtOffset(haystack.starts, offset);
        this.blockStart = haystack.starts[this.block];
        this.blockEnd = haystack.blockEnd(this.block);
      }
      if (this.topics !== ANY_TOPIC && (haystack.blockTopics[this.block] & this.topics) === 0) continue;
      const local = offset - this.blockStart;
      const text = haystack.blockTexts[this.block];
      // test() builds no match array (most candidates fail); a sticky match ends at lastIndex.
      sticky.lastIndex = local;
      if (!sticky.test(text)) continue;
      const end = sticky.lastIndex;
      this.consumedTo = offset + Math.max(1, end - local);
      this.record(this.block, offset, this.blockStart + end);
      return true;
    }
    return false;
  }
}

/** A pattern without index keys: one global regex pass over the whole text (a match may run past its block). */
export class TextMatches extends Matches {
  private lastIndex = 0;
  private done = false;

  constructor(haystack: Haystack, private readonly global: RegExp) {
    super(haystack, ANY_TOPIC);
  }

  advance(): boolean {
    if (this.done) return false;
    const { global, haystack } = this;
    global.lastIndex = this.lastIndex;
    const match = global.exec(haystack.text);
    if (match === null) {
      this.done = true;
      return false;
    }
    if (match[0].length === 0) global.lastIndex++;
    this.lastIndex = global.lastIndex;
    const block = indexAtOffset(haystack.starts, match.index);
    this.record(block, match.index, match.index + match[0].length);
    return true;
  }
}

/** A pattern without index keys, limited to topics: a global regex pass over each block under them. */
export class TopicBlockMatches extends Matches {
  private block = -1;
  private lastIndex = 0;

  constructor(haystack: Haystack, private readonly global: RegExp, topics: number) {
    super(haystack, topics);
  }

  advance(): boolean {
    const { global, haystack } = this;
    for (;;) {
      if (this.block < 0 || this.lastIndex < 0) {
        if (!this.nextBlockInTopics()) return false;
      }
      global.lastIndex = this.lastIndex;
      const match = global.exec(haystack.blockTexts[this.block]);
      if (match === null) {
        this.lastIndex = -1;
        continue;
      }
      if (match[0].length === 0) global.lastIndex++;
      this.lastIndex = global.lastIndex;
      const start = haystack.starts[this.block] + match.index;
      this.record(this.block, start, start + match[0].length);
      return true;
    }
  }

  private nextBlockInTopics(): boolean {
    const { blockTopics } = this.haystack;
    for (let block = this.block + 1; block < blockTopics.length; block++) {
      if ((blockTopics[block] & this.topics) === 0) continue;
      this.block = block;
      this.lastIndex = 0;
      return true;
    }
    this.block = blockTopics.length;
    this.lastIndex = -1;
    return false;
  }
}
