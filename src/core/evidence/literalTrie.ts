import { WORD_CHAR, keyLength } from './prefilter';

/**
 * The literal prefixes of every keyed pattern the reviews have compiled, merged into one trie
 * rooted at word keys (see prefilter). One walk per word of a card then yields, for every
 * pattern at once, the offsets where it can match: no per-query pass over the card's words.
 *
 * The trie keeps only the first MAX_DEPTH characters of a literal, and only characters of its
 * small alphabet: a shorter prefix of a literal is still a necessary condition for a match, so
 * a cut literal only lets through a few more candidates for the sticky regex to reject. That
 * keeps the trie small enough for a dense transition table.
 */
// 12 rather than 8: a failed regex test costs more than a few more trie steps (8 let a fifth more candidates through).
const MAX_DEPTH = 12;
/** Trie alphabet: word characters and the punctuation literals use; 0 for anything else. */
const CLASS_OF = new Uint8Array(128);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789_ -/.\'';
for (let i = 0; i < ALPHABET.length; i++) CLASS_OF[ALPHABET.charCodeAt(i)] = i + 1;
const WIDTH = ALPHABET.length + 1;

const KEY_RADIX = 38;
/**
 * Trie node of each word key, in two levels so the table stays small: the key's first two
 * characters pick a row of KEY_RADIX nodes (0: no row), its third the node in the row (0: no
 * pattern starts with a word of that key).
 */
const rowOfPair = new Uint16Array(KEY_RADIX * KEY_RADIX);
let nodeInRow: Uint16Array = new Uint16Array(64 * KEY_RADIX);
let rows = 1;
/** Child of node n for character class c at n * WIDTH + c; 0: none. Node 0 is unused. Built here, walked packed (packTransitions). */
let transitions: Uint16Array = new Uint16Array(64 * WIDTH);
/** Patterns whose (cut) literal or whole key ends at each node. */
const patternsAt: number[][] = [[]];
/**
 * patternsAt packed in two flat arrays for the walk (node n's patterns are patternIds[patternStart[n]
 * .. patternStart[n + 1]]): an array per node costs a cache miss per step. Packed again when
 * patterns were registered since.
 */
let patternStart = new Int32Array(2);
let patternIds = new Int32Array(0);
/**
 * The transitions packed for the walk: most nodes lie on a single literal's tail and have one
 * child (onlyClass, onlyChild); only nodes that branch keep a dense row (denseRow, 0: none). The
 * dense table of every node is several hundred kilobytes, and a walk touching it at random
 * competes for cache with the rest of the review.
 */
let onlyClass = new Uint8Array(0);
let onlyChild = new Uint16Array(0);
let denseRow = new Uint16Array(0);
let denseTransitions = new Uint16Array(0);
let packedFor = -1;
/** Each pattern's literals cut as the trie keeps them, by word key: a pattern registered after a text was indexed is looked up alone. */
const keptLiterals: Array<ReadonlyMap<number, readonly string[]>> = [];
let registered = 0;

/** Number of patterns registered so far; pattern ids run from 0 to this, exclusive. */
export function registeredPatterns(): number {
  return registered;
}

/** Adds a pattern's index keys and literals (anchorPrefixes) to the trie; returns its id. */
export function registerPattern(prefixes: ReadonlyMap<number, readonly string[]>): number {
  const id = registered++;
  for (const [key, literals] of prefixes) {
    const root = keyNode(key);
    if (literals.length === 0) addPattern(root, id);
    // A literal starts with its key's characters; the trie goes on from there.
    for (const literal of literals) addPattern(insert(root, literal, keyLength(key)), id);
  }
  keptLiterals.push(new Map([...prefixes].map(([key, literals]) => [key, literals.map(keptPrefix)])));
  return id;
}

/** The part of a literal the trie keeps: its first MAX_DEPTH characters, up to the first one outside the alphabet. */
function keptPrefix(literal: string): string {
  let end = 0;
  while (end < Math.min(literal.length, MAX_DEPTH) && literal.charCodeAt(end) < 128 && CLASS_OF[literal.charCodeAt(end)] !== 0) end++;
  return literal.slice(0, end);
}

/** The trie node of a word key, added if new. */
function keyNode(key: number): number {
  const pair = Math.floor(key / KEY_RADIX);
  if (rowOfPair[pair] === 0) {
    rowOfPair[pair] = rows++;
    if (rows * KEY_RADIX > nodeInRow.length) nodeInRow = grown(nodeInRow);
  }
  const slot = rowOfPair[pair] * KEY_RADIX + (key % KEY_RADIX);
  if (nodeInRow[slot] === 0) nodeInRow[slot] = newNode();
  return nodeInRow[slot];
}

function grown(table: Uint16Array): Uint16Array {
  const larger = new Uint16Array(table.length * 2);
  larger.set(table);
  return larger;
}

function newNode(): number {
  const node = patternsAt.length;
  // Node ids are 16-bit; far beyond what the check patterns need (a few thousand).
  if (node > 0xffff) throw new Error('literal trie is full');
  patternsAt.push([]);
  if ((node + 1) * WIDTH > transitions.length) transitions = grown(transitions);
  return node;
}

/** The node where the literal's kept prefix ends. */
function insert(root: number, literal: string, from: number): number {
  let node = root;
  for (let i = from; i < Math.min(literal.length, MAX_DEPTH); i++) {
    const code = literal.charCodeAt(i);
    const cls = code < 128 ? CLASS_OF[code] : 0;
    if (cls === 0) break;
    let child = transitions[node * WIDTH + cls];
    if (child === 0) {
      child = newNode();
      transitions[node * WIDTH + cls] = child;
    }
    node = child;
  }
  return node;
}

function addPattern(node: number, id: number): void {
  if (!patternsAt[node].includes(id)) patternsAt[node].push(id);
}

/** Scratch for candidateOffsets, reused by every call (one review at a time runs it). */
let pairScratch: Int32Array = new Int32Array(1024);
let lastStartOf = new Int32Array(0);

/**
 * The candidate offsets of every pattern registered so far in a lower-cased text: word starts whose
 * key and following characters spell the kept prefix of one of the pattern's literals. One flat
 * array (no array per pattern): pattern id's offsets, ascending, run from index[id] to index[id + 1].
 */
export function candidateOffsets(text: string): Int32Array {
  if (packedFor !== registered) packPatterns();
  // Pairs of (pattern id, word start) in text order, counted per pattern, then grouped by pattern.
  const count = new Int32Array(registered);
  let pairs = 0;
  lastStartOf.fill(-1);
  const length = text.length;
  let i = 0;
  while (i < length) {
    const first = wordCharAt(text, i);
    if (first === 0) {
      i++;
      continue;
    }
    const start = i;
    // The key packs the word's first three characters (0 past its end), as prefilter.wordKey does.
    const second = wordCharAt(text, start + 1);
    const third = second === 0 ? 0 : wordCharAt(text, start + 2);
    const row = rowOfPair[first * KEY_RADIX + second];
    let node = row === 0 ? 0 : nodeInRow[row * KEY_RADIX + third];
    i = start + (third !== 0 ? 3 : second !== 0 ? 2 : 1);
    // Follow the text down the trie from the key's node, recording the patterns met on the way.
    for (let at = i; node !== 0; at++) {
      for (let p = patternStart[node]; p < patternStart[node + 1]; p++) {
        const id = patternIds[p];
        // Two literals of one pattern can both match at a word ("data", "data sources"): one candidate.
        if (lastStartOf[id] === start) continue;
        lastStartOf[id] = start;
        count[id]++;
        if (pairs + 2 > pairScratch.length) pairScratch = grownPairs(pairScratch);
        pairScratch[pairs++] = id;
        pairScratch[pairs++] = start;
      }
      const next = at < length ? text.charCodeAt(at) : 0;
      const cls = next < 128 ? CLASS_OF[next] : 0;
      // No literal goes on with a character outside the alphabet.
      if (cls === 0) break;
      const row = denseRow[node];
      node = row !== 0 ? denseTransitions[row * WIDTH + cls] : onlyClass[node] === cls ? onlyChild[node] : 0;
    }
    // Candidates only start at word starts: skip the rest of the word.
    while (wordCharAt(text, i) !== 0) i++;
  }
  return groupedByPattern(count, pairScratch, pairs);
}

function grownPairs(pairs: Int32Array): Int32Array {
  const larger = new Int32Array(pairs.length * 2);
  larger.set(pairs);
  return larger;
}

/** The index layout of candidateOffsets from the pairs in text order (a counting sort keeps each pattern's offsets ascending). */
function groupedByPattern(count: Int32Array, pairs: Int32Array, length: number): Int32Array {
  const patterns = count.length;
  const index = new Int32Array(patterns + 1 + length / 2);
  let next = patterns + 1;
  for (let id = 0; id < patterns; id++) {
    index[id] = next;
    next += count[id];
    // count now holds where the pattern's next offset goes.
    count[id] = index[id];
  }
  index[patterns] = next;
  for (let p = 0; p < length; p += 2) index[count[pairs[p]]++] = pairs[p + 1];
  return index;
}

/** Packs patternsAt into patternStart and patternIds, and the transitions for the walk. */
function packPatterns(): void {
  packTransitions();
  patternStart = new Int32Array(patternsAt.length + 1);
  let total = 0;
  for (let node = 0; node < patternsAt.length; node++) {
    patternStart[node] = total;
    total += patternsAt[node].length;
  }
  patternStart[patternsAt.length] = total;
  patternIds = new Int32Array(total);
  for (let node = 0; node < patternsAt.length; node++) patternIds.set(patternsAt[node], patternStart[node]);
  lastStartOf = new Int32Array(registered);
  packedFor = registered;
}

/** Splits the transitions into single-child links and dense rows for branching nodes only. */
function packTransitions(): void {
  const nodes = patternsAt.length;
  onlyClass = new Uint8Array(nodes);
  onlyChild = new Uint16Array(nodes);
  denseRow = new Uint16Array(nodes);
  let rowsUsed = 1;
  for (let node = 1; node < nodes; node++) {
    let children = 0;
    for (let cls = 1; cls < WIDTH; cls++) {
      if (transitions[node * WIDTH + cls] === 0) continue;
      children++;
      onlyClass[node] = cls;
      onlyChild[node] = transitions[node * WIDTH + cls];
    }
    if (children > 1) denseRow[node] = rowsUsed++;
  }
  denseTransitions = new Uint16Array(rowsUsed * WIDTH);
  for (let node = 1; node < nodes; node++) {
    if (denseRow[node] !== 0) denseTransitions.set(transitions.subarray(node * WIDTH, (node + 1) * WIDTH), denseRow[node] * WIDTH);
  }
}

/** Word starts of a lower-cased text by word key (as candidateOffsets reads them). */
export function wordStartsByKey(text: string): Map<number, number[]> {
  const byKey = new Map<number, number[]>();
  for (let i = 0; i < text.length; i++) {
    const first = wordCharAt(text, i);
    if (first === 0 || wordCharAt(text, i - 1) !== 0) continue;
    const second = wordCharAt(text, i + 1);
    const third = second === 0 ? 0 : wordCharAt(text, i + 2);
    const key = (first * KEY_RADIX + second) * KEY_RADIX + third;
    const starts = byKey.get(key);
    if (starts) starts.push(i);
    else byKey.set(key, [i]);
  }
  return byKey;
}

/** One pattern's candidate offsets, the same list candidateOffsets gives it, from a text's word starts by key. */
export function patternCandidates(id: number, text: string, wordStarts: ReadonlyMap<number, readonly number[]>): Int32Array {
  const found: number[] = [];
  let keysFound = 0;
  for (const [key, literals] of keptLiterals[id]) {
    const starts = wordStarts.get(key);
    if (!starts) continue;
    keysFound++;
    for (const start of starts) if (literals.length === 0 || literals.some((literal) => text.startsWith(literal, start))) found.push(start);
  }
  // Words with different keys interleave in the text.
  return Int32Array.from(keysFound > 1 ? found.sort((a, b) => a - b) : found);
}

/** The word-character class (prefilter.WORD_CHAR) of the character at `index`; 0 for a non-word character or past the end. */
function wordCharAt(text: string, index: number): number {
  // Never read outside the text: one out-of-range charCodeAt makes V8 call the builtin for every character after.
  if (index < 0 || index >= text.length) return 0;
  const code = text.charCodeAt(index);
  return code < 128 ? WORD_CHAR[code] : 0;
}
