import type OpenAI from 'openai';
import type { ModelCard } from '../card/types';
import { GATES, type Gate } from '../gates';
import { reviewCard } from '../review/reviewCard';
import { recommendationOf } from '../review/status';
import { executiveSummary } from '../review/summary';
import type { GateReview, ModelReviewReport, Review, TokenUsage } from '../review/types';
import { BRIEF_CONTRACT, FORMATTER_CONTRACT, GATE_ANSWER_CONTRACT, type Brief } from './answerSchemas';
import { callAgent, type AgentCall, type AgentEnvironment, type AgentOutcome } from './callAgent';
import type { AgentFailure } from './failures';
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


/** What one review's agents share: the client, the card's quote locator, and the running report. */
interface ChainRun {
  card: ModelCard;
  checks: Review;
  environment: AgentEnvironment;
  locator: QuoteLocator;
  report: ModelReviewReport;
  options: ModelReviewOptions;
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
  const run: ChainRun = {
    card,
    checks,
    environment: { client: options.client ?? createModelClient(config), config, signal: options.signal, log: options.log, sleep: options.sleep },
    locator: new QuoteLocator(card),
    report: { provider: config.provider, target: describeTarget(config), gatesReviewed: 0, cancelled: false, stoppedBecause: null, brief: null, rationale: null, steps: [], elapsedMs: 0, usage: zeroUsage() },
    options,
  };
  const { report } = run;
  options.log?.(`Model review of ${card.path} with ${report.target}: dispatcher, 7 gates, formatter.`);

  const dispatched = await runStep(run, 'dispatcher', { name: 'dispatcher', messages: dispatcherMessages(card, checks.gates), contract: BRIEF_CONTRACT });
  const brief: Brief | null = dispatched.ok ? dispatched.answer : null;
  report.brief = brief ? { ...brief } : null;

  const gates: GateReview[] = [];
  for (const [index, gate] of GATES.entries()) {
    gates.push(await reviewGateWithAgent(run, gate, checks.gates[index], brief, gates));
    options.onEvent?.({ kind: 'gate-done', gate: gates[index] });
  }

  const recommendation = recommendationOf(gates.map((gate) => gate.status));
  let summary = executiveSummary({ title: card.title ?? card.path, recommendation, gates, maturity: checks.maturity, cardNotices: checks.cardFindings.length });
  if (report.stoppedBecause === null && report.gatesReviewed > 0) {
    const formatted = await runStep(run, 'formatter', { name: 'formatter', messages: formatterMessages(card, brief, checks.gates, gates, recommendation), contract: FORMATTER_CONTRACT });
    if (formatted.ok) {
      summary = formatted.answer.executiveSummary.trim() || summary;
      report.rationale = formatted.answer.rationale.trim() || null;
    }
  }
  report.elapsedMs = Math.round(performance.now() - started);
  options.log?.(`Model review done: ${report.gatesReviewed}/7 gates reviewed by the model, ${report.usage.promptTokens} prompt tokens (${report.usage.cachedTokens} cached), ${report.usage.completionTokens} completion tokens, ${report.elapsedMs} ms.`);
  return { ...checks, mode: config.provider, recommendation, executiveSummary: summary, gates, elapsedMs: Math.round((performance.now() - started) * 1000) / 1000, modelReview: report };
}

/** The dispatcher or the formatter: asked once (with its retries), recorded as a step of the report. */
async function runStep<T>(run: ChainRun, step: 'dispatcher' | 'formatter', call: AgentCall<T>): Promise<AgentOutcome<T>> {
  run.options.onEvent?.({ kind: 'step-start', step });
  const outcome = await callAgent(run.environment, call);
  addUsage(run.report.usage, outcome.usage);
  run.report.steps.push({ name: step, ok: outcome.ok, reason: outcome.ok ? null : outcome.failure.message, elapsedMs: outcome.elapsedMs, usage: outcome.usage });
  run.options.onEvent?.({ kind: 'step-done', step, ok: outcome.ok });
  if (!outcome.ok && outcome.failure.endsChain) stopChain(run, outcome.failure);
  return outcome;
}

/** One gate: the agent's grounded review, or the checks' result with the reason the agent gave none. */
async function reviewGateWithAgent(run: ChainRun, gate: Gate, fromChecks: GateReview, brief: Brief | null, earlier: readonly GateReview[]): Promise<GateReview> {
  const { report } = run;
  if (report.stoppedBecause !== null) return fallback(fromChecks, report.cancelled ? 'Cancelled before the model reviewed this gate.' : `Not sent: ${report.stoppedBecause}`, 0, 0, zeroUsage());
  run.options.onEvent?.({ kind: 'gate-start', gate });
  const outcome = await callAgent(run.environment, { name: `gate ${gate.number}`, messages: gateMessages(run.card, brief, run.checks.gates, gate, earlier), contract: GATE_ANSWER_CONTRACT });
  addUsage(report.usage, outcome.usage);
  if (!outcome.ok) {
    run.options.log?.(`gate ${gate.number}: kept the deterministic result: ${outcome.failure.message}`);
    if (outcome.failure.endsChain) stopChain(run, outcome.failure);
    return fallback(fromChecks, outcome.failure.kind === 'cancelled' ? 'Cancelled while the model was reviewing this gate.' : outcome.failure.message, outcome.elapsedMs, outcome.attempts, outcome.usage);
  }
  const { review } = groundGate(gate, fromChecks, outcome.answer, run.locator);
  review.agent = { reviewed: true, fallbackReason: null, statusFromChecks: fromChecks.status, statusFromModel: outcome.answer.status, summary: outcome.answer.summary, elapsedMs: outcome.elapsedMs, attempts: outcome.attempts, usage: outcome.usage };
  report.gatesReviewed++;
  return review;
}

/** Later requests would fail the same way (credentials, deployment, context window) or were cancelled: ask no more. */
function stopChain(run: ChainRun, failure: AgentFailure): void {
  const { report, options } = run;
  const cancelled = failure.kind === 'cancelled';
  if (report.stoppedBecause === null) options.log?.(cancelled ? 'Model review cancelled; the gates already reviewed are kept.' : `Model review stopped: ${failure.message} The remaining gates keep their deterministic results.`);
  report.stoppedBecause ??= failure.message;
  report.cancelled ||= cancelled;
}

function fallback(fromChecks: GateReview, reason: string, elapsedMs: number, attempts: number, usage: TokenUsage): GateReview {
  return { ...fromChecks, agent: { reviewed: false, fallbackReason: reason, statusFromChecks: fromChecks.status, statusFromModel: null, summary: null, elapsedMs, attempts, usage } };
}
