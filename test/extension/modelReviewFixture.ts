/** A real model review for the extension's tests: the core chain against the local Azure OpenAI server, with scripted answers. */
import { reviewCardWithModel, REVIEWER_DEFAULTS, type ModelReviewerConfig } from '../../src/core/llm';
import type { ModelCard } from '../../src/core/card/types';
import type { Review } from '../../src/core/review/types';
import { startMockAzureOpenAI, type MockReply } from '../support/mockAzureOpenAI';
import { cardOf, quotableLine, scriptedAnswer, type ChatRequestBody, type ScriptedGate } from '../support/reviewerScript';
import { FIXED_NOW } from '../support/cards';

export const UNVERIFIED_TITLE = 'The card claims an external audit it does not document.';
export const UNVERIFIED_QUOTE = 'The model was audited by three independent firms in 2025.';
export const VERIFIED_TITLE = 'The quoted feature description does not say how leakage was ruled out.';

/** Scripted answers; gate 3 adds a grounded warning (a real line of the card) and a warning quoting text the card does not contain. */
export function answerWithQuotes(body: ChatRequestBody): MockReply {
  return { kind: 'answer', content: scriptedAnswer(body, gateThreeWithQuotes(cardOf(body))) };
}

export function gateThreeWithQuotes(cardText: string): Record<number, ScriptedGate> {
  return {
    3: {
      status: 'Conditional',
      findings: [
        { title: VERIFIED_TITLE, severity: 'warning', quote: quotableLine(cardText, 3), recommendation: 'State the leakage checks run on the feature pipeline.' },
        { title: UNVERIFIED_TITLE, severity: 'warning', quote: UNVERIFIED_QUOTE, recommendation: 'Attach the audit reports.' },
      ],
    },
  };
}

export function azureConfig(endpoint: string, apiKey: string): ModelReviewerConfig {
  return { ...REVIEWER_DEFAULTS, provider: 'azure', endpoint, model: 'gpt-4o', apiVersion: REVIEWER_DEFAULTS.apiVersion, auth: { kind: 'key', apiKey }, retryBaseMs: 1 };
}

/** Reviews the card through dispatcher → 7 gates → formatter against a mock that answers with `reply` (scripted answers by default). */
export async function modelReviewOf(card: ModelCard, reply?: (body: ChatRequestBody) => MockReply): Promise<Review> {
  const mock = await startMockAzureOpenAI({ script: (request) => (reply ?? answerWithQuotes)(request.body) });
  try {
    return await reviewCardWithModel(card, { config: azureConfig(mock.azureEndpoint, mock.apiKey), now: FIXED_NOW });
  } finally {
    await mock.close();
  }
}
