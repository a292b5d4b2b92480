import type OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming, ChatCompletionCreateParamsStreaming } from 'openai/resources/chat/completions';
import type { TokenUsage } from '../review/types';
import { describeErrors, type AnswerContract } from './answerSchemas';
import type { ModelReviewerConfig } from './config';
import { CANCELLED, classifyError, type AgentFailure } from './failures';
import { correctionMessages, type ChatMessage } from './prompts';
import { addUsage, zeroUsage } from './usage';

export interface AgentCall<T> {
  /** For logs and progress: "dispatcher", "gate 3", "formatter". */
  name: string;
  messages: ChatMessage[];
  contract: AnswerContract<T>;
}

export type AgentOutcome<T> =
  | { ok: true; answer: T; raw: string; attempts: number; elapsedMs: number; usage: TokenUsage }
  | { ok: false; failure: AgentFailure; attempts: number; elapsedMs: number; usage: TokenUsage };

export interface AgentEnvironment {
  client: OpenAI;
  config: ModelReviewerConfig;
  signal?: AbortSignal;
  log?: (message: string) => void;
  /** Injectable for tests; resolves early (rejecting) when the signal aborts. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

interface Completion {
  content: string | null;
  finishReason: string | null;
  refusal: string | null;
  usage: TokenUsage;
}

/**
 * One agent: ask, retry what is worth retrying (429 after its retry-after, 5xx, timeouts and
 * dropped connections with backoff), and ask once more when the answer does not validate.
 */
export async function callAgent<T>(environment: AgentEnvironment, call: AgentCall<T>): Promise<AgentOutcome<T>> {
  const started = performance.now();
  const usage = zeroUsage();
  let attempts = 0;
  let messages = call.messages;
  let corrected = false;
  const finish = (outcome: { ok: true; answer: T; raw: string } | { ok: false; failure: AgentFailure }): AgentOutcome<T> => ({ ...outcome, attempts, elapsedMs: Math.round(performance.now() - started), usage });

  for (let retry = 0; ; ) {
    attempts++;
    let completion: Completion;
    try {
      completion = await complete(environment, call, messages);
    } catch (error) {
      const failure = classifyError(error);
      if (failure.kind === 'cancelled' || environment.signal?.aborted) return finish({ ok: false, failure: CANCELLED });
      const wait = failure.retryable && retry < environment.config.maxRetries ? waitBefore(environment.config, failure, retry) : null;
      if (wait === null) return finish({ ok: false, failure: exhausted(failure, retry, environment.config) });
      environment.log?.(`${call.name}: ${failure.message} Retrying in ${Math.round(wait)} ms (attempt ${attempts + 1}).`);
      retry++;
      try {
        await (environment.sleep ?? sleep)(wait, environment.signal);
      } catch {
        return finish({ ok: false, failure: CANCELLED });
      }
      continue;
    }
    addUsage(usage, completion.usage);
    const problem = answerProblem(completion);
    if (problem) return finish({ ok: false, failure: problem });
    const checked = parseAnswer(call.contract, completion.content ?? '');
    if (checked.ok) return finish({ ok: true, answer: checked.answer, raw: completion.content ?? '' });
    if (corrected) return finish({ ok: false, failure: { kind: 'invalid-answer', message: `The answer did not match the schema twice (${checked.problem}).`, retryable: false, endsChain: false } });
    environment.log?.(`${call.name}: answer rejected (${checked.problem}); asking once more.`);
    messages = correctionMessages(call.messages, completion.content ?? '', checked.problem);
    corrected = true;
  }
}

async function complete<T>(environment: AgentEnvironment, call: AgentCall<T>, messages: ChatMessage[]): Promise<Completion> {
  const { client, config, signal } = environment;
  const params = {
    model: config.model,
    messages,
    temperature: config.temperature,
    // Azure's current name for the output cap; local OpenAI-compatible servers know the older one.
    ...(config.provider === 'azure' ? { max_completion_tokens: config.maxOutputTokens } : { max_tokens: config.maxOutputTokens }),
    response_format: { type: 'json_schema' as const, json_schema: { name: call.contract.name, strict: true, schema: call.contract.schema as Record<string, unknown> } },
  };
  if (!config.stream) {
    const response = await client.chat.completions.create(params as ChatCompletionCreateParamsNonStreaming, { signal });
    const choice = response.choices[0];
    return { content: choice?.message?.content ?? null, finishReason: choice?.finish_reason ?? null, refusal: choice?.message?.refusal ?? null, usage: usageOf(response.usage) };
  }
  const stream = await client.chat.completions.create({ ...params, stream: true, stream_options: { include_usage: true } } as ChatCompletionCreateParamsStreaming, { signal });
  let content = '';
  let refusal = '';
  let finishReason: string | null = null;
  let usage = zeroUsage();
  for await (const chunk of stream) {
    const choice = chunk.choices[0];
    if (choice?.delta?.content) content += choice.delta.content;
    if (choice?.delta?.refusal) refusal += choice.delta.refusal;
    if (choice?.finish_reason) finishReason = choice.finish_reason;
    if (chunk.usage) usage = usageOf(chunk.usage);
  }
  return { content, finishReason, refusal: refusal || null, usage };
}

function answerProblem(completion: Completion): AgentFailure | null {
  if (completion.finishReason === 'content_filter') return { kind: 'content-filter', message: 'Azure content filtering withheld the answer (finish_reason content_filter).', retryable: false, endsChain: false };
  if (completion.refusal) return { kind: 'refused', message: `The model refused: ${completion.refusal.slice(0, 200)}`, retryable: false, endsChain: false };
  if (completion.finishReason === 'length') return { kind: 'truncated', message: 'The answer was cut off at the output token limit; raise max output tokens.', retryable: false, endsChain: false };
  return null;
}

function parseAnswer<T>(contract: AnswerContract<T>, content: string): { ok: true; answer: T } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch (error) {
    return { ok: false, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (!contract.validate(value)) return { ok: false, problem: describeErrors(contract.validate) };
  return { ok: true, answer: value };
}

/** How long to wait before the next attempt, or null when the wait is longer than the cap allows. */
function waitBefore(config: ModelReviewerConfig, failure: AgentFailure, retry: number): number | null {
  if (failure.retryAfterMs !== undefined) return failure.retryAfterMs <= config.retryAfterCapMs ? failure.retryAfterMs : null;
  const backoff = config.retryBaseMs * 2 ** retry;
  return Math.min(backoff + Math.random() * config.retryBaseMs * 0.25, config.retryAfterCapMs);
}

function exhausted(failure: AgentFailure, retries: number, config: ModelReviewerConfig): AgentFailure {
  if (failure.retryAfterMs !== undefined && failure.retryAfterMs > config.retryAfterCapMs) {
    return { ...failure, message: `${failure.message} The service asked to wait ${Math.ceil(failure.retryAfterMs / 1000)} s, longer than the ${Math.round(config.retryAfterCapMs / 1000)} s cap.` };
  }
  return retries > 0 ? { ...failure, message: `${failure.message} Gave up after ${retries + 1} attempts.` } : failure;
}

function usageOf(usage: { prompt_tokens?: number; completion_tokens?: number; prompt_tokens_details?: { cached_tokens?: number } | null } | null | undefined): TokenUsage {
  return { promptTokens: usage?.prompt_tokens ?? 0, cachedTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0, completionTokens: usage?.completion_tokens ?? 0 };
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new DOMException('aborted', 'AbortError'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
