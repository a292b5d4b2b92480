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
const MAX_DEPTH = 8;
/** Trie alphabet: word characters and the punctuation literals use; 0 for anything else. */
const CLASS_OF = new Uint8Array(128);
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789_ -/.\'';
for (let i = 0; i < ALPHABET.length; i++) CLASS_OF[ALPHABET.charCodeAt(i)] = i + 1;
const WIDTH = ALPHABET.length + 1;

const KEY_RADIX = 38;
const KEY_SPACE = KEY_RADIX * KEY_RADIX * KEY_RADIX;
/** Trie node of each word key; 0: no pattern starts with a word of that key. */
const nodeOfKey = new Uint16Array(KEY_SPACE);
/** Child of node n for character class c at n * WIDTH + c; 0: none. Node 0 is unused. */
let transitions = new Uint16Array(64 * WIDTH);
/** Patterns whose (cut) literal or whole key ends at each node. */
const patternsAt: number[][] = [[]];
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
    if (nodeOfKey[key] === 0) nodeOfKey[key] = newNode();
    const root = nodeOfKey[key];
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

function newNode(): number {
  const node = patternsAt.length;
  // Node ids are 16-bit; far beyond what the check patterns need (a few thousand).
  if (node > 0xffff) throw new Error('literal trie is full');
  patternsAt.push([]);
  if ((node + 1) * WIDTH > transitions.length) {
    const grown = new Uint16Array(transitions.length * 2);
    grown.set(transitions);
    transitions = grown;
  }
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

/**
 * Candidate offsets per pattern id (ascending; undefined when none) for a lower-cased text:
 * word starts whose key and following characters spell the kept prefix of one of the pattern's literals.
 */
export function candidateOffsets(text: string): Array<number[] | undefined> {
  const lists: Array<number[] | undefined> = new Array(registered);
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
    let node = nodeOfKey[(first * KEY_RADIX + second) * KEY_RADIX + third];
    i = start + (third !== 0 ? 3 : second !== 0 ? 2 : 1);
    // Follow the text down the trie from the key's node, recording the patterns met on the way.
    for (let at = i; node !== 0; at++) {
      const patterns = patternsAt[node];
      for (let p = 0; p < patterns.length; p++) addCandidate(lists, patterns[p], start);
      const next = at < length ? text.charCodeAt(at) : 0;
      node = next < 128 && CLASS_OF[next] !== 0 ? transitions[node * WIDTH + CLASS_OF[next]] : 0;
    }
    // Candidates only start at word starts: skip the rest of the word.
    while (wordCharAt(text, i) !== 0) i++;
  }
  return lists;
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
export function patternCandidates(id: number, text: string, wordStarts: ReadonlyMap<number, readonly number[]>): number[] {
  const found: number[] = [];
  let keysFound = 0;
  for (const [key, literals] of keptLiterals[id]) {
    const starts = wordStarts.get(key);
    if (!starts) continue;
    keysFound++;
    for (const start of starts) if (literals.length === 0 || literals.some((literal) => text.startsWith(literal, start))) found.push(start);
  }
  // Words with different keys interleave in the text.
  return keysFound > 1 ? found.sort((a, b) => a - b) : found;
}

/** The word-character class (prefilter.WORD_CHAR) of the character at `index`; 0 for a non-word character or past the end. */
function wordCharAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  // NaN (past the end) fails the comparison too.
  return code < 128 ? WORD_CHAR[code] : 0;
}

function addCandidate(lists: Array<number[] | undefined>, id: number, start: number): void {
  const list = lists[id];
  if (list === undefined) lists[id] = [start];
  // Two literals of one pattern can both match at a word ("data", "data sources"): one candidate.
  else if (list[list.length - 1] !== start) list.push(start);
}
