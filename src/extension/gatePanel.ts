import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { GATE_REVIEW_VIEW_TYPE, isGateReviewState, parseWebviewMessage, type GateReviewState, type HostToWebview } from '../shared/protocol';
import { COMMANDS } from './model/contributions';
import type { CardEntry, ReviewStore } from './model/reviewStore';
import { gateReviewHtml } from './model/webviewHtml';

/** "Gate Review: <card>" webview panels, one per card, restored after a reload by the serializer. */
export class GatePanels implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly panels = new Map<string, vscode.WebviewPanel>();
  private readonly subscription: vscode.Disposable;
  private readonly assets: vscode.Uri;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly store: ReviewStore,
    private readonly reviewQuietly: (uri: vscode.Uri) => Promise<unknown>,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.assets = vscode.Uri.joinPath(extensionUri, 'dist', 'webview');
    this.subscription = store.onDidChange((key) => {
      if (key === null) this.closeAll();
      else this.update(key);
    });
  }

  /** Opens (or reveals) the panel of a reviewed card. */
  show(key: string, options: { focusFindings?: boolean } = {}): boolean {
    const entry = this.store.get(key);
    if (!entry?.review) return false;
    let panel = this.panels.get(key);
    if (panel) panel.reveal(undefined, true);
    else {
      panel = vscode.window.createWebviewPanel(GATE_REVIEW_VIEW_TYPE, `Gate Review: ${entry.name}`, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, this.options());
      this.adopt(panel, key);
    }
    this.post(panel, { type: 'showReview', state: stateOf(entry) });
    if (options.focusFindings) this.post(panel, { type: 'focusFindings' });
    return true;
  }

  /** Number of open panels and their titles (for tests and the log). */
  openPanels(): string[] {
    return [...this.panels.values()].map((panel) => panel.title);
  }

  async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown): Promise<void> {
    if (!isGateReviewState(state)) {
      panel.dispose();
      return;
    }
    panel.webview.options = this.options();
    this.adopt(panel, state.cardUri);
    // The webview redraws itself from its saved state; a fresh review brings back the tree and diagnostics too.
    if (!this.store.get(state.cardUri)?.review) await this.reviewQuietly(vscode.Uri.parse(state.cardUri));
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [this.assets], enableFindWidget: true };
  }

  private adopt(panel: vscode.WebviewPanel, key: string): void {
    this.panels.get(key)?.dispose();
    this.panels.set(key, panel);
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'gate-review.svg');
    const webview = panel.webview;
    webview.html = gateReviewHtml({
      cspSource: webview.cspSource,
      scriptUri: webview.asWebviewUri(vscode.Uri.joinPath(this.assets, 'main.js')).toString(),
      styleUri: webview.asWebviewUri(vscode.Uri.joinPath(this.assets, 'main.css')).toString(),
      nonce: randomBytes(18).toString('base64'),
      title: panel.title,
    });
    const messages = webview.onDidReceiveMessage((raw) => this.receive(key, raw));
    panel.onDidDispose(() => {
      messages.dispose();
      if (this.panels.get(key) === panel) this.panels.delete(key);
    });
  }

  private receive(key: string, raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (!message) {
      this.log.warn('Ignored a malformed message from the Gate Review webview');
      return;
    }
    const uri = vscode.Uri.parse(key);
    switch (message.type) {
      case 'ready': {
        const entry = this.store.get(key);
        const panel = this.panels.get(key);
        if (entry?.review && panel) this.post(panel, { type: 'showReview', state: stateOf(entry) });
        return;
      }
      case 'exportReport':
        void vscode.commands.executeCommand(COMMANDS.exportReport.id, uri);
        return;
      case 'rerunReview':
        void vscode.commands.executeCommand(COMMANDS.rerunReview.id, uri);
        return;
      case 'revealFinding':
        void vscode.commands.executeCommand(COMMANDS.revealFinding.id, key, message.line);
        return;
    }
  }

  private update(key: string): void {
    const panel = this.panels.get(key);
    const entry = this.store.get(key);
    if (!panel) return;
    if (!entry) {
      panel.dispose();
      return;
    }
    if (entry.review && !entry.running) this.post(panel, { type: 'showReview', state: stateOf(entry) });
  }

  private post(panel: vscode.WebviewPanel, message: HostToWebview): void {
    void panel.webview.postMessage(message);
  }

  private closeAll(): void {
    for (const panel of [...this.panels.values()]) panel.dispose();
    this.panels.clear();
  }

  dispose(): void {
    this.subscription.dispose();
    this.closeAll();
  }
}

function stateOf(entry: CardEntry): GateReviewState {
  return { cardUri: entry.key, cardName: entry.name, review: entry.review!, stale: entry.stale };
}
