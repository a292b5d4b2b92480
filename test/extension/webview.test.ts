import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewCard, type Review } from '../../src/core';
import { gateReviewHtml } from '../../src/extension/model/webviewHtml';
import { escapeHtml } from '../../src/core/report/escapeHtml';
import { parseHostMessage, parseWebviewMessage, type GateReviewState } from '../../src/shared/protocol';
import { renderGateReview } from '../../webview/view/renderGateReview';
import { exampleCard, FIXED_NOW } from '../support/cards';

const PAYLOADS = ['<script>alert(1)</script>', '<img src=x onerror="alert(2)">', '[x](javascript:alert(3))', '<a href="javascript:alert(4)">x</a>', '"><svg onload=alert(5)>', "' onmouseover='alert(6)", '`${alert(7)}`', '<style>body{display:none}</style>', '&lt;already&gt;'];

const ALLOWED_TAGS = new Set(['header', 'h1', 'h2', 'h3', 'h4', 'p', 'span', 'strong', 'section', 'nav', 'a', 'code', 'ul', 'li', 'details', 'summary', 'vscode-button', 'vscode-badge', 'vscode-data-grid', 'vscode-data-grid-row', 'vscode-data-grid-cell']);
const ALLOWED_ATTRIBUTE = /^(class|id|role|tabindex|open|title|href|appearance|generate-header|grid-template-columns|grid-column|cell-type|row-type|aria-[a-z]+|data-(action|card|line))$/;

/** A real review with a payload in every string a card can influence. */
async function poisonedState(): Promise<GateReviewState> {
  const review = reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
  let next = 0;
  const payload = () => PAYLOADS[next++ % PAYLOADS.length];
  const poisoned: Review = {
    ...review,
    card: `cards/${payload()}.md`,
    title: payload(),
    executiveSummary: payload(),
    maturity: { ...review.maturity, label: payload(), signals: [payload(), payload()] },
    cardFindings: [{ checkId: payload(), severity: 'warning', message: payload(), line: 3, endLine: 3 }],
    gates: review.gates.map((gate) => ({ ...gate, keyRisk: payload(), mitigation: payload(), owner: payload(), findings: gate.findings.map((finding) => ({ ...finding, message: payload(), checkId: payload() })), evidence: gate.evidence.map((ref) => ({ ...ref, checkId: payload() })), skipped: gate.skipped.map(() => payload()) })),
  };
  return { cardUri: `file:///ws/${PAYLOADS[1]}`, cardName: PAYLOADS[0], review: poisoned, stale: true };
}

describe('HTML escaping and the Gate Review page', () => {
  it('escapeHtml turns every markup character into text', () => {
    assert.equal(escapeHtml(`<a href="x" onclick='y'>&\`</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;&lt;/a&gt;');
    assert.equal(escapeHtml(null), '');
    assert.equal(escapeHtml(12), '12');
  });

  it('renders card text as text: no tag, attribute or URL from the card survives as markup', async () => {
    const html = renderGateReview(await poisonedState());
    // Every tag in the page is one the renderer writes, with only the attributes it writes.
    for (const [, name, attributes] of html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)) {
      assert.ok(ALLOWED_TAGS.has(name), `unexpected <${name}>`);
      const rest = attributes.replace(/\s([a-z-]+)(="[^"<>]*")?/g, (_, attribute: string) => (ALLOWED_ATTRIBUTE.test(attribute) ? '' : `!${attribute}`)).trim();
      assert.equal(rest, '', `unexpected attributes on <${name}>: ${attributes}`);
    }
    for (const payload of PAYLOADS) assert.ok(html.includes(escapeHtml(payload)), `shows ${payload} as text`);
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    assert.deepEqual(hrefs, ['#findings'], 'the only link is the page-internal one');
  });

  it('shows the recommendation, the five-column gate table in gate order, the elapsed time and a stale warning', async () => {
    const review = reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
    const html = renderGateReview({ cardUri: 'file:///ws/model_card.md', cardName: 'model_card.md', review, stale: true });
    assert.match(html, new RegExp(`<strong class="recommendation-value" id="recommendation">${review.recommendation}</strong>`));
    const headers = [...html.matchAll(/cell-type="columnheader" grid-column="\d">([^<]+)</g)].map((match) => match[1]);
    assert.deepEqual(headers, ['Gate', 'Status', 'Key Risk', 'Suggested Mitigation', 'Owner']);
    const gateCells = [...html.matchAll(/<vscode-data-grid-row><vscode-data-grid-cell grid-column="1">([^<]+)</g)].map((match) => match[1]);
    assert.deepEqual(gateCells, review.gates.map((gate) => `${gate.number}. ${escapeHtml(gate.title)}`));
    assert.match(html, /elapsed \d+\.\d ms/);
    assert.match(html, /role="alert">The card changed since this review/);
    assert.doesNotMatch(renderGateReview({ cardUri: 'u', cardName: 'n', review, stale: false }), /changed since this review/);
  });

  it('the page shell has a strict Content-Security-Policy and only the nonce script', () => {
    const html = gateReviewHtml({ cspSource: 'https://webview.test', scriptUri: 'https://webview.test/main.js', styleUri: 'https://webview.test/main.css', nonce: 'n0nce', title: 'Gate Review: <img src=x onerror=alert(1)>.md' });
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)![1].replace(/&#39;/g, "'");
    assert.match(csp, /^default-src 'none'; /);
    assert.match(csp, /script-src 'nonce-n0nce'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/);
    assert.deepEqual([...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]), ['<script nonce="n0nce" src="https://webview.test/main.js">']);
    assert.match(html, /<title>Gate Review: &lt;img src=x onerror=alert\(1\)&gt;\.md<\/title>/);
  });
});

describe('webview message protocol', () => {
  it('accepts the messages the page sends', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepEqual(parseWebviewMessage({ type: 'exportReport', cardUri: 'file:///a.md' }), { type: 'exportReport', cardUri: 'file:///a.md' });
    assert.deepEqual(parseWebviewMessage({ type: 'rerunReview', cardUri: 'file:///a.md', extra: 1 }), { type: 'rerunReview', cardUri: 'file:///a.md' });
    assert.deepEqual(parseWebviewMessage({ type: 'revealFinding', cardUri: 'file:///a.md', line: 12 }), { type: 'revealFinding', cardUri: 'file:///a.md', line: 12 });
  });

  it('rejects anything malformed (a webview is untrusted)', () => {
    for (const message of [null, 'ready', 42, {}, { type: 'runCommand', command: 'x' }, { type: 'exportReport' }, { type: 'exportReport', cardUri: '' }, { type: 'revealFinding', cardUri: 'file:///a.md', line: 0 }, { type: 'revealFinding', cardUri: 'file:///a.md', line: 1.5 }, { type: 'revealFinding', cardUri: 'file:///a.md', line: '3' }, { type: 'revealFinding', cardUri: 7, line: 3 }]) {
      assert.equal(parseWebviewMessage(message), null, JSON.stringify(message));
    }
  });

  it('the page accepts a review from the host and ignores a stale or foreign state', async () => {
    const state = await poisonedState();
    assert.deepEqual(parseHostMessage({ type: 'showReview', state }), { type: 'showReview', state });
    assert.deepEqual(parseHostMessage({ type: 'focusFindings' }), { type: 'focusFindings' });
    assert.equal(parseHostMessage({ type: 'showReview', state: { cardUri: 'x' } }), null);
    assert.equal(parseHostMessage({ type: 'showReview', state: { ...state, review: { gates: 'no' } } }), null);
    assert.equal(parseHostMessage(undefined), null);
  });
});
