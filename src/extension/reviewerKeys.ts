import * as vscode from 'vscode';
import type { ReviewerProvider } from '../core/llm';
import { apiKeySecretName, decodeStoredKey, encodeStoredKey, type StoredApiKey } from './model/reviewerSettings';

/** The model reviewer's API keys, one per provider and bound to the endpoint they were entered for, in VS Code's SecretStorage (never in settings, never logged). */
export class ReviewerKeys {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async get(provider: ReviewerProvider): Promise<StoredApiKey | undefined> {
    return decodeStoredKey(await this.secrets.get(apiKeySecretName(provider)));
  }

  store(provider: ReviewerProvider, key: StoredApiKey): Thenable<void> {
    return this.secrets.store(apiKeySecretName(provider), encodeStoredKey(key));
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
