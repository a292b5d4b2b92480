/**
 * The extension's commands, menus and settings as data. scripts/generateManifest.ts writes them into
 * package.json (enums come from the gate and check registries), and a test fails when package.json is stale.
 */
import { CHECKS, DEFAULT_OUTPUT_FOLDER, DEFAULT_REPORT_FORMATS, GATES, REPORT_FORMATS } from '../../core';
// The config module only: the rest of the model reviewer pulls in the SDKs, which the manifest generator does not need.
import { REVIEWER_DEFAULTS } from '../../core/llm/config';
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
  configureReviewer: { id: 'modelReadiness.configureReviewer', title: 'Configure Model Reviewer', icon: '$(hubot)' },
  setReviewerApiKey: { id: 'modelReadiness.setReviewerApiKey', title: 'Set Model Reviewer API Key', icon: '$(key)' },
  clearReviewerApiKey: { id: 'modelReadiness.clearReviewerApiKey', title: 'Clear Model Reviewer API Key', icon: '$(trash)' },
} as const;

export type CommandKey = keyof typeof COMMANDS;
export type CommandId = (typeof COMMANDS)[CommandKey]['id'];

export const VIEW_CONTAINER_ID = 'modelReadiness';
export const GATE_TREE_VIEW_ID = 'modelReadiness.gates';
export const CARD_NODE_CONTEXT = 'modelReadiness.card';

export const REVIEWER_MODES = [
  { id: 'offline', description: 'Deterministic review on this machine: no network, no model, a few milliseconds per card.' },
  { id: 'azure', description: 'The deterministic review, then an Azure OpenAI deployment reviews the card gate by gate (dispatcher, seven gate agents, formatter).' },
  { id: 'openai', description: 'The same model review through an OpenAI-compatible endpoint: OpenAI, or a local server such as Ollama or LM Studio.' },
] as const;
export type ReviewerModeSetting = (typeof REVIEWER_MODES)[number]['id'];

export const AZURE_AUTHENTICATIONS = [
  { id: 'entraId', description: 'Microsoft Entra ID (DefaultAzureCredential: Azure CLI `az login`, managed identity, environment). Needs the "Cognitive Services OpenAI User" role on the resource.' },
  { id: 'apiKey', description: 'An API key, stored with "Model Readiness: Set Model Reviewer API Key" in VS Code\'s secret storage (never in settings).' },
] as const;
export type AzureAuthenticationSetting = (typeof AZURE_AUTHENTICATIONS)[number]['id'];

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
      { command: COMMANDS.configureReviewer.id, when: IN_GATE_TREE, group: 'overflow@2' },
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
  azureEndpoint: 'modelReadiness.reviewer.azure.endpoint',
  azureDeployment: 'modelReadiness.reviewer.azure.deployment',
  azureApiVersion: 'modelReadiness.reviewer.azure.apiVersion',
  azureAuthentication: 'modelReadiness.reviewer.azure.authentication',
  openaiBaseUrl: 'modelReadiness.reviewer.openai.baseUrl',
  openaiModel: 'modelReadiness.reviewer.openai.model',
  temperature: 'modelReadiness.reviewer.temperature',
  maxOutputTokens: 'modelReadiness.reviewer.maxOutputTokens',
  timeoutSeconds: 'modelReadiness.reviewer.timeoutSeconds',
  retryAfterCapSeconds: 'modelReadiness.reviewer.retryAfterCapSeconds',
} as const;

/** Settings prefix the "Configure Model Reviewer" command filters the Settings editor by. */
export const REVIEWER_SETTINGS_PREFIX = 'modelReadiness.reviewer';

/** Settings that decide where the card and the API key are sent: an untrusted workspace cannot set them. */
export const REVIEWER_TARGET_SETTINGS = [SETTINGS.reviewerMode, SETTINGS.azureEndpoint, SETTINGS.azureDeployment, SETTINGS.azureAuthentication, SETTINGS.openaiBaseUrl, SETTINGS.openaiModel] as const;

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
        markdownDescription: 'Re-review a model card each time it is saved, once the extension is active (after the first review or when the Gate Review view opens). These automatic reviews are offline: the card goes to a model reviewer only when you run a review yourself.',
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
        markdownDescription: 'How cards are reviewed. `azure` and `openai` send the card (credentials redacted) and the deterministic findings to a model, which reviews each gate; without a complete configuration the review runs offline and offers to configure. See **Model reviewer** in the README.',
      },
      [SETTINGS.azureEndpoint]: {
        type: 'string',
        default: '',
        markdownDescription: 'Azure OpenAI endpoint, e.g. `https://my-resource.openai.azure.com`.',
      },
      [SETTINGS.azureDeployment]: {
        type: 'string',
        default: '',
        markdownDescription: 'Azure OpenAI deployment name (a model with structured outputs, e.g. a gpt-4o deployment).',
      },
      [SETTINGS.azureApiVersion]: {
        type: 'string',
        default: REVIEWER_DEFAULTS.apiVersion,
        pattern: '^\\d{4}-\\d{2}-\\d{2}(-preview)?$',
        markdownDescription: 'Azure OpenAI inference API version (structured outputs need 2024-08-01-preview or later).',
      },
      [SETTINGS.azureAuthentication]: {
        type: 'string',
        enum: AZURE_AUTHENTICATIONS.map((mode) => mode.id),
        enumDescriptions: AZURE_AUTHENTICATIONS.map((mode) => mode.description),
        default: 'entraId',
        markdownDescription: 'How to sign in to Azure OpenAI: Microsoft Entra ID, or an API key kept in VS Code\'s secret storage (**Model Readiness: Set Model Reviewer API Key**).',
      },
      [SETTINGS.openaiBaseUrl]: {
        type: 'string',
        default: 'https://api.openai.com/v1',
        markdownDescription: 'Base URL of an OpenAI-compatible endpoint, e.g. `http://localhost:11434/v1` (Ollama) or `http://localhost:1234/v1` (LM Studio). The API key, if the server wants one, is set with **Model Readiness: Set Model Reviewer API Key**.',
      },
      [SETTINGS.openaiModel]: {
        type: 'string',
        default: '',
        markdownDescription: 'Model name at the OpenAI-compatible endpoint, e.g. `gpt-4o-mini` or `llama3.1`.',
      },
      [SETTINGS.temperature]: {
        type: 'number',
        default: REVIEWER_DEFAULTS.temperature,
        minimum: 0,
        maximum: 2,
        markdownDescription: 'Sampling temperature of the model reviewer (0 for the most repeatable reviews).',
      },
      [SETTINGS.maxOutputTokens]: {
        type: 'integer',
        default: REVIEWER_DEFAULTS.maxOutputTokens,
        minimum: 256,
        markdownDescription: 'Most tokens one agent may answer with.',
      },
      [SETTINGS.timeoutSeconds]: {
        type: 'number',
        default: REVIEWER_DEFAULTS.timeoutMs / 1000,
        minimum: 1,
        markdownDescription: 'Timeout of one request to the model, in seconds (a timed-out request is retried).',
      },
      [SETTINGS.retryAfterCapSeconds]: {
        type: 'number',
        default: REVIEWER_DEFAULTS.retryAfterCapMs / 1000,
        minimum: 0,
        markdownDescription: 'Longest wait honoured when the service rate-limits (429 retry-after), in seconds; a longer wait ends that gate\'s model review and the gate keeps its deterministic result.',
      },
    },
  };
}
