import { parsePattern, type Node } from './prefilter';

/** At most this many literals: more would cost more to look for than the regex they spare. */
const MAX_LITERALS = 12;

/**
 * Literals every match of the pattern contains one of, so a text holding none cannot match and the
 * pattern need not run: /\d+ ?% ?(→|to) ?\d+ ?%|\ba\/b test/ needs "%" or "a/b test". For a pattern
 * that ignores case the literals are lower case and are looked for in the lower-cased text, so they
 * are ASCII only (under /i without u an ASCII letter matches nothing but its two cases). Null when no
 * such literals are known (a pattern that can match anything, or one with Unicode case folding).
 */
export function requiredLiterals(pattern: RegExp): readonly string[] | null {
  const ignoreCase = pattern.flags.includes('i');
  if (ignoreCase && (pattern.flags.includes('u') || pattern.flags.includes('v'))) return null;
  const ast = parsePattern(pattern);
  const literals = ast && required(ast);
  if (!literals) return null;
  if (!ignoreCase) return literals;
  if (literals.some((literal) => /[^\x00-\x7f]/.test(literal))) return null;
  return [...new Set(literals.map((literal) => literal.toLowerCase()))];
}

/** True when the text (lower-cased for a pattern that ignores case) holds one of the literals; always true without literals. */
export function mayMatch(literals: readonly string[] | null, text: string): boolean {
  if (literals === null) return true;
  for (const literal of literals) if (text.includes(literal)) return true;
  return false;
}

/** Literals one of which every match of the node contains; null when none is known. */
function required(node: Node): string[] | null {
  switch (node.type) {
    case 'value':
      return [String.fromCodePoint(node.codePoint)];
    case 'characterClass': {
      if (node.negative || node.body.length > 4 || !node.body.every((item) => item.type === 'value')) return null;
      return node.body.map((item) => String.fromCodePoint((item as { codePoint: number }).codePoint));
    }
    case 'alternative':
      return sequence(node.body);
    case 'disjunction': {
      const all: string[] = [];
      for (const alternative of node.body) {
        const literals = required(alternative);
        if (!literals) return null;
        all.push(...literals);
      }
      return all.length <= MAX_LITERALS ? [...new Set(all)] : null;
    }
    case 'group':
      // A lookaround's text lies outside the match (or must be absent): it requires nothing of the match.
      return node.behavior === 'normal' || node.behavior === 'ignore' ? sequence(node.body) : null;
    case 'quantifier':
      return node.min >= 1 ? sequence(node.body) : null;
    default:
      return null;
  }
}

/** A sequence requires what any one of its parts requires: runs of plain characters as whole strings, the longest choice wins. */
function sequence(nodes: readonly Node[]): string[] | null {
  let best: string[] | null = null;
  const consider = (literals: string[] | null) => {
    if (literals && (!best || shortest(literals) > shortest(best))) best = literals;
  };
  let run = '';
  for (const node of nodes) {
    if (node.type === 'value') {
      run += String.fromCodePoint(node.codePoint);
      continue;
    }
    if (run) consider([run]);
    run = '';
    consider(required(node));
  }
  if (run) consider([run]);
  return best;
}

function shortest(literals: readonly string[]): number {
  return Math.min(...literals.map((literal) => literal.length));
}
