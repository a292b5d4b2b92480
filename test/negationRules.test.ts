import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import type { Block } from '../src/core/card/types';
import { absenceFollows, blockLayout, toHit } from '../src/core/evidence/hits';

// The two negation rules before the match, as the hit tested them before the close rule was skipped where the broad one settles it.
const BROAD = /\b(no|not|none|without|lacks?|lacking|absent|never|tbd|todo|neither|nor|yet to be|pending|planned for later|out of scope)\b[^.;!?]{0,60}$/;
const CLOSE = /\b(no|not|none|without|lacks?|lacking|absent|never|tbd|todo|yet to be|pending)\b(\s+(formal|documented|defined|explicit|dedicated|clear|real|any|yet|a|an|the|automated|written)){0,2}\s*$/;
const MATCH = 'rollback plan';

function hitIn(before: string, after: string) {
  const text = before + MATCH + after;
  const block: Block = { kind: 'paragraph', text, line: 1, endLine: 1, section: -1, placeholder: false };
  return toHit(block, text, blockLayout(text), before.length, MATCH);
}

describe('negation of a hit', () => {
  it('answers as the rules tested in full do, whichever is read first', () => {
    // No sentence breaks: the hit's sentence is the whole text, and the rules see its last 100 characters before the match.
    // Long blanks: the close rule can then hold where the broad one does not.
    const pieces = ['no', 'not', 'without', 'yet to be', 'documented', 'automated', 'the', 'a', 'plan', ' ', ' '.repeat(13), ' '.repeat(25), '\t'.repeat(20), 'x'.repeat(15)];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 16 }), fc.constantFrom('', ' is not defined', ' works'), (parts, after) => {
        const before = parts.join(' ');
        const near = before.slice(-100);
        const absent = absenceFollows(after) || CLOSE.test(near);
        const negated = BROAD.test(near) || absent;
        const negatedFirst = hitIn(before, after);
        assert.equal(negatedFirst.negated, negated, JSON.stringify(before + MATCH + after));
        assert.equal(negatedFirst.absent, absent, JSON.stringify(before + MATCH + after));
        const absentFirst = hitIn(before, after);
        assert.equal(absentFirst.absent, absent, JSON.stringify(before + MATCH + after));
        assert.equal(absentFirst.negated, negated, JSON.stringify(before + MATCH + after));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });
});

describe('sentence layout of a block', () => {
  it('breaks where a regex reading of the rule does, at the ends of the text too', () => {
    // A blank line (either of its newlines), or . ! ? ; before white space or at the very end.
    const reference = /\n(?=\n)|(?<=\n)\n|[.!?;](?=[ \n\t]|$)/g;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '.', '!', '?', ';', ' ', '\t', '\n', '\n\n', '3.5', 'e.g.'), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const layout = blockLayout(text);
        assert.deepEqual(layout.sentenceBreaks, [...text.matchAll(reference)].map((match) => match.index), JSON.stringify(text));
        assert.deepEqual(layout.newlines, [...text.matchAll(/\n/g)].map((match) => match.index));
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
