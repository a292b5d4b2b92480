/**
 * End-to-end: the model reviewer through the packaged extension in code-server, pointed at the local
 * Azure OpenAI server running in this test process. The API key is typed into the extension's password box;
 * expected values come from the core running the same chain against a second instance of the same server.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { readCardFile, type Review } from '../../src/core';
import { reviewCardWithModel } from '../../src/core/llm';
import { answerWithQuotes, azureConfig, UNVERIFIED_TITLE, VERIFIED_TITLE } from '../extension/modelReviewFixture';
import { startMockAzureOpenAI, type MockAzureOpenAI } from '../support/mockAzureOpenAI';
import { agentOf } from '../support/reviewerScript';
import { REPO_ROOT, installCodeServer, startCodeServer, type CodeServer } from './support/codeServer';
import { clearProblemsFilter, eventually, explorerFile, gateReviewFrame, gateTreeRows, openWorkbench, problemCounts, problemsMatching, runCommand, runExplorerMenuItem, screenshot, setApiKeyThroughCommand } from './support/workbench';

const VSIX = join(REPO_ROOT, 'model-readiness-review.vsix');
const CARD = ['mediocre', 'model_card.md'] as const;
const CHAIN = ['dispatcher', 1, 2, 3, 4, 5, 6, 7, 'formatter'];
const WRONG_KEY = 'wrong-key-5f1e9a7c3b2d4e6f';

/** Diagnostics a review yields with the default settings: error and warning findings, never an unverified quote. */
function counts(review: Review): { errors: number; warnings: number } {
  const findings = [...review.cardFindings, ...review.gates.flatMap((gate) => gate.findings)].filter((finding) => finding.verified !== false);
  return { errors: findings.filter((finding) => finding.severity === 'error').length, warnings: findings.filter((finding) => finding.severity === 'warning').length };
}

/**
 * Every file under a folder, with its text (binary files too: a key must not hide in them either); one renamed
 * or removed while listing (an atomic write's temp file, a rotated log) is skipped.
 */
function filesUnder(folder: string): { path: string; text: string }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).flatMap((name) => {
    const path = join(folder, name);
    try {
      return statSync(path).isFile() ? [{ path, text: readFileSync(path, 'latin1') }] : [];
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  });
}

describe('Model reviewer (Azure OpenAI) in code-server', { timeout: 15 * 60_000 }, () => {
  let mock: MockAzureOpenAI;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    mock = await startMockAzureOpenAI({ deployments: ['gpt-4o'], script: (request) => answerWithQuotes(request.body) });
    workspace = mkdtempSync(join(tmpdir(), 'mrr-model-workspace-'));
    cpSync(join(REPO_ROOT, 'examples', CARD[0]), join(workspace, CARD[0]), { recursive: true });
    server = await startCodeServer(installCodeServer(), VSIX, workspace, {
      'modelReadiness.reviewer.mode': 'azure',
      'modelReadiness.reviewer.azure.endpoint': mock.azureEndpoint,
      'modelReadiness.reviewer.azure.deployment': 'gpt-4o',
      'modelReadiness.reviewer.azure.authentication': 'apiKey',
      'modelReadiness.reviewer.timeoutSeconds': 30,
      'modelReadiness.reviewOnSave': true,
    });
    ({ browser, page } = await openWorkbench(server.url));
  });

  after(async () => {
    if (page) await screenshot(page, 'model-reviewer-last-state').catch(() => undefined);
    await browser?.close();
    await server?.stop();
    await mock?.close();
  });

  /** The chain as the core runs it against a fresh server with the same script: the expected review. */
  async function expectedReview(): Promise<Review> {
    const reference = await startMockAzureOpenAI({ script: (request) => answerWithQuotes(request.body) });
    try {
      return await reviewCardWithModel(await readCardFile(join(workspace, ...CARD)), { config: azureConfig(reference.azureEndpoint, reference.apiKey) });
    } finally {
      await reference.close();
    }
  }

  it('the API key typed into "Set Model Reviewer API Key" is used: dispatcher, gates 1…7 and formatter, in order, each with the api-key header', async () => {
    await setApiKeyThroughCommand(page, mock.apiKey);
    await page.locator('.notifications-toasts', { hasText: 'API key is stored' }).waitFor();
    await runExplorerMenuItem(page, CARD[0], CARD[1], 'Review Model Card');
    const frame = gateReviewFrame(page);
    await frame.locator('#model-review').waitFor({ timeout: 60_000 });
    assert.deepEqual(mock.requests.map((request) => agentOf(request.body)), CHAIN);
    assert.ok(mock.requests.every((request) => request.auth.kind === 'api-key' && request.headers['api-key'] === mock.apiKey && request.deployment === 'gpt-4o'), 'every request carries the stored key');
    assert.ok(mock.requests.every((request) => request.body.messages.some((message: { content: string }) => message.content.includes('<model_card'))), 'the card is what is sent');
  });

  it('the webview shows the model review: each gate reviewed by model, the totals and the rationale', async () => {
    const expected = await expectedReview();
    const frame = gateReviewFrame(page);
    assert.equal(await frame.locator('#recommendation').textContent(), expected.recommendation);
    assert.equal(await frame.locator('.model-outcome').textContent(), 'The model reviewed 7 of 7 gates.');
    assert.match((await frame.locator('.model-usage').textContent()) ?? '', /^Model time [\d.]+ m?s · [\d,]+ prompt \([\d,]+ cached\) \+ [\d,]+ completion tokens$/);
    assert.equal(await frame.locator('.model-rationale').textContent(), `Rationale: ${expected.modelReview!.rationale}`);
    assert.equal(await frame.locator('.mode').textContent(), 'Azure OpenAI review');
    const rows = await frame.locator('#gate-table vscode-data-grid-row:not([row-type="header"])').evaluateAll((elements) => elements.map((row) => [...row.querySelectorAll('vscode-data-grid-cell')].map((cell) => (cell.textContent ?? '').trim())));
    assert.deepEqual(rows.map(([gate, status]) => [gate, status.replace(/^[✔▲✖]\s*/, '')]), expected.gates.map((gate) => [`${gate.number}. ${gate.title}`, gate.status]));
    for (const row of rows) assert.match(row[5], /^reviewed by model[\d.]+ m?s, 1 attempt, [\d,]+ prompt/, row.join(' | '));
    const expectedUnverified = expected.gates.flatMap((gate) => gate.findings).filter((finding) => finding.verified === false);
    assert.equal(await frame.locator('li.finding.unverified').count(), expectedUnverified.length);
    const scripted = frame.locator('li.finding.unverified', { hasText: UNVERIFIED_TITLE });
    assert.equal(await scripted.count(), 1);
    assert.match((await scripted.textContent()) ?? '', /from the model · unverified quote: not in the card, not counted/);
    await frame.locator('#gate-feature-engineering').scrollIntoViewIfNeeded();
    await screenshot(page, 'model-review-webview-gate');
    await frame.locator('#model-review').scrollIntoViewIfNeeded();
    await screenshot(page, 'model-review-webview');
  });

  it('the Problems panel has the verified model finding and never the unverified quote', async () => {
    const expected = counts(await expectedReview());
    const actual = await eventually(() => problemCounts(page), (value) => value.errors === expected.errors && value.warnings === expected.warnings);
    assert.deepEqual(actual, expected, 'deterministic findings plus the verified model finding');
    assert.deepEqual(await problemsMatching(page, 'external audit'), [], 'the unverified quote is no diagnostic');
    // Left filtered to the model's finding for the screenshot.
    const verified = await problemsMatching(page, 'leakage was ruled out', true);
    assert.equal(verified.length, 1, verified.join('\n'));
    assert.match(verified[0], /Model Readiness \(model\)/);
    assert.ok(verified[0].includes(VERIFIED_TITLE));
    await screenshot(page, 'model-review-problems');
    await clearProblemsFilter(page);
    await page.keyboard.press('Control+J');
  });

  it('saving the card re-reviews it offline: automatic reviews never send the card to the model', async () => {
    const before = mock.requests.length;
    await runCommand(page, 'View: Close All Editors');
    await page.keyboard.press('Control+Shift+E');
    await (await explorerFile(page, ...CARD)).dblclick();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nA line added before saving.\n');
    await page.keyboard.press('Control+S');
    await runCommand(page, 'Model Readiness: Focus on Gate Review View');
    const gateRows = await eventually(
      () => gateTreeRows(page).evaluateAll((rows) => rows.map((row) => row.textContent ?? '').filter((text) => /^\d\. /.test(text))),
      (rows) => rows.length === 7 && rows.every((row) => !row.includes('reviewed by model') && !row.includes('model reviewing')),
    );
    assert.equal(gateRows.length, 7);
    assert.equal(mock.requests.length - before, 0, 'a save sent nothing to the model');
    await editor.click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+S');
    await runCommand(page, 'View: Close All Editors');
    await eventually(async () => mock.requests.length - before, (sent) => sent === 0);
    // Back to a model review for the tests that follow.
    await runCommand(page, 'Model Readiness: Focus on Gate Review View');
    await runCommand(page, 'Model Readiness: Re-run Review');
    await eventually(() => gateTreeRows(page).evaluateAll((rows) => rows.filter((row) => (row.textContent ?? '').includes('reviewed by model')).length), (reviewed) => reviewed === 7);
  });

  it('the tree shows the model at work on a gate; Cancel stops the request in flight and keeps the gates already reviewed', async () => {
    const before = mock.requests.length;
    mock.setScript((request) => (agentOf(request.body) === 4 ? { kind: 'hang' } : answerWithQuotes(request.body)));
    await runCommand(page, 'Model Readiness: Focus on Gate Review View');
    await runCommand(page, 'Model Readiness: Re-run Review');
    const gateFour = await eventually(
      () => gateTreeRows(page).evaluateAll((rows) => rows.map((row) => row.textContent ?? '').find((text) => text.startsWith('4. ')) ?? ''),
      (text) => text.includes('model reviewing…'),
    );
    assert.match(gateFour, /model reviewing…/);
    await screenshot(page, 'model-review-in-progress');
    assert.equal(mock.requests.length - before, 5, 'dispatcher and gates 1…4 sent; gate 4 hangs');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'reviewing model_card.md' });
    await toast.locator('.monaco-button', { hasText: 'Cancel' }).click();
    const frame = gateReviewFrame(page);
    const outcome = await eventually(async () => (await frame.locator('.model-outcome').textContent()) ?? '', (text) => text.startsWith('Model review cancelled'));
    assert.equal(outcome, 'Model review cancelled: the model reviewed 3 of 7 gates; the others keep their deterministic result.');
    const modelColumn = await frame.locator('#gate-table vscode-data-grid-row:not([row-type="header"]) vscode-data-grid-cell[grid-column="6"]').allTextContents();
    assert.equal(modelColumn.length, 7);
    assert.ok(modelColumn.slice(0, 3).every((text) => text.startsWith('reviewed by model')), modelColumn.join(' | '));
    assert.ok(modelColumn[3].startsWith('not reviewed by model: Cancelled while the model was reviewing this gate.'), modelColumn[3]);
    assert.ok(modelColumn.slice(4).every((text) => text.startsWith('not reviewed by model: Cancelled before the model reviewed this gate.')), modelColumn.join(' | '));
    assert.equal(mock.requests.length - before, 5, 'nothing is sent after Cancel');
    mock.setScript((request) => answerWithQuotes(request.body));
  });

  it('a wrong key: the review still completes with all seven gates and says the credentials were rejected', async () => {
    await setApiKeyThroughCommand(page, WRONG_KEY);
    const before = mock.requests.length;
    await runCommand(page, 'Model Readiness: Re-run Review');
    const frame = gateReviewFrame(page);
    const outcome = await eventually(async () => (await frame.locator('.model-outcome').textContent()) ?? '', (text) => text.startsWith('Model review failed'), 60_000);
    assert.match(outcome, /^Model review failed: The service rejected the credentials \(401\): check the API key/);
    assert.equal(await frame.locator('#gate-table vscode-data-grid-row:not([row-type="header"])').count(), 7);
    const modelColumn = await frame.locator('#gate-table vscode-data-grid-row:not([row-type="header"]) vscode-data-grid-cell[grid-column="6"]').allTextContents();
    assert.ok(modelColumn.every((text) => text.startsWith('not reviewed by model:')), modelColumn.join(' | '));
    const sent = mock.requests.slice(before);
    assert.deepEqual(sent.map((request) => request.headers['api-key']), [WRONG_KEY], 'one request: a 401 ends the chain');
    await page.locator('.notifications-toasts', { hasText: 'rejected the credentials' }).waitFor();
    // The failed review has ended: its progress notification (with its Cancel button) is gone.
    await page.locator('.notifications-toasts .notification-toast', { hasText: 'reviewing model_card.md' }).waitFor({ state: 'detached', timeout: 10_000 });
    await screenshot(page, 'model-review-failed-401');
  });

  it('neither key appears in the output channel, the settings or an exported report', async () => {
    await runCommand(page, 'Model Readiness: Export Report');
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Export Report' }).waitFor();
    await page.keyboard.press('Enter');
    const reports = await eventually(async () => filesUnder(join(workspace, 'workflow_outputs')).filter((file) => !file.path.split('/').pop()!.startsWith('.')), (files) => files.length === 2);
    assert.equal(reports.length, 2);
    const logs = filesUnder(join(server.userDataDir, 'logs'));
    const channel = logs.filter((file) => file.text.includes('Model Readiness Review activated'));
    assert.ok(channel.length > 0, `the Model Readiness log is among ${logs.map((file) => file.path).join(', ')}`);
    assert.ok(channel.some((file) => file.text.includes('Model review done: 7/7 gates reviewed by the model')), 'the log records the model review');
    assert.ok(channel.some((file) => file.text.includes('Stored the Azure OpenAI API key in the secret storage')));
    const settings = filesUnder(join(server.userDataDir, 'User')).filter((file) => file.path.endsWith('.json'));
    for (const file of [...logs, ...settings, ...reports, ...filesUnder(workspace)]) {
      for (const key of [mock.apiKey, WRONG_KEY]) assert.ok(!file.text.includes(key), `${file.path} holds an API key`);
    }
  });

  it('after "Clear Model Reviewer API Key" the review runs offline and offers, once, to configure or set a key', async () => {
    // Start from an empty notification center, so the notices counted below are this test's.
    await runCommand(page, 'Notifications: Clear All Notifications');
    await runCommand(page, 'Model Readiness: Clear Model Reviewer API Key');
    await page.locator('.notifications-toasts', { hasText: 'API key is deleted' }).waitFor();
    const before = mock.requests.length;
    await runCommand(page, 'Model Readiness: Re-run Review');
    const frame = gateReviewFrame(page);
    await eventually(async () => (await frame.locator('.mode').textContent()) ?? '', (text) => text === 'offline review');
    assert.equal(await frame.locator('.mode').textContent(), 'offline review');
    assert.equal(await frame.locator('#model-review').count(), 0);
    assert.equal(mock.requests.length, before, 'nothing is sent without a key');
    const reviewedAt = /reviewed ([^·]+)/.exec((await frame.locator('.meta').textContent()) ?? '')![1];
    // The notification center holds every notification, toasts that already hid themselves included.
    const notices = () => page.locator('.notifications-center .notification-list-item', { hasText: 'needs an API key' });
    await runCommand(page, 'Notifications: Show Notifications');
    await notices().first().waitFor();
    assert.deepEqual(await notices().first().locator('.monaco-button').allTextContents(), ['Configure', 'Set API Key']);
    await screenshot(page, 'model-reviewer-unconfigured');
    await page.waitForTimeout(1000); // the next review gets a later reviewedAt (1 s resolution)
    await runCommand(page, 'Model Readiness: Re-run Review');
    await eventually(async () => (await frame.locator('.meta').textContent()) ?? '', (text) => !text.includes(reviewedAt));
    await runCommand(page, 'Notifications: Show Notifications');
    await notices().first().waitFor();
    assert.equal(await notices().count(), 1, 'once per session, not on every review');
    await notices().first().locator('.monaco-button', { hasText: 'Configure' }).click();
    const search = page.locator('.settings-editor .suggest-input-container .monaco-editor .view-lines');
    await eventually(async () => (await search.textContent()) ?? '', (text) => text.includes('modelReadiness.reviewer'));
    assert.match((await search.textContent()) ?? '', /modelReadiness\.reviewer/);
  });

});

describe('Model reviewer with Microsoft Entra ID in code-server', { timeout: 10 * 60_000 }, () => {
  let mock: MockAzureOpenAI;
  let server: CodeServer;
  let browser: Browser;
  let page: Page;

  before(async () => {
    mock = await startMockAzureOpenAI({ deployments: ['gpt-4o'], script: (request) => answerWithQuotes(request.body) });
    const workspace = mkdtempSync(join(tmpdir(), 'mrr-entra-workspace-'));
    cpSync(join(REPO_ROOT, 'examples', CARD[0]), join(workspace, CARD[0]), { recursive: true });
    server = await startCodeServer(installCodeServer(), VSIX, workspace, {
      'modelReadiness.reviewer.mode': 'azure',
      'modelReadiness.reviewer.azure.endpoint': mock.azureEndpoint,
      'modelReadiness.reviewer.azure.deployment': 'gpt-4o',
    });
    ({ browser, page } = await openWorkbench(server.url));
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
    await mock?.close();
  });

  it('the packaged extension asks DefaultAzureCredential for a token; without a sign-in here it says how to sign in and sends nothing', async () => {
    await runExplorerMenuItem(page, CARD[0], CARD[1], 'Review Model Card');
    const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'Entra ID sign-in failed' });
    await toast.waitFor({ timeout: 120_000 });
    assert.match((await toast.textContent()) ?? '', /Microsoft Entra ID sign-in failed: sign in with `?az login/);
    assert.equal(mock.requests.length, 0, 'no request without a token');
    await runCommand(page, 'Model Readiness: Focus on Gate Review View');
    const rows = await eventually(() => gateTreeRows(page).evaluateAll((elements) => elements.map((row) => row.textContent ?? '').filter((text) => /^\d\. /.test(text))), (found) => found.length === 7);
    assert.equal(rows.length, 7, 'all seven gates, from the checks');
    await screenshot(page, 'model-review-entra-unavailable');
  });
});
