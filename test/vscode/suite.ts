/** Runs inside the VS Code extension host (see runTests.ts): the e2e scenarios through the API. */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';

import * as vscode from 'vscode';
import { reviewFile } from '../../src/core';
import type { ExtensionTestApi } from '../../src/extension/extension';
import { countBlockingFindings } from '../../src/extension/model/diagnosticsModel';

const EXTENSION_ID = 'model-readiness.model-readiness-review';

async function until<T>(read: () => T, accept: (value: T) => boolean, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function workspaceFile(...parts: string[]): vscode.Uri {
  return vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, ...parts);
}

const scenarios: Array<[string, (api: ExtensionTestApi) => Promise<void>]> = [
  ['reviewing a card shows the seven gates with the core review statuses and opens the gate table', async (api) => {
    const uri = workspaceFile('mediocre', 'model_card.md');
    const expected = await reviewFile(uri.fsPath);
    await vscode.commands.executeCommand('modelReadiness.review', uri);
    const entry = await until(() => api.store.get(uri.toString()), (value) => !!value?.review && !value.running, 'the review');
    assert.deepEqual(entry!.gates.map((gate) => `${gate.number} ${gate.progress}`), expected.gates.map((gate) => `${gate.number} ${gate.status}`));
    assert.equal(entry!.review!.recommendation, expected.recommendation);
    assert.ok(api.openPanels().includes('Gate Review: model_card.md'), api.openPanels().join(', '));
  }],
  ['diagnostics match the failing and conditional findings, with the check id as code', async () => {
    const uri = workspaceFile('mediocre', 'model_card.md');
    const expected = countBlockingFindings(await reviewFile(uri.fsPath));
    const diagnostics = await until(() => vscode.languages.getDiagnostics(uri), (value) => value.length === expected, `${expected} diagnostics`);
    assert.ok(diagnostics.every((diagnostic) => diagnostic.source === 'model-readiness' && typeof diagnostic.code === 'object' && /^[A-Z]+-/.test(String(diagnostic.code.value))));
  }],
  ['Export Report writes TXT and Markdown into workflow_outputs', async () => {
    const written = (await vscode.commands.executeCommand('modelReadiness.exportReport', workspaceFile('mediocre', 'model_card.md'), ['txt', 'md'])) as string[];
    assert.equal(written.length, 2);
    const folder = workspaceFile('workflow_outputs').fsPath;
    assert.ok(existsSync(folder));
    assert.deepEqual(readdirSync(folder).map((name) => name.replace(/\d{8}_\d{6}/, 'STAMP')).sort(), ['ml_production_gate_review_STAMP.md', 'ml_production_gate_review_STAMP.txt']);
  }],
  ['a quick fix inserts the skeleton of a missing section', async (api) => {
    const uri = workspaceFile('near-empty', 'model-card.md');
    await vscode.commands.executeCommand('modelReadiness.review', uri);
    await until(() => api.store.get(uri.toString()), (value) => !!value?.review && !value.running, 'the review');
    const document = await vscode.workspace.openTextDocument(uri);
    const diagnostic = vscode.languages.getDiagnostics(uri).find((candidate) => typeof candidate.code === 'object' && candidate.code.value === 'DM-ROLLBACK-PLAN')!;
    assert.ok(diagnostic, 'DM-ROLLBACK-PLAN is a diagnostic');
    const actions = (await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) as vscode.CodeAction[];
    const fix = actions.find((action) => action.title.includes('DM-ROLLBACK-PLAN'));
    assert.ok(fix?.edit, actions.map((action) => action.title).join(', '));
    assert.ok(await vscode.workspace.applyEdit(fix!.edit!));
    assert.match(document.getText(), /## Deployment and Monitoring\n\n- \*\*.+:\*\* \[More Information Needed\]/);
    await until(() => api.store.get(uri.toString())!.stale, (stale) => stale, 'the stale mark');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }],
  ['deleting a reviewed card clears its diagnostics and its tree node', async (api) => {
    const source = workspaceFile('unsafe-content', 'MODEL_CARD.md');
    const copy = workspaceFile('unsafe-content', 'copy.modelcard.md');
    await vscode.workspace.fs.copy(source, copy, { overwrite: true });
    await vscode.commands.executeCommand('modelReadiness.review', copy);
    await until(() => vscode.languages.getDiagnostics(copy).length, (count) => count > 0, 'diagnostics');
    await vscode.workspace.fs.delete(copy);
    await until(() => vscode.languages.getDiagnostics(copy).length, (count) => count === 0, 'diagnostics to clear');
    await until(() => api.store.get(copy.toString()), (entry) => entry === undefined, 'the tree node to go');
  }],
];

export async function run(): Promise<void> {
  const api = (await vscode.extensions.getExtension<ExtensionTestApi>(EXTENSION_ID)!.activate()) as ExtensionTestApi;
  const failures: string[] = [];
  for (const [name, scenario] of scenarios) {
    try {
      await scenario(api);
      console.log(`✔ ${name}`);
    } catch (error) {
      failures.push(name);
      console.error(`✖ ${name}\n${error instanceof Error ? error.stack : String(error)}`);
    }
  }
  console.log(`${scenarios.length - failures.length} passed, ${failures.length} failed`);
  if (failures.length > 0) throw new Error(`${failures.length} VS Code scenario(s) failed`);
}

