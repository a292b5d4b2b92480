import type { Topic } from '../card/topics';
import type { Hit, SearchOptions } from '../evidence/evidence';
import { redactSecrets } from './secretPatterns';
import { fail, pass, type CheckContext, type CheckResult, type Severity } from './types';

export interface DocumentedRule {
  /** What counts as evidence, written in lower case (the haystack is lower-cased). */
  pattern: RegExp;
  /** Restrict evidence to sections with these topics; omit to accept it anywhere in the card. */
  topics?: readonly Topic[];
  includeCode?: boolean;
  /** A section under one of these headings with real content also counts as evidence (e.g. a filled "Out-of-Scope Use"). */
  orSection?: readonly Topic[];
  /** Finding when the card says nothing, e.g. "No rollback plan is documented." */
  missing: string;
  /** Headings where the missing item belongs, for the finding's line. */
  anchor?: readonly Topic[];
  severity?: Severity;
}

/**
 * The most common check: the card must state something. Passes at the first affirmative
 * mention; a sentence saying it is absent ("no rollback plan yet") fails at that line; then a
 * filled section of the right kind counts; silence fails at the heading where it belongs.
 */
export function documented(context: CheckContext, rule: DocumentedRule): CheckResult {
  const options: SearchOptions = { topics: rule.topics, includeCode: rule.includeCode };
  const hit = context.evidence.find(rule.pattern, options);
  if (hit) return pass(hit.line);
  const absence = context.evidence.findAbsence(rule.pattern, options);
  if (absence) return fail(`${rule.missing} The card states: "${quote(absence)}".`, absence.line, { endLine: absence.endLine, severity: rule.severity });
  for (const topic of rule.orSection ?? []) {
    const section = context.evidence.sectionsWithContent(topic)[0];
    if (section) return pass(section.line);
  }
  const anchor = rule.anchor ? context.evidence.anchor(...rule.anchor) : null;
  return fail(rule.missing, anchor, { severity: rule.severity });
}

/** The sentence of a hit for a finding message: credentials withheld first (so no fragment survives shortening), then shortened. */
export function quote(hit: Hit, max = 120): string {
  const sentence = redactSecrets(hit.sentence).replace(/\s+/g, ' ');
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}
