import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Evidence, type Hit } from '../src/core/evidence/evidence';
import { anchorKeys, anchorPrefixes, wordKey } from '../src/core/evidence/prefilter';
import { markdownCard } from './support/cards';

const key = (word: string) => wordKey(word.charCodeAt(0), word.charCodeAt(1) || 0, word.charCodeAt(2) || 0);

describe('evidence word index', () => {
  it('derives the word keys a pattern can start with', () => {
    assert.deepEqual(anchorKeys(/\b(kpis?|key performance indicators?|north[- ]star)\b/), [key('kpi'), key('key'), key('nor')]);
    assert.deepEqual(anchorKeys(/(\bpsi\b|\bpopulation stability)/), [key('psi'), key('pop')]);
    assert.deepEqual(anchorKeys(/\bks[- ]test/), [key('ks')], 'a two-letter word followed by a separator is that word');
    assert.equal(anchorKeys(/\bks\w*/)?.length, 38, 'an open two-letter prefix covers every third letter');
    assert.deepEqual(anchorKeys(/\ba\/b test/), [key('a')]);
    assert.deepEqual(anchorKeys(/\b(re)?training/), [key('ret'), key('tra')], 'an optional part is spelt out both ways');
  });

  it('spells optional parts out as literals, and falls back to stopping at them when that would be too many', () => {
    assert.deepEqual(anchorPrefixes(/\b(uses?|has) no (personal|pii)\b/), new Map([[key('use'), ['uses no personal', 'uses no pii', 'use no personal', 'use no pii']], [key('has'), ['has no personal', 'has no pii']]]));
    const words = Array.from({ length: 40 }, (_, i) => `${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}qq`);
    const many = anchorPrefixes(new RegExp(`\\b(${words.map((word) => `${word}s? x`).join('|')})`));
    assert.deepEqual([...many!.values()], words.map((word) => [word]), 'eighty spelt-out prefixes exceed the limit: each alternative stops at its s?');
  });

  it('refuses patterns that can start mid-word or with no literal', () => {
    assert.equal(anchorKeys(/(?:assumptions?|caveats?)/), null);
    assert.equal(anchorKeys(/\b\d+% missing/), null);
    assert.equal(anchorKeys(/\bx|\by/), null);
    assert.equal(anchorKeys(/(\bpsi|drift)/), null);
  });

  const vocabulary = ['kst', 'kpi', 'kpis', 'key', 'keys', 'psi', 'ks', 'ks-test', 'drift', 'no', 'rollback', 'plan', 'canary', 'target', 'targets', '10%', '_x', 'north star', 'north-star', 'é', 'naïve', '\n', '\n\n', '## Monitoring\n', '- ', '. ', '|', 'use', 'uses', 'user', 'retraining', 'training', 're', 'set'];
  const patterns = [/\b(kpis?|key)\b/, /\bks[- ]test\b/, /\bks\w*/, /\bpsi\b/, /\b(rollback plan|canary)\b/, /\bnorth[- ]star\b/, /\btargets?\b/, /\bno (rollback|plan)/, /\buses? no (plan|kpis?)\b/, /\b(re)?training\b/, /\b(kpis?|targets?) (are )?set\b/];

  it('finds exactly what a plain scan of every block finds', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 80 }), (words) => {
        const card = markdownCard(`# Card\n\n${words.join(' ')}\n`);
        const evidence = new Evidence(card);
        for (const pattern of patterns) {
          const indexed = evidence.findAll(pattern).map((hit) => `${hit.line}:${hit.match}`);
          const plain = card.blocks
            .filter((block) => !block.placeholder && block.kind !== 'code' && block.kind !== 'html')
            .flatMap((block) => [...block.text.toLowerCase().matchAll(new RegExp(pattern.source, 'g'))].map((match) => `${block.line + (block.text.slice(0, match.index).match(/\n/g)?.length ?? 0)}:${match[0]}`));
          assert.deepEqual(indexed, plain, pattern.source);
        }
      }),
      { numRuns: 300, seed: 3 },
    );
  });

  it('reads matches lazily with the same answers: hits() as findAll(), findWhere() as findAll().find(), in any order of queries', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 80 }), fc.nat(5), (words, stop) => {
        const text = `# Card\n\n${words.join(' ')}\n\n| Metric | Value |\n|---|---|\n| kpi | ${words.slice(0, 3).join(' ')} |\n`;
        const lazy = new Evidence(markdownCard(text));
        const eager = new Evidence(markdownCard(text));
        const summary = (hit: Hit | undefined) => hit && `${hit.line}-${hit.endLine}:${hit.match}:${hit.sentence}:${hit.negated}:${hit.absent}`;
        for (const pattern of patterns) {
          // A loop that stops early leaves later matches unfound; later queries must still see all of them.
          const partial = lazy.hits(pattern);
          for (let read = 0; read <= stop && !partial.next().done; read++);
          const accept = (hit: Hit) => !hit.negated && hit.sentence.length % 2 === 0;
          assert.equal(summary(lazy.findWhere(pattern, accept)), summary(eager.findAll(pattern).find(accept)), pattern.source);
          assert.deepEqual([...lazy.hits(pattern)].map(summary), eager.findAll(pattern).map(summary), pattern.source);
        }
      }),
      { numRuns: 200, seed: 5 },
    );
  });

  it('quotes a table row whole, on its own line, without sentence breaks', () => {
    const evidence = new Evidence(markdownCard('# Card\n\n| Check | Plan |\n|---|---|\n| Rollback | No rollback plan. Canary first. |\n'));
    const hit = evidence.findAny(/\brollback plan\b/)!;
    assert.equal(hit.line, 5);
    assert.equal(hit.sentence, 'Check: Rollback | Plan: No rollback plan. Canary first.');
    assert.equal(hit.negated, true);
  });
});
