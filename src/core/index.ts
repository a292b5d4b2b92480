/** Public entry of the vscode-free core: read a card, review it, render and write reports. */
export { readCardFile, parseCard, parseCardText } from './card/readCard';
export { missingItemSkeleton, GATE_SECTIONS, type SkeletonInsertion } from './card/sectionSkeleton';
export { CardError, type ModelCard } from './card/types';
export { reviewCard, reviewCardAsync, ReviewCancelledError, type ReviewOptions, type AsyncReviewOptions } from './review/reviewCard';
export type { Review, GateReview, Finding, GateStatus, Recommendation } from './review/types';
export { GATES, type Gate, type GateId } from './gates';
export { CHECKS, checkById } from './checks/registry';
export { renderText } from './report/text';
export { renderMarkdown } from './report/markdown';
export { renderJson, toJsonReview } from './report/json';
export { renderSarif } from './report/sarif';
export { renderHtml } from './report/html';
export { writeReports, renderReport, REPORT_FORMATS, DEFAULT_REPORT_FORMATS, DEFAULT_OUTPUT_FOLDER, type ReportFormat } from './report/writeReports';

import { readCardFile } from './card/readCard';
import { reviewCard, type ReviewOptions } from './review/reviewCard';
import type { Review } from './review/types';

/** Reads and reviews one card file; throws CardError for unreadable input. */
export async function reviewFile(path: string, options?: ReviewOptions): Promise<Review> {
  return reviewCard(await readCardFile(path), options);
}
