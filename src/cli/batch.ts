import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import { reviewOne, type WorkerOutcome } from './reviewWorker';

/** Below this many cards, thread start-up costs more than it saves. */
export const WORKER_THRESHOLD = 32;

export interface BatchOptions {
  jobs?: number | null;
  onProgress?: (done: number, total: number) => void;
}

/** Reviews cards in input order; large batches fan out over worker threads. */
export async function reviewBatch(files: readonly string[], options: BatchOptions = {}): Promise<WorkerOutcome[]> {
  const threads = Math.max(1, Math.min(options.jobs ?? availableParallelism(), files.length));
  let done = 0;
  const tick = () => options.onProgress?.(++done, files.length);
  if (files.length < WORKER_THRESHOLD || threads === 1) {
    const outcomes: WorkerOutcome[] = [];
    for (const file of files) {
      outcomes.push(await reviewOne(file));
      tick();
    }
    return outcomes;
  }
  const pool = new Piscina({ filename: join(__dirname, 'reviewWorker.js'), minThreads: threads, maxThreads: threads });
  try {
    return await Promise.all(
      files.map(async (file) => {
        const outcome = (await pool.run(file)) as WorkerOutcome;
        tick();
        return outcome;
      }),
    );
  } finally {
    await pool.destroy();
  }
}
