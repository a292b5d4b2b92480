import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { configProblems, describeTarget, REVIEWER_DEFAULTS } from '../../src/core/llm';
import { configurationContribution, REVIEWER_TARGET_SETTINGS, SETTINGS } from '../../src/extension/model/contributions';
import { apiKeyProvider, apiKeySecretName, decodeStoredKey, encodeStoredKey, NoticeMemory, planReviewer, readReviewerSettings, unconfiguredNotice, type ReviewerSettings } from '../../src/extension/model/reviewerSettings';

const KEY = 'k3y-0123456789abcdef';

/** Settings as VS Code returns them: the user's values over the manifest defaults. */
function settingsWith(values: Record<string, unknown>): ReviewerSettings {
  const properties = (configurationContribution() as { properties: Record<string, { default: unknown }> }).properties;
  return readReviewerSettings((key) => (key in values ? values[key] : properties[key]?.default));
}

describe('model reviewer settings → configuration', () => {
  it('the manifest defaults are the core defaults, and the mode defaults to offline', () => {
    const settings = settingsWith({});
    assert.equal(settings.mode, 'offline');
    assert.equal(settings.azure.apiVersion, REVIEWER_DEFAULTS.apiVersion);
    assert.equal(settings.azure.authentication, 'entraId');
    assert.equal(settings.temperature, REVIEWER_DEFAULTS.temperature);
    assert.equal(settings.maxOutputTokens, REVIEWER_DEFAULTS.maxOutputTokens);
    assert.equal(settings.timeoutSeconds * 1000, REVIEWER_DEFAULTS.timeoutMs);
    assert.equal(settings.retryAfterCapSeconds * 1000, REVIEWER_DEFAULTS.retryAfterCapMs);
    assert.deepEqual(planReviewer(settings, { apiKey: KEY, endpoint: 'https://res.openai.azure.com' }), { kind: 'offline' });
  });

  it('no setting can hold a key or a token; the settings that decide where data goes are restricted in untrusted workspaces', () => {
    const properties = Object.keys((configurationContribution() as { properties: object }).properties);
    assert.deepEqual(properties.filter((id) => /apikey|\.key$|token$|secret|password|credential/i.test(id)), []);
    for (const id of [SETTINGS.reviewerMode, SETTINGS.azureEndpoint, SETTINGS.openaiBaseUrl, SETTINGS.azureAuthentication]) assert.ok((REVIEWER_TARGET_SETTINGS as readonly string[]).includes(id), id);
  });

  it('Azure with Entra ID needs an endpoint and a deployment, and no key', () => {
    const plan = planReviewer(settingsWith({ [SETTINGS.reviewerMode]: 'azure', [SETTINGS.azureEndpoint]: ' https://res.openai.azure.com ', [SETTINGS.azureDeployment]: 'gpt-4o', [SETTINGS.timeoutSeconds]: 30 }), undefined);
    assert.equal(plan.kind, 'model');
    if (plan.kind !== 'model') return;
    assert.deepEqual(plan.config.auth, { kind: 'entra' });
    assert.equal(plan.config.endpoint, 'https://res.openai.azure.com');
    assert.equal(plan.config.model, 'gpt-4o');
    assert.equal(plan.config.timeoutMs, 30_000);
    assert.deepEqual(configProblems(plan.config), []);
    assert.match(describeTarget(plan.config), /Entra ID/);
  });

  it('Azure with an API key uses the stored key, and says what is missing without one', () => {
    const values = { [SETTINGS.reviewerMode]: 'azure', [SETTINGS.azureEndpoint]: 'http://127.0.0.1:9', [SETTINGS.azureDeployment]: 'gpt-4o', [SETTINGS.azureAuthentication]: 'apiKey' };
    assert.equal(apiKeyProvider(settingsWith(values)), 'azure');
    const withKey = planReviewer(settingsWith(values), { apiKey: `  ${KEY}\n`, endpoint: 'http://127.0.0.1:9' });
    assert.ok(withKey.kind === 'model' && withKey.config.auth.kind === 'key' && withKey.config.auth.apiKey === KEY);
    const withoutKey = planReviewer(settingsWith(values), undefined);
    assert.deepEqual(withoutKey, { kind: 'unconfigured', provider: 'azure', missing: ['an API key'], needsApiKey: true });
    const nothing = planReviewer(settingsWith({ [SETTINGS.reviewerMode]: 'azure', [SETTINGS.azureAuthentication]: 'apiKey' }), undefined);
    assert.deepEqual(nothing.kind === 'unconfigured' && nothing.missing, ['an endpoint', 'a deployment', 'an API key']);
    assert.equal(apiKeyProvider(settingsWith({ [SETTINGS.reviewerMode]: 'azure' })), null, 'Entra ID reads no key');
  });

  it('a stored key is used only for the endpoint it was entered for, so settings cannot redirect it', () => {
    const values = { [SETTINGS.reviewerMode]: 'azure', [SETTINGS.azureEndpoint]: 'https://attacker.example/openai', [SETTINGS.azureDeployment]: 'gpt-4o', [SETTINGS.azureAuthentication]: 'apiKey' };
    const plan = planReviewer(settingsWith(values), { apiKey: KEY, endpoint: 'https://res.openai.azure.com' });
    assert.deepEqual(plan, { kind: 'unconfigured', provider: 'azure', missing: ['an API key entered for https://attacker.example (the stored key was entered for https://res.openai.azure.com)'], needsApiKey: true });
    const local = planReviewer(settingsWith({ [SETTINGS.reviewerMode]: 'openai', [SETTINGS.openaiBaseUrl]: 'http://evil.example/v1', [SETTINGS.openaiModel]: 'm' }), { apiKey: KEY, endpoint: 'http://localhost:11434' });
    assert.ok(local.kind === 'model' && local.config.auth.kind === 'none', 'the OpenAI-compatible path goes keyless rather than sending the key elsewhere');
    assert.deepEqual(decodeStoredKey(encodeStoredKey({ apiKey: KEY, endpoint: 'https://res.openai.azure.com' })), { apiKey: KEY, endpoint: 'https://res.openai.azure.com' });
    assert.equal(decodeStoredKey('plain-key-without-endpoint'), undefined);
  });

  it('an OpenAI-compatible endpoint needs a model; the key is optional (local servers want none)', () => {
    const local = { [SETTINGS.reviewerMode]: 'openai', [SETTINGS.openaiBaseUrl]: 'http://localhost:11434/v1', [SETTINGS.openaiModel]: 'llama3.1' };
    const keyless = planReviewer(settingsWith(local), undefined);
    assert.ok(keyless.kind === 'model' && keyless.config.provider === 'openai' && keyless.config.auth.kind === 'none' && keyless.config.endpoint === 'http://localhost:11434/v1');
    const keyed = planReviewer(settingsWith(local), { apiKey: KEY, endpoint: 'http://localhost:11434' });
    assert.ok(keyed.kind === 'model' && keyed.config.auth.kind === 'key');
    assert.deepEqual(planReviewer(settingsWith({ [SETTINGS.reviewerMode]: 'openai' }), { apiKey: KEY, endpoint: 'https://api.openai.com' }), { kind: 'unconfigured', provider: 'openai', missing: ['a model name'], needsApiKey: false });
    assert.equal(settingsWith({ [SETTINGS.reviewerMode]: 'openai' }).openai.baseUrl, 'https://api.openai.com/v1');
  });

  it('junk in settings.json falls back to the defaults; wrong but present values are left to the core to report', () => {
    const settings = readReviewerSettings((key) => ({ [SETTINGS.reviewerMode]: 'cloud', [SETTINGS.azureAuthentication]: 42, [SETTINGS.temperature]: 'hot', [SETTINGS.maxOutputTokens]: Number.NaN, [SETTINGS.azureApiVersion]: '' })[key]);
    assert.equal(settings.mode, 'offline');
    assert.equal(settings.azure.authentication, 'entraId');
    assert.equal(settings.temperature, REVIEWER_DEFAULTS.temperature);
    assert.equal(settings.maxOutputTokens, REVIEWER_DEFAULTS.maxOutputTokens);
    assert.equal(settings.azure.apiVersion, REVIEWER_DEFAULTS.apiVersion);
    const plan = planReviewer(settingsWith({ [SETTINGS.reviewerMode]: 'azure', [SETTINGS.azureEndpoint]: 'not a url', [SETTINGS.azureDeployment]: 'gpt-4o', [SETTINGS.temperature]: 5 }), undefined);
    assert.ok(plan.kind === 'model');
    assert.deepEqual(configProblems(plan.config), ['endpoint "not a url" is not a URL', 'temperature must be between 0 and 2']);
  });

  it('keys live under one SecretStorage name per provider', () => {
    assert.equal(apiKeySecretName('azure'), 'modelReadiness.reviewer.azure.apiKey');
    assert.equal(apiKeySecretName('openai'), 'modelReadiness.reviewer.openai.apiKey');
  });
});

describe('the notice for an incomplete reviewer', () => {
  it('names what is missing and offers the actions that fix it', () => {
    const missingKey = unconfiguredNotice({ kind: 'unconfigured', provider: 'azure', missing: ['an endpoint', 'an API key'], needsApiKey: true });
    assert.equal(missingKey.message, 'Model Readiness: the Azure OpenAI reviewer needs an endpoint and an API key (settings modelReadiness.reviewer.azure.*; command Set Model Reviewer API Key); this review ran offline.');
    assert.equal(unconfiguredNotice({ kind: 'unconfigured', provider: 'azure', missing: ['an API key'], needsApiKey: true }).message, 'Model Readiness: the Azure OpenAI reviewer needs an API key (command Set Model Reviewer API Key); this review ran offline.');
    assert.deepEqual(missingKey.actions, ['Configure', 'Set API Key']);
    assert.deepEqual(unconfiguredNotice({ kind: 'unconfigured', provider: 'openai', missing: ['a model name'], needsApiKey: false }).actions, ['Configure']);
  });

  it('shows once per session, not on every save, and again after the configuration changed', () => {
    const memory = new NoticeMemory();
    assert.equal(memory.firstTime('needs an endpoint'), true);
    assert.equal(memory.firstTime('needs an endpoint'), false);
    assert.equal(memory.firstTime('needs a deployment'), true);
    memory.reset();
    assert.equal(memory.firstTime('needs an endpoint'), true);
  });
});
