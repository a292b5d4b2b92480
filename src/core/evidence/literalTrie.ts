import { WORD_CHAR, keyLength, wordKey } from './prefilter';

/**
 * The literal prefixes of every keyed pattern the reviews have compiled, merged into one trie
 * rooted at word keys (see prefilter). One walk per word of a card then yields, for every
 * pattern at once, the offsets where it can match: no per-query pass over the card's words.
 */
interface TrieNode {
  /** Patterns whose literal (or whole key) ends here: a word reaching this node is a candidate for them. */
  patterns: number[];
  children: Map<number, TrieNode> | null;
}

const KEY_SPACE = 38 * 38 * 38;
/** Node of each word key, +1 (0: no pattern starts with a word of that key). */
const nodeOfKey = new Int32Array(KEY_SPACE);
const keyNodes: TrieNode[] = [];
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
    if (literals.length === 0) root.patterns.push(id);
    // A literal starts with its key's characters; the trie goes on from there.
    for (const literal of literals) insert(root, literal, keyLength(key), id);
  }
  return id;
}

function keyNode(key: number): TrieNode {
  if (nodeOfKey[key] === 0) {
    keyNodes.push({ patterns: [], children: null });
    nodeOfKey[key] = keyNodes.length;
  }
  return keyNodes[nodeOfKey[key] - 1];
}

function insert(root: TrieNode, literal: string, from: number, id: number): void {
  let node = root;
  for (let i = from; i < literal.length; i++) {
    const code = literal.charCodeAt(i);
    node.children ??= new Map();
    let child = node.children.get(code);
    if (!child) node.children.set(code, (child = { patterns: [], children: null }));
    node = child;
  }
  if (!node.patterns.includes(id)) node.patterns.push(id);
}

/**
 * Candidate offsets per pattern id (ascending; undefined when none) for a lower-cased text:
 * word starts whose key and following characters spell one of the pattern's literals.
 * With `only` ≥ 0, just that pattern's list is filled (a pattern registered after the text was indexed).
 */
export function candidateOffsets(text: string, only = -1): Array<number[] | undefined> {
  const lists: Array<number[] | undefined> = [];
  const wordChar = WORD_CHAR;
  const length = text.length;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    if (code >= 128 || wordChar[code] === 0) {
      i++;
      continue;
    }
    const start = i;
    const second = start + 1 < length ? wordCode(text.charCodeAt(start + 1)) : 0;
    const third = second !== 0 && start + 2 < length ? wordCode(text.charCodeAt(start + 2)) : 0;
    const nodeIndex = nodeOfKey[wordKey(code, second, third)];
    if (nodeIndex !== 0) collect(text, start, start + (third !== 0 ? 3 : second !== 0 ? 2 : 1), keyNodes[nodeIndex - 1], lists, only);
    // Skip to the end of the word: candidates only start at word starts.
    i = start + 1;
    while (i < length) {
      const next = text.charCodeAt(i);
      if (next >= 128 || wordChar[next] === 0) break;
      i++;
    }
  }
  return lists;
}

/** The character code when it is a word character, else 0 (so it ends the key). */
function wordCode(code: number): number {
  return code < 128 && WORD_CHAR[code] !== 0 ? code : 0;
}

/** Follows the text from the key node, recording the word start for each pattern whose literal it spells. */
function collect(text: string, start: number, from: number, node: TrieNode, lists: Array<number[] | undefined>, only: number): void {
  let current: TrieNode | undefined = node;
  for (let i = from; current; i++) {
    const patterns = current.patterns;
    for (let p = 0; p < patterns.length; p++) {
      const id = patterns[p];
      if (only >= 0 && id !== only) continue;
      const list = lists[id];
      if (!list) lists[id] = [start];
      // Two literals of one pattern can both match at a word ("data", "data sources"): one candidate.
      else if (list[list.length - 1] !== start) list.push(start);
    }
    current = current.children !== null && i < text.length ? current.children.get(text.charCodeAt(i)) : undefined;
  }
}
