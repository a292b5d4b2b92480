import * as vscode from 'vscode';
import { missingItemSkeleton, parseCardText, reviewCard, type Finding, type GateId } from '../core';
import { DIAGNOSTIC_SOURCE } from './model/diagnosticsModel';

/** Quick fixes for "missing" findings: insert a skeleton of the missing section or item where it belongs. */
export class MissingSectionQuickFixes implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    if (ours.length === 0) return [];
    let card;
    try {
      card = parseCardText(vscode.workspace.asRelativePath(document.uri, false), document.getText());
    } catch {
      return [];
    }
    // The card may have changed since its review: locate each finding in a fresh review of the buffer.
    const findings = reviewCard(card).gates.flatMap((gate) => gate.findings.map((finding): Finding & { gate: GateId } => ({ ...finding, gate: gate.id })));
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const checkId = typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code);
      const candidates = findings.filter((finding) => finding.checkId === checkId);
      const finding = candidates.find((candidate) => (candidate.line ?? 1) - 1 === diagnostic.range.start.line) ?? candidates[0];
      if (!finding) continue;
      const insertion = missingItemSkeleton(card, { checkId, gate: finding.gate, line: finding.line });
      if (!insertion) continue;
      const action = new vscode.CodeAction(`${insertion.description} (${checkId} skeleton)`, vscode.CodeActionKind.QuickFix);
      action.edit = new vscode.WorkspaceEdit();
      action.edit.insert(document.uri, new vscode.Position(insertion.beforeLine - 1, 0), insertion.text);
      action.diagnostics = [diagnostic];
      action.isPreferred = true;
      actions.push(action);
    }
    return actions;
  }
}
