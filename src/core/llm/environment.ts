import { REVIEWER_DEFAULTS, ReviewerConfigError, type ModelReviewerConfig, type ReviewerProvider } from './config';

/** Flags that override the SDK's usual environment variables (the CLI's --endpoint, --deployment...). */
export interface ReviewerOverrides {
  endpoint?: string;
  deployment?: string;
  apiVersion?: string;
  baseUrl?: string;
  model?: string;
  auth?: 'entra' | 'key';
  stream?: boolean;
  timeoutMs?: number;
  retryAfterCapMs?: number;
}

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * The reviewer configuration from the environment: AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT,
 * OPENAI_API_VERSION and AZURE_OPENAI_API_KEY (Entra ID when there is no key) for Azure;
 * OPENAI_BASE_URL, OPENAI_API_KEY and OPENAI_MODEL for an OpenAI-compatible endpoint.
 */
export function reviewerConfigFromEnvironment(provider: ReviewerProvider, overrides: ReviewerOverrides = {}, env: Environment = process.env): ModelReviewerConfig {
  const tuning = { ...REVIEWER_DEFAULTS, stream: overrides.stream ?? REVIEWER_DEFAULTS.stream, timeoutMs: overrides.timeoutMs ?? REVIEWER_DEFAULTS.timeoutMs, retryAfterCapMs: overrides.retryAfterCapMs ?? REVIEWER_DEFAULTS.retryAfterCapMs };
  if (provider === 'azure') {
    const endpoint = overrides.endpoint ?? env.AZURE_OPENAI_ENDPOINT;
    const deployment = overrides.deployment ?? env.AZURE_OPENAI_DEPLOYMENT ?? env.AZURE_OPENAI_DEPLOYMENT_NAME;
    const missing = [!endpoint && 'an endpoint (--endpoint or AZURE_OPENAI_ENDPOINT)', !deployment && 'a deployment (--deployment or AZURE_OPENAI_DEPLOYMENT)'].filter((item): item is string => Boolean(item));
    const authMode = overrides.auth ?? (env.AZURE_OPENAI_API_KEY ? 'key' : 'entra');
    if (authMode === 'key' && !env.AZURE_OPENAI_API_KEY) missing.push('an API key in AZURE_OPENAI_API_KEY (or use --auth entra)');
    if (missing.length > 0) throw new ReviewerConfigError([`Azure OpenAI needs ${missing.join(', ')}`]);
    return {
      ...tuning,
      provider,
      endpoint: endpoint!,
      model: deployment!,
      apiVersion: overrides.apiVersion ?? env.OPENAI_API_VERSION ?? REVIEWER_DEFAULTS.apiVersion,
      auth: authMode === 'key' ? { kind: 'key', apiKey: env.AZURE_OPENAI_API_KEY! } : { kind: 'entra' },
    };
  }
  const model = overrides.model ?? env.OPENAI_MODEL;
  if (!model) throw new ReviewerConfigError(['an OpenAI-compatible reviewer needs a model (--model or OPENAI_MODEL)']);
  const apiKey = env.OPENAI_API_KEY;
  return {
    ...tuning,
    provider,
    endpoint: overrides.baseUrl ?? env.OPENAI_BASE_URL ?? 'https://api.openai.com/v1',
    model,
    apiVersion: REVIEWER_DEFAULTS.apiVersion,
    auth: apiKey ? { kind: 'key', apiKey } : { kind: 'none' },
  };
}
