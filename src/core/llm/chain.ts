import type OpenAI from 'openai';
import type { ModelCard } from '../card/types';
import { GATES, type Gate } from '../gates';
import { reviewCard } from '../review/reviewCard';
import { recommendationOf } from '../review/status';
import { executiveSummary } from '../review/summary';
import type { GateReview, ModelReviewReport, Review, TokenUsage } from '../review/types';
import { BRIEF_CONTRACT, FORMATTER_CONTRACT, GATE_ANSWER_CONTRACT, type Brief } from './answerSchemas';
import { callAgent, type AgentEnvironment, type AgentOutcome } from './callAgent';
import { createModelClient } from './client';
import { configProblems, describeTarget, ReviewerConfigError, type ModelReviewerConfig } from './config';
import { groundGate } from './grounding';
import { dispatcherMessages, formatterMessages, gateMessages } from './prompts';
import { QuoteLocator } from './quoteLocator';
import { addUsage, zeroUsage } from './usage';

export type ChainEvent =
  | { kind: 'step-start'; step: 'dispatcher' | 'formatter' }
  | { kind: 'step-done'; step: 'dispatcher' | 'formatter'; ok: boolean }
  | { kind: 'gate-start'; gate: Gate }
  | { kind: 'gate-done'; gate: GateReview };

export interface ModelReviewOptions {
  config: ModelReviewerConfig;
  /** Injectable for tests; by default built from the config. */
  client?: OpenAI;
  now?: Date;
  /** Cancels the in-flight request; gates already reviewed keep their review. */
  signal?: AbortSignal;
  log?: (message: string) => void;
  onEvent?: (event: ChainEvent) => void;
  sleep?: AgentEnvironment['sleep'];
}


/**
 * Dispatcher → Gate 1 … Gate 7 → Formatter, on top of the deterministic review. Whatever fails,
 * the result has all seven gates, and each says whether the model reviewed it and, if not, why.
 */
export async function reviewCardWithModel(card: ModelCard, options: ModelReviewOptions): Promise<Review> {
  const started = performance.now();
  const { config } = options;
  const problems = configProblems(config);
  if (problems.length > 0) throw new ReviewerConfigError(problems);
  const checks = reviewCard(card, { now: options.now });
  const environment: AgentEnvironment = { client: options.client ?? createModelClient(config), config, signal: options.signal, log: options.log, sleep: options.sleep };
  const locator = new QuoteLocator(card);
  const report: ModelReviewReport = { provider: config.provider, target: describeTarget(config), gatesReviewed: 0, cancelled: false, stoppedBecause: null, brief: null, rationale: null, steps: [], elapsedMs: 0, usage: zeroUsage() };
  options.log?.(`Model review of ${card.path} with ${report.target}: dispatcher, 7 gates, formatter.`);

  const stop = (reason: string, cancelled: boolean) => {
    if (report.stoppedBecause === null) options.log?.(cancelled ? 'Model review cancelled; the gates already reviewed are kept.' : `Model review stopped: ${reason} The remaining gates keep their deterministic results.`);
    report.stoppedBecause ??= reason;
    report.cancelled ||= cancelled;
  };
  const account = (outcome: AgentOutcome<unknown>) => addUsage(report.usage, outcome.usage);

  options.onEvent?.({ kind: 'step-start', step: 'dispatcher' });
  const dispatched = await callAgent(environment, { name: 'dispatcher', messages: dispatcherMessages(card, checks.gates), contract: BRIEF_CONTRACT });
  account(dispatched);
  report.steps.push({ name: 'dispatcher', ok: dispatched.ok, reason: dispatched.ok ? null : dispatched.failure.message, elapsedMs: dispatched.elapsedMs, usage: dispatched.usage });
  options.onEvent?.({ kind: 'step-done', step: 'dispatcher', ok: dispatched.ok });
  const brief: Brief | null = dispatched.ok ? dispatched.answer : null;
  report.brief = brief ? { ...brief } : null;
  if (!dispatched.ok && dispatched.failure.endsChain) stop(dispatched.failure.message, dispatched.failure.kind === 'cancelled');

  const gates: GateReview[] = [];
  for (const [index, gate] of GATES.entries()) {
    const fromChecks = checks.gates[index];
    if (report.stoppedBecause !== null) {
      gates.push(fallback(fromChecks, report.cancelled ? 'Cancelled before the model reviewed this gate.' : `Not sent: ${report.stoppedBecause}`, 0, 0, zeroUsage()));
      options.onEvent?.({ kind: 'gate-done', gate: gates[index] });
      continue;
    }
    options.onEvent?.({ kind: 'gate-start', gate });
    const outcome = await callAgent(environment, { name: `gate ${gate.number}`, messages: gateMessages(card, brief, checks.gates, gate, gates), contract: GATE_ANSWER_CONTRACT });
    account(outcome);
    if (outcome.ok) {
      const { review } = groundGate(gate, fromChecks, outcome.answer, locator);
      review.agent = { reviewed: true, fallbackReason: null, statusFromChecks: fromChecks.status, statusFromModel: outcome.answer.status, summary: outcome.answer.summary, elapsedMs: outcome.elapsedMs, attempts: outcome.attempts, usage: outcome.usage };
      gates.push(review);
      report.gatesReviewed++;
    } else {
      options.log?.(`gate ${gate.number}: kept the deterministic result: ${outcome.failure.message}`);
      gates.push(fallback(fromChecks, outcome.failure.kind === 'cancelled' ? 'Cancelled while the model was reviewing this gate.' : outcome.failure.message, outcome.elapsedMs, outcome.attempts, outcome.usage));
      if (outcome.failure.endsChain) stop(outcome.failure.message, outcome.failure.kind === 'cancelled');
    }
    options.onEvent?.({ kind: 'gate-done', gate: gates[index] });
  }

  const recommendation = recommendationOf(gates.map((gate) => gate.status));
  let summary = executiveSummary({ title: card.title ?? card.path, recommendation, gates, maturity: checks.maturity, cardNotices: checks.cardFindings.length });
  if (report.stoppedBecause === null && report.gatesReviewed > 0) {
    options.onEvent?.({ kind: 'step-start', step: 'formatter' });
    const formatted = await callAgent(environment, { name: 'formatter', messages: formatterMessages(card, brief, checks.gates, gates, recommendation), contract: FORMATTER_CONTRACT });
    account(formatted);
    report.steps.push({ name: 'formatter', ok: formatted.ok, reason: formatted.ok ? null : formatted.failure.message, elapsedMs: formatted.elapsedMs, usage: formatted.usage });
    options.onEvent?.({ kind: 'step-done', step: 'formatter', ok: formatted.ok });
    if (formatted.ok) {
      summary = formatted.answer.executiveSummary.trim() || summary;
      report.rationale = formatted.answer.rationale.trim() || null;
    } else if (formatted.failure.kind === 'cancelled') stop('Cancelled.', true);
  }
  report.elapsedMs = Math.round(performance.now() - started);
  options.log?.(`Model review done: ${report.gatesReviewed}/7 gates reviewed by the model, ${report.usage.promptTokens} prompt tokens (${report.usage.cachedTokens} cached), ${report.usage.completionTokens} completion tokens, ${report.elapsedMs} ms.`);
  return { ...checks, mode: config.provider, recommendation, executiveSummary: summary, gates, elapsedMs: Math.round((performance.now() - started) * 1000) / 1000, modelReview: report };
}

function fallback(fromChecks: GateReview, reason: string, elapsedMs: number, attempts: number, usage: TokenUsage): GateReview {
  return { ...fromChecks, agent: { reviewed: false, fallbackReason: reason, statusFromChecks: fromChecks.status, statusFromModel: null, summary: null, elapsedMs, attempts, usage } };
}
