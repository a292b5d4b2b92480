import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

export type FailureKind =
  | 'cancelled'
  | 'auth'
  | 'not-found'
  | 'rate-limited'
  | 'server'
  | 'timeout'
  | 'connection'
  | 'content-filter'
  | 'context-length'
  | 'bad-request'
  | 'invalid-answer'
  | 'truncated'
  | 'refused';

/** Why an agent got no usable answer, in words a reviewer can act on (never a key or token). */
export interface AgentFailure {
  kind: FailureKind;
  message: string;
  /** Worth another attempt (with backoff, or after retry-after). */
  retryable: boolean;
  /** The same request would fail for every later agent too, so the chain stops asking. */
  endsChain: boolean;
  /** From retry-after-ms / retry-after, for 429s (and 503s that send it). */
  retryAfterMs?: number;
  status?: number;
}

export const CANCELLED: AgentFailure = { kind: 'cancelled', message: 'Cancelled.', retryable: false, endsChain: true };

/** Maps an SDK (or credential) error to what the chain does next. */
export function classifyError(error: unknown, now = Date.now()): AgentFailure {
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === 'AbortError')) return CANCELLED;
  if (error instanceof APIConnectionTimeoutError) return failure('timeout', 'The request timed out.', true, false);
  if (error instanceof APIConnectionError) return failure('connection', `The connection failed (${causeOf(error)}).`, true, false);
  if (error instanceof APIError && typeof error.status === 'number') return classifyStatus(error, now);
  // The SDK wraps a failing token provider in an OpenAIError whose cause is @azure/identity's error.
  if (isCredentialError(error) || (error instanceof Error && isCredentialError(error.cause))) {
    return failure('auth', 'Microsoft Entra ID sign-in failed: sign in with `az login` (or set up a managed identity / AZURE_CLIENT_ID for a service principal), and make sure the identity has the "Cognitive Services OpenAI User" role on the resource.', false, true);
  }
  return failure('connection', `The request failed: ${error instanceof Error ? error.message : String(error)}`, true, false);
}

function classifyStatus(error: APIError, now: number): AgentFailure {
  const status = error.status as number;
  const code = error.code ?? innerCode(error.error);
  if (status === 401) return { ...failure('auth', 'The service rejected the credentials (401): check the API key, or the Entra ID sign-in and its role on the resource.', false, true), status };
  if (status === 403) return { ...failure('auth', 'Access denied (403): the identity lacks a role such as "Cognitive Services OpenAI User" on the resource, or network rules block this machine.', false, true), status };
  if (status === 404) return { ...failure('not-found', 'Not found (404): check the endpoint, the deployment (or model) name and the API version.', false, true), status };
  if (status === 429) return { ...failure('rate-limited', 'Rate limited (429).', true, false), status, retryAfterMs: retryAfterMs(error.headers, now) };
  if (code === 'content_filter') return { ...failure('content-filter', 'Azure content filtering refused the request (content_filter); the card text triggered a filter category.', false, false), status };
  if (code === 'context_length_exceeded') return { ...failure('context-length', 'The card and findings exceed the model context window (context_length_exceeded); use a deployment with a larger context or shorten the card.', false, true), status };
  if (status === 408 || status === 409 || status >= 500) return { ...failure('server', `The service failed (${status}).`, true, false), status, retryAfterMs: retryAfterMs(error.headers, now) };
  return { ...failure('bad-request', `The service rejected the request (${status}${code ? ` ${code}` : ''}).`, false, true), status };
}

function isCredentialError(error: unknown): boolean {
  return error instanceof Error && /CredentialUnavailableError|AuthenticationRequiredError|AuthenticationError|AggregateAuthenticationError/.test(error.name);
}

function failure(kind: FailureKind, message: string, retryable: boolean, endsChain: boolean): AgentFailure {
  return { kind, message, retryable, endsChain };
}

function innerCode(body: unknown): string | undefined {
  if (body && typeof body === 'object' && 'code' in body && typeof (body as { code: unknown }).code === 'string') return (body as { code: string }).code;
  return undefined;
}

function causeOf(error: APIConnectionError): string {
  const cause = (error as { cause?: unknown }).cause;
  const code = cause && typeof cause === 'object' && 'code' in cause ? String((cause as { code: unknown }).code) : '';
  return code || 'no response';
}

/** retry-after-ms (Azure) first, then retry-after in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number.parseFloat(headers.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const after = headers.get('retry-after');
  if (!after) return undefined;
  const seconds = Number.parseFloat(after);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(after);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}
