/**
 * The extension's commands, menus and settings as data. scripts/generateManifest.ts writes them into
 * package.json (enums come from the gate and check registries), and a test fails when package.json is stale.
 */
import { CHECKS, DEFAULT_OUTPUT_FOLDER, DEFAULT_REPORT_FORMATS, GATES, REPORT_FORMATS } from '../../core';
import { cardFileWhenClause } from './cardFiles';
import { DEFAULT_DIAGNOSTIC_STATUSES, DIAGNOSTIC_STATUSES } from './diagnosticsModel';

export const CATEGORY = 'Model Readiness';

export const COMMANDS = {
  review: { id: 'modelReadiness.review', title: 'Review Model Card', icon: '$(checklist)' },
  reviewWorkspace: { id: 'modelReadiness.reviewWorkspace', title: 'Review All Model Cards in Workspace', icon: '$(run-all)' },
  rerunReview: { id: 'modelReadiness.rerunReview', title: 'Re-run Review', icon: '$(refresh)' },
  openGateTable: { id: 'modelReadiness.openGateTable', title: 'Open Gate Table', icon: '$(table)' },
  exportReport: { id: 'modelReadiness.exportReport', title: 'Export Report', icon: '$(export)' },
  clearResults: { id: 'modelReadiness.clearResults', title: 'Clear Results', icon: '$(clear-all)' },
  openSettings: { id: 'modelReadiness.openSettings', title: 'Open Settings', icon: '$(gear)' },
  revealFinding: { id: 'modelReadiness.revealFinding', title: 'Go to Finding', icon: '$(go-to-file)' },
} as const;

export type CommandKey = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandKey]['id'];

export const VIEW_CONTAINER_ID = 'modelReadiness';
export const GATE_TREE_VIEW_ID = 'modelReadiness.gates';
export const CARD_NODE_CONTEXT = 'modelReadiness.card';

export const REVIEWER_MODES = [{ id: 'offline', description: 'Deterministic review on this machine: no network, no model, a few milliseconds per card.' }] as const;

const CARD_FILE = cardFileWhenClause();
const MARKDOWN_OR_JSON_CARD = `resourceLangId == markdown || resourceLangId == json && ${CARD_FILE}`;
const IN_GATE_TREE = `view == ${GATE_TREE_VIEW_ID}`;

export function commandContributions(): object[] {
  return Object.values(COMMANDS).map(({ id, title, icon }) => ({ command: id, title, category: CATEGORY, icon }));
}

export function menuContributions(): Record<string, object[]> {
  return {
    commandPalette: [{ command: COMMANDS.revealFinding.id, when: 'false' }],
    'editor/title': [{ command: COMMANDS.review.id, when: MARKDOWN_OR_JSON_CARD, group: 'navigation' }],
    'editor/context': [{ command: COMMANDS.review.id, when: MARKDOWN_OR_JSON_CARD, group: 'modelReadiness@1' }],
    'explorer/context': [{ command: COMMANDS.review.id, when: `!explorerResourceIsFolder && ${CARD_FILE}`, group: 'modelReadiness@1' }],
    'view/title': [
      { command: COMMANDS.reviewWorkspace.id, when: IN_GATE_TREE, group: 'navigation@1' },
      { command: COMMANDS.exportReport.id, when: IN_GATE_TREE, group: 'navigation@2' },
      { command: COMMANDS.clearResults.id, when: IN_GATE_TREE, group: 'navigation@3' },
      { command: COMMANDS.openSettings.id, when: IN_GATE_TREE, group: 'overflow@1' },
    ],
    'view/item/context': [
      { command: COMMANDS.openGateTable.id, when: `${IN_GATE_TREE} && viewItem == ${CARD_NODE_CONTEXT}`, group: 'inline@1' },
      { command: COMMANDS.rerunReview.id, when: `${IN_GATE_TREE} && viewItem == ${CARD_NODE_CONTEXT}`, group: 'inline@2' },
      { command: COMMANDS.exportReport.id, when: `${IN_GATE_TREE} && viewItem == ${CARD_NODE_CONTEXT}`, group: 'modelReadiness@1' },
    ],
  };
}

export const SETTINGS = {
  outputFolder: 'modelReadiness.outputFolder',
  reportFormats: 'modelReadiness.reportFormats',
  reviewOnSave: 'modelReadiness.reviewOnSave',
  diagnosticStatuses: 'modelReadiness.diagnostics.statuses',
  ignoredChecks: 'modelReadiness.diagnostics.ignoredChecks',
  reviewerMode: 'modelReadiness.reviewer.mode',
} as const;

const FORMAT_DESCRIPTIONS: Record<(typeof REPORT_FORMATS)[number], string> = {
  txt: 'Plain text report (the gate table and every finding).',
  md: 'Markdown report.',
  json: 'Machine-readable review (schema/review.schema.json).',
  sarif: 'SARIF 2.1.0, for code-scanning tools.',
  html: 'Standalone HTML report.',
};

const STATUS_DESCRIPTIONS: Record<(typeof DIAGNOSTIC_STATUSES)[number], string> = {
  Fail: 'Blocker findings (they fail their gate), shown as errors.',
  Conditional: 'Gap findings (they make their gate conditional), shown as warnings.',
  Info: 'Notes that do not change a gate status, shown as information.',
};

export function configurationContribution(): object {
  return {
    title: 'Model Readiness Review',
    properties: {
      [SETTINGS.outputFolder]: {
        type: 'string',
        default: DEFAULT_OUTPUT_FOLDER,
        markdownDescription: 'Folder, relative to the workspace folder, where **Export Report** writes reports. Existing reports are never overwritten. Must stay inside the workspace.',
      },
      [SETTINGS.reportFormats]: {
        type: 'array',
        items: { type: 'string', enum: [...REPORT_FORMATS], enumDescriptions: REPORT_FORMATS.map((format) => FORMAT_DESCRIPTIONS[format]) },
        uniqueItems: true,
        default: [...DEFAULT_REPORT_FORMATS],
        markdownDescription: 'Report formats **Export Report** preselects (TXT and Markdown by default); the export asks before writing.',
      },
      [SETTINGS.reviewOnSave]: {
        type: 'boolean',
        default: false,
        markdownDescription: 'Re-review a model card each time it is saved, once the extension is active (after the first review or when the Gate Review view opens).',
      },
      [SETTINGS.diagnosticStatuses]: {
        type: 'array',
        items: { type: 'string', enum: [...DIAGNOSTIC_STATUSES], enumDescriptions: DIAGNOSTIC_STATUSES.map((status) => STATUS_DESCRIPTIONS[status]) },
        uniqueItems: true,
        default: [...DEFAULT_DIAGNOSTIC_STATUSES],
        markdownDescription: 'Which findings become diagnostics in the Problems panel and the editor.',
      },
      [SETTINGS.ignoredChecks]: {
        type: 'array',
        items: { type: 'string', enum: CHECKS.map((check) => check.id), enumDescriptions: CHECKS.map((check) => `${GATES.find((gate) => gate.id === check.gate)!.title}: ${check.title} (${check.severity})`) },
        uniqueItems: true,
        default: [],
        markdownDescription: 'Checks whose findings are not shown as diagnostics. The review, its gate statuses and its reports are unchanged: this only quiets the editor.',
      },
      [SETTINGS.reviewerMode]: {
        type: 'string',
        enum: REVIEWER_MODES.map((mode) => mode.id),
        enumDescriptions: REVIEWER_MODES.map((mode) => mode.description),
        default: 'offline',
        markdownDescription: 'How cards are reviewed.',
      },
    },
  };
}
