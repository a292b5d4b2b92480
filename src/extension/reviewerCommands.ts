/** The model reviewer's commands: configure it, set and clear its API key (kept in SecretStorage only). */
import * as vscode from 'vscode';
import type { ReviewerProvider } from '../core/llm';
import { REVIEWER_SETTINGS_PREFIX } from './model/contributions';
import { endpointOrigin, providerEndpoint, providerLabel, readReviewerSettings } from './model/reviewerSettings';
import type { ReviewerKeys } from './reviewerKeys';

const PROVIDERS: readonly ReviewerProvider[] = ['azure', 'openai'];

export function configureReviewer(): Thenable<unknown> {
  return vscode.commands.executeCommand('workbench.action.openSettings', REVIEWER_SETTINGS_PREFIX);
}

/** Asks for the key in a password box and stores it; the provider is the one the mode setting names, else the user picks. */
export async function setReviewerApiKey(keys: ReviewerKeys, log: vscode.LogOutputChannel, requested?: unknown): Promise<boolean> {
  const provider = isProvider(requested) ? requested : await chooseProvider('Which reviewer is the API key for?');
  if (!provider) return false;
  // The key is bound to the endpoint configured now, so it is never sent anywhere else.
  const endpoint = endpointOrigin(providerEndpoint(readReviewerSettings((key) => vscode.workspace.getConfiguration().get(key)), provider));
  if (!endpoint) {
    const action = await vscode.window.showErrorMessage(`Model Readiness: set the ${providerLabel(provider)} endpoint first (modelReadiness.reviewer.${provider === 'azure' ? 'azure.endpoint' : 'openai.baseUrl'}); the key is kept for that endpoint only.`, 'Configure');
    if (action === 'Configure') await configureReviewer();
    return false;
  }
  const apiKey = await vscode.window.showInputBox({
    title: `Model Readiness: ${providerLabel(provider)} API key for ${endpoint}`,
    prompt: `Kept in VS Code's secret storage (the OS keychain), never in settings or logs.${provider === 'azure' ? ' Azure portal → your OpenAI resource → Keys and Endpoint.' : ''}`,
    placeHolder: 'API key',
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? undefined : 'Enter the key, or press Escape to cancel.'),
  });
  if (!apiKey?.trim()) return false;
  await keys.store(provider, { apiKey: apiKey.trim(), endpoint });
  log.info(`Stored the ${providerLabel(provider)} API key in the secret storage`);
  const settings = readReviewerSettings((key) => vscode.workspace.getConfiguration().get(key));
  const unused = provider === 'azure' && (settings.mode !== 'azure' || settings.azure.authentication !== 'apiKey');
  void vscode.window.showInformationMessage(`Model Readiness: the ${providerLabel(provider)} API key is stored in VS Code's secret storage, for ${endpoint} only.${unused ? ' It is used when modelReadiness.reviewer.mode is azure and modelReadiness.reviewer.azure.authentication is apiKey.' : ''}`);
  return true;
}

/** Deletes the stored key: the one of the current mode's provider, else the one the user picks. */
export async function clearReviewerApiKey(keys: ReviewerKeys, log: vscode.LogOutputChannel, requested?: unknown): Promise<boolean> {
  const stored: ReviewerProvider[] = [];
  for (const provider of PROVIDERS) if (await keys.get(provider)) stored.push(provider);
  const provider = isProvider(requested) ? requested : stored.length <= 1 ? stored[0] : await chooseProvider('Which reviewer\'s API key should be deleted?');
  if (!provider || !stored.includes(provider)) {
    void vscode.window.showInformationMessage('Model Readiness: no model reviewer API key is stored.');
    return false;
  }
  await keys.delete(provider);
  log.info(`Deleted the ${providerLabel(provider)} API key from the secret storage`);
  void vscode.window.showInformationMessage(`Model Readiness: the ${providerLabel(provider)} API key is deleted.`);
  return true;
}

async function chooseProvider(title: string): Promise<ReviewerProvider | undefined> {
  const mode = readReviewerSettings((key) => vscode.workspace.getConfiguration().get(key)).mode;
  if (mode !== 'offline') return mode;
  const pick = await vscode.window.showQuickPick(
    PROVIDERS.map((provider) => ({ label: providerLabel(provider), provider })),
    { title: `Model Readiness: ${title}` },
  );
  return pick?.provider;
}

function isProvider(value: unknown): value is ReviewerProvider {
  return PROVIDERS.includes(value as ReviewerProvider);
}
