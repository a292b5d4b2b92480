import * as vscode from 'vscode';
import { CARD_NODE_CONTEXT, COMMANDS } from './model/contributions';
import { cardNode, findingNodes, gateNodes, type TreeNode } from './model/gateTreeModel';
import type { ReviewStore } from './model/reviewStore';

/** The "Gate Review" tree: card → seven gates → findings, rendered from the store. */
export class GateTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly store: ReviewStore) {
    this.subscription = store.onDidChange(() => this.changed.fire(undefined));
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (!node) return this.store.all().sort((a, b) => a.path.localeCompare(b.path)).map(cardNode);
    const entry = this.store.get(node.cardKey);
    if (!entry) return [];
    if (node.kind === 'card') return [...gateNodes(entry), ...findingNodes(entry, null)];
    if (node.kind === 'gate') return findingNodes(entry, node.gateId);
    return [];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    const entry = this.store.get(node.cardKey);
    if (!entry || node.kind === 'card') return undefined;
    if (node.kind === 'gate') return cardNode(entry);
    const gateId = node.id.split('#')[1];
    return gateId === 'card' ? cardNode(entry) : gateNodes(entry).find((gate) => gate.gateId === gateId);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    const collapsible = node.kind === 'card' ? vscode.TreeItemCollapsibleState.Expanded : node.kind === 'gate' && node.hasChildren ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.id = node.id;
    item.description = node.description;
    item.tooltip = node.tooltip;
    item.iconPath = new vscode.ThemeIcon(node.icon.id, node.icon.color ? new vscode.ThemeColor(node.icon.color) : undefined);
    if (node.kind === 'card') item.contextValue = CARD_NODE_CONTEXT;
    if (node.kind === 'finding') item.command = { command: COMMANDS.revealFinding.id, title: COMMANDS.revealFinding.title, arguments: [node.cardKey, node.line] };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
