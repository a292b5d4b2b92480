import { indexAtOffset } from '../text/offsets';
import type { Haystack } from './haystack';
import { toHit, type Hit } from './hits';

/** Topic mask that searches every block, with or without a section. */
export const ANY_TOPIC = -1;

/**
 * The matches of one pattern in one haystack and scope, found only as far as the queries so far
 * needed ("find" stops at the first affirmed hit), and kept: every later query with the pattern
 * and scope reads the same list. A hit's sentence and negation are worked out on first use.
 */
export abstract class Matches {
  /** Block index of each match found so far. */
  readonly blockOf: number[] = [];
  private readonly locals: number[] = [];
  private readonly texts: string[] = [];
  private readonly hits: Array<Hit | undefined> = [];

  constructor(readonly haystack: Haystack) {}

  /** Finds one more match; false when there are no more. */
  abstract advance(): boolean;

  hitAt(index: number): Hit {
    let hit = this.hits[index];
    if (hit === undefined) {
      const block = this.blockOf[index];
      const { blocks, blockTexts } = this.haystack;
      hit = this.hits[index] = toHit(blocks[block], blockTexts[block], this.haystack.layoutOf(block), this.locals[index], this.texts[index]);
    }
    return hit;
  }

  protected record(block: number, local: number, text: string): void {
    this.blockOf.push(block);
    this.locals.push(local);
    this.texts.push(text);
  }
}

/** A pattern with no candidate in the haystack. */
export class NoMatches extends Matches {
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

  /**
   * The candidates are candidates[next .. end), ascending.
   * `topics`: the topic bits a block must have to be searched (ANY_TOPIC: every block).
   */
  constructor(
    haystack: Haystack,
    private readonly candidates: Int32Array,
    private next: number,
    private readonly end: number,
    private readonly sticky: RegExp,
    private readonly topics: number,
  ) {
    super(haystack);
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
      this.record(this.block, local, text.slice(local, end));
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
    super(haystack);
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
    this.record(block, match.index - haystack.starts[block], match[0]);
    return true;
  }
}

/** A pattern without index keys, limited to topics: a global regex pass over each block under them. */
export class TopicBlockMatches extends Matches {
  private block = -1;
  private lastIndex = 0;

  constructor(haystack: Haystack, private readonly global: RegExp, private readonly topics: number) {
    super(haystack);
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
      this.record(this.block, match.index, match[0]);
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
