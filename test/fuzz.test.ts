import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseCard } from '../src/core/card/readCard';
import { CardError } from '../src/core/card/types';
import { reviewCard } from '../src/core/review/reviewCard';
import { GATES } from '../src/core/gates';
import { exampleCard, FIXED_NOW } from './support/cards';

/** Per-card budget: generous for a 2-core CI machine, far above the ~ms a review takes. */
const MAX_MS = 250;

const markdownPiece = fc.oneof(
  fc.string(),
  fc.constantFrom('# ', '## Training Data\n', '### Uses\n', '---\n', '```\n', '| a | b |\n|---|---|\n', '- ', '> ', '<script>', '[More Information Needed]', '\n\n', 'PSI 0.3 ', '35% missing ', 'no rollback plan ', 'AKIAIOSFODNN7EXAMPLE', '{{ x }}', 'â€™', 'ðŸ“Š', '\u0000'),
  fc.string({ unit: 'grapheme' }),
);

const randomMarkdown = fc.array(markdownPiece, { maxLength: 60 }).map((pieces) => pieces.join(''));

function reviewOrCardError(text: string): void {
  let card;
  try {
    card = parseCard('fuzz.md', Buffer.from(text, 'utf8'));
  } catch (error) {
    assert.ok(error instanceof CardError, `unexpected ${String(error)}`);
    return;
  }
  const started = performance.now();
  const review = reviewCard(card, { now: FIXED_NOW });
  const elapsed = performance.now() - started;
  assert.deepEqual(review.gates.map((gate) => gate.id), GATES.map((gate) => gate.id));
  for (const gate of review.gates) {
    assert.ok(['Pass', 'Conditional', 'Fail'].includes(gate.status));
    for (const finding of gate.findings) if (finding.line !== null) assert.ok(finding.line >= 1 && finding.line <= card.lines.length + 1, `line ${finding.line} outside card`);
  }
  assert.ok(elapsed < MAX_MS, `review took ${elapsed.toFixed(1)} ms`);
}

describe('fuzzed cards', () => {
  it('random markdown never throws, always yields seven ordered gates, in bounded time', () => {
    fc.assert(fc.property(randomMarkdown, reviewOrCardError), { numRuns: 300, seed: 20261122 });
  });

  it('mutations of the example cards never throw', async () => {
    const thorough = (await exampleCard('thorough/MODEL_CARD.md')).text;
    const mutated = fc.tuple(fc.nat(thorough.length), fc.nat(400), markdownPiece).map(([at, cut, insert]) => thorough.slice(0, at) + insert + thorough.slice(Math.min(thorough.length, at + cut)));
    fc.assert(fc.property(mutated, reviewOrCardError), { numRuns: 150, seed: 7 });
  });

  it('a long paragraph full of matches stays linear (no quadratic sentence or line lookups)', () => {
    const sentence = 'The rollback plan is not defined and 35% missing values with PSI 0.3 and no drift monitoring ';
    const card = parseCard('long.md', Buffer.from(`# M\n\n${sentence.repeat(2400)}\n`));
    const started = performance.now();
    const review = reviewCard(card, { now: FIXED_NOW });
    const elapsed = performance.now() - started;
    assert.equal(review.gates.length, 7);
    // 230 KB in one block: quadratic lookups took several seconds here; linear ones a few hundred ms.
    assert.ok(elapsed < 3000, `review took ${elapsed.toFixed(0)} ms`);
  });

  it('thousands of list items with readings stay linear (no quadratic de-duplication)', () => {
    const items = Array.from({ length: 20000 }, (_, i) => `- feature_${i}: PSI 0.0${i % 9} this week, drift alert owner rollback canary`).join('\n');
    const card = parseCard('list.md', Buffer.from(`# M\n\n## Monitoring\n\n${items}\n`));
    const started = performance.now();
    reviewCard(card, { now: FIXED_NOW });
    const elapsed = performance.now() - started;
    // 20,000 readings: pairwise de-duplication took seconds here; a set takes milliseconds.
    assert.ok(elapsed < 3000, `review took ${elapsed.toFixed(0)} ms`);
  });

  it('random bytes are either reviewed or rejected with a CardError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (bytes) => {
        try {
          const review = reviewCard(parseCard('fuzz.bin', bytes), { now: FIXED_NOW });
          assert.equal(review.gates.length, 7);
        } catch (error) {
          assert.ok(error instanceof CardError, `unexpected ${String(error)}`);
          assert.match(error.message, /^fuzz\.bin: /);
        }
      }),
      { numRuns: 300, seed: 42 },
    );
  });
});
