import { parse, type AstNode, type Features } from 'regjsparser';

/**
 * Index keys for a pattern: the first three characters of the words a match can start with.
 * A check pattern such as /\b(kpis?|key performance indicators?)\b/ can only match in a block
 * that has a word starting "kpi" or "key", so the evidence scan only visits those blocks.
 * Returns null when the pattern gives no such promise (no leading \b, a short or variable
 * first word); such patterns are scanned over the whole card.
 */
export function anchorKeys(pattern: RegExp): readonly number[] | null {
  // Keyed by text, not identity: a regex literal inside a function is a new object on every call.
  const id = `${pattern.flags}/${pattern.source}`;
  let keys = cache.get(id);
  if (keys === undefined) {
    keys = computeKeys(pattern);
    cache.set(id, keys);
  }
  return keys;
}

export const KEY_LENGTH = 3;

/** Position of a word character ([a-z0-9_]) in the key alphabet, 1–37; 0 for anything else. */
export const WORD_CHAR = new Uint8Array(128);
'abcdefghijklmnopqrstuvwxyz0123456789_'.split('').forEach((char, index) => (WORD_CHAR[char.charCodeAt(0)] = index + 1));

/** Number of distinct word keys: three characters of a 38-symbol alphabet. */
export const KEY_SPACE = 38 * 38 * 38;

/** The first three characters of a word packed into one small number, so the index is a flat typed array. */
export function wordKey(first: number, second: number, third: number): number {
  return (WORD_CHAR[first] * 38 + WORD_CHAR[second]) * 38 + WORD_CHAR[third];
}

const MAX_PREFIXES = 64;
const FEATURES = { lookbehind: true, namedGroups: true, unicodePropertyEscape: true } satisfies Features;
type Node = AstNode<typeof FEATURES>;
const cache = new Map<string, readonly number[] | null>();

interface Expansion {
  /** Literal strings one of which every match of the node starts with. */
  prefixes: string[];
  /** True when the prefixes are the node's whole match (so what follows can be appended). */
  complete: boolean;
}

const STOP: Expansion = { prefixes: [''], complete: false };
const EMPTY: Expansion = { prefixes: [''], complete: true };

function computeKeys(pattern: RegExp): readonly number[] | null {
  let ast: Node;
  try {
    ast = parse(pattern.source, pattern.flags.replace(/[gydsv]/g, ''), FEATURES);
  } catch {
    return null;
  }
  const sequence = ast.type === 'alternative' ? ast.body : [ast];
  // A leading \b followed by a word character means every match starts at a word start.
  if (sequence[0]?.type !== 'anchor' || sequence[0].kind !== 'boundary') return null;
  const { prefixes } = expandSequence(sequence.slice(1));
  const keys = new Set<number>();
  for (const prefix of prefixes) {
    const word = /^[a-z0-9_]*/.exec(pattern.flags.includes('i') ? prefix.toLowerCase() : prefix)![0];
    if (word.length < KEY_LENGTH) return null;
    keys.add(wordKey(word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(2)));
  }
  return keys.size > 0 ? [...keys] : null;
}

function expand(node: Node): Expansion {
  switch (node.type) {
    case 'value':
      return { prefixes: [String.fromCodePoint(node.codePoint)], complete: true };
    case 'anchor':
      return EMPTY;
    case 'alternative':
      return expandSequence(node.body);
    case 'disjunction': {
      const parts = node.body.map(expand);
      return { prefixes: parts.flatMap((part) => part.prefixes), complete: parts.every((part) => part.complete) };
    }
    case 'group':
      if (node.behavior === 'lookahead' || node.behavior === 'negativeLookahead' || node.behavior === 'lookbehind' || node.behavior === 'negativeLookbehind') return EMPTY;
      return expandSequence(node.body);
    case 'quantifier': {
      if (node.min === 0) return STOP;
      const inner = expandSequence(node.body);
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

function expandSequence(nodes: readonly Node[]): Expansion {
  let prefixes = [''];
  for (const node of nodes) {
    const part = expand(node);
    const next = prefixes.flatMap((head) => part.prefixes.map((tail) => head + tail));
    if (next.length > MAX_PREFIXES) return { prefixes, complete: false };
    prefixes = next;
    if (!part.complete) return { prefixes, complete: false };
  }
  return { prefixes, complete: true };
}
