import type { Topic } from '../card/topics';
import type { Block, CardMetadata, ModelCard, Section, Table } from '../card/types';
import { Haystack, topicMask } from './haystack';
import type { Hit } from './hits';
import { ANY_TOPIC, type Matches } from './matches';
import { extractNumbers, type StatedNumber } from './numbers';
import { compile } from './patterns';

export { endsNegated, type Hit } from './hits';

export interface NumberHit extends StatedNumber {
  hit: Hit;
}

export interface SearchOptions {
  /** Only blocks under a heading with one of these topics. */
  topics?: readonly Topic[];
  /** Also search fenced code and raw HTML (off by default: code samples are not claims about the model). */
  includeCode?: boolean;
}

const isAffirmed = (hit: Hit) => !hit.negated;
const anyHit = () => true;
const statesAbsence = (hit: Hit) => hit.absent;

/**
 * Query helpers over one card. Searches run over one lower-cased haystack per mode; a pattern's
 * matches are found once per haystack and scope, and shared by every query that uses them.
 */
export class Evidence {
  private prose?: Haystack;
  private everything?: Haystack;
  private readonly derivedValues = new Map<string, unknown>();

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
    return this.findWhere(pattern, isAffirmed, options);
  }

  /** First mention, affirmed or negated. */
  findAny(pattern: RegExp, options?: SearchOptions): Hit | undefined {
    return this.findWhere(pattern, anyHit, options);
  }

  /** First statement that the thing is absent or pending ("no rollback plan yet"). */
  findAbsence(pattern: RegExp, options?: SearchOptions): Hit | undefined {
    return this.findWhere(pattern, statesAbsence, options);
  }

  findAll(pattern: RegExp, options?: SearchOptions): Hit[] {
    const matches = this.matchesOf(pattern, options);
    const hits: Hit[] = [];
    // Read the matches found so far, finding more only past their end.
    for (let i = 0; i < matches.count || matches.advance(); i++) hits.push(matches.hitAt(i));
    return hits;
  }

  /** Every mention, in card order, found only as far as the caller reads (a loop that returns early stops the search). */
  *hits(pattern: RegExp, options?: SearchOptions): Generator<Hit, void, undefined> {
    const matches = this.matchesOf(pattern, options);
    for (let i = 0; i < matches.count || matches.advance(); i++) yield matches.hitAt(i);
  }

  /** First mention the predicate accepts; later matches are not even looked for. */
  findWhere(pattern: RegExp, accept: (hit: Hit) => boolean, options?: SearchOptions): Hit | undefined {
    const matches = this.matchesOf(pattern, options);
    for (let i = 0; i < matches.count || matches.advance(); i++) {
      const hit = matches.hitAt(i);
      if (accept(hit)) return hit;
    }
    return undefined;
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

  /** The pattern's matches in the haystack and the topics the options search. */
  private matchesOf(pattern: RegExp, options: SearchOptions | undefined): Matches {
    const topics = options?.topics === undefined ? ANY_TOPIC : topicMask(options.topics);
    return this.haystack(options?.includeCode === true).matchesOf(compile(pattern), topics);
  }

  private haystack(includeCode: boolean): Haystack {
    const { blocks, sections } = this.card;
    if (includeCode) return (this.everything ??= new Haystack(blocks.filter((block) => !block.placeholder), sections));
    return (this.prose ??= new Haystack(blocks.filter((block) => !block.placeholder && block.kind !== 'code' && block.kind !== 'html'), sections));
  }
}

