/**
 * The one message protocol between the extension host and the Gate Review webview.
 * Both sides import these types; the host validates what the webview sends, since a webview is untrusted.
 */
import type { Review } from '../core/review/types';

export const GATE_REVIEW_VIEW_TYPE = 'modelReadiness.gateReview';

/** What the webview shows; also what it saves with setState so a reload restores the panel. */
export interface GateReviewState {
  cardUri: string;
  cardName: string;
  review: Review;
  stale: boolean;
}

export type HostToWebview = { type: 'showReview'; state: GateReviewState } | { type: 'focusFindings' };

export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'exportReport'; cardUri: string }
  | { type: 'rerunReview'; cardUri: string }
  | { type: 'revealFinding'; cardUri: string; line: number };

const MAX_LINE = 10_000_000;

/** Narrows an untrusted message from the webview; anything malformed is null. */
export function parseWebviewMessage(message: unknown): WebviewToHost | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, cardUri, line } = message as Record<string, unknown>;
  switch (type) {
    case 'ready':
      return { type };
    case 'exportReport':
    case 'rerunReview':
      return typeof cardUri === 'string' && cardUri.length > 0 ? { type, cardUri } : null;
    case 'revealFinding':
      return typeof cardUri === 'string' && cardUri.length > 0 && Number.isInteger(line) && (line as number) >= 1 && (line as number) <= MAX_LINE ? { type, cardUri, line: line as number } : null;
    default:
      return null;
  }
}

/** Narrows a message from the host (the webview trusts the host, but a stale state shape must not crash it). */
export function parseHostMessage(message: unknown): HostToWebview | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, state } = message as Record<string, unknown>;
  if (type === 'focusFindings') return { type };
  if (type === 'showReview' && isGateReviewState(state)) return { type, state };
  return null;
}

export function isGateReviewState(value: unknown): value is GateReviewState {
  if (typeof value !== 'object' || value === null) return false;
  const { cardUri, cardName, review, stale } = value as Record<string, unknown>;
  return typeof cardUri === 'string' && typeof cardName === 'string' && typeof stale === 'boolean' && typeof review === 'object' && review !== null && Array.isArray((review as Review).gates);
}
