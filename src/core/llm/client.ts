import { DefaultAzureCredential, getBearerTokenProvider } from '@azure/identity';
import OpenAI, { AzureOpenAI } from 'openai';
import { AZURE_SCOPE, type ModelReviewerConfig } from './config';

/**
 * One SDK client for both providers: Azure OpenAI (Entra ID or key) and any OpenAI-compatible
 * endpoint. The SDK's own retries are off: the chain retries itself, so it can honour long
 * retry-after waits within its cap, report every attempt and stop at once on cancel.
 */
export function createModelClient(config: ModelReviewerConfig): OpenAI {
  const common = { timeout: config.timeoutMs, maxRetries: 0 };
  if (config.provider === 'openai') {
    return new OpenAI({ ...common, baseURL: config.endpoint, apiKey: config.auth.kind === 'key' ? config.auth.apiKey : 'not-needed' });
  }
  if (config.auth.kind === 'key') {
    return new AzureOpenAI({ ...common, endpoint: config.endpoint, apiKey: config.auth.apiKey, apiVersion: config.apiVersion, deployment: config.model });
  }
  const azureADTokenProvider = config.auth.kind === 'entra' && config.auth.tokenProvider ? config.auth.tokenProvider : getBearerTokenProvider(new DefaultAzureCredential(), AZURE_SCOPE);
  return new AzureOpenAI({ ...common, endpoint: config.endpoint, azureADTokenProvider, apiVersion: config.apiVersion, deployment: config.model });
}
