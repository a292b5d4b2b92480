import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { absenceFollows } from '../src/core/evidence/hits';

// The rule as one regex: an absence within 50 characters of the match, before any . ; ! or ?.
const REFERENCE = /^[^.;!?]{0,50}?(\b(not|never) (yet )?(been )?(defined|available|implemented|planned|documented|in place|established|performed|done|assessed|measured|evaluated|set up|configured|monitored|tracked|considered|conducted|reviewed|specified|known)\b|\b(is|are|was|were|remains?)( still)? (tbd|tbc|todo|unknown|pending|unclear|undefined|missing|absent|n\/a)\b|:\s*(none|no|tbd|tbc|todo|n\/a|unknown|pending)\b|\bto be (defined|determined|added|done|decided|confirmed|written)\b)/;

describe('absence after a match', () => {
  it('answers as the single-regex rule does', () => {
    const pieces = ['not defined', 'never', 'not yet been documented', 'is tbd', 'are still unknown', ': none', ':', 'to be decided', 'to be', 'notdefined', 'x', 'plan', ' ', '  ', '\n', '.', ';', '!', '?', 'a'.repeat(20), 'b'.repeat(25), 'c'.repeat(10), 'pending', 'is', 'n/a'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const after = parts.join('');
        assert.equal(absenceFollows(after), REFERENCE.test(after), JSON.stringify(after));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });
});
