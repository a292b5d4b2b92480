import * as vscode from 'vscode';
import type { Recommendation } from '../core';
import { cardKey } from './cardText';
import { COMMANDS } from './model/contributions';
import type { ReviewStore } from './model/reviewStore';

const ICON: Record<Recommendation, string> = { Go: '$(pass-filled)', 'Conditional Go': '$(warning)', 'No-Go': '$(error)' };

/** The recommendation of the active editor's card, from its latest review. */
export class RecommendationStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('modelReadiness.recommendation', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly store: ReviewStore) {
    this.item.name = 'Model Readiness Recommendation';
    this.subscriptions = [store.onDidChange(() => this.update()), vscode.window.onDidChangeActiveTextEditor(() => this.update())];
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    const entry = editor ? this.store.get(cardKey(editor.document.uri)) : undefined;
    if (!entry?.review) {
      this.item.hide();
      return;
    }
    const { recommendation } = entry.review;
    this.item.text = `${ICON[recommendation]} ${recommendation}${entry.stale ? ' (stale)' : ''}`;
    this.item.tooltip = `Model Readiness: ${recommendation} for ${entry.path}${entry.stale ? '\nThe card changed since this review.' : ''}\nClick to open the gate table.`;
    this.item.command = { command: COMMANDS.openGateTable.id, title: COMMANDS.openGateTable.title, arguments: [editor!.document.uri] };
    this.item.backgroundColor = recommendation === 'No-Go' ? new vscode.ThemeColor('statusBarItem.errorBackground') : recommendation === 'Conditional Go' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.accessibilityInformation = { label: `Model readiness recommendation: ${recommendation}${entry.stale ? ', stale' : ''}` };
    this.item.show();
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
    this.item.dispose();
  }
}
