import * as vscode from 'vscode';
import { REPORT_FORMATS, type ReportFormat } from '../core';
import { SETTINGS } from './model/contributions';
import { DEFAULT_DIAGNOSTIC_STATUSES, DIAGNOSTIC_STATUSES, type DiagnosticStatus } from './model/diagnosticsModel';

export interface ExtensionSettings {
  outputFolder: string;
  reportFormats: ReportFormat[];
  reviewOnSave: boolean;
  diagnosticStatuses: DiagnosticStatus[];
  ignoredChecks: string[];
}

/** The modelReadiness.* settings, with unknown values dropped (settings.json may hold anything). */
export function readSettings(scope?: vscode.Uri): ExtensionSettings {
  const config = vscode.workspace.getConfiguration(undefined, scope);
  const list = (key: string): unknown[] => (Array.isArray(config.get(key)) ? (config.get(key) as unknown[]) : []);
  return {
    outputFolder: String(config.get(SETTINGS.outputFolder) ?? 'workflow_outputs'),
    reportFormats: list(SETTINGS.reportFormats).filter((value): value is ReportFormat => REPORT_FORMATS.includes(value as ReportFormat)),
    reviewOnSave: config.get(SETTINGS.reviewOnSave) === true,
    diagnosticStatuses: config.get(SETTINGS.diagnosticStatuses) === undefined ? [...DEFAULT_DIAGNOSTIC_STATUSES] : list(SETTINGS.diagnosticStatuses).filter((value): value is DiagnosticStatus => DIAGNOSTIC_STATUSES.includes(value as DiagnosticStatus)),
    ignoredChecks: list(SETTINGS.ignoredChecks).filter((value): value is string => typeof value === 'string'),
  };
}
