/**
 * A loopback server that speaks the Azure OpenAI (and OpenAI) chat completions REST protocol,
 * so the reviewer and its tests can run the real `openai` SDK without leaving the machine.
 *
 * Request pipeline, in the order Azure applies it:
 *   route (404) -> api-version (404, azure) -> auth (401) -> deployment/model (404)
 *   -> JSON body and messages (400) -> response_format (400) -> context window (400) -> script.
 * Every request is recorded in `requests`, rejected ones included; only requests that pass
 * every check reach the script.
 *
 * Prompt cache rule (Azure/OpenAI prompt caching, simulated): the prompt's token sequence is compared
 * with every earlier prompt of the same deployment (azure) or model (openai) that got an `answer`;
 * L = longest common token prefix. cachedTokens = 0 when L < 1024, else floor(L / 128) * 128
 * (1024, then steps of 128). Only `answer` replies enter the cache: a rejected, failed or dropped
 * request never reached the model.
 *
 * Prompt tokens: o200k_base tokens of the messages rendered as `role\ncontent` joined by a blank line
 * (text parts of array contents are concatenated). Deterministic, not OpenAI's exact count.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { decode, encode } from 'gpt-tokenizer';

export interface RecordedRequest {
  index: number;
  method: string;
  path: string;
  flavor: 'azure' | 'openai';
  deployment: string | null;
  apiVersion: string | null;
  headers: Record<string, string>;
  auth: { kind: 'api-key' | 'bearer' | 'none'; value: string };
  body: any;
  promptTokens: number;
  cachedTokens: number;
}

export type MockReply = (
  | { kind: 'answer'; content: string | null; finishReason?: 'stop' | 'length' | 'content_filter'; completionTokens?: number; refusal?: string }
  | { kind: 'error'; status: number; code?: string; message?: string; type?: string; headers?: Record<string, string>; innererror?: unknown; rawBody?: string }
  | { kind: 'rateLimited'; retryAfterSeconds?: number; retryAfterMs?: number }
  | { kind: 'contentFilter' }
  | { kind: 'drop' }
  | { kind: 'hang' }
  | { kind: 'dropMidStream' }
) & { delayMs?: number };

export type Script = (request: RecordedRequest) => MockReply | Promise<MockReply>;

export interface MockAzureOpenAI {
  url: string;
  azureEndpoint: string;
  openaiBaseUrl: string;
  apiKey: string;
  bearerToken: string;
  requests: RecordedRequest[];
  setScript(script: Script): void;
  close(): Promise<void>;
}

export interface MockOptions {
  apiKey?: string;
  bearerToken?: string;
  deployments?: string[];
  models?: string[];
  contextWindow?: number;
  script?: Script;
}

type AnswerReply = Extract<MockReply, { kind: 'answer' }>;

/** What the server sends back when a check fails before the script runs. */
interface Rejection {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

interface MockState {
  apiKey: string;
  bearerToken: string;
  deployments: Set<string>;
  models: Set<string>;
  contextWindow: number;
  script: Script;
  requests: RecordedRequest[];
  /** Token sequences of answered prompts, per `flavor:deployment-or-model`. */
  cache: Map<string, number[][]>;
  /** Aborted by close(), so pending delays end at once. */
  closing: AbortController;
}

/** A request that passed every check, with what the reply needs. */
interface Accepted {
  record: RecordedRequest;
  promptTokens: number[];
  target: string;
  stream: boolean;
  includeUsage: boolean;
  maxCompletionTokens: number | null;
}

const AZURE_REGION = 'East US';
const SYSTEM_FINGERPRINT = 'fp_7b1e2c4d9a';
const CACHE_MIN_TOKENS = 1024;
const CACHE_STEP_TOKENS = 128;
const STREAM_PIECE_CHARS = 12;
const DROPPED_STREAM_TEXT = '{"findings":[{"gate":"';
const MESSAGE_ROLES = ['system', 'assistant', 'user', 'function', 'tool', 'developer'];
const NO_SPECIAL_TOKENS = { disallowedSpecial: new Set<string>() };

const AZURE_KEY_DENIED =
  'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.';
const AZURE_TOKEN_DENIED =
  'Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.';
const DEPLOYMENT_NOT_FOUND =
  'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.';
const CONTENT_FILTER_MESSAGE =
  "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766";
const INVALID_JSON_MESSAGE =
  "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON. If you have trouble figuring out how to fix this, please contact us through our help center at help.openai.com.)";

const answerEmptyObject: Script = () => ({ kind: 'answer', content: '{}' });
const scriptExhausted: Script = () => ({ kind: 'error', status: 500, message: 'script exhausted' });

export async function startMockAzureOpenAI(options: MockOptions = {}): Promise<MockAzureOpenAI> {
  const state: MockState = {
    apiKey: options.apiKey ?? randomBytes(16).toString('hex'),
    bearerToken: options.bearerToken ?? `eyJ0eXAiOiJKV1QifQ.${randomBytes(24).toString('base64url')}.mock`,
    deployments: new Set(options.deployments ?? ['gpt-4o']),
    models: new Set(options.models ?? ['gpt-4o']),
    contextWindow: options.contextWindow ?? 128_000,
    script: options.script ?? answerEmptyObject,
    requests: [],
    cache: new Map(),
    closing: new AbortController(),
  };
  const server = createServer((req, res) => {
    handle(state, req, res).catch((error: unknown) => failInternally(res, error));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    azureEndpoint: url,
    openaiBaseUrl: `${url}/v1`,
    apiKey: state.apiKey,
    bearerToken: state.bearerToken,
    requests: state.requests,
    setScript: (script) => {
      state.script = script;
    },
    close: () =>
      new Promise<void>((resolve) => {
        state.closing.abort();
        server.close(() => resolve());
        // Hanging and keep-alive sockets would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}

export function queueScript(replies: MockReply[], fallback: Script = scriptExhausted): Script {
  const pending = [...replies];
  return (request) => pending.shift() ?? fallback(request);
}

async function handle(state: MockState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const record = recordArrival(state, req);
  const rawBody = await readBody(req);
  if (rawBody === null) return; // the client went away while sending
  record.body = parseJson(rawBody);
  const checked = admit(state, record);
  if ('status' in checked) {
    sendJson(res, record, checked.status, checked.body, checked.headers);
    return;
  }
  const reply = await runScript(state.script, record);
  if (reply.delayMs) await sleep(reply.delayMs, state.closing.signal);
  if (res.destroyed || state.closing.signal.aborted) return;
  if (reply.kind === 'answer') rememberPrompt(state, checked);
  sendReply(res, checked, reply);
}

/** Records the request as it arrives, so `requests` keeps arrival order. */
function recordArrival(state: MockState, req: IncomingMessage): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const headers = lowerCaseHeaders(req);
  const route = routeOf(url.pathname);
  const record: RecordedRequest = {
    index: state.requests.length,
    method: req.method ?? 'GET',
    path: url.pathname,
    flavor: route.flavor,
    deployment: route.deployment,
    apiVersion: url.searchParams.get('api-version'),
    headers,
    auth: authOf(headers, route.flavor),
    body: null,
    promptTokens: 0,
    cachedTokens: 0,
  };
  state.requests.push(record);
  return record;
}

function lowerCaseHeaders(req: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

const AZURE_CHAT_PATH = /^\/openai\/deployments\/([^/]+)\/chat\/completions$/;
const OPENAI_CHAT_PATH = '/v1/chat/completions';

function routeOf(path: string): { flavor: 'azure' | 'openai'; deployment: string | null; known: boolean } {
  const azure = AZURE_CHAT_PATH.exec(path);
  if (azure) return { flavor: 'azure', deployment: decodeURIComponent(azure[1]), known: true };
  if (path === OPENAI_CHAT_PATH) return { flavor: 'openai', deployment: null, known: true };
  return { flavor: path.startsWith('/v1/') ? 'openai' : 'azure', deployment: null, known: false };
}

/** Azure reads `api-key` first; OpenAI only knows `Authorization: Bearer`. */
function authOf(headers: Record<string, string>, flavor: 'azure' | 'openai'): RecordedRequest['auth'] {
  const bearer = /^Bearer\s+(.+)$/i.exec(headers['authorization'] ?? '');
  if (flavor === 'azure' && headers['api-key'] !== undefined) return { kind: 'api-key', value: headers['api-key'] };
  if (bearer) return { kind: 'bearer', value: bearer[1].trim() };
  if (headers['api-key'] !== undefined) return { kind: 'api-key', value: headers['api-key'] };
  return { kind: 'none', value: '' };
}

function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', () => resolve(null));
    req.on('aborted', () => resolve(null));
  });
}

function parseJson(text: string): any {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Runs every check in Azure's order; the first failure wins. */
function admit(state: MockState, record: RecordedRequest): Accepted | Rejection {
  const rejection =
    checkRoute(record) ??
    checkAuth(state, record) ??
    checkTarget(state, record) ??
    checkBody(record) ??
    checkResponseFormat(record.body);
  if (rejection) return rejection;
  const promptTokens = encode(renderPrompt(record.body.messages), NO_SPECIAL_TOKENS);
  record.promptTokens = promptTokens.length;
  if (promptTokens.length > state.contextWindow) return contextTooLong(state.contextWindow, promptTokens.length);
  const target = `${record.flavor}:${record.deployment ?? record.body.model}`;
  record.cachedTokens = cachedPrefix(state.cache.get(target) ?? [], promptTokens);
  return {
    record,
    promptTokens,
    target,
    stream: record.body.stream === true,
    includeUsage: record.body.stream === true && record.body.stream_options?.include_usage === true,
    maxCompletionTokens: positiveInteger(record.body.max_completion_tokens) ?? positiveInteger(record.body.max_tokens),
  };
}

/** Unknown paths, non-POST methods and (azure) a missing api-version are all Azure's bare 404. */
function checkRoute(record: RecordedRequest): Rejection | null {
  const known = record.method === 'POST' && routeOf(record.path).known;
  if (record.flavor === 'openai') {
    if (known) return null;
    return { status: 404, body: openaiError(`Invalid URL (${record.method} ${record.path})`, 'invalid_request_error', null, null) };
  }
  if (known && record.apiVersion) return null;
  return { status: 404, body: { error: { code: '404', message: 'Resource not found' } } };
}

function checkAuth(state: MockState, record: RecordedRequest): Rejection | null {
  const { kind, value } = record.auth;
  if (record.flavor === 'openai') {
    if (kind === 'bearer' && value === state.apiKey) return null;
    if (kind !== 'bearer') {
      const message =
        "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with blank username) if you're accessing the API from your browser and are prompted for a username and password. You can obtain an API key from https://platform.openai.com/account/api-keys.";
      return { status: 401, body: openaiError(message, 'invalid_request_error', null, null) };
    }
    const message = `Incorrect API key provided: ${maskKey(value)}. You can find your API key at https://platform.openai.com/account/api-keys.`;
    return { status: 401, body: openaiError(message, 'invalid_request_error', null, 'invalid_api_key') };
  }
  if (kind === 'api-key' && value === state.apiKey) return null;
  if (kind === 'bearer' && value === state.bearerToken) return null;
  // Azure's token check answers in the gateway's own shape, without an `error` wrapper.
  if (kind === 'bearer') return { status: 401, body: { statusCode: 401, message: AZURE_TOKEN_DENIED } };
  return { status: 401, body: { error: { code: '401', message: AZURE_KEY_DENIED } } };
}

/** Shows only the last four characters, as OpenAI does. */
function maskKey(key: string): string {
  return `${'*'.repeat(Math.max(0, key.length - 4))}${key.slice(-4)}`;
}

function checkTarget(state: MockState, record: RecordedRequest): Rejection | null {
  if (record.flavor === 'azure') {
    if (state.deployments.has(record.deployment ?? '')) return null;
    return { status: 404, body: { error: { code: 'DeploymentNotFound', message: DEPLOYMENT_NOT_FOUND } } };
  }
  if (!isPlainObject(record.body)) return null; // the body check reports it
  const model = record.body.model;
  if (typeof model !== 'string' || model === '') {
    return { status: 400, body: openaiError('you must provide a model parameter', 'invalid_request_error', null, null) };
  }
  if (state.models.has(model)) return null;
  const message = `The model \`${model}\` does not exist or you do not have access to it.`;
  return { status: 404, body: openaiError(message, 'invalid_request_error', null, 'model_not_found') };
}

function checkBody(record: RecordedRequest): Rejection | null {
  if (!isPlainObject(record.body)) return badRequest(INVALID_JSON_MESSAGE, null, null);
  return checkMessages(record.body.messages);
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function checkMessages(messages: unknown): Rejection | null {
  if (messages === undefined) return badRequest("Missing required parameter: 'messages'.", 'messages', 'missing_required_parameter');
  if (!Array.isArray(messages)) {
    return badRequest(`Invalid type for 'messages': expected an array of objects, but got ${jsonTypeName(messages)} instead.`, 'messages', 'invalid_type');
  }
  if (messages.length === 0) {
    return badRequest("Invalid 'messages': empty array. Expected an array with minimum length 1, but got an empty array instead.", 'messages', 'empty_array');
  }
  for (const [index, message] of messages.entries()) {
    const problem = checkMessage(message, `messages[${index}]`);
    if (problem) return problem;
  }
  return null;
}

function checkMessage(message: any, param: string): Rejection | null {
  if (!isPlainObject(message)) {
    return badRequest(`Invalid type for '${param}': expected an object, but got ${jsonTypeName(message)} instead.`, param, 'invalid_type');
  }
  if (message.role === undefined) return badRequest(`Missing required parameter: '${param}.role'.`, `${param}.role`, 'missing_required_parameter');
  if (!MESSAGE_ROLES.includes(message.role)) {
    const supported = "'system', 'assistant', 'user', 'function', 'tool', and 'developer'";
    return badRequest(`Invalid value: '${String(message.role)}'. Supported values are: ${supported}.`, `${param}.role`, 'invalid_value');
  }
  const content = message.content;
  const assistantWithoutContent = message.role === 'assistant' && (content === null || content === undefined);
  if (typeof content === 'string' || Array.isArray(content) || assistantWithoutContent) return null;
  if (content === undefined) return badRequest(`Missing required parameter: '${param}.content'.`, `${param}.content`, 'missing_required_parameter');
  return badRequest(
    `Invalid type for '${param}.content': expected one of a string or array of objects, but got ${jsonTypeName(content)} instead.`,
    `${param}.content`,
    'invalid_type',
  );
}

/** OpenAI names JSON types with an article in its messages ("an object", "a string"). */
function jsonTypeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a decimal';
  if (typeof value === 'boolean') return 'a boolean';
  return 'a string';
}

function checkResponseFormat(body: any): Rejection | null {
  const format = body.response_format;
  if (format?.type === 'json_object' && !/json/i.test(renderPrompt(body.messages))) {
    return badRequest("'messages' must contain the word 'json' in some form, to use 'response_format' of type 'json_object'.", 'messages', null);
  }
  if (format?.type !== 'json_schema') return null;
  const jsonSchema = format.json_schema;
  if (jsonSchema === undefined) return badRequest("Missing required parameter: 'response_format.json_schema'.", 'response_format.json_schema', 'missing_required_parameter');
  if (typeof jsonSchema?.name !== 'string') {
    return badRequest("Missing required parameter: 'response_format.json_schema.name'.", 'response_format.json_schema.name', 'missing_required_parameter');
  }
  if (jsonSchema.strict !== true) return null;
  const problem = strictSchemaProblem(jsonSchema.schema);
  if (!problem) return null;
  return badRequest(`Invalid schema for response_format '${jsonSchema.name}': ${problem}`, 'response_format', null);
}

/** Structured Outputs strict mode: an object root, then every object closed and fully required. */
function strictSchemaProblem(schema: any): string | null {
  if (schema === null || typeof schema !== 'object' || schema.type !== 'object') {
    const type = schema?.type === undefined ? 'None' : String(schema.type);
    return `schema must be a JSON Schema of 'type: "object"', got 'type: "${type}"'.`;
  }
  return strictNodeProblem(schema, []);
}

function strictNodeProblem(node: any, context: Array<string | number>): string | null {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return null;
  if (isObjectSchema(node)) {
    const where = `In context=${pythonTuple(context)}`;
    if (node.additionalProperties !== false) return `${where}, 'additionalProperties' is required to be supplied and to be false.`;
    const required: unknown[] = Array.isArray(node.required) ? node.required : [];
    const missing = Object.keys(node.properties ?? {}).find((key) => !required.includes(key));
    if (missing !== undefined) {
      return `${where}, 'required' is required to be supplied and to be an array including every key in properties. Missing '${missing}'.`;
    }
  }
  for (const [child, path] of childSchemas(node, context)) {
    const problem = strictNodeProblem(child, path);
    if (problem) return problem;
  }
  return null;
}

function isObjectSchema(node: any): boolean {
  return node.type === 'object' || (Array.isArray(node.type) && node.type.includes('object')) || node.properties !== undefined;
}

/** The sub-schemas strict mode reaches: properties, items, anyOf, $defs and definitions. */
function childSchemas(node: any, context: Array<string | number>): Array<[unknown, Array<string | number>]> {
  const children: Array<[unknown, Array<string | number>]> = [];
  for (const keyword of ['properties', '$defs', 'definitions']) {
    for (const [name, child] of Object.entries(node[keyword] ?? {})) children.push([child, [...context, keyword, name]]);
  }
  if (node.items && typeof node.items === 'object' && !Array.isArray(node.items)) children.push([node.items, [...context, 'items']]);
  if (Array.isArray(node.anyOf)) node.anyOf.forEach((child: unknown, index: number) => children.push([child, [...context, 'anyOf', index]]));
  return children;
}

/** OpenAI prints the schema path as a Python tuple: (), ('a',), ('a', 'b', 0). */
function pythonTuple(parts: Array<string | number>): string {
  const items = parts.map((part) => (typeof part === 'number' ? String(part) : `'${part}'`));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

function renderPrompt(messages: any[]): string {
  return messages.map((message) => `${message.role}\n${messageText(message.content)}`).join('\n\n');
}

function messageText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((part: any) => (typeof part?.text === 'string' ? part.text : '')).join('');
}

function contextTooLong(limit: number, tokens: number): Rejection {
  const message = `This model's maximum context length is ${limit} tokens. However, your messages resulted in ${tokens} tokens. Please reduce the length of the messages.`;
  return badRequest(message, 'messages', 'context_length_exceeded');
}

function positiveInteger(value: unknown): number | null {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;
}

/** Longest shared prefix with any earlier answered prompt, counted as the cache does (see header). */
function cachedPrefix(earlier: number[][], prompt: number[]): number {
  let longest = 0;
  for (const previous of earlier) {
    const limit = Math.min(previous.length, prompt.length);
    let shared = 0;
    while (shared < limit && previous[shared] === prompt[shared]) shared++;
    longest = Math.max(longest, shared);
  }
  if (longest < CACHE_MIN_TOKENS) return 0;
  return Math.floor(longest / CACHE_STEP_TOKENS) * CACHE_STEP_TOKENS;
}

function rememberPrompt(state: MockState, accepted: Accepted): void {
  const prompts = state.cache.get(accepted.target) ?? [];
  prompts.push(accepted.promptTokens);
  state.cache.set(accepted.target, prompts);
}

/** A script that throws becomes a 500 the test can see, not a crashed server. */
async function runScript(script: Script, record: RecordedRequest): Promise<MockReply> {
  try {
    return await script(record);
  } catch (error) {
    return { kind: 'error', status: 500, message: `mock script threw: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function sendReply(res: ServerResponse, accepted: Accepted, reply: MockReply): void {
  const { record } = accepted;
  switch (reply.kind) {
    case 'answer':
      if (accepted.stream) sendStream(res, accepted, fitAnswer(reply, accepted.maxCompletionTokens));
      else sendJson(res, record, 200, completionBody(accepted, fitAnswer(reply, accepted.maxCompletionTokens)));
      return;
    case 'error':
      sendScriptedError(res, record, reply);
      return;
    case 'rateLimited':
      sendRateLimited(res, record, reply);
      return;
    case 'contentFilter':
      sendJson(res, record, 400, contentFilterBody());
      return;
    case 'drop':
      res.socket?.destroy();
      return;
    case 'hang':
      return; // close() or the client's abort ends the socket
    case 'dropMidStream':
      dropMidStream(res, accepted);
      return;
  }
}

interface FittedAnswer {
  content: string | null;
  refusal: string | null;
  finishReason: 'stop' | 'length' | 'content_filter';
  completionTokens: number;
}

/** Applies max_(completion_)tokens like the model: cut the text and finish with `length`. */
function fitAnswer(reply: AnswerReply, maxTokens: number | null): FittedAnswer {
  const text = reply.content ?? reply.refusal ?? '';
  const tokens = encode(text, NO_SPECIAL_TOKENS);
  const truncate = reply.finishReason === undefined && maxTokens !== null && tokens.length > maxTokens;
  if (!truncate) {
    return {
      content: reply.content,
      refusal: reply.refusal ?? null,
      finishReason: reply.finishReason ?? 'stop',
      completionTokens: reply.completionTokens ?? tokens.length,
    };
  }
  const cut = decode(tokens.slice(0, maxTokens));
  return {
    content: reply.content === null ? null : cut,
    refusal: reply.content === null && reply.refusal !== undefined ? cut : (reply.refusal ?? null),
    finishReason: 'length',
    completionTokens: reply.completionTokens ?? maxTokens,
  };
}

function completionBody(accepted: Accepted, answer: FittedAnswer): object {
  const azure = accepted.record.flavor === 'azure';
  const choice = {
    ...(azure ? { content_filter_results: completionFilterResults(answer.finishReason === 'content_filter') } : {}),
    finish_reason: answer.finishReason,
    index: 0,
    logprobs: null,
    message: { annotations: [], content: answer.content, refusal: answer.refusal, role: 'assistant' },
  };
  return {
    choices: [choice],
    created: nowSeconds(),
    id: completionId(),
    model: modelName(accepted.record),
    object: 'chat.completion',
    ...(azure ? { prompt_filter_results: promptFilterResults() } : { service_tier: 'default' }),
    system_fingerprint: SYSTEM_FINGERPRINT,
    usage: usageOf(accepted, answer.completionTokens),
  };
}

function usageOf(accepted: Accepted, completionTokens: number): object {
  return {
    completion_tokens: completionTokens,
    completion_tokens_details: { accepted_prediction_tokens: 0, audio_tokens: 0, reasoning_tokens: 0, rejected_prediction_tokens: 0 },
    prompt_tokens: accepted.record.promptTokens,
    prompt_tokens_details: { audio_tokens: 0, cached_tokens: accepted.record.cachedTokens },
    total_tokens: accepted.record.promptTokens + completionTokens,
  };
}

/** The deployment (azure) or requested model (openai) names the answering model. */
function modelName(record: RecordedRequest): string {
  return record.deployment ?? String(record.body?.model ?? '');
}

function sendStream(res: ServerResponse, accepted: Accepted, answer: FittedAnswer): void {
  const events = streamChunks(accepted, answer).map(sseEvent);
  res.writeHead(200, { ...baseHeaders(accepted.record), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.end(`${events.join('')}data: [DONE]\n\n`);
}

/** Azure's chunk sequence: prompt filter, role, content pieces, finish, then usage when asked. */
function streamChunks(accepted: Accepted, answer: FittedAnswer): object[] {
  const azure = accepted.record.flavor === 'azure';
  const frame = chunkFrame(accepted);
  const chunks: object[] = [];
  if (azure) chunks.push({ choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: promptFilterResults() });
  chunks.push(frame(streamChoice(azure, { content: '', refusal: null, role: 'assistant' }, null, {})));
  const field = answer.content === null && answer.refusal !== null ? 'refusal' : 'content';
  for (const piece of splitText(answer[field] ?? '')) {
    chunks.push(frame(streamChoice(azure, { [field]: piece }, null, contentFilterCategories())));
  }
  chunks.push(frame(streamChoice(azure, {}, answer.finishReason, {})));
  if (accepted.includeUsage) chunks.push({ ...frame(null), usage: usageOf(accepted, answer.completionTokens) });
  return chunks;
}

/** Wraps a choice in the fields every chunk repeats; `usage: null` rides along when usage was asked for. */
function chunkFrame(accepted: Accepted): (choice: object | null) => object {
  const shared = { created: nowSeconds(), id: completionId(), model: modelName(accepted.record), object: 'chat.completion.chunk', system_fingerprint: SYSTEM_FINGERPRINT };
  return (choice) => ({ choices: choice ? [choice] : [], ...shared, ...(accepted.includeUsage ? { usage: null } : {}) });
}

function streamChoice(azure: boolean, delta: object, finishReason: string | null, filterResults: object): object {
  return { ...(azure ? { content_filter_results: filterResults } : {}), delta, finish_reason: finishReason, index: 0, logprobs: null };
}

function splitText(text: string): string[] {
  const characters = Array.from(text);
  const pieces: string[] = [];
  for (let start = 0; start < characters.length; start += STREAM_PIECE_CHARS) {
    pieces.push(characters.slice(start, start + STREAM_PIECE_CHARS).join(''));
  }
  return pieces;
}

function sseEvent(chunk: object): string {
  return `data: ${JSON.stringify(chunk)}\n\n`;
}

/** Headers and the opening of a reply reach the client, then the connection dies. */
function dropMidStream(res: ServerResponse, accepted: Accepted): void {
  if (!accepted.stream) {
    res.writeHead(200, { ...baseHeaders(accepted.record), 'content-type': 'application/json' });
    res.write('{"choices":[{"content_filter_results":', () => res.socket?.destroy());
    return;
  }
  const partial: FittedAnswer = { content: DROPPED_STREAM_TEXT, refusal: null, finishReason: 'stop', completionTokens: 0 };
  const opening = streamChunks({ ...accepted, includeUsage: false }, partial).slice(0, -1); // no finish chunk
  res.writeHead(200, { ...baseHeaders(accepted.record), 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' });
  res.write(opening.map(sseEvent).join(''), () => res.socket?.destroy());
}

function sendScriptedError(res: ServerResponse, record: RecordedRequest, reply: Extract<MockReply, { kind: 'error' }>): void {
  const body =
    reply.rawBody ??
    JSON.stringify({
      error: {
        code: reply.code ?? String(reply.status),
        message: reply.message ?? `Mock error ${reply.status}`,
        param: null,
        type: reply.type ?? null,
        ...(reply.innererror !== undefined ? { innererror: reply.innererror } : {}),
      },
    });
  res.writeHead(reply.status, { ...baseHeaders(record), 'content-type': 'application/json', ...reply.headers });
  res.end(body);
}

function sendRateLimited(res: ServerResponse, record: RecordedRequest, reply: Extract<MockReply, { kind: 'rateLimited' }>): void {
  const seconds = reply.retryAfterSeconds ?? (reply.retryAfterMs !== undefined ? Math.ceil(reply.retryAfterMs / 1000) : 1);
  const headers: Record<string, string> = { 'x-ratelimit-remaining-requests': '0', 'x-ratelimit-remaining-tokens': '0' };
  if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
  if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
  sendJson(res, record, 429, rateLimitBody(record, seconds), headers);
}

function rateLimitBody(record: RecordedRequest, seconds: number): object {
  if (record.flavor === 'openai') {
    const message = `Rate limit reached for ${modelName(record)} in organization org-mock on tokens per min (TPM): Limit 30000, Used 30000, Requested ${record.promptTokens}. Please try again in ${seconds}s. Visit https://platform.openai.com/account/rate-limits to learn more.`;
    return openaiError(message, 'tokens', null, 'rate_limit_exceeded');
  }
  const message = `Requests to the ChatCompletions_Create Operation under Azure OpenAI API version ${record.apiVersion} have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after ${seconds} seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.`;
  return { error: { code: '429', message } };
}

/** Azure's prompt-filter rejection; it names a jailbreak, the filter a reviewed document most often trips. */
function contentFilterBody(): object {
  const safe = { filtered: false, severity: 'safe' };
  return {
    error: {
      message: CONTENT_FILTER_MESSAGE,
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: { hate: safe, jailbreak: { filtered: true, detected: true }, self_harm: safe, sexual: safe, violence: safe },
      },
    },
  };
}

function contentFilterCategories(): object {
  const safe = { filtered: false, severity: 'safe' };
  return { hate: safe, self_harm: safe, sexual: safe, violence: safe };
}

function completionFilterResults(filtered: boolean): object {
  return {
    ...contentFilterCategories(),
    protected_material_code: { filtered: false, detected: false },
    protected_material_text: { filtered: false, detected: false },
    ...(filtered ? { violence: { filtered: true, severity: 'medium' } } : {}),
  };
}

function promptFilterResults(): object[] {
  return [{ prompt_index: 0, content_filter_results: { ...contentFilterCategories(), jailbreak: { filtered: false, detected: false } } }];
}

function openaiError(message: string, type: string, param: string | null, code: string | null): object {
  return { error: { message, type, param, code } };
}

function badRequest(message: string, param: string | null, code: string | null): Rejection {
  return { status: 400, body: openaiError(message, 'invalid_request_error', param, code) };
}

/** Request ids echo the client's when it sent one; Azure adds its gateway id and region. */
function baseHeaders(record: RecordedRequest): Record<string, string> {
  const headers: Record<string, string> = { 'x-request-id': record.headers['x-request-id'] ?? randomUUID() };
  if (record.headers['x-ms-client-request-id']) headers['x-ms-client-request-id'] = record.headers['x-ms-client-request-id'];
  if (record.flavor === 'openai') return { ...headers, 'openai-processing-ms': '1', 'openai-version': '2020-10-01' };
  return {
    ...headers,
    'apim-request-id': record.headers['apim-request-id'] ?? randomUUID(),
    'x-ms-region': AZURE_REGION,
    'x-ratelimit-remaining-requests': '99',
    'x-ratelimit-remaining-tokens': '99000',
  };
}

function sendJson(res: ServerResponse, record: RecordedRequest, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...baseHeaders(record), 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A bug in the mock itself surfaces as a 500 rather than an unhandled rejection. */
function failInternally(res: ServerResponse, error: unknown): void {
  if (res.headersSent) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(500, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { code: '500', message: `mock server error: ${error instanceof Error ? error.message : String(error)}` } }));
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}

function completionId(): string {
  return `chatcmpl-${randomBytes(22).toString('base64url').slice(0, 29)}`;
}
