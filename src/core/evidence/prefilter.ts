import { parse, type AstNode, type Features } from 'regjsparser';

/** Word characters as \b sees them; position in the key alphabet 1–37, 0 for anything else. */
export const WORD_CHAR = new Uint8Array(128);
'abcdefghijklmnopqrstuvwxyz0123456789_'.split('').forEach((char, index) => (WORD_CHAR[char.charCodeAt(0)] = index + 1));

const RADIX = 38;

/** The first (up to) three characters of a word packed into one small number; pass 0 for characters past the word's end. */
export function wordKey(first: number, second: number, third: number): number {
  return (WORD_CHAR[first] * RADIX + (second ? WORD_CHAR[second] : 0)) * RADIX + (third ? WORD_CHAR[third] : 0);
}

/** How many characters a word key stands for: 3, or fewer for a one- or two-letter word. */
export function keyLength(key: number): number {
  if (key % RADIX !== 0) return 3;
  return Math.floor(key / RADIX) % RADIX !== 0 ? 2 : 1;
}

const BOUNDARY = '\u0001';
const MAX_PREFIXES = 64;
const FEATURES = { lookbehind: true, namedGroups: true, unicodePropertyEscape: true } satisfies Features;
/** A node of a parsed check pattern (parsePattern). */
export type Node = AstNode<typeof FEATURES>;

/** The syntax tree of a pattern (its g, y, d, s and v flags do not change it), or null when regjsparser cannot read it. */
export function parsePattern(pattern: RegExp): Node | null {
  try {
    return parse(pattern.source, pattern.flags.replace(/[gydsv]/g, ''), FEATURES);
  } catch {
    return null;
  }
}

interface Expansion {
  /** Literal strings one of which every match of the node starts with (\b marked as BOUNDARY). */
  prefixes: string[];
  /** True when the prefixes are the node's whole match (so what follows can be appended). */
  complete: boolean;
}

const STOP: Expansion = { prefixes: [''], complete: false };
const EMPTY: Expansion = { prefixes: [''], complete: true };

/**
 * Index keys for a pattern: the first letters of the words a match can start with. A pattern
 * such as /\b(kpis?|key performance indicators?)\b/ can only match in a block holding a word
 * that starts "kpi" or "key", so the evidence scan visits only those blocks. Every alternative
 * must start at a word boundary (\b) with at least two literal word characters; otherwise the
 * pattern gets null and is scanned over the whole card. Callers cache the result per pattern.
 */
export function anchorKeys(pattern: RegExp): readonly number[] | null {
  const prefixes = anchorPrefixes(pattern);
  return prefixes && [...prefixes.keys()];
}

/**
 * The index keys of anchorKeys, each with the literal text a match must start with there
 * ("key performance indicator" under "key"); an empty list when the key says all there is to say.
 * Trying a literal with startsWith is far cheaper than running the pattern.
 */
export function anchorPrefixes(pattern: RegExp): Map<number, string[]> | null {
  const ast = parsePattern(pattern);
  if (!ast) return null;
  const byKey = new Map<number, string[]>();
  const add = (key: number, literal: string) => {
    const list = byKey.get(key);
    // A literal no longer than the key adds nothing to it: accept every word with the key.
    if (literal.length <= 3) byKey.set(key, []);
    else if (!list) byKey.set(key, [literal]);
    else if (list.length > 0 && !list.includes(literal)) list.push(literal);
  };
  for (const raw of expand(ast).prefixes) {
    const prefix = pattern.flags.includes('i') ? raw.toLowerCase() : raw;
    // Only a \b right before a word character promises that the match starts a word.
    const lead = /^\u0001+/.exec(prefix);
    if (!lead) return null;
    const rest = prefix.slice(lead[0].length);
    const literal = rest.split(BOUNDARY, 1)[0];
    const word = /^[a-z0-9_]*/.exec(rest)![0];
    // A literal non-word character after the word ("to reduce", "a/b") means the word is exactly that.
    const wholeWord = rest.length > word.length;
    const [first, second] = [word.charCodeAt(0), word.charCodeAt(1) || 0];
    if (word.length >= 3) add(wordKey(first, second, word.charCodeAt(2)), literal);
    else if (wholeWord && word.length > 0) add(wordKey(first, second, 0), literal);
    // A two-letter prefix matches the word itself and every longer word starting with it.
    else if (word.length === 2) for (let third = 0; third < RADIX; third++) add(wordKey(first, second, 0) + third, literal);
    else return null;
  }
  return byKey.size > 0 ? byKey : null;
}

/**
 * The prefixes a node's matches start with. `optional` also spells out x? as x or nothing; where
 * that would exceed MAX_PREFIXES, the node is spelt out without it (stopping at the first x?).
 */
function expand(node: Node, optional = true): Expansion {
  switch (node.type) {
    case 'value':
      return { prefixes: [String.fromCodePoint(node.codePoint)], complete: true };
    case 'anchor':
      return node.kind === 'boundary' ? { prefixes: [BOUNDARY], complete: true } : EMPTY;
    case 'alternative':
      return expandSequence(node.body, optional);
    case 'disjunction': {
      const parts = node.body.map((alternative) => expand(alternative, optional));
      const prefixes = parts.flatMap((part) => part.prefixes);
      if (optional && prefixes.length > MAX_PREFIXES) return expand(node, false);
      return { prefixes, complete: parts.every((part) => part.complete) };
    }
    case 'group':
      if (node.behavior === 'lookahead' || node.behavior === 'negativeLookahead' || node.behavior === 'lookbehind' || node.behavior === 'negativeLookbehind') return EMPTY;
      return expandSequence(node.body, optional);
    case 'quantifier': {
      if (node.min === 0) {
        if (node.max !== 1 || !optional) return STOP;
        // x? is x or nothing: "uses? no" starts "uses no" or "use no", not every word starting "use".
        const inner = expandSequence(node.body, optional);
        return { prefixes: [...inner.prefixes, ''], complete: inner.complete };
      }
      const inner = expandSequence(node.body, optional);
      return { prefixes: inner.prefixes, complete: inner.complete && node.min === 1 && node.max === 1 };
    }
    case 'characterClass': {
      const chars = node.body.filter((item) => item.type === 'value');
      if (node.negative || chars.length !== node.body.length || chars.length > 4) return STOP;
      return { prefixes: chars.map((item) => String.fromCodePoint((item as { codePoint: number }).codePoint)), complete: true };
    }
    default:
      return STOP;
  }
}

function expandSequence(nodes: readonly Node[], optional: boolean): Expansion {
  let prefixes = [''];
  for (let i = 0; i < nodes.length; i++) {
    let part: Expansion;
    if (nodes[i].type === 'value') {
      // A run of literal characters is one piece: one concatenation per prefix, not one per character.
      let run = '';
      for (; i < nodes.length && nodes[i].type === 'value'; i++) run += String.fromCodePoint((nodes[i] as { codePoint: number }).codePoint);
      i--;
      part = { prefixes: [run], complete: true };
    } else {
      part = expand(nodes[i], optional);
      if (optional && prefixes.length * part.prefixes.length > MAX_PREFIXES) part = expand(nodes[i], false);
    }
    // Counted before building: most cut-offs would otherwise build thousands of strings only to drop them.
    if (prefixes.length * part.prefixes.length > MAX_PREFIXES) return { prefixes, complete: false };
    prefixes = concatenations(prefixes, part.prefixes);
    if (!part.complete) return { prefixes, complete: false };
  }
  return { prefixes, complete: true };
}

/** Every head followed by every tail, heads in order. */
function concatenations(heads: readonly string[], tails: readonly string[]): string[] {
  const joined: string[] = [];
  for (const head of heads) for (const tail of tails) joined.push(head + tail);
  return joined;
}
