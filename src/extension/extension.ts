/** Activation: wires the vscode-free core and store to the editor (commands, tree, diagnostics, panel, status bar). */
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { GATES } from '../core';
import { GATE_REVIEW_VIEW_TYPE } from '../shared/protocol';
import { cardKey, currentTextHash, hashText } from './cardText';
import { commandHandlers, registerCommands } from './commands';
import { DiagnosticsPublisher } from './diagnostics';
import { GatePanels } from './gatePanel';
import { GateTreeProvider } from './gateTree';
import { isModelCardName } from './model/cardFiles';
import { GATE_TREE_VIEW_ID } from './model/contributions';
import { ReviewStore } from './model/reviewStore';
import { MissingSectionQuickFixes } from './quickFixes';
import { CardReviewer } from './reviewer';
import { ReviewerKeys } from './reviewerKeys';
import { readSettings } from './settings';
import { RecommendationStatusBar } from './statusBar';

/** What tests can inspect; not a public API. */
export interface ExtensionTestApi {
  store: ReviewStore;
  openPanels(): string[];
}

export function activate(context: vscode.ExtensionContext): ExtensionTestApi {
  const log = vscode.window.createOutputChannel('Model Readiness', { log: true });
  const store = new ReviewStore(GATES);
  const keys = new ReviewerKeys(context.secrets);
  const reviewer = new CardReviewer(store, log, keys);
  const panels = new GatePanels(context.extensionUri, store, (uri) => reviewer.review(uri, { automatic: true }), log);
  const tree = new GateTreeProvider(store);
  const checksDocument = vscode.Uri.joinPath(context.extensionUri, 'docs', 'checks.md');

  context.subscriptions.push(
    log,
    reviewer,
    panels,
    tree,
    new DiagnosticsPublisher(store, checksDocument),
    new RecommendationStatusBar(store),
    vscode.window.createTreeView(GATE_TREE_VIEW_ID, { treeDataProvider: tree, showCollapseAll: true }),
    vscode.window.registerWebviewPanelSerializer(GATE_REVIEW_VIEW_TYPE, panels),
    vscode.languages.registerCodeActionsProvider([{ language: 'markdown' }], new MissingSectionQuickFixes(), { providedCodeActionKinds: MissingSectionQuickFixes.kinds }),
    ...registerCommands(commandHandlers({ store, reviewer, panels, log, keys })),
    ...watchCards(store, reviewer),
  );
  log.info(`Model Readiness Review activated (${vscode.env.appName} ${vscode.version})`);
  return { store, openPanels: () => panels.openPanels() };
}

/** Keeps reviews honest as cards change: stale marks, review on save, and no results for deleted cards. */
function watchCards(store: ReviewStore, reviewer: CardReviewer): vscode.Disposable[] {
  const watcher = vscode.workspace.createFileSystemWatcher('**/*.{md,json}', true, false, false);
  const markIfChanged = async (uri: vscode.Uri) => {
    const key = cardKey(uri);
    if (!store.get(key)?.review) return;
    const hash = await currentTextHash(uri);
    if (hash === null) store.remove(key);
    else store.cardChanged(key, hash);
  };
  return [
    watcher,
    watcher.onDidChange(markIfChanged),
    watcher.onDidDelete((uri) => store.remove(cardKey(uri))),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => removeUnder(store, uri))),
    vscode.workspace.onDidRenameFiles((event) => event.files.forEach(({ oldUri }) => removeUnder(store, oldUri))),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && store.get(cardKey(event.document.uri))?.review) store.cardChanged(cardKey(event.document.uri), hashText(event.document.getText()));
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (!readSettings(document.uri).reviewOnSave) return;
      if (store.get(cardKey(document.uri)) || isModelCardName(basename(document.uri.path))) void reviewer.review(document.uri, { automatic: true });
    }),
  ];
}

/** A deleted or renamed folder takes the reviews of the cards inside it along. */
function removeUnder(store: ReviewStore, uri: vscode.Uri): void {
  const prefix = `${cardKey(uri)}/`;
  for (const entry of store.all()) if (entry.key === cardKey(uri) || entry.key.startsWith(prefix)) store.remove(entry.key);
}

export function deactivate(): void {}
