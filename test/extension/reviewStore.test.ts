import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GATES, reviewCard } from '../../src/core';
import { cardNode, findingNodes, gateNodes } from '../../src/extension/model/gateTreeModel';
import { ReviewStore } from '../../src/extension/model/reviewStore';
import { exampleCard, FIXED_NOW } from '../support/cards';

const KEY = 'file:///ws/mediocre/model_card.md';

async function mediocreReview() {
  return reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
}

describe('review store and gate tree model', () => {
  it('a review in flight shows seven pending gates that turn running, then to their status, in order', async () => {
    const review = await mediocreReview();
    const store = new ReviewStore(GATES);
    const changes: (string | null)[] = [];
    store.onDidChange((key) => changes.push(key));
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    let entry = store.get(KEY)!;
    assert.deepEqual(gateNodes(entry).map((node) => [node.label, node.description, node.icon.id]), GATES.map((gate) => [`${gate.number}. ${gate.title}`, 'pending', 'circle-large-outline']));
    assert.equal(cardNode(entry).description, 'reviewing…');
    store.gateStarted(KEY, review.gates[0].id);
    assert.deepEqual(gateNodes(store.get(KEY)!).slice(0, 2).map((node) => node.description), ['running…', 'pending']);
    assert.equal(gateNodes(store.get(KEY)!)[0].icon.id, 'loading~spin');
    store.gateFinished(KEY, review.gates[0]);
    assert.match(gateNodes(store.get(KEY)!)[0].description, new RegExp(`^${review.gates[0].status}`));
    store.complete(KEY, review, 'hash-1');
    entry = store.get(KEY)!;
    assert.deepEqual(gateNodes(entry).map((node) => node.tooltip.split('\n')[0]), review.gates.map((gate) => `${gate.number}. ${gate.title}: ${gate.status}`));
    assert.equal(cardNode(entry).description, review.recommendation);
    assert.ok(changes.length >= 4 && changes.every((key) => key === KEY));
  });

  it('finding nodes open the card at the finding line, or line 1 when the finding points at nothing', async () => {
    const review = await mediocreReview();
    const store = new ReviewStore(GATES);
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    store.complete(KEY, review, 'hash-1');
    const gate = review.gates.find((candidate) => candidate.findings.some((finding) => finding.line === null) && candidate.findings.some((finding) => finding.line !== null))!;
    const nodes = findingNodes(store.get(KEY)!, gate.id);
    assert.equal(nodes.length, gate.findings.length);
    gate.findings.forEach((finding, index) => {
      assert.equal(nodes[index].line, finding.line ?? 1);
      assert.equal(nodes[index].label, finding.message);
      assert.ok(nodes[index].description.endsWith(finding.checkId));
      assert.equal(nodes[index].icon.id, finding.severity === 'info' ? 'info' : finding.severity);
    });
    assert.equal(gateNodes(store.get(KEY)!).find((node) => node.gateId === gate.id)!.hasChildren, true);
  });

  it('a card edited after its review is stale until the text matches again; removal and clearing forget it', async () => {
    const store = new ReviewStore(GATES);
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    store.complete(KEY, await mediocreReview(), 'hash-1');
    store.cardChanged(KEY, 'hash-2');
    assert.equal(store.get(KEY)!.stale, true);
    assert.match(cardNode(store.get(KEY)!).description, /stale/);
    store.cardChanged(KEY, 'hash-1');
    assert.equal(store.get(KEY)!.stale, false);
    store.remove(KEY);
    assert.equal(store.get(KEY), undefined);
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    store.clear();
    assert.deepEqual(store.all(), []);
  });

  it('a failed or cancelled re-review keeps the previous result and says why', async () => {
    const review = await mediocreReview();
    const store = new ReviewStore(GATES);
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    store.complete(KEY, review, 'hash-1');
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    store.abandon(KEY, 'review cancelled');
    const entry = store.get(KEY)!;
    assert.equal(entry.review, review);
    assert.deepEqual(entry.gates.map((gate) => gate.progress), review.gates.map((gate) => gate.status));
    assert.match(cardNode(entry).description, /review cancelled/);
    const unreadable = 'file:///ws/empty/MODEL_CARD.md';
    store.begin(unreadable, 'MODEL_CARD.md', 'empty/MODEL_CARD.md');
    store.abandon(unreadable, 'the file is empty; there is no model card to review');
    assert.equal(cardNode(store.get(unreadable)!).icon.id, 'circle-slash');
    assert.equal(store.latest()?.key, KEY, 'latest() is the last completed review');
  });
});
