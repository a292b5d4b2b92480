import * as vscode from 'vscode';
import { REPORT_FORMATS, type ReportFormat } from '../core';
import { cardKey, cardName } from './cardText';
import { exportReport } from './exportReport';
import type { GatePanels } from './gatePanel';
import { CARD_FILE_GLOB, CARD_SEARCH_EXCLUDE, isCardForWorkspaceReview } from './model/cardFiles';
import { COMMANDS, GATE_TREE_VIEW_ID, type CommandKey } from './model/contributions';
import type { CardEntry, ReviewStore } from './model/reviewStore';
import type { CardReviewer } from './reviewer';
import { clearReviewerApiKey, configureReviewer, setReviewerApiKey } from './reviewerCommands';
import type { ReviewerKeys } from './reviewerKeys';

export interface CommandServices {
  store: ReviewStore;
  reviewer: CardReviewer;
  panels: GatePanels;
  log: vscode.LogOutputChannel;
  keys: ReviewerKeys;
}

type Handler = (...args: unknown[]) => unknown;

/** The one command registry: every contributed command id and its handler. */
export function commandHandlers(services: CommandServices): Record<CommandKey, Handler> {
  const { store, reviewer, panels, log, keys } = services;

  const reviewWithProgress = (uri: vscode.Uri) =>
    vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Model Readiness: reviewing ${cardName(uri)}`, cancellable: true }, (progress, token) => reviewer.review(uri, { progress, token }));

  const reviewAndShow = async (uri: vscode.Uri) => {
    const review = await reviewWithProgress(uri);
    if (!review) return;
    await vscode.commands.executeCommand(`${GATE_TREE_VIEW_ID}.focus`);
    panels.show(cardKey(uri));
  };

  /** The card a command is about: its argument (Explorer/editor URI, tree node, panel key), else the active editor's, else the latest reviewed. */
  const entryFor = (argument: unknown): CardEntry | undefined => {
    const key = keyOf(argument) ?? activeEditorKey();
    return (key ? store.get(key) : undefined) ?? (argument === undefined ? store.latest() : undefined);
  };

  return {
    // The Explorer passes the clicked file and, with a multi-selection, every selected file.
    review: async (argument, selection) => {
      const selected = Array.isArray(selection) ? selection.filter((item): item is vscode.Uri => item instanceof vscode.Uri) : [];
      if (selected.length > 1) {
        for (const uri of selected) await reviewWithProgress(uri);
        await vscode.commands.executeCommand(`${GATE_TREE_VIEW_ID}.focus`);
        return;
      }
      const uri = uriOf(argument) ?? vscode.window.activeTextEditor?.document.uri;
      if (!uri) {
        void vscode.window.showWarningMessage('Model Readiness: open a model card (MODEL_CARD.md, README.md, *.modelcard.md, model_card.json…) or right-click one in the Explorer, then run Review Model Card.');
        return;
      }
      await reviewAndShow(uri);
    },

    reviewWorkspace: async () => {
      const found = await vscode.workspace.findFiles(CARD_FILE_GLOB, CARD_SEARCH_EXCLUDE);
      const cards: vscode.Uri[] = [];
      for (const uri of found.sort((a, b) => a.path.localeCompare(b.path))) {
        const text = new TextDecoder().decode((await vscode.workspace.fs.readFile(uri)).slice(0, 16));
        if (isCardForWorkspaceReview(cardName(uri), text)) cards.push(uri);
      }
      if (cards.length === 0) {
        void vscode.window.showInformationMessage('Model Readiness: no model cards found in the workspace (MODEL_CARD.md, model_card.md, model-card.md, *.modelcard.md, Hugging Face README.md with metadata, model_card*.json).');
        return;
      }
      const started = performance.now();
      const outcomes = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Model Readiness: reviewing ${cards.length} model cards`, cancellable: true }, async (progress, token) => {
        const results: string[] = [];
        for (const uri of cards) {
          if (token.isCancellationRequested) break;
          progress.report({ message: vscode.workspace.asRelativePath(uri, false), increment: 100 / cards.length });
          const review = await reviewer.review(uri, { token });
          if (review) results.push(review.recommendation);
        }
        return results;
      });
      const counts = ['Go', 'Conditional Go', 'No-Go'].map((recommendation) => `${outcomes.filter((outcome) => outcome === recommendation).length} ${recommendation}`).join(', ');
      log.info(`Reviewed ${outcomes.length} of ${cards.length} model cards in ${Math.round(performance.now() - started)} ms: ${counts}`);
      await vscode.commands.executeCommand(`${GATE_TREE_VIEW_ID}.focus`);
      void vscode.window.showInformationMessage(`Model Readiness: reviewed ${outcomes.length} model cards: ${counts}.`);
    },

    rerunReview: async (argument) => {
      const entry = entryFor(argument);
      const uri = entry ? vscode.Uri.parse(entry.key) : uriOf(argument);
      if (!uri) return vscode.commands.executeCommand(COMMANDS.review.id);
      await reviewAndShow(uri);
    },

    openGateTable: (argument) => {
      const entry = entryFor(argument);
      if (!entry || !panels.show(entry.key)) void vscode.window.showInformationMessage('Model Readiness: no review to show yet. Run "Model Readiness: Review Model Card" first.');
    },

    // Formats may come as a second argument (keybindings, tests): then nothing is asked.
    exportReport: async (argument, formats) => {
      const entry = entryFor(argument);
      if (!entry?.review) {
        void vscode.window.showWarningMessage('Model Readiness: there is no review to export yet. Run "Model Readiness: Review Model Card" first.');
        return [];
      }
      const preset = Array.isArray(formats) ? formats.filter((format): format is ReportFormat => REPORT_FORMATS.includes(format)) : undefined;
      return exportReport(entry, log, preset && preset.length > 0 ? preset : undefined);
    },

    clearResults: () => {
      store.clear();
      log.info('Cleared all review results');
    },

    openSettings: () => vscode.commands.executeCommand('workbench.action.openSettings', 'modelReadiness'),

    configureReviewer: () => configureReviewer(),

    // An optional provider argument ('azure' | 'openai') skips the question (keybindings, tests).
    setReviewerApiKey: (provider) => setReviewerApiKey(keys, log, provider),

    clearReviewerApiKey: (provider) => clearReviewerApiKey(keys, log, provider),

    revealFinding: async (argument, line) => {
      const key = keyOf(argument);
      if (!key) return;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(key));
      const target = Math.min(Math.max(0, (typeof line === 'number' ? line : 1) - 1), document.lineCount - 1);
      const range = document.lineAt(target).range;
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(range.start, range.end), viewColumn: vscode.ViewColumn.One, preserveFocus: false });
    },
  };
}

export function registerCommands(handlers: Record<CommandKey, Handler>): vscode.Disposable[] {
  return (Object.keys(handlers) as CommandKey[]).map((key) => vscode.commands.registerCommand(COMMANDS[key].id, handlers[key]));
}

function uriOf(argument: unknown): vscode.Uri | undefined {
  if (argument instanceof vscode.Uri) return argument;
  const key = keyOf(argument);
  return key ? vscode.Uri.parse(key) : undefined;
}

function keyOf(argument: unknown): string | undefined {
  if (argument instanceof vscode.Uri) return cardKey(argument);
  if (typeof argument === 'string' && argument.length > 0) return argument;
  if (typeof argument === 'object' && argument !== null && typeof (argument as { cardKey?: unknown }).cardKey === 'string') return (argument as { cardKey: string }).cardKey;
  return undefined;
}

function activeEditorKey(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor ? cardKey(editor.document.uri) : undefined;
}
