/** Playwright helpers that drive the VS Code workbench the way a person does: menus, palette, views, panels. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type FrameLocator, type Locator, type Page } from 'playwright-core';
import { REPO_ROOT } from './codeServer';

export const ARTIFACTS = join(REPO_ROOT, 'test-artifacts');
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export async function openWorkbench(url: string): Promise<{ browser: Browser; page: Page; consoleErrors: string[] }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.setDefaultTimeout(20_000);
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor({ timeout: 90_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  return { browser, page, consoleErrors };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const path = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

export async function showExplorer(page: Page): Promise<void> {
  await runCommand(page, 'View: Show Explorer');
  await page.locator('.explorer-folders-view').waitFor();
}

/** Expands a top-level folder in the Explorer (if needed) and returns the row of a file inside it. */
export async function explorerFile(page: Page, folder: string, file: string): Promise<Locator> {
  await showExplorer(page);
  const rows = page.locator('.explorer-folders-view .monaco-list-row');
  const folderRow = rows.filter({ has: page.locator('.label-name', { hasText: exactly(folder) }) }).first();
  await folderRow.waitFor();
  // The list reuses row elements, so DOM order is not display order: order rows by their data-index.
  const index = await eventually(
    async () => {
      // The Explorer may re-render under the click (e.g. a new reports folder appears): expand until it sticks.
      if ((await folderRow.getAttribute('aria-expanded')) !== 'true') await folderRow.click();
      return rows.evaluateAll((elements, [folderName, fileName]) => {
        const ordered = elements.map((element) => ({ index: Number(element.getAttribute('data-index')), name: element.querySelector('.label-name')?.textContent ?? '' })).sort((a, b) => a.index - b.index);
        const start = ordered.findIndex((row) => row.name === folderName);
        const found = start < 0 ? undefined : ordered.slice(start + 1).find((row) => row.name === fileName);
        return found ? found.index : -1;
      }, [folder, file]);
    },
    (found) => found >= 0,
  );
  if (index < 0) {
    await screenshot(page, `failure-explorer-${folder}`);
    throw new Error(`Explorer shows no ${folder}/${file}: ${(await rows.allTextContents()).join(', ')}`);
  }
  return page.locator(`.explorer-folders-view .monaco-list-row[data-index="${index}"]`);
}

/** Right-clicks a row and runs a context-menu item (hover + Enter: a bare click may not fire in the web workbench). */
export async function runContextMenuItem(page: Page, row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const entry = page.locator('.context-view .action-item').filter({ has: page.locator('.action-label', { hasText: exactly(item) }) });
  await entry.first().waitFor({ timeout: 5000 });
  await entry.first().hover();
  await page.keyboard.press('Enter');
  await page.locator('.context-view .monaco-menu').waitFor({ state: 'detached' });
}

/** Runs a context-menu item on a file in the Explorer; retries when the list re-rendered under the pointer. */
export async function runExplorerMenuItem(page: Page, folder: string, file: string, item: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const row = await explorerFile(page, folder, file);
    await row.hover();
    if ((await row.locator('.label-name').textContent()) === file) {
      try {
        await runContextMenuItem(page, row, item);
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
    await page.keyboard.press('Escape');
  }
}

export async function runCommand(page: Page, title: string): Promise<void> {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  // The palette can close again right after opening (focus returning from a webview or a notification); reopen it, a bounded number of times.
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5_000 });
      await input.fill(`>${title}`, { timeout: 5_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.keyboard.press('Escape');
    }
  }
  // Pick the row whose label is exactly the title ("Review Model Card" must not run "Review All Model Cards…").
  const pick = page.locator('.quick-input-widget .quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: exactly(title) }) }).first();
  await pick.waitFor();
  await pick.click();
}

/** The Gate Review tree's rows for one card: [card, gate 1..7] with their aria-labels (label + tooltip). */
export function gateTreeRows(page: Page): Locator {
  return page.locator('.pane-body .monaco-list[aria-label="Gate Review"] .monaco-list-row');
}

/** The Gate Review webview's document (VS Code nests it in two iframes). */
export function gateReviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
}

/** Error and warning counts from the status bar's Problems item. */
export async function problemCounts(page: Page): Promise<{ errors: number; warnings: number }> {
  const text = (await page.locator('[id="status.problems"] .statusbar-item-label').textContent()) ?? '';
  const numbers = text.trim().split(/\s+/).map(Number);
  return { errors: numbers[0], warnings: numbers[1] };
}

/** Polls `read` until `accept` holds or the bound runs out; returns the last value either way. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!accept(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/**
 * Every value the web workbench has written to its IndexedDB state stores, as text. The browser
 * workbench saves its layout (open editors, webview states) every 5 s in an idle callback while its
 * document has focus, rather than on unload, where asynchronous writes are not reliable; a test that
 * reloads must first wait for the layout it expects.
 */
export async function persistedWorkbenchState(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(READ_WORKBENCH_STATE);
}

// Runs in the page (the test project has no DOM types): every value of every vscode-web-state-db store.
const READ_WORKBENCH_STATE = `(async () => {
  const request = (r) => new Promise((resolve, reject) => { r.onsuccess = () => resolve(r.result); r.onerror = () => reject(r.error); });
  const texts = [];
  for (const { name } of await indexedDB.databases()) {
    if (!name || !name.startsWith('vscode-web-state-db')) continue;
    const db = await request(indexedDB.open(name));
    for (const store of Array.from(db.objectStoreNames)) {
      for (const value of await request(db.transaction(store, 'readonly').objectStore(store).getAll())) texts.push(typeof value === 'string' ? value : JSON.stringify(value));
    }
    db.close();
  }
  return texts;
})()`;

function exactly(text: string): RegExp {
  return new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
}

/** Runs "Set Model Reviewer API Key" and types the key into its password box. */
export async function setApiKeyThroughCommand(page: Page, apiKey: string): Promise<void> {
  await runCommand(page, 'Model Readiness: Set Model Reviewer API Key');
  const input = page.locator('.quick-input-widget input[type="password"]');
  await input.waitFor({ state: 'visible' });
  await input.fill(apiKey);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The Problems panel rows (aria-labels: message, source, position) that its filter box finds for `text`; `keepFilter` leaves the panel filtered (for a screenshot). */
export async function problemsMatching(page: Page, text: string, keepFilter = false): Promise<string[]> {
  await page.keyboard.press('Control+Shift+M');
  const filter = problemsFilter(page);
  await filter.waitFor();
  await filter.fill(text);
  const wanted = text.toLowerCase();
  const rows = page.locator('.markers-panel .monaco-list-row');
  // The filter applies after a short debounce; a text that matches nothing waits out the bound.
  const labels = await eventually(
    () => rows.evaluateAll((elements) => elements.map((element) => element.getAttribute('aria-label') ?? '')),
    (found) => found.some((label) => label.toLowerCase().includes(wanted)),
    5_000,
  );
  if (!keepFilter) await filter.fill('');
  return labels.filter((label) => label.toLowerCase().includes(wanted));
}

export async function clearProblemsFilter(page: Page): Promise<void> {
  await problemsFilter(page).fill('');
}

function problemsFilter(page: Page) {
  return page.locator('.part.panel .viewpane-filter input').first();
}
