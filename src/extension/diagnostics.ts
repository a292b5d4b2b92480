import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, diagnosticsOf, MODEL_DIAGNOSTIC_SOURCE, type DiagnosticSpec } from './model/diagnosticsModel';
import type { ReviewStore } from './model/reviewStore';
import { openDocument } from './cardText';
import { readSettings } from './settings';

const SEVERITY: Record<DiagnosticSpec['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
};

/** The extension's one diagnostic collection, kept in step with the store. */
export class DiagnosticsPublisher implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection(DIAGNOSTIC_SOURCE);
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly store: ReviewStore,
    private readonly checksDocument: vscode.Uri,
  ) {
    this.subscription = store.onDidChange((key) => (key === null ? this.refreshAll() : this.refresh(key)));
  }

  refreshAll(): void {
    this.collection.clear();
    for (const entry of this.store.all()) this.refresh(entry.key);
  }

  private refresh(key: string): void {
    const uri = vscode.Uri.parse(key);
    const entry = this.store.get(key);
    if (!entry?.review) {
      this.collection.delete(uri);
      return;
    }
    if (entry.running) return;
    const document = openDocument(uri);
    const settings = readSettings(uri);
    const specs = diagnosticsOf(entry.review, { statuses: settings.diagnosticStatuses, ignoredChecks: settings.ignoredChecks, lineCount: document?.lineCount ?? Number.MAX_SAFE_INTEGER });
    this.collection.set(uri, specs.map((spec) => this.toDiagnostic(spec, document)));
  }

  private toDiagnostic(spec: DiagnosticSpec, document: vscode.TextDocument | undefined): vscode.Diagnostic {
    const endCharacter = document ? document.lineAt(spec.endLine).range.end.character : 1000;
    const startCharacter = document ? document.lineAt(spec.startLine).firstNonWhitespaceCharacterIndex : 0;
    const diagnostic = new vscode.Diagnostic(new vscode.Range(spec.startLine, startCharacter, spec.endLine, endCharacter), spec.message, SEVERITY[spec.severity]);
    if (spec.fromModel) {
      // Not a catalogue check: no link; a source of its own so quick fixes and filters tell it apart.
      diagnostic.source = MODEL_DIAGNOSTIC_SOURCE;
      diagnostic.code = spec.checkId;
    } else {
      diagnostic.source = DIAGNOSTIC_SOURCE;
      diagnostic.code = { value: spec.checkId, target: this.checksDocument.with({ fragment: spec.checkId.toLowerCase() }) };
    }
    return diagnostic;
  }

  dispose(): void {
    this.subscription.dispose();
    this.collection.dispose();
  }
}
