import { basename, relative } from 'node:path';
import * as vscode from 'vscode';
import { REPORT_FORMATS, writeReports, type ReportFormat } from '../core';
import type { CardEntry } from './model/reviewStore';
import { resolveOutputFolder } from './model/outputFolder';
import { readSettings } from './settings';

const FORMAT_LABELS: Record<ReportFormat, string> = { txt: 'Text (.txt)', md: 'Markdown (.md)', json: 'JSON (.json)', sarif: 'SARIF (.sarif)', html: 'HTML (.html)' };

/** Writes the entry's review in the formats the user picks into the workspace's output folder, then offers to open it. */
export async function exportReport(entry: CardEntry, log: vscode.LogOutputChannel, presetFormats?: readonly ReportFormat[]): Promise<string[]> {
  const review = entry.review!;
  const cardUri = vscode.Uri.parse(entry.key);
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(cardUri) ?? vscode.workspace.workspaceFolders?.[0];
  if (!workspaceFolder || workspaceFolder.uri.scheme !== 'file') {
    void vscode.window.showErrorMessage('Model Readiness: Export Report writes into a workspace folder on disk; open the folder that holds the model card first.');
    return [];
  }
  const settings = readSettings(cardUri);
  const target = resolveOutputFolder(workspaceFolder.uri.fsPath, settings.outputFolder);
  if ('problem' in target) {
    void vscode.window.showErrorMessage(`Model Readiness: ${target.problem}.`);
    return [];
  }
  const picks = presetFormats ? presetFormats.map((format) => ({ format })) : await vscode.window.showQuickPick(
    REPORT_FORMATS.map((format) => ({ label: FORMAT_LABELS[format], format, picked: settings.reportFormats.includes(format) })),
    { canPickMany: true, title: `Export Report: ${entry.name} (${review.recommendation})`, placeHolder: `Formats to write into ${settings.outputFolder}; existing reports are never overwritten` },
  );
  if (!picks || picks.length === 0) return [];
  let written: string[];
  try {
    written = await writeReports(review, target.folder, picks.map((pick) => pick.format));
  } catch (error) {
    const message = `could not write reports into ${target.folder}: ${error instanceof Error ? error.message : String(error)}`;
    log.error(message);
    void vscode.window.showErrorMessage(`Model Readiness: ${message}`);
    return [];
  }
  const shown = relative(workspaceFolder.uri.fsPath, target.folder) || '.';
  log.info(`Exported ${entry.path} (${review.recommendation}) to ${written.map((file) => relative(workspaceFolder.uri.fsPath, file)).join(', ')}`);
  void vscode.window.showInformationMessage(`Model Readiness: wrote ${written.map((file) => basename(file)).join(', ')} to ${shown}.`, 'Open Report').then((choice) => {
    if (choice !== 'Open Report') return;
    const preferred = written.find((file) => file.endsWith('.md')) ?? written[0];
    void vscode.window.showTextDocument(vscode.Uri.file(preferred));
  });
  return written;
}
