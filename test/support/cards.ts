import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCardFile, parseCardText } from '../../src/core/card/readCard';
import type { ModelCard } from '../../src/core/card/types';
import { checkById } from '../../src/core/checks/registry';
import type { CheckResult } from '../../src/core/checks/types';
import { Evidence } from '../../src/core/evidence/evidence';
import type { GateId } from '../../src/core/gates';
import { reviewCard } from '../../src/core/review/reviewCard';
import type { GateReview } from '../../src/core/review/types';

/** Repository root, from out/test/support at run time. */
export const REPO_ROOT = join(__dirname, '..', '..', '..');
export const EXAMPLES = join(REPO_ROOT, 'examples');
export const FIXED_NOW = new Date('2026-11-01T00:00:00Z');

export function markdownCard(text: string, path = 'MODEL_CARD.md'): ModelCard {
  return parseCardText(path, text);
}

export function exampleCard(relativePath: string): Promise<ModelCard> {
  return readCardFile(join(EXAMPLES, relativePath));
}

/** One gate of the review of examples/<folder>, whose card file is named in its expected.json. */
export async function exampleGate(folder: string, gate: GateId): Promise<GateReview> {
  const { card } = JSON.parse(readFileSync(join(EXAMPLES, folder, 'expected.json'), 'utf8')) as { card: string };
  const review = reviewCard(await readCardFile(join(EXAMPLES, folder, card)), { now: FIXED_NOW });
  const found = review.gates.find((candidate) => candidate.id === gate);
  if (!found) throw new Error(`${folder}: no ${gate} gate in the review`);
  return found;
}

/** Runs one registered check on a card and returns its results as an array. */
export function runCheck(id: string, card: ModelCard, now: Date = FIXED_NOW): CheckResult[] {
  const check = checkById(id);
  if (!check) throw new Error(`no check ${id}`);
  const outcome = check.run({ card, evidence: new Evidence(card), now });
  return Array.isArray(outcome) ? [...outcome] : [outcome as CheckResult];
}

/** Outcome summary of one check on markdown text, e.g. "pass@3", "fail:error@7", "skip". */
export function outcomeOf(id: string, text: string, now: Date = FIXED_NOW): string {
  return runCheck(id, markdownCard(text), now)
    .map((result) => (result.outcome === 'pass' ? `pass@${result.line}` : result.outcome === 'skip' ? 'skip' : `fail:${result.severity ?? checkById(id)!.severity}@${result.line}`))
    .join(',');
}

/** A card from its lines, so line numbers in tests are easy to count (line 1 is the first string). */
export function cardLines(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}

/** A card whose content starts at line 5, under "## heading" on line 3. */
export function under(heading: string, ...lines: string[]): string {
  return cardLines('# Card', '', `## ${heading}`, '', ...lines);
}

/** Messages of every failing result of one check. */
export function failureMessages(id: string, text: string, now: Date = FIXED_NOW): string[] {
  return runCheck(id, markdownCard(text), now).flatMap((result) => (result.outcome === 'fail' ? [result.message] : []));
}

/** The message of the check's first failing result; fails the test when the check does not fail. */
export function failureMessage(id: string, text: string, now: Date = FIXED_NOW): string {
  const [message] = failureMessages(id, text, now);
  if (message === undefined) throw new Error(`${id} did not fail`);
  return message;
}
