import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { GATES, reviewCard, type Review } from '../../src/core';
import { escapeHtml } from '../../src/core/report/escapeHtml';
import { diagnosticsOf } from '../../src/extension/model/diagnosticsModel';
import { cardNode, findingNodes, gateNodes } from '../../src/extension/model/gateTreeModel';
import { ReviewStore } from '../../src/extension/model/reviewStore';
import { renderGateReview } from '../../webview/view/renderGateReview';
import { exampleCard, FIXED_NOW } from '../support/cards';
import { UNVERIFIED_QUOTE, UNVERIFIED_TITLE, VERIFIED_TITLE, modelReviewOf } from './modelReviewFixture';

const KEY = 'file:///ws/mediocre/model_card.md';
const RENDERED_TAGS = new Set(['header', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'strong', 'section', 'nav', 'a', 'code', 'ul', 'li', 'details', 'summary', 'div', 'br', 'q', 'vscode-button', 'vscode-badge', 'vscode-data-grid', 'vscode-data-grid-row', 'vscode-data-grid-cell']);
const ALL = { statuses: ['Fail', 'Conditional', 'Info'] as const, ignoredChecks: [], lineCount: 10_000 };

function completed(review: Review): ReviewStore {
  const store = new ReviewStore(GATES);
  store.begin(KEY, 'model_card.md', 'mediocre/model_card.md', review.mode);
  store.complete(KEY, review, 'hash');
  return store;
}

describe('a model review in the tree, the diagnostics and the gate table', () => {
  let review: Review;
  let offline: Review;
  before(async () => {
    const card = await exampleCard('mediocre/model_card.md');
    review = await modelReviewOf(card);
    offline = reviewCard(card, { now: FIXED_NOW });
  });

  it('the chain reviewed all seven gates and grounded gate 3: one verified finding, one unverified', () => {
    assert.equal(review.mode, 'azure');
    assert.equal(review.modelReview?.gatesReviewed, 7);
    const gate3 = review.gates[2].findings.filter((finding) => finding.source === 'model');
    assert.deepEqual(gate3.filter((finding) => finding.severity === 'warning').map((finding) => [finding.message, finding.verified]), [[VERIFIED_TITLE, true], [UNVERIFIED_TITLE, false]]);
  });

  it('an unverified quote is never a diagnostic; verified model findings are, marked as from the model', () => {
    const specs = diagnosticsOf(review, { ...ALL, statuses: [...ALL.statuses] });
    assert.ok(!specs.some((spec) => spec.message.includes(UNVERIFIED_TITLE)), 'no diagnostic for the unverified quote');
    const verified = specs.find((spec) => spec.message.includes(VERIFIED_TITLE))!;
    assert.equal(verified.fromModel, true);
    assert.equal(verified.checkId, 'MODEL-REVIEW');
    assert.equal(verified.severity, 'warning');
    assert.equal(verified.unplaced, false, 'placed at the quoted line');
    const line = review.gates[2].findings.find((finding) => finding.message === VERIFIED_TITLE)!.line!;
    assert.equal(verified.startLine, line - 1);
    assert.ok(specs.filter((spec) => !spec.fromModel).length === diagnosticsOf(offline, { ...ALL, statuses: [...ALL.statuses] }).length, 'every deterministic diagnostic stays');
  });

  it('gates say they were reviewed by the model, with the time and tokens; the card row has the totals', () => {
    const entry = completed(review).get(KEY)!;
    const nodes = gateNodes(entry);
    assert.ok(nodes.every((node) => node.description.includes('reviewed by model')), nodes.map((node) => node.description).join(' | '));
    for (const [index, node] of nodes.entries()) {
      const agent = review.gates[index].agent!;
      assert.match(node.tooltip, /Model: reviewed by model/);
      assert.ok(node.tooltip.includes(`Model summary: ${agent.summary}`));
      assert.match(node.tooltip, new RegExp(`${agent.attempts} attempt.*${agent.usage.promptTokens.toLocaleString('en-US')} prompt \\(\\d[\\d,]* cached\\) \\+ ${agent.usage.completionTokens.toLocaleString('en-US')} completion tokens`));
    }
    const card = cardNode(entry);
    assert.match(card.description, /model 7\/7$/);
    assert.match(card.tooltip, /Azure OpenAI review: Azure OpenAI gpt-4o at 127\.0\.0\.1:\d+/);
    assert.match(card.tooltip, /The model reviewed 7 of 7 gates/);
  });

  it('model findings in the tree are marked as from the model; the unverified one says so and uses its own icon', () => {
    const nodes = findingNodes(completed(review).get(KEY)!, review.gates[2].id);
    const verified = nodes.find((node) => node.label === VERIFIED_TITLE)!;
    const unverified = nodes.find((node) => node.label === UNVERIFIED_TITLE)!;
    assert.match(verified.description, /^line \d+ · MODEL-REVIEW · from the model$/);
    assert.match(unverified.description, /MODEL-REVIEW · from the model · unverified quote$/);
    assert.ok(unverified.tooltip.includes(`Quote: "${UNVERIFIED_QUOTE}" (not found in the card: not counted, not a diagnostic)`));
    assert.equal(unverified.icon.id, 'question');
    assert.equal(verified.icon.id, 'warning');
  });

  it('the gate table has a Model Review column and the page a model review section with totals and the rationale', () => {
    const html = renderGateReview({ cardUri: KEY, cardName: 'model_card.md', review, stale: false });
    const headers = [...html.matchAll(/cell-type="columnheader" grid-column="\d">([^<]+)</g)].map((match) => match[1]);
    assert.deepEqual(headers, ['Gate', 'Status', 'Key Risk', 'Suggested Mitigation', 'Owner', 'Model Review']);
    assert.equal([...html.matchAll(/<span class="agent reviewed">reviewed by model<\/span>/g)].length, 7);
    assert.match(html, /<span class="mode">Azure OpenAI review<\/span>/);
    assert.ok(html.includes(escapeHtml(review.modelReview!.rationale!)));
    assert.match(html, /<p class="model-outcome">The model reviewed 7 of 7 gates\.<\/p>/);
    assert.ok(html.includes(`${review.modelReview!.usage.completionTokens.toLocaleString('en-US')} completion tokens`));
    assert.match(html, /<li class="finding warning from-model unverified">.*unverified quote: not in the card, not counted/);
    const unverifiedItem = /<li class="finding warning from-model unverified">.*?<\/li>/.exec(html)![0];
    assert.doesNotMatch(unverifiedItem, /data-action="revealFinding"/, 'an unverified quote has no line to jump to');
    assert.doesNotMatch(renderGateReview({ cardUri: KEY, cardName: 'model_card.md', review: offline, stale: false }), /Model Review|model-review/, 'an offline review shows no model parts');
  });

  it('a failed model review keeps all seven gates, says why, and what each gate fell back to', async () => {
    const failed = await modelReviewOf(await exampleCard('mediocre/model_card.md'), () => ({ kind: 'error', status: 401, code: '401', message: 'Access denied' }));
    assert.equal(failed.gates.length, 7);
    assert.deepEqual(failed.gates.map((gate) => gate.status), offline.gates.map((gate) => gate.status));
    const html = renderGateReview({ cardUri: KEY, cardName: 'model_card.md', review: failed, stale: false });
    assert.match(html, /<p class="model-outcome" role="alert">Model review failed: The service rejected the credentials \(401\)/);
    assert.equal([...html.matchAll(/<span class="agent fallback">not reviewed by model: /g)].length, 7);
    const nodes = gateNodes(completed(failed).get(KEY)!);
    assert.ok(nodes.every((node) => node.description.includes('checks only') && /Model: not reviewed by model: /.test(node.tooltip)));
  });

  it('model text is escaped like card text', () => {
    const payload = '<img src=x onerror=alert(1)>';
    const poisoned: Review = {
      ...review,
      modelReview: { ...review.modelReview!, target: payload, rationale: payload, stoppedBecause: payload, steps: review.modelReview!.steps.map((step) => ({ ...step, ok: false, reason: payload })) },
      gates: review.gates.map((gate) => ({ ...gate, agent: { ...gate.agent!, summary: payload, fallbackReason: payload, reviewed: false }, findings: gate.findings.map((finding) => (finding.source === 'model' ? { ...finding, quote: payload, recommendation: payload, message: payload } : finding)) })),
    };
    const html = renderGateReview({ cardUri: KEY, cardName: 'model_card.md', review: poisoned, stale: false });
    assert.ok(!html.includes(payload));
    assert.ok(html.includes(escapeHtml(payload)));
    const tags = new Set([...html.matchAll(/<([a-zA-Z][\w-]*)/g)].map((match) => match[1]));
    assert.deepEqual([...tags].filter((tag) => !RENDERED_TAGS.has(tag)), [], 'only tags the renderer writes');
  });
});

describe('model review progress in the tree', () => {
  it('the card shows the dispatcher and formatter steps; a gate in flight shows the model at work', async () => {
    const store = new ReviewStore(GATES);
    store.begin(KEY, 'model_card.md', 'mediocre/model_card.md', 'azure');
    store.stepStarted(KEY, 'dispatcher');
    assert.equal(cardNode(store.get(KEY)!).description, 'reviewing… dispatcher briefing the review…');
    store.stepFinished(KEY);
    store.gateStarted(KEY, GATES[0].id);
    assert.deepEqual(gateNodes(store.get(KEY)!).slice(0, 2).map((node) => node.description), ['model reviewing…', 'pending']);
    assert.match(gateNodes(store.get(KEY)!)[0].tooltip, /the model is reviewing this gate/);
    store.stepStarted(KEY, 'formatter');
    assert.equal(cardNode(store.get(KEY)!).description, 'reviewing… formatter writing the recommendation…');
    store.complete(KEY, reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW }), 'hash');
    assert.equal(store.get(KEY)!.step, null);

    const offlineStore = new ReviewStore(GATES);
    offlineStore.begin(KEY, 'model_card.md', 'mediocre/model_card.md');
    offlineStore.gateStarted(KEY, GATES[0].id);
    assert.equal(gateNodes(offlineStore.get(KEY)!)[0].description, 'running…', 'an offline review has no model at work');
  });
});
