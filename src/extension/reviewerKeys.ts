import * as vscode from 'vscode';
import type { ReviewerProvider } from '../core/llm';
import { apiKeySecretName } from './model/reviewerSettings';

/** The model reviewer's API keys, one per provider, in VS Code's SecretStorage (never in settings, never logged). */
export class ReviewerKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  get(provider: ReviewerProvider): Thenable<string | undefined> {
    return this.secrets.get(apiKeySecretName(provider));
  }

  store(provider: ReviewerProvider, apiKey: string): Thenable<void> {
    return this.secrets.store(apiKeySecretName(provider), apiKey);
  }

  delete(provider: ReviewerProvider): Thenable<void> {
    return this.secrets.delete(apiKeySecretName(provider));
  }

  /** Fires when a key is stored or deleted (in this window or another). */
  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === apiKeySecretName('azure') || event.key === apiKeySecretName('openai')) listener();
    });
  }
}
