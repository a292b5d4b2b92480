import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readCardFile } from '../src/core/card/readCard';
import { reviewCard } from '../src/core/review/reviewCard';
import type { GateStatus, Review } from '../src/core/review/types';
import { EXAMPLES, FIXED_NOW } from './support/cards';

interface Expected {
  card: string;
  recommendation: Review['recommendation'];
  gates: Record<string, GateStatus>;
}

const folders = readdirSync(EXAMPLES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
const RANK: Record<GateStatus, number> = { Pass: 2, Conditional: 1, Fail: 0 };

async function reviewExample(folder: string): Promise<{ review: Review; expected: Expected }> {
  const expected = JSON.parse(readFileSync(join(EXAMPLES, folder, 'expected.json'), 'utf8')) as Expected;
  const review = reviewCard(await readCardFile(join(EXAMPLES, folder, expected.card)), { now: FIXED_NOW });
  return { review, expected };
}

describe('example cards match the expectations written next to them', () => {
  for (const folder of folders) {
    it(folder, async () => {
      const { review, expected } = await reviewExample(folder);
      const actual = Object.fromEntries(review.gates.map((gate) => [gate.id, gate.status]));
      assert.deepEqual(actual, expected.gates, `${folder}: gate statuses`);
      assert.equal(review.recommendation, expected.recommendation);
    });
  }

  it('a thorough card never comes out worse than a three-line card', async () => {
    const thorough = (await reviewExample('thorough')).review;
    const nearEmpty = (await reviewExample('near-empty')).review;
    const score = (review: Review) => review.gates.reduce((sum, gate) => sum + RANK[gate.status], 0);
    assert.ok(score(thorough) > score(nearEmpty));
    thorough.gates.forEach((gate, index) => assert.ok(RANK[gate.status] >= RANK[nearEmpty.gates[index].status], gate.id));
    assert.ok(thorough.maturityLevel >= nearEmpty.maturityLevel);
  });
});
