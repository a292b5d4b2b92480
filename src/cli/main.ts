#!/usr/bin/env node
import { writeReports } from '../core/report/writeReports';
import { renderCatalogueMarkdown, renderCatalogueText, catalogueJson } from '../core/report/catalogue';
import { renderJson } from '../core/report/json';
import { renderMarkdown } from '../core/report/markdown';
import { renderSarif } from '../core/report/sarif';
import { renderText } from '../core/report/text';
import type { Review } from '../core/review/types';
import { TOOL } from '../core/version';
import { parseCommand, USAGE, UsageError, type ReviewCommand } from './args';
import { reviewBatch, WORKER_THRESHOLD } from './batch';
import { ReviewerConfigError } from '../core/llm/config';
import { reviewerConfigFromEnvironment } from '../core/llm/environment';
import { reviewWithModel } from './modelReviewRun';
import { resolveCards } from './resolveCards';
import { progressReporter, renderBatchSummary } from './terminal';

export const EXIT = { ok: 0, failOn: 1, usage: 2 } as const;

export async function main(argv: string[]): Promise<number> {
  let command;
  try {
    command = parseCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`model-readiness: ${error.message}\n\n${USAGE}\n`);
    return EXIT.usage;
  }
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    case 'version':
      process.stdout.write(`${TOOL.version}\n`);
      return EXIT.ok;
    case 'checks':
      process.stdout.write(command.format === 'json' ? catalogueJson() : command.format === 'markdown' ? renderCatalogueMarkdown() : renderCatalogueText());
      return EXIT.ok;
    case 'review':
      return runReview(command);
  }
}

async function runReview(command: ReviewCommand): Promise<number> {
  let modelConfig = null;
  if (command.reviewer !== 'offline') {
    try {
      modelConfig = reviewerConfigFromEnvironment(command.reviewer, command.reviewerOverrides);
    } catch (error) {
      if (!(error instanceof ReviewerConfigError)) throw error;
      process.stderr.write(`model-readiness: ${error.message}\n`);
      return EXIT.usage;
    }
  }
  const resolved = await resolveCards(command.cards);
  for (const { input, problem } of resolved.problems) process.stderr.write(`model-readiness: ${input}: ${problem}\n`);
  const showProgress = !command.quiet && resolved.files.length >= WORKER_THRESHOLD;
  const progress = showProgress ? progressReporter(resolved.files.length, process.stderr) : undefined;
  let outcomes;
  try {
    outcomes = modelConfig
      ? await reviewWithModel(resolved.files, modelConfig, { quiet: command.quiet, stderr: process.stderr })
      : await reviewBatch(resolved.files, { jobs: command.jobs, onProgress: progress && ((done) => progress(done)) });
  } catch (error) {
    if (!(error instanceof ReviewerConfigError)) throw error;
    process.stderr.write(`model-readiness: ${error.message}\n`);
    return EXIT.usage;
  }
  const reviews: Review[] = [];
  let unreadable = resolved.problems.length;
  for (const outcome of outcomes) {
    if (outcome.ok) reviews.push(outcome.review);
    else {
      unreadable++;
      process.stderr.write(`model-readiness: ${outcome.file}: ${outcome.problem}\n`);
    }
  }
  const asList = resolved.expanded || command.cards.length > 1;
  process.stdout.write(render(command, reviews, asList, unreadable));
  if (command.out !== null) {
    for (const review of reviews) {
      const written = await writeReports(review, command.out, command.reportFormats, { nameByCard: asList });
      if (!command.quiet) process.stderr.write(`model-readiness: wrote ${written.join(', ')}\n`);
    }
  }
  if (unreadable > 0) return EXIT.usage;
  const blocked = reviews.some((review) => (command.failOn === 'no-go' ? review.recommendation === 'No-Go' : review.recommendation !== 'Go'));
  return blocked ? EXIT.failOn : EXIT.ok;
}

function render(command: ReviewCommand, reviews: Review[], asList: boolean, unreadable: number): string {
  switch (command.format) {
    case 'json':
      return asList ? renderJson(reviews) : reviews[0] ? renderJson(reviews[0]) : '';
    case 'sarif':
      return renderSarif(reviews);
    case 'markdown':
      return reviews.map(renderMarkdown).join('\n---\n\n');
    case 'text':
      return asList ? renderBatchSummary(reviews, unreadable) : reviews.map(renderText).join('\n');
  }
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(`model-readiness: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = EXIT.usage;
    },
  );
}
