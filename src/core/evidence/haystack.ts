import { TOPICS, type Topic } from '../card/topics';
import type { Block, Section } from '../card/types';
import { blockLayout, type BlockLayout } from './hits';
import { candidateOffsets, patternCandidates, registeredPatterns, wordStartsByKey } from './literalTrie';
import { ANY_TOPIC, IndexedMatches, NoMatches, TextMatches, TopicBlockMatches, type Matches } from './matches';
import type { CompiledPattern } from './patterns';

/** The searchable text of one card in one mode: its blocks lower-cased and joined by newlines. */
export class Haystack {
  readonly text: string;
  /** Offset of each block in the text. */
  readonly starts: number[];
  /** Each block's lower-cased text (the text between its start and the next block's newline). */
  readonly blockTexts: string[];
  /** Topic bits (topicMask) of each block's section; 0 outside any section. */
  readonly blockTopics: Int32Array;
  /** Matches of each pattern (by compiled slot) in each scope searched, the scopes chained (Matches.otherScope). */
  private readonly matchesBySlot: Array<Matches | undefined> = [];
  /** Shared by every pattern without candidates here: it has no match in any scope. */
  private noMatches?: Matches;
  /** Line and sentence breaks of each block's text, listed when a hit first needs them. */
  private readonly layouts: Array<BlockLayout | undefined> = [];
  /** Candidate offsets of the patterns registered when the haystack was built (literalTrie.candidateOffsets). */
  private readonly candidates: Int32Array;
  private readonly indexedPatterns: number;
  /** Candidates of patterns registered later (the first review's patterns), by id. */
  private readonly lateCandidates: Array<Int32Array | undefined> = [];
  private wordStarts?: Map<number, number[]>;

  constructor(readonly blocks: readonly Block[], sections: readonly Section[]) {
    this.starts = [];
    this.blockTexts = [];
    this.blockTopics = new Int32Array(blocks.length);
    const sectionTopics = sections.map((section) => topicMask(section.topics));
    let length = 0;
    for (let i = 0; i < blocks.length; i++) {
      const lower = blocks[i].text.toLowerCase();
      this.starts.push(length);
      this.blockTexts.push(lower);
      this.blockTopics[i] = blocks[i].section >= 0 ? sectionTopics[blocks[i].section] : 0;
      length += lower.length + 1;
    }
    // Every block ends in a newline. One join() yields a flat string; join() + '\n' or += would
    // build a rope, and charCodeAt on a rope is several times slower.
    this.text = blocks.length === 0 ? '\n' : [...this.blockTexts, ''].join('\n');
    this.indexedPatterns = registeredPatterns();
    this.candidates = candidateOffsets(this.text);
  }

  /** The pattern's matches in blocks with the topics (ANY_TOPIC: every block), shared by every query with the same pattern and scope. */
  matchesOf(compiled: CompiledPattern, topics: number): Matches {
    const first = this.matchesBySlot[compiled.slot];
    for (let matches = first; matches !== undefined; matches = matches.otherScope) if (matches.topics === topics || matches === this.noMatches) return matches;
    const matches = this.newMatches(compiled, topics);
    if (matches !== this.noMatches) matches.otherScope = first;
    return (this.matchesBySlot[compiled.slot] = matches);
  }

  /**
   * A keyed pattern is tried at its candidates in the blocks under the topics; a pattern without
   * index keys runs over the whole text, or, limited to topics, over each block under them (a
   * match then cannot run past its block, so the two are kept apart).
   */
  private newMatches(compiled: CompiledPattern, topics: number): Matches {
    const id = compiled.id;
    if (id < 0) return topics === ANY_TOPIC ? new TextMatches(this, compiled.global) : new TopicBlockMatches(this, compiled.global, topics);
    if (id < this.indexedPatterns) {
      const { candidates } = this;
      if (candidates[id] < candidates[id + 1]) return new IndexedMatches(this, candidates, candidates[id], candidates[id + 1], compiled.sticky, topics);
    } else {
      // A pattern registered after this haystack was indexed is looked up alone by its keys.
      const late = (this.lateCandidates[id] ??= patternCandidates(id, this.text, (this.wordStarts ??= wordStartsByKey(this.text))));
      if (late.length > 0) return new IndexedMatches(this, late, 0, late.length, compiled.sticky, topics);
    }
    return (this.noMatches ??= new NoMatches(this));
  }

  /** Where the block's text breaks into lines and sentences. */
  layoutOf(index: number): BlockLayout {
    return (this.layouts[index] ??= blockLayout(this.blockTexts[index]));
  }

  /** Offset just past a block's text (where its joining newline sits). */
  blockEnd(index: number): number {
    return this.starts[index] + this.blockTexts[index].length;
  }
}

// One bit per topic in a 32-bit number.
if (TOPICS.length > 31) throw new Error('topicMask holds at most 31 topics');
const TOPIC_BITS = new Map<Topic, number>(TOPICS.map((topic, index) => [topic, 1 << index]));

/** The topics as bits of one number, so "does this block sit under one of these topics?" is a single AND. */
export function topicMask(topics: readonly Topic[]): number {
  let mask = 0;
  for (const topic of topics) mask |= TOPIC_BITS.get(topic) ?? 0;
  return mask;
}
