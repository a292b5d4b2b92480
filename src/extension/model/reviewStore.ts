import type { Gate, GateId, GateReview, GateStatus, Review } from '../../core';
import type { ReviewMode } from '../../core/review/types';

export type GateProgress = 'pending' | 'running' | GateStatus;

/** The model reviewer's steps around the seven gate agents. */
export type ModelStep = 'dispatcher' | 'formatter';

export interface GateEntry {
  id: GateId;
  number: number;
  title: string;
  progress: GateProgress;
  result: GateReview | null;
}

/** Everything the editor knows about one card: its latest review, the one in flight, and whether the card changed since. */
export interface CardEntry {
  /** The card's URI as a string: the key everywhere (tree, diagnostics, webview protocol). */
  key: string;
  /** File name shown to the user, e.g. "MODEL_CARD.md". */
  name: string;
  /** Workspace-relative path, for tooltips and reports. */
  path: string;
  gates: GateEntry[];
  review: Review | null;
  running: boolean;
  /** How the review in flight (or the last one) runs: offline, or with a model reviewer. */
  runningMode: ReviewMode;
  /** The model step in flight, shown on the card while no gate agent works. */
  step: ModelStep | null;
  stale: boolean;
  /** Why the last attempt produced no review (unreadable file, cancelled); cleared by the next review. */
  problem: string | null;
  /** Hash of the text the review read, to tell a real change from a save without edits. */
  reviewedTextHash: string | null;
  /** Increases with every completed review (status bar and tests wait on it). */
  generation: number;
}

type Listener = (key: string | null) => void;

/** The review state of every card, independent of VS Code; tree, diagnostics, status bar and panels render from it. */
export class ReviewStore {
  private readonly entries = new Map<string, CardEntry>();
  private readonly listeners = new Set<Listener>();
  private order = 0;
  private readonly reviewedOrder = new Map<string, number>();

  constructor(private readonly gates: readonly Gate[]) {}

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  get(key: string): CardEntry | undefined {
    return this.entries.get(key);
  }

  all(): CardEntry[] {
    return [...this.entries.values()];
  }

  /** The most recently completed review, for commands run without a card. */
  latest(): CardEntry | undefined {
    let best: CardEntry | undefined;
    for (const entry of this.entries.values()) if (entry.review && (!best || this.reviewedOrder.get(entry.key)! > this.reviewedOrder.get(best.key)!)) best = entry;
    return best;
  }

  begin(key: string, name: string, path: string, mode: ReviewMode = 'offline'): void {
    const previous = this.entries.get(key);
    this.entries.set(key, {
      key,
      name,
      path,
      gates: this.gates.map((gate) => ({ id: gate.id, number: gate.number, title: gate.title, progress: 'pending', result: null })),
      review: previous?.review ?? null,
      running: true,
      runningMode: mode,
      step: null,
      stale: previous?.stale ?? false,
      problem: null,
      reviewedTextHash: previous?.reviewedTextHash ?? null,
      generation: previous?.generation ?? 0,
    });
    this.emit(key);
  }

  stepStarted(key: string, step: ModelStep): void {
    this.updateEntry(key, (entry) => (entry.step = step));
  }

  stepFinished(key: string): void {
    this.updateEntry(key, (entry) => (entry.step = null));
  }

  gateStarted(key: string, gate: GateId): void {
    this.updateGate(key, gate, (entry) => ({ ...entry, progress: 'running' }));
  }

  gateFinished(key: string, result: GateReview): void {
    this.updateGate(key, result.id, (entry) => ({ ...entry, progress: result.status, result }));
  }

  complete(key: string, review: Review, textHash: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.review = review;
    entry.running = false;
    entry.step = null;
    entry.stale = false;
    entry.problem = null;
    entry.reviewedTextHash = textHash;
    entry.generation += 1;
    entry.gates = review.gates.map((gate) => ({ id: gate.id, number: gate.number, title: gate.title, progress: gate.status, result: gate }));
    this.reviewedOrder.set(key, ++this.order);
    this.emit(key);
  }

  /** A review that did not finish: the previous result (if any) stays, marked with the reason. */
  abandon(key: string, problem: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.running = false;
    entry.step = null;
    entry.problem = problem;
    if (entry.review) entry.gates = entry.review.gates.map((gate) => ({ id: gate.id, number: gate.number, title: gate.title, progress: gate.status, result: gate }));
    this.emit(key);
  }

  /** The card's text now hashes to `textHash`; the review is stale when that differs from what was reviewed. */
  cardChanged(key: string, textHash: string): void {
    const entry = this.entries.get(key);
    if (!entry || !entry.review) return;
    const stale = entry.reviewedTextHash !== textHash;
    if (stale === entry.stale) return;
    entry.stale = stale;
    this.emit(key);
  }

  remove(key: string): void {
    if (this.entries.delete(key)) {
      this.reviewedOrder.delete(key);
      this.emit(key);
    }
  }

  clear(): void {
    this.entries.clear();
    this.reviewedOrder.clear();
    this.emit(null);
  }

  private updateEntry(key: string, change: (entry: CardEntry) => void): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    change(entry);
    this.emit(key);
  }

  private updateGate(key: string, gate: GateId, change: (entry: GateEntry) => GateEntry): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    entry.gates = entry.gates.map((candidate) => (candidate.id === gate ? change(candidate) : candidate));
    this.emit(key);
  }

  private emit(key: string | null): void {
    for (const listener of this.listeners) listener(key);
  }
}
