import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewCard, reviewCardAsync, ReviewCancelledError } from '../src/core/review/reviewCard';
import { exampleCard, FIXED_NOW } from './support/cards';

const withoutTiming = <T extends { elapsedMs: number }>(review: T) => ({ ...review, elapsedMs: 0 });

describe('reviewCardAsync', () => {
  it('gives exactly the synchronous review, gate by gate in order', async () => {
    const card = await exampleCard('mediocre/model_card.md');
    const events: string[] = [];
    const review = await reviewCardAsync(card, { now: FIXED_NOW, onGateStart: (gate) => events.push(`start ${gate.id}`), onGate: (gate) => events.push(`done ${gate.id} ${gate.status}`) });
    assert.deepEqual(withoutTiming(review), withoutTiming(reviewCard(card, { now: FIXED_NOW })));
    assert.deepEqual(events, review.gates.flatMap((gate) => [`start ${gate.id}`, `done ${gate.id} ${gate.status}`]));
  });

  it('stops between gates when its signal is aborted', async () => {
    const card = await exampleCard('thorough/MODEL_CARD.md');
    const controller = new AbortController();
    const finished: string[] = [];
    const review = reviewCardAsync(card, { now: FIXED_NOW, signal: controller.signal, onGate: (gate) => { finished.push(gate.id); if (finished.length === 2) controller.abort(); } });
    await assert.rejects(review, (error: unknown) => error instanceof ReviewCancelledError && /thorough\/MODEL_CARD\.md: review cancelled/.test(error.message));
    assert.deepEqual(finished, ['problem-framing', 'data-readiness']);
  });
});
