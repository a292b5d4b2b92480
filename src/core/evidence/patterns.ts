import { registerPattern } from './literalTrie';
import { anchorPrefixes } from './prefilter';

/** A check pattern ready to run: its literalTrie id (-1: no index keys), its global and sticky twins, and its slot. */
export interface CompiledPattern {
  id: number;
  global: RegExp;
  sticky: RegExp;
  /** Sequence number of every compiled pattern, keyed or not: where a haystack keeps its matches. */
  slot: number;
}

// Shared by every review: compiling a RegExp costs more than scanning a card with it. Keyed by
// identity first, then by source (a regex literal inside a function is a new object on every call).
const BY_IDENTITY = new WeakMap<RegExp, CompiledPattern>();
const BY_FLAGS_AND_SOURCE = new Map<string, Map<string, CompiledPattern>>();
let compiledPatterns = 0;

export function compile(pattern: RegExp): CompiledPattern {
  const known = BY_IDENTITY.get(pattern);
  if (known) return known;
  let bySource = BY_FLAGS_AND_SOURCE.get(pattern.flags);
  if (!bySource) BY_FLAGS_AND_SOURCE.set(pattern.flags, (bySource = new Map()));
  const twin = bySource.get(pattern.source);
  // Not remembered by identity: a regex literal inside a function would add a dead key per call.
  if (twin) return twin;
  const flags = pattern.flags.replace(/[gy]/g, '');
  const prefixes = anchorPrefixes(pattern);
  const compiled = { id: prefixes ? registerPattern(prefixes) : -1, global: new RegExp(pattern.source, flags + 'g'), sticky: new RegExp(pattern.source, flags + 'y'), slot: compiledPatterns++ };
  bySource.set(pattern.source, compiled);
  BY_IDENTITY.set(pattern, compiled);
  return compiled;
}
