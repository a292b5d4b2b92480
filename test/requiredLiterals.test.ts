import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SECRET_PATTERNS } from '../src/core/checks/secretPatterns';
import { mayMatch, requiredLiterals } from '../src/core/evidence/requiredLiterals';

describe('literals a pattern needs (requiredLiterals)', () => {
  it('finds the literal runs every match holds, one per alternative', () => {
    assert.deepEqual(requiredLiterals(/\d+ ?% ?(→|->|to|then) ?\d+ ?%|\ba\/b test/), ['%', 'a/b test']);
    assert.deepEqual(requiredLiterals(/AccountKey=([A-Za-z0-9+/=]{20,})/dgi), ['accountkey=']);
    assert.deepEqual(requiredLiterals(/\b((?:AKIA|ASIA)[A-Z0-9]{16})/), ['AKIA', 'ASIA']);
    assert.deepEqual(requiredLiterals(/x?(ab)+[cd]/), ['ab'], 'the longest of the choices a sequence offers');
    assert.deepEqual(requiredLiterals(/(?<=no )plan/), ['plan'], 'a lookbehind requires nothing of the match');
  });

  it('knows none where a match can do without any literal, or where case folding is Unicode', () => {
    assert.equal(requiredLiterals(/\d+|plan/), null, 'one alternative needs no literal');
    assert.equal(requiredLiterals(/(plan)?\w+/), null);
    assert.equal(requiredLiterals(/(?=plan)\w+/), null, 'a lookahead lies outside the match');
    assert.equal(requiredLiterals(/plan/iu), null);
    assert.equal(requiredLiterals(/Übersicht/i), null, 'a non-ASCII letter under /i may match a letter its lower case is not');
  });

  const pieces = ['a', 'b', 'ab', 'ba', 'c', 'A', 'B', '%', '1', ' '];
  const atoms = fc.oneof(
    fc.constantFrom(...pieces.filter((piece) => piece !== ' ')),
    fc.constantFrom('\\d', '[ab]', '[^a]', '.', '\\b', '\\w', '[a%]'),
  );
  const regexSource: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atoms,
      fc.tuple(tie('node'), tie('node')).map(([left, right]) => left + right),
      fc.tuple(tie('node'), tie('node')).map(([left, right]) => `(?:${left}|${right})`),
      fc.tuple(tie('node'), fc.constantFrom('?', '*', '+', '{2}', '{1,2}')).map(([inner, quantifier]) => `(?:${inner})${quantifier}`),
      fc.tuple(fc.constantFrom('?=', '?!', '?<=', '?<!'), tie('node')).map(([kind, inner]) => `(${kind}${inner})`),
    ),
  })).node;

  it('never rules out a text the pattern matches (random patterns and texts)', () => {
    fc.assert(
      fc.property(regexSource, fc.constantFrom('', 'i'), fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (source, flags, words) => {
        const pattern = new RegExp(source, flags);
        const text = words.join('');
        const literals = requiredLiterals(pattern);
        if (pattern.test(text)) assert.ok(mayMatch(literals, flags ? text.toLowerCase() : text), `${pattern} matches ${JSON.stringify(text)} without any of ${JSON.stringify(literals)}`);
      }),
      { numRuns: 3000, seed: 17 },
    );
  });

  it('gives every credential pattern literals, so a line without them skips it', () => {
    for (const { kind, pattern } of SECRET_PATTERNS) assert.ok(requiredLiterals(pattern), kind);
  });
});
