import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { encode } from 'gpt-tokenizer';
import OpenAI, {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  AuthenticationError,
  AzureOpenAI,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  RateLimitError,
} from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { queueScript, startMockAzureOpenAI, type MockAzureOpenAI, type MockOptions } from './support/mockAzureOpenAI';

const API_VERSION = '2024-10-21';
const DEPLOYMENT = 'gpt-4o';
const USER_ONLY = [{ role: 'user' as const, content: 'Review this model card. Answer in JSON.' }];

/** Starts a mock for one test and always closes it, even when the test fails. */
async function withMock(options: MockOptions, test: (mock: MockAzureOpenAI) => Promise<void>): Promise<void> {
  const mock = await startMockAzureOpenAI(options);
  try {
    await test(mock);
  } finally {
    await mock.close();
  }
}

function azureClient(mock: MockAzureOpenAI, overrides: Partial<ConstructorParameters<typeof AzureOpenAI>[0]> = {}): AzureOpenAI {
  return new AzureOpenAI({ endpoint: mock.azureEndpoint, apiKey: mock.apiKey, apiVersion: API_VERSION, deployment: DEPLOYMENT, maxRetries: 0, ...overrides });
}

function openaiClient(mock: MockAzureOpenAI, overrides: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}): OpenAI {
  return new OpenAI({ baseURL: mock.openaiBaseUrl, apiKey: mock.apiKey, maxRetries: 0, ...overrides });
}

function ask(client: OpenAI, extra: Partial<ChatCompletionCreateParamsNonStreaming> = {}, requestOptions: Parameters<OpenAI['chat']['completions']['create']>[1] = {}) {
  return client.chat.completions.create({ model: DEPLOYMENT, messages: USER_ONLY, ...extra }, requestOptions);
}

/** Resolves to the rejection of `promise`, failing the test if it resolves instead. */
async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail('expected the call to fail');
}

/** Credentials are compared, never printed: a failing assert would show both sides. */
function assertSameSecret(actual: string, expected: string, what: string): void {
  assert.ok(actual === expected, `${what} does not match the mock's credential`);
}

async function waitFor(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((resolve) => setTimeout(resolve, 5));
  assert.ok(condition(), 'condition not reached in time');
}

/** The cache rule from mockAzureOpenAI.ts: shared token prefix, 0 under 1024, else down to a multiple of 128. */
function expectedCached(first: string, second: string): number {
  const [a, b] = [encode(first), encode(second)];
  let shared = 0;
  while (shared < Math.min(a.length, b.length) && a[shared] === b[shared]) shared++;
  return shared < 1024 ? 0 : Math.floor(shared / 128) * 128;
}

describe('mock Azure OpenAI server, driven by the real openai SDK', () => {
  it('AzureOpenAI with an api key gets a chat.completion shaped like Azure, with usage', async () => {
    await withMock({ script: () => ({ kind: 'answer', content: '{"verdict":"Go"}' }) }, async (mock) => {
      const completion = await ask(azureClient(mock));
      const [request] = mock.requests;
      assert.equal(completion.object, 'chat.completion');
      assert.match(completion.id, /^chatcmpl-/);
      assert.equal(completion.choices[0].message.role, 'assistant');
      assert.equal(completion.choices[0].message.content, '{"verdict":"Go"}');
      assert.equal(completion.choices[0].message.refusal, null);
      assert.equal(completion.choices[0].finish_reason, 'stop');
      assert.equal(completion.choices[0].logprobs, null);
      assert.equal(typeof completion.system_fingerprint, 'string');
      const azureFields = completion as unknown as { prompt_filter_results: unknown[]; choices: Array<{ content_filter_results: { hate: unknown } }> };
      assert.deepEqual(azureFields.prompt_filter_results.length, 1);
      assert.deepEqual(azureFields.choices[0].content_filter_results.hate, { filtered: false, severity: 'safe' });
      assert.equal(completion.usage?.prompt_tokens, request.promptTokens);
      assert.equal(completion.usage?.completion_tokens, encode('{"verdict":"Go"}').length);
      assert.equal(completion.usage?.total_tokens, request.promptTokens + encode('{"verdict":"Go"}').length);
      assert.equal(completion.usage?.prompt_tokens_details?.cached_tokens, 0);
      assert.equal(completion.usage?.completion_tokens_details?.reasoning_tokens, 0);
      assert.equal(request.flavor, 'azure');
      assert.equal(request.path, `/openai/deployments/${DEPLOYMENT}/chat/completions`);
      assert.equal(request.deployment, DEPLOYMENT);
      assert.equal(request.apiVersion, API_VERSION);
      assert.equal(request.auth.kind, 'api-key');
      assertSameSecret(request.auth.value, mock.apiKey, 'api-key header');
      assert.deepEqual(request.body.messages, USER_ONLY);
    });
  });

  it('AzureOpenAI with an Entra token provider authenticates with a bearer token', async () => {
    await withMock({}, async (mock) => {
      const client = azureClient(mock, { apiKey: undefined, azureADTokenProvider: async () => mock.bearerToken });
      const completion = await ask(client);
      assert.equal(completion.choices[0].message.content, '{}'); // no script: every valid request gets {}
      assert.equal(mock.requests[0].auth.kind, 'bearer');
      assertSameSecret(mock.requests[0].auth.value, mock.bearerToken, 'bearer token');
    });
  });

  it('OpenAI with baseURL uses the openai flavor; the model comes from the body', async () => {
    await withMock({ models: ['gpt-4o-mini'] }, async (mock) => {
      const completion = await ask(openaiClient(mock), { model: 'gpt-4o-mini' });
      const [request] = mock.requests;
      assert.equal(completion.model, 'gpt-4o-mini');
      assert.equal('prompt_filter_results' in completion, false);
      assert.equal(request.flavor, 'openai');
      assert.equal(request.path, '/v1/chat/completions');
      assert.equal(request.deployment, null);
      assert.equal(request.apiVersion, null);
      assert.equal(request.auth.kind, 'bearer');
      assertSameSecret(request.auth.value, mock.apiKey, 'bearer api key');
    });
  });

  it('answers echo request ids and carry Azure region and gateway headers', async () => {
    await withMock({}, async (mock) => {
      const { response } = await ask(azureClient(mock), {}, { headers: { 'x-request-id': 'trace-123' } }).withResponse();
      assert.equal(response.headers.get('x-request-id'), 'trace-123');
      assert.match(response.headers.get('apim-request-id') ?? '', /^[0-9a-f-]{36}$/);
      assert.equal(response.headers.get('x-ms-region'), 'East US');
    });
  });

  it('streams Azure chunks: prompt filter first, content in pieces, finish, usage, [DONE]', async () => {
    const content = '{"gates":[{"id":"PF","status":"Conditional","reason":"no baseline"}]}';
    await withMock({ script: () => ({ kind: 'answer', content }) }, async (mock) => {
      const stream = await azureClient(mock).chat.completions.create({
        model: DEPLOYMENT,
        messages: USER_ONLY,
        stream: true,
        stream_options: { include_usage: true },
      });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      const first = chunks[0] as unknown as { choices: unknown[]; prompt_filter_results: unknown[] };
      assert.deepEqual(first.choices, []);
      assert.equal(first.prompt_filter_results.length, 1);
      const pieces = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta.content ?? '')).filter((piece) => piece !== '');
      assert.ok(pieces.length > 1, 'content arrives in several chunks');
      assert.equal(pieces.join(''), content);
      const finish = chunks.flatMap((chunk) => chunk.choices).find((choice) => choice.finish_reason !== null);
      assert.equal(finish?.finish_reason, 'stop');
      const last = chunks[chunks.length - 1];
      assert.deepEqual(last.choices, []);
      assert.equal(last.usage?.completion_tokens, encode(content).length);
      assert.equal(last.usage?.prompt_tokens, mock.requests[0].promptTokens);
    });
  });

  it('streams without a usage chunk unless include_usage is set', async () => {
    await withMock({ script: () => ({ kind: 'answer', content: 'plain text answer' }) }, async (mock) => {
      const stream = await openaiClient(mock).chat.completions.create({ model: DEPLOYMENT, messages: USER_ONLY, stream: true });
      const chunks = [];
      for await (const chunk of stream) chunks.push(chunk);
      assert.ok(chunks.every((chunk) => chunk.usage === undefined));
      assert.equal(chunks[chunks.length - 1].choices[0].finish_reason, 'stop');
    });
  });

  it('reports cached tokens for a shared prefix of 1024 tokens or more, and 0 under it', async () => {
    const longRules = 'Gate rule: the card must name an owner, a rollback plan and a drift statistic. '.repeat(150);
    const shortRules = 'Gate rule: the card must name an owner. '.repeat(20);
    await withMock({}, async (mock) => {
      const client = azureClient(mock);
      const usageFor = async (system: string, user: string) =>
        (await ask(client, { messages: [{ role: 'system', content: system }, { role: 'user', content: user }] })).usage;
      const firstLong = await usageFor(longRules, 'Card A: credit scoring.');
      const secondLong = await usageFor(longRules, 'Card B: churn model.');
      assert.equal(firstLong?.prompt_tokens_details?.cached_tokens, 0);
      const cached = secondLong?.prompt_tokens_details?.cached_tokens ?? 0;
      assert.ok(cached >= 1024 && cached % 128 === 0 && cached <= (secondLong?.prompt_tokens ?? 0));
      assert.equal(cached, expectedCached(`system\n${longRules}\n\nuser\nCard A: credit scoring.`, `system\n${longRules}\n\nuser\nCard B: churn model.`));
      assert.equal(mock.requests[1].cachedTokens, cached);
      await usageFor(shortRules, 'Card A.');
      const secondShort = await usageFor(shortRules, 'Card B.');
      assert.equal(secondShort?.prompt_tokens_details?.cached_tokens, 0);
    });
  });

  it('only answered prompts enter the cache', async () => {
    const rules = 'Every gate needs evidence quoted from the card. '.repeat(200);
    await withMock({ script: queueScript([{ kind: 'rateLimited', retryAfterSeconds: 1 }], () => ({ kind: 'answer', content: '{}' })) }, async (mock) => {
      const client = azureClient(mock);
      const messages = [{ role: 'system' as const, content: rules }, ...USER_ONLY];
      await rejectionOf(ask(client, { messages }));
      const afterRejection = await ask(client, { messages });
      const afterAnswer = await ask(client, { messages });
      assert.equal(afterRejection.usage?.prompt_tokens_details?.cached_tokens, 0);
      assert.ok((afterAnswer.usage?.prompt_tokens_details?.cached_tokens ?? 0) >= 1024);
    });
  });

  it('strict json_schema: rejects an open nested object and a property left out of required, naming the path', async () => {
    const schema = (finding: object) => ({
      type: 'object',
      properties: { findings: { type: 'array', items: finding } },
      required: ['findings'],
      additionalProperties: false,
    });
    const formatFor = (finding: object) => ({ type: 'json_schema' as const, json_schema: { name: 'review', strict: true, schema: schema(finding) } });
    await withMock({}, async (mock) => {
      const client = azureClient(mock);
      const open = await rejectionOf(ask(client, { response_format: formatFor({ type: 'object', properties: { id: { type: 'string' } }, required: ['id'] }) }));
      assert.ok(open instanceof BadRequestError);
      assert.equal(open.type, 'invalid_request_error');
      assert.equal(open.param, 'response_format');
      assert.match(open.message, /Invalid schema for response_format 'review': In context=\('properties', 'findings', 'items'\), 'additionalProperties' is required to be supplied and to be false/);
      const partial = { type: 'object', properties: { id: { type: 'string' }, reason: { type: 'string' } }, required: ['id'], additionalProperties: false };
      const notRequired = await rejectionOf(ask(client, { response_format: formatFor(partial) }));
      assert.ok(notRequired instanceof BadRequestError);
      assert.match(notRequired.message, /'required' is required to be supplied and to be an array including every key in properties\. Missing 'reason'\./);
      const valid = { ...partial, required: ['id', 'reason'] };
      const accepted = await ask(client, { response_format: formatFor(valid) });
      assert.equal(accepted.choices[0].message.content, '{}');
      assert.equal(mock.requests.length, 3);
    });
  });

  it('strict json_schema checks $defs and anyOf branches, and a non-strict schema is not checked', async () => {
    await withMock({}, async (mock) => {
      const client = azureClient(mock);
      const schema = {
        type: 'object',
        properties: { status: { anyOf: [{ type: 'string' }, { $ref: '#/$defs/detail' }] } },
        required: ['status'],
        additionalProperties: false,
        $defs: { detail: { type: 'object', properties: { note: { type: 'string' } } } },
      };
      const strict = await rejectionOf(ask(client, { response_format: { type: 'json_schema', json_schema: { name: 'gate', strict: true, schema } } }));
      assert.ok(strict instanceof BadRequestError);
      assert.match(strict.message, /In context=\('\$defs', 'detail'\)/);
      await ask(client, { response_format: { type: 'json_schema', json_schema: { name: 'gate', strict: false, schema } } });
    });
  });

  it('rejects an empty messages array and json_object without the word json', async () => {
    await withMock({}, async (mock) => {
      const client = azureClient(mock);
      const empty = await rejectionOf(ask(client, { messages: [] }));
      assert.ok(empty instanceof BadRequestError);
      assert.equal(empty.code, 'empty_array');
      const noJson = await rejectionOf(ask(client, { messages: [{ role: 'user', content: 'Review it.' }], response_format: { type: 'json_object' } }));
      assert.ok(noJson instanceof BadRequestError);
      assert.equal(noJson.param, 'messages');
    });
  });

  it('wrong or missing credentials are 401 AuthenticationError, recorded but never scripted', async () => {
    let scripted = 0;
    const script = () => {
      scripted++;
      return { kind: 'answer' as const, content: '{}' };
    };
    await withMock({ script }, async (mock) => {
      const badKey = await rejectionOf(ask(azureClient(mock, { apiKey: 'not-the-key' })));
      assert.ok(badKey instanceof AuthenticationError);
      assert.equal(badKey.status, 401);
      assert.equal(badKey.code, '401');
      assert.match(badKey.message, /Access denied due to invalid subscription key or wrong API endpoint/);
      const badToken = await rejectionOf(ask(azureClient(mock, { apiKey: undefined, azureADTokenProvider: async () => 'expired-token' })));
      assert.ok(badToken instanceof AuthenticationError);
      assert.equal(badToken.code, undefined); // Azure's token rejection is {statusCode, message}, no `error` wrapper
      const badBearer = await rejectionOf(ask(openaiClient(mock, { apiKey: 'sk-wrong-0000' })));
      assert.ok(badBearer instanceof AuthenticationError);
      assert.equal(badBearer.code, 'invalid_api_key');
      assert.equal(mock.requests.length, 3);
      assert.equal(scripted, 0);
    });
  });

  it('unknown deployment, unknown model, missing api-version and unknown paths are 404', async () => {
    await withMock({}, async (mock) => {
      const deployment = await rejectionOf(ask(azureClient(mock, { deployment: 'gpt-35-turbo' })));
      assert.ok(deployment instanceof NotFoundError);
      assert.equal(deployment.code, 'DeploymentNotFound');
      const model = await rejectionOf(ask(openaiClient(mock), { model: 'gpt-5' }));
      assert.ok(model instanceof NotFoundError);
      assert.equal(model.code, 'model_not_found');
      const noVersion = await fetch(`${mock.url}/openai/deployments/${DEPLOYMENT}/chat/completions`, {
        method: 'POST',
        headers: { 'api-key': mock.apiKey, 'content-type': 'application/json' },
        body: JSON.stringify({ messages: USER_ONLY }),
      });
      assert.equal(noVersion.status, 404);
      assert.deepEqual(await noVersion.json(), { error: { code: '404', message: 'Resource not found' } });
      const unknownPath = await fetch(`${mock.url}/openai/deployments/${DEPLOYMENT}/embeddings?api-version=${API_VERSION}`, { method: 'POST' });
      assert.equal(unknownPath.status, 404);
    });
  });

  it('rateLimited is a 429 RateLimitError whose retry headers are readable', async () => {
    await withMock({ script: () => ({ kind: 'rateLimited', retryAfterSeconds: 7, retryAfterMs: 6500 }) }, async (mock) => {
      const error = await rejectionOf(ask(azureClient(mock)));
      assert.ok(error instanceof RateLimitError);
      assert.equal(error.status, 429);
      assert.equal(error.code, '429');
      assert.equal(error.headers.get('retry-after'), '7');
      assert.equal(error.headers.get('retry-after-ms'), '6500');
      assert.equal(error.headers.get('x-ratelimit-remaining-requests'), '0');
      assert.match(error.message, /Please retry after 7 seconds/);
    });
  });

  it('the SDK retries a 429 after retry-after-ms, then gets the answer', async () => {
    const script = queueScript([{ kind: 'rateLimited', retryAfterMs: 20 }, { kind: 'answer', content: '{"retried":true}' }]);
    await withMock({ script }, async (mock) => {
      const completion = await ask(azureClient(mock, { maxRetries: 1 }));
      assert.equal(completion.choices[0].message.content, '{"retried":true}');
      assert.deepEqual(mock.requests.map((request) => request.index), [0, 1]);
    });
  });

  it('contentFilter is a BadRequestError with code content_filter and Azure innererror', async () => {
    await withMock({ script: () => ({ kind: 'contentFilter' }) }, async (mock) => {
      const error = await rejectionOf(ask(azureClient(mock)));
      assert.ok(error instanceof BadRequestError);
      assert.equal(error.code, 'content_filter');
      assert.equal(error.param, 'prompt');
      const inner = (error.error as { innererror: { code: string; content_filter_result: Record<string, unknown> } }).innererror;
      assert.equal(inner.code, 'ResponsibleAIPolicyViolation');
      assert.deepEqual(Object.keys(inner.content_filter_result).sort(), ['hate', 'jailbreak', 'self_harm', 'sexual', 'violence']);
    });
  });

  it('a prompt over the context window is a BadRequestError context_length_exceeded', async () => {
    await withMock({ contextWindow: 50 }, async (mock) => {
      const long = [{ role: 'user' as const, content: 'The model card lists every feature. '.repeat(20) }];
      const error = await rejectionOf(ask(azureClient(mock), { messages: long }));
      assert.ok(error instanceof BadRequestError);
      assert.equal(error.code, 'context_length_exceeded');
      assert.equal(error.param, 'messages');
      assert.match(error.message, new RegExp(`maximum context length is 50 tokens\\. However, your messages resulted in ${mock.requests[0].promptTokens} tokens`));
    });
  });

  it('max_completion_tokens cuts the answer and finishes with length; refusals come through', async () => {
    const script = queueScript([
      { kind: 'answer', content: 'one two three four five six seven eight nine ten' },
      { kind: 'answer', content: null, refusal: "I can't help with that." },
    ]);
    await withMock({ script }, async (mock) => {
      const client = azureClient(mock);
      const cut = await ask(client, { max_completion_tokens: 3 });
      assert.equal(cut.choices[0].finish_reason, 'length');
      assert.equal(cut.usage?.completion_tokens, 3);
      assert.equal(cut.choices[0].message.content, 'one two three');
      const refused = await ask(client);
      assert.equal(refused.choices[0].message.content, null);
      assert.equal(refused.choices[0].message.refusal, "I can't help with that.");
    });
  });

  it('scripted errors keep status, code, headers and raw bodies; an exhausted queue is a 500', async () => {
    const script = queueScript([
      { kind: 'error', status: 503, code: 'ServiceUnavailable', message: 'busy', headers: { 'x-custom': 'yes' } },
      { kind: 'error', status: 500, rawBody: 'upstream exploded' },
    ]);
    await withMock({ script }, async (mock) => {
      const client = azureClient(mock);
      const scripted = await rejectionOf(ask(client));
      assert.ok(scripted instanceof InternalServerError);
      assert.equal(scripted.status, 503);
      assert.equal(scripted.code, 'ServiceUnavailable');
      assert.equal(scripted.headers.get('x-custom'), 'yes');
      const raw = await rejectionOf(ask(client));
      assert.ok(raw instanceof InternalServerError);
      assert.match(raw.message, /upstream exploded/);
      const exhausted = await rejectionOf(ask(client));
      assert.ok(exhausted instanceof InternalServerError);
      assert.match(exhausted.message, /script exhausted/);
    });
  });

  it('a script that throws is answered with a 500 naming the failure', async () => {
    await withMock({ script: () => { throw new Error('no reply for this card'); } }, async (mock) => {
      const error = await rejectionOf(ask(azureClient(mock)));
      assert.ok(error instanceof InternalServerError);
      assert.match(error.message, /mock script threw: no reply for this card/);
    });
  });

  it('drop is an APIConnectionError (not a timeout)', async () => {
    await withMock({ script: () => ({ kind: 'drop' }) }, async (mock) => {
      const error = await rejectionOf(ask(azureClient(mock)));
      assert.ok(error instanceof APIConnectionError);
      assert.ok(!(error instanceof APIConnectionTimeoutError));
    });
  });

  it('hang with a client timeout is an APIConnectionTimeoutError', async () => {
    await withMock({ script: () => ({ kind: 'hang' }) }, async (mock) => {
      const error = await rejectionOf(ask(azureClient(mock, { timeout: 200 })));
      assert.ok(error instanceof APIConnectionTimeoutError);
    });
  });

  it('aborting a hanging request is an APIUserAbortError', async () => {
    await withMock({ script: () => ({ kind: 'hang' }) }, async (mock) => {
      const controller = new AbortController();
      const pending = rejectionOf(ask(azureClient(mock), {}, { signal: controller.signal }));
      await waitFor(() => mock.requests.length === 1);
      controller.abort();
      assert.ok((await pending) instanceof APIUserAbortError);
    });
  });

  it('close() does not wait for a hanging request: the client sees a connection error', async () => {
    const mock = await startMockAzureOpenAI({ script: () => ({ kind: 'hang' }) });
    const pending = rejectionOf(ask(azureClient(mock, { timeout: 30_000 })));
    await waitFor(() => mock.requests.length === 1);
    const started = Date.now();
    await mock.close();
    assert.ok(Date.now() - started < 1000, 'close() returned promptly');
    assert.ok((await pending) instanceof APIConnectionError);
  });

  it('dropMidStream delivers the first chunks, then the stream fails', async () => {
    await withMock({ script: () => ({ kind: 'dropMidStream' }) }, async (mock) => {
      const stream = await azureClient(mock).chat.completions.create({ model: DEPLOYMENT, messages: USER_ONLY, stream: true });
      const pieces: string[] = [];
      const error = await rejectionOf(
        (async () => {
          for await (const chunk of stream) pieces.push(...chunk.choices.map((choice) => choice.delta.content ?? ''));
        })(),
      );
      // The SDK does not wrap a body cut short: undici's TypeError('terminated') reaches the caller.
      assert.ok(error instanceof TypeError && !(error instanceof APIError));
      assert.equal(error.message, 'terminated');
      assert.ok(pieces.join('').length > 0, 'some content arrived before the drop');
    });
  });

  it('dropMidStream on a non-stream request fails after the headers arrived', async () => {
    await withMock({ script: () => ({ kind: 'dropMidStream' }) }, async (mock) => {
      const error = await rejectionOf(ask(azureClient(mock)));
      assert.ok(error instanceof TypeError && !(error instanceof APIError));
      assert.equal(error.message, 'terminated');
    });
  });

  it('delayMs holds the reply back', async () => {
    await withMock({ script: () => ({ kind: 'answer', content: '{}', delayMs: 150 }) }, async (mock) => {
      const started = Date.now();
      await ask(azureClient(mock));
      assert.ok(Date.now() - started >= 140);
    });
  });

  it('records every request in arrival order, rejected ones included; setScript swaps the script', async () => {
    await withMock({}, async (mock) => {
      await rejectionOf(ask(azureClient(mock, { apiKey: 'wrong' })));
      await ask(azureClient(mock));
      await rejectionOf(ask(azureClient(mock, { deployment: 'missing' })));
      mock.setScript(() => ({ kind: 'answer', content: '{"second":"script"}' }));
      const swapped = await ask(azureClient(mock));
      assert.equal(swapped.choices[0].message.content, '{"second":"script"}');
      assert.deepEqual(
        mock.requests.map((request) => [request.index, request.deployment, request.method]),
        [
          [0, DEPLOYMENT, 'POST'],
          [1, DEPLOYMENT, 'POST'],
          [2, 'missing', 'POST'],
          [3, DEPLOYMENT, 'POST'],
        ],
      );
    });
  });
});
