/**
 * The model reviewer's configuration from the modelReadiness.reviewer.* settings and the API key kept in
 * SecretStorage, without VS Code types. The key only ever goes into `config.auth`; nothing here logs.
 */
import { REVIEWER_DEFAULTS, type ModelReviewerConfig, type ReviewerProvider } from '../../core/llm/config';
import { AZURE_AUTHENTICATIONS, REVIEWER_MODES, SETTINGS, type AzureAuthenticationSetting, type ReviewerModeSetting } from './contributions';

export interface ReviewerSettings {
  mode: ReviewerModeSetting;
  azure: { endpoint: string; deployment: string; apiVersion: string; authentication: AzureAuthenticationSetting };
  openai: { baseUrl: string; model: string };
  temperature: number;
  maxOutputTokens: number;
  timeoutSeconds: number;
  retryAfterCapSeconds: number;
}

/** What a review runs with: offline, the model, or offline because something is missing. */
export type ReviewerPlan =
  | { kind: 'offline' }
  | { kind: 'model'; config: ModelReviewerConfig }
  | { kind: 'unconfigured'; provider: ReviewerProvider; missing: string[]; needsApiKey: boolean };

const DEFAULT_OPENAI_BASE_URL = 'https://api.openai.com/v1';

/**
 * A stored key remembers the endpoint it was entered for, so settings that later point elsewhere
 * (a workspace's own settings, say) never receive it: the key has to be entered again for them.
 */
export interface StoredApiKey {
  apiKey: string;
  /** Origin (scheme://host:port) of the endpoint the key was entered for. */
  endpoint: string;
}

export function encodeStoredKey(key: StoredApiKey): string {
  return JSON.stringify(key);
}

/** The stored key, or undefined for anything unreadable. */
export function decodeStoredKey(stored: string | undefined): StoredApiKey | undefined {
  if (!stored) return undefined;
  try {
    const value = JSON.parse(stored) as Partial<StoredApiKey>;
    return typeof value.apiKey === 'string' && typeof value.endpoint === 'string' ? { apiKey: value.apiKey, endpoint: value.endpoint } : undefined;
  } catch {
    return undefined;
  }
}

/** scheme://host:port of an endpoint URL, or null when it is not a URL. */
export function endpointOrigin(endpoint: string): string | null {
  try {
    return new URL(endpoint).origin;
  } catch {
    return null;
  }
}

/** The endpoint the current settings send a provider's requests to. */
export function providerEndpoint(settings: ReviewerSettings, provider: ReviewerProvider): string {
  return provider === 'azure' ? settings.azure.endpoint : settings.openai.baseUrl;
}

/** Where the API key of each provider is kept in SecretStorage. */
export function apiKeySecretName(provider: ReviewerProvider): string {
  return `modelReadiness.reviewer.${provider}.apiKey`;
}

export function providerLabel(provider: ReviewerProvider): string {
  return provider === 'azure' ? 'Azure OpenAI' : 'OpenAI-compatible';
}

/** The settings with anything unusable replaced by its default (settings.json may hold anything). */
export function readReviewerSettings(get: (key: string) => unknown): ReviewerSettings {
  const text = (key: string, fallback = '') => (typeof get(key) === 'string' ? (get(key) as string).trim() : fallback);
  const number = (key: string, fallback: number) => (typeof get(key) === 'number' && Number.isFinite(get(key)) ? (get(key) as number) : fallback);
  const oneOf = <T extends string>(key: string, allowed: readonly { id: T }[], fallback: T): T => allowed.find((option) => option.id === get(key))?.id ?? fallback;
  return {
    mode: oneOf(SETTINGS.reviewerMode, REVIEWER_MODES, 'offline'),
    azure: {
      endpoint: text(SETTINGS.azureEndpoint),
      deployment: text(SETTINGS.azureDeployment),
      apiVersion: text(SETTINGS.azureApiVersion) || REVIEWER_DEFAULTS.apiVersion,
      authentication: oneOf(SETTINGS.azureAuthentication, AZURE_AUTHENTICATIONS, 'entraId'),
    },
    openai: { baseUrl: text(SETTINGS.openaiBaseUrl) || DEFAULT_OPENAI_BASE_URL, model: text(SETTINGS.openaiModel) },
    temperature: number(SETTINGS.temperature, REVIEWER_DEFAULTS.temperature),
    maxOutputTokens: number(SETTINGS.maxOutputTokens, REVIEWER_DEFAULTS.maxOutputTokens),
    timeoutSeconds: number(SETTINGS.timeoutSeconds, REVIEWER_DEFAULTS.timeoutMs / 1000),
    retryAfterCapSeconds: number(SETTINGS.retryAfterCapSeconds, REVIEWER_DEFAULTS.retryAfterCapMs / 1000),
  };
}

/** Whether the current mode wants an API key from SecretStorage (and for which provider). */
export function apiKeyProvider(settings: ReviewerSettings): ReviewerProvider | null {
  if (settings.mode === 'azure') return settings.azure.authentication === 'apiKey' ? 'azure' : null;
  return settings.mode === 'openai' ? 'openai' : null;
}

/**
 * The reviewer configuration, or what is missing. Azure with API key authentication needs a stored key;
 * an OpenAI-compatible endpoint uses one when stored and goes without otherwise (local servers want none).
 * Values that are present but wrong (a malformed URL, a temperature of 5) are left to the core's
 * configProblems, which the review reports as a ReviewerConfigError.
 */
export function planReviewer(settings: ReviewerSettings, stored: StoredApiKey | undefined): ReviewerPlan {
  if (settings.mode === 'offline') return { kind: 'offline' };
  const origin = endpointOrigin(providerEndpoint(settings, settings.mode));
  const keyElsewhere = stored !== undefined && stored.endpoint !== origin;
  const key = (!keyElsewhere && stored?.apiKey.trim()) || undefined;
  const tuning = {
    temperature: settings.temperature,
    maxOutputTokens: settings.maxOutputTokens,
    timeoutMs: Math.round(settings.timeoutSeconds * 1000),
    retryAfterCapMs: Math.round(settings.retryAfterCapSeconds * 1000),
    maxRetries: REVIEWER_DEFAULTS.maxRetries,
    retryBaseMs: REVIEWER_DEFAULTS.retryBaseMs,
    stream: REVIEWER_DEFAULTS.stream,
  };
  if (settings.mode === 'azure') {
    const { endpoint, deployment, apiVersion, authentication } = settings.azure;
    const needsApiKey = authentication === 'apiKey' && !key;
    const keyNeeded = keyElsewhere ? `an API key entered for ${origin ?? 'this endpoint'} (the stored key was entered for ${stored!.endpoint})` : 'an API key';
    const missing = [!endpoint && 'an endpoint', !deployment && 'a deployment', needsApiKey && keyNeeded].filter((item): item is string => Boolean(item));
    if (missing.length > 0) return { kind: 'unconfigured', provider: 'azure', missing, needsApiKey };
    return { kind: 'model', config: { ...tuning, provider: 'azure', endpoint, model: deployment, apiVersion, auth: authentication === 'apiKey' ? { kind: 'key', apiKey: key! } : { kind: 'entra' } } };
  }
  const { baseUrl, model } = settings.openai;
  if (!model) return { kind: 'unconfigured', provider: 'openai', missing: ['a model name'], needsApiKey: false };
  return { kind: 'model', config: { ...tuning, provider: 'openai', endpoint: baseUrl, model, apiVersion: REVIEWER_DEFAULTS.apiVersion, auth: key ? { kind: 'key', apiKey: key } : { kind: 'none' } } };
}

/** The notification for a reviewer that is switched on but incomplete, with the actions that fix it. */
export function unconfiguredNotice(plan: Extract<ReviewerPlan, { kind: 'unconfigured' }>): { message: string; actions: ('Configure' | 'Set API Key')[] } {
  const settingsMissing = plan.missing.length > (plan.needsApiKey ? 1 : 0);
  const where = [settingsMissing ? `settings modelReadiness.reviewer.${plan.provider}.*` : '', plan.needsApiKey ? 'command Set Model Reviewer API Key' : ''].filter(Boolean).join('; ');
  return {
    message: `Model Readiness: the ${providerLabel(plan.provider)} reviewer needs ${joinWords(plan.missing)} (${where}); this review ran offline.`,
    actions: plan.needsApiKey ? ['Configure', 'Set API Key'] : ['Configure'],
  };
}

/** Remembers which notices were shown, so a notice appears once per session, not on every save. */
export class NoticeMemory {
  private readonly shown = new Set<string>();

  /** True the first time a notice is offered; false after. */
  firstTime(notice: string): boolean {
    if (this.shown.has(notice)) return false;
    this.shown.add(notice);
    return true;
  }

  /** Forgets everything (the settings or the key changed: a new problem deserves a new notice). */
  reset(): void {
    this.shown.clear();
  }
}

function joinWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}
