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
  if (!absence) {
    for (const topic of rule.orSection ?? []) {
      const section = context.evidence.sectionsWithContent(topic)[0];
      if (section) return pass(section.line);
    }
  }
  const anchor = rule.anchor ? context.evidence.anchor(...rule.anchor) : null;
  return absentOrMissing(absence, `${rule.missing} The card states: `, rule.missing, anchor, rule.severity);
}

/**
 * The failure of a check whose item is not evidenced: at the sentence that states its absence
 * (quoted after `stated`), else `missing` at the heading where the item belongs.
 */
export function absentOrMissing(absence: Hit | undefined, stated: string, missing: string, anchor: number | null, severity?: Severity): CheckResult {
  if (absence) return fail(`${stated}"${quote(absence)}".`, absence.line, { endLine: absence.endLine, severity });
  return fail(missing, anchor, { severity });
}

/** Whitespace runs other than a lone space: replacing only these equals /\s+/g → ' ' and skips the many single spaces. */
const UNTIDY_WHITESPACE = /\s{2,}|[^\S ]/g;

/** The sentence of a hit for a finding message: credentials withheld first (so no fragment survives shortening), then shortened. */
export function quote(hit: Hit, max = 120): string {
  const sentence = redactSecrets(hit.sentence).replace(UNTIDY_WHITESPACE, ' ');
  return sentence.length > max ? `${sentence.slice(0, max - 1)}…` : sentence;
}
