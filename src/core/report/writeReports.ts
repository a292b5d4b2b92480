import { basename, dirname, join } from 'node:path';
import type { Review } from '../review/types';
import { writeNewFileAtomic } from './atomicWrite';
import { renderHtml } from './html';
import { renderJson } from './json';
import { renderMarkdown } from './markdown';
import { renderSarif } from './sarif';
import { renderText } from './text';

export const REPORT_FORMATS = ['txt', 'md', 'json', 'sarif', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const DEFAULT_REPORT_FORMATS: readonly ReportFormat[] = ['txt', 'md'];
export const DEFAULT_OUTPUT_FOLDER = 'workflow_outputs';

const EXTENSION: Record<ReportFormat, string> = { txt: 'txt', md: 'md', json: 'json', sarif: 'sarif', html: 'html' };

export function renderReport(review: Review, format: ReportFormat): string {
  switch (format) {
    case 'txt':
      return renderText(review);
    case 'md':
      return renderMarkdown(review);
    case 'json':
      return renderJson(review);
    case 'sarif':
      return renderSarif([review]);
    case 'html':
      return renderHtml(review);
  }
}

/** ml_production_gate_review_20261122_013600 (UTC), the review design's naming. */
export function reportStem(reviewedAt: Date, cardPath?: string): string {
  const stamp = reviewedAt.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '_');
  const slug = cardPath ? `_${slugOf(cardPath)}` : '';
  return `ml_production_gate_review_${stamp}${slug}`;
}

/** Writes each format of one review into `folder`, atomically and never over an existing file. */
export async function writeReports(review: Review, folder: string, formats: readonly ReportFormat[] = DEFAULT_REPORT_FORMATS, options: { nameByCard?: boolean } = {}): Promise<string[]> {
  const stem = reportStem(new Date(review.reviewedAt), options.nameByCard ? review.card : undefined);
  const written: string[] = [];
  for (const format of formats) written.push(await writeNewFileAtomic(join(folder, `${stem}.${EXTENSION[format]}`), renderReport(review, format)));
  return written;
}

/** "examples/thorough/MODEL_CARD.md" → "thorough-MODEL_CARD": the card's folder and name, file-system safe. */
function slugOf(cardPath: string): string {
  const name = basename(cardPath).replace(/\.[^.]+$/, '');
  const folder = basename(dirname(cardPath));
  return `${folder && folder !== '.' ? `${folder}-` : ''}${name}`.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80);
}
