/**
 * End-to-end: the packaged .vsix in a real VS Code (code-server 4.100.3) driven by Playwright in Chromium.
 * Expected gate statuses come from the core reviewing the same files, never from hard-coded results.
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Frame, Page } from 'playwright-core';
import { reviewFile, type Review } from '../../src/core';
import { GATE_REVIEW_VIEW_TYPE } from '../../src/shared/protocol';
import { REPO_ROOT, installCodeServer, startCodeServer, type CodeServer } from './support/codeServer';
import { eventually, explorerFile, gateReviewFrame, gateTreeRows, openWorkbench, persistedWorkbenchState, problemCounts, runCommand, runExplorerMenuItem, screenshot } from './support/workbench';

const VSIX = join(REPO_ROOT, 'model-readiness-review.vsix');
const PAYLOAD_FILE = '<img src=x onerror=window.__pwned=1>.modelcard.md';
const SECRET_FRAGMENT = 'wJalrXUtnFEMI';
/** MRR_E2E_THEME=light|high-contrast runs the suite under another editor theme (screenshots get a suffix). */
const THEMES = { dark: { name: 'Default Dark Modern', bodyClass: 'vscode-dark', suffix: '' }, light: { name: 'Default Light Modern', bodyClass: 'vscode-light', suffix: '-light' }, 'high-contrast': { name: 'Default High Contrast', bodyClass: 'vscode-high-contrast', suffix: '-high-contrast' } } as const;
const THEME = THEMES[(process.env.MRR_E2E_THEME ?? 'dark') as keyof typeof THEMES] ?? THEMES.dark;

function makeWorkspace(): string {
  const workspace = mkdtempSync(join(tmpdir(), 'mrr-workspace-'));
  for (const example of ['mediocre', 'thorough', 'unsafe-content', 'toolkit-json', 'near-empty']) cpSync(join(REPO_ROOT, 'examples', example), join(workspace, example), { recursive: true });
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'fixtures', 'xss', 'MODEL_CARD.md'), join(workspace, 'payloads', PAYLOAD_FILE), { recursive: true });
  return workspace;
}

function counts(review: Review): { errors: number; warnings: number } {
  const findings = [...review.cardFindings, ...review.gates.flatMap((gate) => gate.findings)];
  return { errors: findings.filter((finding) => finding.severity === 'error').length, warnings: findings.filter((finding) => finding.severity === 'warning').length };
}

describe('Model Readiness Review in code-server', { timeout: 15 * 60_000 }, () => {
  let server: CodeServer;
  let browser: Browser;
  let page: Page;
  let workspace: string;
  let consoleErrors: string[];

  before(async () => {
    assert.ok(existsSync(VSIX), `${VSIX} is missing: run npm run package first`);
    const codeServerPackage = installCodeServer();
    workspace = makeWorkspace();
    server = await startCodeServer(codeServerPackage, VSIX, workspace, { 'workbench.colorTheme': THEME.name });
    ({ browser, page, consoleErrors } = await openWorkbench(server.url));
  });

  after(async () => {
    if (page) await screenshot(page, 'last-state').catch(() => undefined);
    await browser?.close();
    await server?.stop();
    const activationErrors = consoleErrors?.filter((text) => /model-readiness/i.test(text)) ?? [];
    if (activationErrors.length > 0) console.error(activationErrors.join('\n'));
  });

  async function reviewFromExplorer(folder: string, file: string): Promise<Review> {
    await runCommand(page, 'View: Close All Editors');
    const expected = await reviewFile(join(workspace, folder, file));
    await runExplorerMenuItem(page, folder, file, 'Review Model Card');
    await gateReviewFrame(page).locator('#recommendation').waitFor({ timeout: 30_000 });
    return expected;
  }

  it('right-clicking a card in the Explorer reviews it: the tree shows the seven gates in order with their statuses', async () => {
    const expected = await reviewFromExplorer('mediocre', 'model_card.md');
    const gateLabels = expected.gates.map((gate) => `${gate.number}. ${gate.title}: ${gate.status}`);
    const rows = await eventually(
      () => gateTreeRows(page).evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? '')),
      (labels) => gateLabels.every((label) => labels.some((candidate) => candidate.startsWith(label))),
    );
    const gateRows = rows.filter((label) => /^\d\. /.test(label)).map((label) => label.split('\n')[0]);
    assert.deepEqual(gateRows, gateLabels);
    assert.ok(rows.some((label) => label.startsWith('mediocre/model_card.md') && label.includes(expected.recommendation)), `card row shows ${expected.recommendation}: ${rows[0]}`);
    const tabs = await page.locator('.tabs-container .tab').evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? ''));
    assert.deepEqual(tabs.map((label) => label.split(',')[0]), ['Gate Review: model_card.md'], 'reviewed without opening the card');
    await screenshot(page, `gate-tree${THEME.suffix}`);
  });

  it('the Gate Review webview shows the recommendation, the gate table and the elapsed time', async () => {
    const expected = await reviewFile(join(workspace, 'mediocre', 'model_card.md'));
    const frame = gateReviewFrame(page);
    assert.equal(await frame.locator('#recommendation').textContent(), expected.recommendation);
    const table = await frame.locator('#gate-table vscode-data-grid-row:not([row-type="header"])').evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('vscode-data-grid-cell')].map((cell) => (cell.textContent ?? '').trim())));
    assert.deepEqual(
      table.map(([gate, status, keyRisk, mitigation, owner]) => ({ gate, status: status.replace(/^[✔▲✖]\s*/, ''), keyRisk, mitigation, owner })),
      expected.gates.map((gate) => ({ gate: `${gate.number}. ${gate.title}`, status: gate.status, keyRisk: gate.keyRisk, mitigation: gate.mitigation, owner: gate.owner })),
    );
    assert.deepEqual(await frame.locator('#gate-table vscode-data-grid-row[row-type="header"] vscode-data-grid-cell').allTextContents(), ['Gate', 'Status', 'Key Risk', 'Suggested Mitigation', 'Owner']);
    assert.match((await frame.locator('.elapsed').textContent()) ?? '', /^elapsed \d+(\.\d+)? (ms|s)$/);
    assert.equal(await frame.locator('h1').textContent(), 'Gate Review: model_card.md');
    assert.ok(((await frame.locator('body').getAttribute('class')) ?? '').split(' ').includes(THEME.bodyClass), `the page follows the ${THEME.name} theme`);
    await screenshot(page, `gate-review-webview${THEME.suffix}`);
  });

  it('the Problems panel counts match the failing and conditional findings', async () => {
    const expected = counts(await reviewFile(join(workspace, 'mediocre', 'model_card.md')));
    assert.ok(expected.errors + expected.warnings > 0, 'the mediocre card has findings');
    const actual = await eventually(() => problemCounts(page), (value) => value.errors === expected.errors && value.warnings === expected.warnings);
    assert.deepEqual(actual, expected);
    await page.keyboard.press('Control+Shift+M');
    const markers = page.locator('.markers-panel .monaco-list-row');
    await markers.first().waitFor();
    const firstMarkerLabels = await markers.evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label') ?? '').join('\n'));
    assert.match(firstMarkerLabels, /model-readiness/);
    await screenshot(page, `problems-panel${THEME.suffix}`);
    await page.keyboard.press('Control+J');
  });

  it('Export Report writes the TXT and Markdown reports of the last review into workflow_outputs', async () => {
    const expected = await reviewFile(join(workspace, 'mediocre', 'model_card.md'));
    await runCommand(page, 'Model Readiness: Export Report');
    const quickPick = page.locator('.quick-input-widget');
    await quickPick.locator('.quick-input-title', { hasText: 'Export Report' }).waitFor();
    await page.keyboard.press('Enter');
    const folder = join(workspace, 'workflow_outputs');
    // Reports are written atomically (a hidden temp file, then a link): wait for the final names only.
    const files = await eventually(async () => (existsSync(folder) ? readdirSync(folder).sort() : []), (names) => names.length === 2 && names.every((name) => !name.startsWith('.')));
    assert.equal(files.length, 2, files.join(', '));
    assert.match(files[0], /^ml_production_gate_review_\d{8}_\d{6}\.md$/);
    assert.match(files[1], /^ml_production_gate_review_\d{8}_\d{6}\.txt$/);
    for (const file of files) {
      const text = readFileSync(join(folder, file), 'utf8');
      assert.ok(text.includes(expected.recommendation), `${file} states the recommendation`);
      assert.ok(text.includes('mediocre/model_card.md'), `${file} names the card`);
      for (const gate of expected.gates) assert.ok(text.toLowerCase().includes(gate.title.toLowerCase()), `${file} lists ${gate.title}`);
    }
    await page.locator('.notifications-toasts', { hasText: 'wrote' }).waitFor();
  });

  it('a card with HTML, script and javascript: payloads renders as inert text', async () => {
    const expected = await reviewFromExplorer('unsafe-content', 'MODEL_CARD.md');
    const frame = gateReviewFrame(page);
    assert.equal(await frame.locator('#recommendation').textContent(), expected.recommendation);
    assert.ok(expected.gates.some((gate) => gate.findings.some((finding) => finding.checkId === 'SR-SECRETS-EMBEDDED')), 'the core flags the embedded secrets');
    assert.ok(((await frame.locator('body').textContent()) ?? '').includes('SR-SECRETS-EMBEDDED'));
    await assertInert(page);
    await screenshot(page, `unsafe-card-webview${THEME.suffix}`);

    await reviewFromExplorer('payloads', PAYLOAD_FILE);
    assert.equal(await gateReviewFrame(page).locator('h1').textContent(), `Gate Review: ${PAYLOAD_FILE}`, 'the file name is shown as text');
    await assertInert(page);
    await screenshot(page, `payload-name-webview${THEME.suffix}`);
  });

  it('the gate table is reachable from the keyboard', async () => {
    const frame = gateReviewFrame(page);
    const cardName = ((await frame.locator('h1').textContent()) ?? '').replace(/^Gate Review: /, '');
    await frame.locator('vscode-button[data-action="exportReport"]').focus();
    await page.keyboard.press('Tab');
    const focused = () => frame.locator('vscode-button:focus-within').getAttribute('data-action');
    assert.equal(await focused(), 'rerunReview');
    await page.keyboard.press('Tab');
    assert.equal(await focused(), 'revealFinding');
    await page.keyboard.press('Enter');
    await page.locator('.editor-instance .monaco-editor').first().waitFor();
    const activeTab = await eventually(async () => (await page.locator('.tab.active').first().getAttribute('aria-label')) ?? '', (label) => label.startsWith(cardName));
    assert.ok(activeTab.startsWith(cardName), `Enter on a finding button opens ${cardName}, not ${activeTab}`);
  });

  it('a quick fix inserts the skeleton of a missing section into the card', async () => {
    await runCommand(page, 'View: Close All Editors');
    await (await explorerFile(page, 'near-empty', 'model-card.md')).dblclick();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    await runCommand(page, 'Model Readiness: Review Model Card');
    await gateReviewFrame(page).locator('#recommendation').waitFor({ timeout: 30_000 });
    await runCommand(page, 'View: Focus First Editor Group');
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Control+.');
    // The preferred fix is focused when the widget opens; Enter applies it.
    const fix = page.locator('.action-widget .monaco-list-row.focused', { hasText: 'skeleton' });
    await fix.waitFor();
    const title = (await fix.getAttribute('aria-label')) ?? '';
    await page.keyboard.press('Enter');
    await fix.waitFor({ state: 'detached' });
    try {
      // Monaco wraps long lines; compare without the wraps.
      const text = await eventually(async () => ((await editor.locator('.view-lines').textContent()) ?? '').replace(/\s+/g, ' '), (value) => value.includes('More Information'));
      assert.ok(text.includes('More Information'), `the editor shows the skeleton after "${title}"`);
      assert.match(text, /## (Business Objective and KPIs|Training Data|Features|Evaluation|Fairness and Responsible AI|Security and Robustness|Deployment and Monitoring)/);
      await screenshot(page, `quick-fix${THEME.suffix}`);
    } finally {
      await runCommand(page, 'File: Revert File');
    }
  });

  it('editing a reviewed card marks its review stale in the tree', async () => {
    await runCommand(page, 'View: Close All Editors');
    await (await explorerFile(page, 'mediocre', 'model_card.md')).dblclick();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.waitFor();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nA new line.\n');
    await page.keyboard.press('Control+Shift+E');
    await runCommand(page, 'Model Readiness: Focus on Gate Review View');
    const card = await eventually(
      () => gateTreeRows(page).evaluateAll((rows) => rows.map((row) => row.textContent ?? '').find((text) => text.startsWith('mediocre/model_card.md')) ?? ''),
      (text) => text.includes('stale'),
    );
    assert.match(card, /stale/);
    await runCommand(page, 'File: Revert File');
  });
  it('the Gate Review panel comes back after a window reload', async () => {
    await runCommand(page, 'View: Close All Editors');
    const expected = await reviewFromExplorer('thorough', 'MODEL_CARD.md');
    // The web workbench saves its layout every 5 s in an idle callback (storage.ts doFlushWhenIdle), not on unload. Headless
    // Chromium ran no idle callback in a page without input for a while (seen: none for 30 s), so move the mouse as a person would.
    await page.mouse.move(600, 400);
    await page.mouse.move(620, 420);
    const holdsThisPanel = (value: string) => value.includes(GATE_REVIEW_VIEW_TYPE) && value.includes('thorough/MODEL_CARD.md');
    const saved = await eventually(() => persistedWorkbenchState(page), (values) => values.some(holdsThisPanel), 30_000);
    assert.ok(saved.some(holdsThisPanel), 'the workbench saved a layout with the Gate Review panel of the thorough card before the reload');
    // Reload as a person does, so the workbench saves its layout (editors, panels) first.
    await Promise.all([page.waitForEvent('load', { timeout: 90_000 }), runCommand(page, 'Developer: Reload Window')]);
    await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
    await gateReviewFrame(page).locator('#recommendation').waitFor({ timeout: 60_000 });
    // Other cards' panels may come back too (the saved layout can be a few seconds old): find this card's.
    const frame = await eventually(() => webviewFrameShowing(page, 'thorough/MODEL_CARD.md'), (found) => found !== undefined, 30_000);
    assert.ok(frame, 'the thorough card\'s Gate Review panel is back');
    await screenshot(page, `restored-after-reload${THEME.suffix}`);
    assert.equal(await frame.locator('h1').textContent(), 'Gate Review: MODEL_CARD.md');
    assert.equal(await frame.locator('#recommendation').textContent(), expected.recommendation);
    assert.equal(await frame.locator('#gate-table vscode-data-grid-row:not([row-type="header"])').count(), 7);
  });
});

async function assertInert(page: Page): Promise<void> {
  const frame = gateReviewFrame(page);
  await frame.locator('#gate-table').waitFor();
  assert.equal(await frame.locator('#root :is(img, iframe, svg, object, embed, style, script, link, meta, form)').count(), 0, 'no element from the card');
  // VS Code injects one inline script (acquireVsCodeApi) itself; every other script must be our nonce-carrying bundle.
  const scripts = await frame.locator('script').evaluateAll((elements) => elements.map((element) => ({ src: element.getAttribute('src') ?? '', nonce: element.nonce !== '', vscodeApi: (element.textContent ?? '').includes('acquireVsCodeApi') })));
  const ours = scripts.filter((script) => !script.vscodeApi);
  assert.equal(ours.length, 1, JSON.stringify(scripts));
  assert.ok(ours[0].src.endsWith('/dist/webview/main.js') && ours[0].nonce, JSON.stringify(ours[0]));
  assert.equal(await frame.locator('[onerror], [onload], [onmouseover], a[href^="javascript:"]').count(), 0);
  assert.equal(await frame.locator('body').evaluate(() => (globalThis as unknown as { __pwned?: unknown }).__pwned), undefined, 'no payload ran');
  assert.ok(!((await frame.locator('body').textContent()) ?? '').includes(SECRET_FRAGMENT), 'secrets are never echoed');
}

/** The Gate Review webview document whose header line starts with the card's path, if one is loaded. */
async function webviewFrameShowing(page: Page, cardPath: string): Promise<Frame | undefined> {
  for (const frame of page.frames()) {
    const meta = await frame.locator('.meta').first().textContent({ timeout: 250 }).catch(() => null);
    if (meta?.startsWith(cardPath)) return frame;
  }
  return undefined;
}
