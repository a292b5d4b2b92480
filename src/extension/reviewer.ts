import * as vscode from 'vscode';
import { CardError, reviewCardAsync, ReviewCancelledError, type ModelCard, type Review } from '../core';
import { configProblems, ReviewerConfigError, reviewCardWithModel, type ChainEvent, type ModelReviewerConfig } from '../core/llm';
import { cardKey, cardName, loadCard } from './cardText';
import { COMMANDS, REVIEWER_SETTINGS_PREFIX } from './model/contributions';
import type { ReviewStore } from './model/reviewStore';
import { apiKeyProvider, NoticeMemory, planReviewer, readReviewerSettings, unconfiguredNotice, type ReviewerPlan } from './model/reviewerSettings';
import type { ReviewerKeys } from './reviewerKeys';
import { agentVerdict, modelReviewOutcome } from '../core/report/modelReviewText';

export interface ReviewRun {
  token?: vscode.CancellationToken;
  progress?: vscode.Progress<{ message?: string; increment?: number }>;
  /** A review nobody asked for just now (on save, a panel restored after a reload): it never sends the card to a model. */
  automatic?: boolean;
}

/**
 * Reviews cards into the store, gate by gate: offline, or with the model reviewer the settings ask for
 * (falling back to offline, with a notice, when it is not configured). Logs what was reviewed and how long it took.
 */
export class CardReviewer implements vscode.Disposable {
  private readonly notices = new NoticeMemory();
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly store: ReviewStore,
    private readonly log: vscode.LogOutputChannel,
    private readonly keys: ReviewerKeys,
  ) {
    // A changed setting or key may fix (or cause) a problem: its notice may show again.
    this.subscriptions = [vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(REVIEWER_SETTINGS_PREFIX) && this.notices.reset()), keys.onDidChange(() => this.notices.reset())];
  }

  /**
   * The review, or undefined when the card could not be reviewed (the reason is shown and logged) or the user
   * cancelled an offline review. Automatic reviews (on save, a restored panel) stay offline: the card goes to a
   * model, and tokens are spent, only when someone asks for a review.
   */
  async review(uri: vscode.Uri, run: ReviewRun = {}): Promise<Review | undefined> {
    const plan: ReviewerPlan = run.automatic ? { kind: 'offline' } : await this.plan(uri);
    if (plan.kind === 'model' && !run.token && !run.progress) {
      return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Model Readiness: reviewing ${cardName(uri)}`, cancellable: true }, (progress, token) => this.reviewWith(uri, plan, { progress, token }));
    }
    return this.reviewWith(uri, plan, run);
  }

  /** Settings and stored key → what this review runs with; incomplete or unusable configurations run offline, with a notice. */
  private async plan(uri: vscode.Uri): Promise<ReviewerPlan> {
    const configuration = vscode.workspace.getConfiguration(undefined, uri);
    const settings = readReviewerSettings((key) => configuration.get(key));
    const provider = apiKeyProvider(settings);
    const plan = planReviewer(settings, provider ? await this.keys.get(provider) : undefined);
    if (plan.kind === 'unconfigured') {
      const notice = unconfiguredNotice(plan);
      this.log.warn(notice.message.replace(/^Model Readiness: /, ''));
      if (this.notices.firstTime(notice.message)) void vscode.window.showInformationMessage(notice.message, ...notice.actions).then((choice) => this.fix(choice));
      return { kind: 'offline' };
    }
    if (plan.kind === 'model') {
      const problems = configProblems(plan.config);
      if (problems.length > 0) {
        this.configError(new ReviewerConfigError(problems));
        return { kind: 'offline' };
      }
    }
    return plan;
  }

  private async reviewWith(uri: vscode.Uri, plan: ReviewerPlan, run: ReviewRun): Promise<Review | undefined> {
    const key = cardKey(uri);
    const path = vscode.workspace.asRelativePath(uri, false);
    this.store.begin(key, cardName(uri), path, plan.kind === 'model' ? plan.config.provider : 'offline');
    const controller = new AbortController();
    const cancellation = run.token?.onCancellationRequested(() => controller.abort());
    try {
      const { card, textHash } = await loadCard(uri);
      const review = (plan.kind === 'model' ? await this.reviewWithModel(key, card, plan.config, controller.signal, run) : undefined) ?? (await this.reviewOffline(key, card, controller.signal, run));
      this.store.complete(key, review, textHash);
      const statuses = review.gates.map((gate) => `${gate.number} ${gate.status}`).join(', ');
      this.log.info(`Reviewed ${path} (${review.format}, ${review.mode}): ${review.recommendation} [${statuses}] in ${review.elapsedMs} ms`);
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

  private reviewOffline(key: string, card: ModelCard, signal: AbortSignal, run: ReviewRun): Promise<Review> {
    return reviewCardAsync(card, {
      signal,
      onGateStart: (gate) => this.store.gateStarted(key, gate.id),
      onGate: (gate) => {
        this.store.gateFinished(key, gate);
        run.progress?.report({ increment: 100 / 7, message: `${gate.number}. ${gate.title}: ${gate.status}` });
      },
    });
  }

  /** Dispatcher → seven gate agents → formatter. Cancelling keeps the gates already reviewed; undefined when the configuration is unusable. */
  private async reviewWithModel(key: string, card: ModelCard, config: ModelReviewerConfig, signal: AbortSignal, run: ReviewRun): Promise<Review | undefined> {
    const onEvent = (event: ChainEvent) => {
      switch (event.kind) {
        case 'step-start':
          this.store.stepStarted(key, event.step);
          run.progress?.report({ message: event.step === 'dispatcher' ? 'the dispatcher briefs the review…' : 'the formatter writes the recommendation…' });
          return;
        case 'step-done':
          this.store.stepFinished(key);
          return;
        case 'gate-start':
          this.store.gateStarted(key, event.gate.id);
          run.progress?.report({ message: `${event.gate.number}. ${event.gate.title}: model reviewing…` });
          return;
        case 'gate-done':
          this.store.gateFinished(key, event.gate);
          run.progress?.report({ increment: 100 / 7, message: `${event.gate.number}. ${event.gate.title}: ${event.gate.status}${event.gate.agent ? ` (${event.gate.agent.reviewed ? 'reviewed by model' : 'checks only'})` : ''}` });
          return;
      }
    };
    let review: Review;
    try {
      // The core's log lines name the target and the outcome, never the key or a token.
      review = await reviewCardWithModel(card, { config, signal, onEvent, log: (message) => this.log.info(message) });
    } catch (error) {
      if (!(error instanceof ReviewerConfigError)) throw error;
      this.configError(error);
      return undefined;
    }
    const report = review.modelReview!;
    for (const gate of review.gates) if (gate.agent && !gate.agent.reviewed) this.log.info(`${card.path} gate ${gate.number}: ${agentVerdict(gate.agent)}`);
    if (report.cancelled) this.log.info(`${card.path}: ${modelReviewOutcome(report)}`);
    else if (report.stoppedBecause) {
      const message = `Model Readiness: ${modelReviewOutcome(report)}`;
      this.log.warn(message);
      if (this.notices.firstTime(message)) void vscode.window.showWarningMessage(message, 'Configure', ...(config.auth.kind === 'key' ? ['Set API Key' as const] : [])).then((choice) => this.fix(choice));
    }
    return review;
  }

  private configError(error: ReviewerConfigError): void {
    const message = `Model Readiness: the ${error.message}; this review ran offline.`;
    this.log.error(message);
    if (this.notices.firstTime(message)) void vscode.window.showErrorMessage(message, 'Configure').then((choice) => this.fix(choice));
  }

  private fix(choice: string | undefined): void {
    if (choice === 'Configure') void vscode.commands.executeCommand(COMMANDS.configureReviewer.id);
    else if (choice === 'Set API Key') void vscode.commands.executeCommand(COMMANDS.setReviewerApiKey.id);
  }

  dispose(): void {
    this.subscriptions.forEach((subscription) => subscription.dispose());
  }
}
