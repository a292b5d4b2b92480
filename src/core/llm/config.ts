/** How the model reviewer reaches its model. Secrets live only in `auth`, never in anything that is logged or written. */

export type ReviewerProvider = 'azure' | 'openai';

export type ReviewerAuth =
  /** Microsoft Entra ID: a bearer token for https://cognitiveservices.azure.com/.default. */
  | { kind: 'entra'; tokenProvider?: () => Promise<string> }
  | { kind: 'key'; apiKey: string }
  /** A local OpenAI-compatible server (Ollama, LM Studio) that wants no key. */
  | { kind: 'none' };

export interface ModelReviewerConfig {
  provider: ReviewerProvider;
  /** Azure: https://RESOURCE.openai.azure.com. OpenAI-compatible: the base URL, e.g. http://localhost:11434/v1. */
  endpoint: string;
  /** Azure: the deployment name. OpenAI-compatible: the model name. */
  model: string;
  /** Azure only. */
  apiVersion: string;
  auth: ReviewerAuth;
  temperature: number;
  maxOutputTokens: number;
  /** Per request. */
  timeoutMs: number;
  /** Retries after a 429, 5xx, timeout or dropped connection. */
  maxRetries: number;
  /** The longest retry-after wait honoured; a longer one ends that gate's model review. */
  retryAfterCapMs: number;
  /** First backoff delay for 5xx, timeouts and dropped connections; doubled on each retry. */
  retryBaseMs: number;
  /** Stream answers (SSE) instead of waiting for the whole JSON. */
  stream: boolean;
}

export const AZURE_SCOPE = 'https://cognitiveservices.azure.com/.default';
/** The GA inference version with structured outputs (json_schema). */
export const DEFAULT_AZURE_API_VERSION = '2024-10-21';

export const REVIEWER_DEFAULTS = {
  apiVersion: DEFAULT_AZURE_API_VERSION,
  temperature: 0,
  maxOutputTokens: 2000,
  timeoutMs: 120_000,
  maxRetries: 3,
  retryAfterCapMs: 120_000,
  retryBaseMs: 1_000,
  stream: false,
} as const;

/** Where the review went, for reports and logs: no key, no token. */
export function describeTarget(config: ModelReviewerConfig): string {
  const host = safeHost(config.endpoint);
  return config.provider === 'azure' ? `Azure OpenAI ${config.model} at ${host} (api-version ${config.apiVersion}, ${config.auth.kind === 'entra' ? 'Entra ID' : 'API key'})` : `${config.model} at ${host}`;
}

function safeHost(endpoint: string): string {
  try {
    const url = new URL(endpoint);
    return url.host;
  } catch {
    return 'an invalid endpoint';
  }
}

/** Problems that stop a model review before any request, e.g. "endpoint is not an https:// or http:// URL". */
export function configProblems(config: ModelReviewerConfig): string[] {
  const problems: string[] = [];
  let url: URL | null = null;
  try {
    url = new URL(config.endpoint);
  } catch {
    problems.push(`${config.provider === 'azure' ? 'endpoint' : 'base URL'} "${config.endpoint}" is not a URL`);
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') problems.push(`endpoint must be an http(s) URL, not ${url.protocol}`);
  if (url && (url.username || url.password)) problems.push('endpoint must not carry credentials');
  if (!config.model.trim()) problems.push(config.provider === 'azure' ? 'no deployment name' : 'no model name');
  if (config.provider === 'azure' && !/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(config.apiVersion)) problems.push(`api-version "${config.apiVersion}" is not like 2024-10-21`);
  if (config.auth.kind === 'key' && !config.auth.apiKey.trim()) problems.push('the API key is empty');
  if (!(config.temperature >= 0 && config.temperature <= 2)) problems.push('temperature must be between 0 and 2');
  if (!(Number.isInteger(config.maxOutputTokens) && config.maxOutputTokens >= 256)) problems.push('max output tokens must be an integer of at least 256');
  if (!(config.timeoutMs >= 1000)) problems.push('timeout must be at least 1 second');
  return problems;
}

/** The configuration cannot work; nothing was sent. */
export class ReviewerConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`model reviewer is not configured correctly: ${problems.join('; ')}`);
    this.name = 'ReviewerConfigError';
  }
}
