import * as vscode from 'vscode';
import { CardError, reviewCardAsync, ReviewCancelledError, type Review } from '../core';
import { cardKey, cardName, loadCard } from './cardText';
import type { ReviewStore } from './model/reviewStore';

export interface ReviewRun {
  token?: vscode.CancellationToken;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
}

/** Reviews cards into the store, gate by gate, and logs what was reviewed and how long it took. */
export class CardReviewer {
  constructor(
    private readonly store: ReviewStore,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** The review, or undefined when the card could not be reviewed (the reason is shown and logged) or the user cancelled. */
  async review(uri: vscode.Uri, run: ReviewRun = {}): Promise<Review | undefined> {
    const key = cardKey(uri);
    const path = vscode.workspace.asRelativePath(uri, false);
    this.store.begin(key, cardName(uri), path);
    const controller = new AbortController();
    const cancellation = run.token?.onCancellationRequested(() => controller.abort());
    try {
      const { card, textHash } = await loadCard(uri);
      const review = await reviewCardAsync(card, {
        signal: controller.signal,
        onGateStart: (gate) => this.store.gateStarted(key, gate.id),
        onGate: (gate) => {
          this.store.gateFinished(key, gate);
          run.progress?.report({ increment: 100 / 7, message: `${gate.number}. ${gate.title}: ${gate.status}` });
        },
      });
      this.store.complete(key, review, textHash);
      const statuses = review.gates.map((gate) => `${gate.number} ${gate.status}`).join(', ');
      this.log.info(`Reviewed ${path} (${review.format}): ${review.recommendation} [${statuses}] in ${review.elapsedMs} ms`);
      return review;
    } catch (error) {
      if (error instanceof ReviewCancelledError) {
        this.store.abandon(key, 'review cancelled');
        this.log.info(`Review of ${path} cancelled`);
        return undefined;
      }
      const message = error instanceof CardError ? error.message : `${path}: ${error instanceof Error ? error.message : String(error)}`;
      this.store.abandon(key, error instanceof CardError ? error.problem : 'review failed');
      this.log.error(`Could not review ${message}`);
      void vscode.window.showErrorMessage(`Model Readiness: could not review ${message}`);
      return undefined;
    } finally {
      cancellation?.dispose();
    }
  }
}
