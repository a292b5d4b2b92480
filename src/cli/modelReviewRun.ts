import { readCardFile } from '../core/card/readCard';
import { CardError } from '../core/card/types';
import { reviewCardWithModel, type ChainEvent } from '../core/llm/chain';
import type { ModelReviewerConfig } from '../core/llm/config';
import type { WorkerOutcome } from './reviewWorker';

/**
 * Reviews cards one after another with the model reviewer (its requests are the slow part, and
 * a deployment's rate limit is shared, so cards are not run in parallel). Ctrl-C cancels the
 * in-flight request; the gates already reviewed are kept and printed.
 */
export async function reviewWithModel(files: readonly string[], config: ModelReviewerConfig, options: { quiet: boolean; stderr: NodeJS.WritableStream }): Promise<WorkerOutcome[]> {
  const controller = new AbortController();
  const onInterrupt = () => {
    options.stderr.write('\nmodel-readiness: cancelling the model review; the gates already reviewed are kept.\n');
    controller.abort();
  };
  process.once('SIGINT', onInterrupt);
  const say = (message: string) => {
    if (!options.quiet) options.stderr.write(`model-readiness: ${message}\n`);
  };
  try {
    const outcomes: WorkerOutcome[] = [];
    for (const file of files) {
      if (controller.signal.aborted) break;
      try {
        const card = await readCardFile(file);
        const review = await reviewCardWithModel(card, { config, signal: controller.signal, log: say, onEvent: (event) => say(progressLine(file, event)) });
        outcomes.push({ ok: true, review });
      } catch (error) {
        if (error instanceof CardError) outcomes.push({ ok: false, file: error.file, problem: error.problem });
        else throw error;
      }
    }
    return outcomes;
  } finally {
    process.removeListener('SIGINT', onInterrupt);
  }
}

function progressLine(file: string, event: ChainEvent): string {
  switch (event.kind) {
    case 'step-start':
      return `${file}: ${event.step}…`;
    case 'step-done':
      return `${file}: ${event.step} ${event.ok ? 'done' : 'failed'}`;
    case 'gate-start':
      return `${file}: gate ${event.gate.number}/7 ${event.gate.title}: model reviewing…`;
    case 'gate-done':
      return `${file}: gate ${event.gate.number}/7 ${event.gate.title}: ${event.gate.status}${event.gate.agent?.reviewed ? ' (model reviewed)' : ' (checks only)'}`;
  }
}
