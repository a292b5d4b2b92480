import { reviewFile } from '../core';
import { CardError } from '../core/card/types';
import type { Review } from '../core/review/types';

export type WorkerOutcome = { ok: true; review: Review } | { ok: false; file: string; problem: string };

/** Reviews one card; unreadable input comes back as data so one bad card never stops a batch. */
export async function reviewOne(path: string): Promise<WorkerOutcome> {
  try {
    return { ok: true, review: await reviewFile(path) };
  } catch (error) {
    if (error instanceof CardError) return { ok: false, file: error.file, problem: error.problem };
    return { ok: false, file: path, problem: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}

// Piscina calls the module's default export in each worker thread.
export default reviewOne;
