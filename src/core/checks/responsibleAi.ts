import type { Topic } from '../card/topics';
import type { Evidence, Hit } from '../evidence/evidence';
import { extractNumbers, type StatedNumber } from '../evidence/numbers';
import { absentOrMissing, documented, quote } from './helpers';
import { fail, pass, skip, type CheckDefinition, type CheckResult, type Severity } from './types';

const DESIGN = 'Gate review design, Gate 5 outputs';
const FAIRNESS_TOPICS: readonly Topic[] = ['fairness', 'limitations', 'governance'];
/** KPI and acceptance sections state targets ("disparate impact >= 0.80"), not measurements. */
const TARGET_TOPICS: readonly Topic[] = ['kpis', 'objectives', 'scope'];

/** Demographic groups and protected characteristics, lower case. */
const DEMOGRAPHIC =
  /\b((attributes?|characteristics|class(es)?|groups?|categor(y|ies))(?<=protected [a-z]+)|race(?! condition)|racial|ethnicit(y|ies)|ethnic|gender|sex|age (bands?|groups?|brackets?|ranges?)|(under|aged) \d+(?<=\b(?:applicants|customers|users|patients|people|borrowers|employees) (?:under|aged) \d+)|religio(n|ns|us)|disabilit(y|ies)|nationalit(y|ies)|national origin|marital status|sexual orientation|pregnan\w+|skin (tone|type|colou?r)|socio-?economic)\b/;
const SENSITIVE =
  /\b(sensitive\s(attributes?|features?|characteristics|groups?|data|categories)|special categor(y|ies) of (personal )?data|demographic\s(attributes?|groups?|data|variables|factors)|(attributes?|characteristics|class(es)?|groups?|categor(y|ies))(?<=protected [a-z]+)|race(?! condition)|racial|ethnicit(y|ies)|ethnic|gender|sex|age (bands?|groups?|brackets?|ranges?)|(under|aged) \d+(?<=\b(?:applicants|customers|users|patients|people|borrowers|employees) (?:under|aged) \d+)|religio(n|ns|us)|disabilit(y|ies)|nationalit(y|ies)|national origin|marital status|sexual orientation|pregnan\w+|skin (tone|type|colou?r)|socio-?economic)\b/;
const NONE_USED =
  /\b((customer|personal|sensitive|protected|demographic|individual)\s(data|attributes?|information|characteristics|features)(?<=\b(?:(?:uses?|contains?|processes?) no|does not use|do not use|doesn['’]t use|without any) [a-z ]{0,60})|(individuals|people|persons|natural persons)(?<=\bnot (?:about |on |for )?(?:individuals|people|persons|natural persons)))\b/;
const PROXY_CHECK = /\b(prox(y|ies) (for|of)|close prox(y|ies)|proxy (attributes?|variables?|features?|discrimination|analysis|check))\b/;
const UNDECIDED = /\b(tbd|tbc|todo|pending|unknown|not yet|to be (defined|determined|confirmed))\b/;
const HARM =
  /\b(harms?|harmful|harm scenarios?|adverse (impacts?|effects?|outcomes?)|(denied|declined|excluded|rejected)\s(credit|loans?|access|service|care|benefits|jobs?|housing|insurance)|denial of (credit|service|care|benefits)|lost access|discriminat\w+|disparate treatment|surveillance|over-?reliance|under-?(protect|serv)\w*|systematic(ally)? (under|over|disadvantag)[\w-]*|disadvantag\w+|marginali[sz]\w+|unequal (treatment|access|outcomes?)|pushed (to|into) (higher|worse|costlier)|embarrass\w*|misuse|stigma\w*|safety[- ](risks?|relevant|critical)|(misclassified|penali[sz]ed|flagged|declined|denied|rejected)\smore often|over-?declin\w+|job (loss|losses|changes)|jobs(?<=changes to (?:\w+ )?jobs))\b/;
const FAIRNESS_METRIC =
  /\b(disparate impact|adverse impact|parity(?<=\b(?:demographic|statistical|predictive) parity)|equali[sz]ed odds|equal opportunity|selection[- ]rate (ratio|difference|parity)|four[- ]fifths|(groups?|sex|gender|race|ethnicit\w+|age bands?|age groups?|subgroups?)(?<=\b(?:tpr|fpr|fnr|rate|rates|recall|accuracy|precision|auc|calibration|ece)(?: gap| difference| ratio| parity| disparit[a-z]+)? (?:across|between|by|for each|per|within) (?:protected |demographic )?[a-z ]+))\b/;
const NUMBER_VALUE = /(?<![\w.])(\d*\.\d+|\d+(?:\.\d+)?\s?%)/;
const FAIRNESS_NOT_DONE =
  /\b((measured|checked|assessed|evaluated|tested|audited|examined|analy[sz]ed|looked at|quantified|studied)(?<=\b(?:(?:have|has|had|did|do|does)(?:n['’]t| not)|not)(?: yet)?(?: been)?(?: yet)? [a-z ]+)|(fairness|bias|disparity) (assessment|analysis|evaluation|audit|testing|metrics?|checks?)(?<=\bno (?:formal |systematic )?[a-z]+ [a-z]+)|(fairness|bias) (assessment|analysis|evaluation|audit|testing)[^.;]{0,20}\b(not|never) (been )?(done|performed|conducted|carried out))\b/;
const BIAS_CONTEXT = /\b(bias\w*|fair\w*|groups?|disparit\w+|discriminat\w+|demographic\w*|sensitive|protected|nationalit\w+|religio\w+|gender|race|racial|ethnic\w*|income|regions?|communit\w+|dialects?|age)\b/;
const NO_BIAS_CLAIM =
  /\b((bias|unfairness|disparit\w+|discriminat\w+)(?<=\b(?:did|do|does)(?:n['’]t| not) (?:observe|find|see|detect|notice|identify)[a-z]* (?:any )?(?:significant |material |obvious |evidence of )?[a-z]+)|(bias|unfairness|disparit\w+|discriminat\w+)(?<=\bno (?:significant |material |obvious |evidence of )?[a-z]+)(?= (?:was |were |has been |have been )?(?:observed|found|detected|identified|seen))|(unbiased|bias[- ]free)(?<=\b(?:is|are) [a-z-]+)|bias(?<=free (?:of|from) bias))\b/;
const DI_HEADER = /\b(disparate impact|adverse impact|impact ratio|selection[- ]rate ratio|four[- ]fifths|di)\b/;
const DI_SENTENCE =
  /\b(?:disparate|adverse) impact(?: ratio)?(?: \([^)]{0,60}\))?(?: (?:of|is|was|=|:|at))?(?: (?:at least|about|approximately|roughly|only|~))?\s*(?:\d*\.\d+|\d+(?:\.\d+)?\s?%)/;
const PARITY_HEADER = /\b(equali[sz]ed odds|equal opportunity|(demographic|statistical) parity|tpr|fpr|fnr|true positive rate|false positive rate)\b[^|]{0,30}\b(difference|diff|gap)\b|\b(eod|spd|eopd?)\b/;
const PARITY_SENTENCE =
  /\b(?:equali[sz]ed odds|equal opportunity|(?:demographic|statistical) parity) (?:difference|gap)(?: \([^)]{0,60}\))?(?: (?:of|is|was|=|:))?(?: (?:at most|about|approximately|up to|~))?\s*(?:-?\d*\.\d+|\d+(?:\.\d+)?\s?%)/;
const FOUR_FIFTHS = 0.8;
const DI_WATCH = 0.9;
const PARITY_LIMIT = 0.1;
const MITIGATION =
  /\b(mitigat\w+|debias\w*|reweigh\w*|weigh\w*(?<=\bre-weigh[a-z]*)|fairness constraints?|(removed|dropped|excluded)[^.;]{0,40}\bprox(y|ies)|ablation|post-processing|blocked(?<=\b(?:release|deployment|launch) is blocked)|blocks? (the )?release|threshold (adjustment|calibration)s? (by|per) group|group-specific thresholds?)\b/;
const JUSTIFIED = /\b(needed|required|necessary|warranted)\b/;
const BIAS_ACKNOWLEDGED =
  /\b(known ([\w-]+ )?bias(es)?|biased (against|towards?)|(bias|disparit\w+)(?<=\b(?:shows?|exhibits?|has|have) (?:a |some )?[a-z]+)|misclassified more often)\b/;
const BIAS_MONITORING =
  /\b((fairness|bias|disparit\w+|group) (metrics?|monitoring|checks?|audits?|tests?|dashboards?|reviews?)\b[^.;]{0,60}\b(monitor\w*|tracked|track|re-?computed|reviewed|audited|ci|pipeline|every|each|weekly|monthly|quarterly|continuous\w*|ongoing|release|production)|(fairness|bias|disparit\w+)\b(?<=\b(?:monitor|track|audit|re-?comput|recomput)\w*\b[^.;]{0,40}\b(?:fairness|bias|disparit\w+))|bias (detection|monitoring) plan|fairness (monitoring|audit) (plan|process|cadence))\b/;
const FORMAL_GOVERNANCE =
  /\b(risk (management )?(committee|review|governance|function)(?<=model risk [a-z ]+)|(committee|board|council)(?<=\b(?:risk|ethics|ai|governance|review|model|validation|responsible ai|data ethics|ai ethics) [a-z]+)|governance (review|board|committee|process|sign-?off|approval)|validation (team|review|report|function)(?<=model validation [a-z]+)|independent (model )?validation|signed off by|sign-?off (from|by)|approved by (the )?[a-z ]{0,40}(committee|board|compliance|legal|risk|officer)|compliance (review|approval|sign-?off)|legal (review|sign-?off)|iso\/iec 42001|conformity assessment)\b/;
const STAKEHOLDER_REVIEW =
  /\b((reviewed|approved|agreed|consulted)\b[^.;]{0,40}\b(works council|unions?|hr|employee representatives|stakeholders?|privacy office|dpo|data protection officer)|(works council|unions?|employee representatives|stakeholders?)\b[^.;]{0,30}\b(reviewed|approved|agreed|consulted))\b/;
const PENDING = /\b(pending|not yet (approved|signed|reviewed)|awaiting|to be (approved|reviewed|signed)|scheduled for)\b/;
const OVERSIGHT =
  /\b(human[- ](in|on)[- ]the[- ]loop|human\s(review|reviewers?|oversight|override|approval|judge?ment|decision)|(manual|analyst|expert)\s(review|inspection|check|override|approval|decision)|manually\s(reviewed|checked|inspected|approved)|(human|analyst|underwriter|clinician|inspector|moderator|reviewer|expert|specialist|agent)s?(?<=\b(?:reviewed|checked|confirmed|inspected|approved) by (?:a |an |the )?[a-z]+)|appeals?|recourse|contest(s|ed|ing)? (a |the )?(decision|outcome|score)|overrid(e|es|den|ing)|escalat(e|ed|es|ion) (to|for)|hand(?<=\b(?:re-?inspected|inspected|checked) by hand)|(signal|input|recommendation|aid|suggestion)s?(?<=\b(?:scores?|predictions?|outputs?) (?:are|is) (?:only )?(?:a |an )?[a-z]+)|final decision (is|rests|stays) with)\b/;
const TRANSPARENCY =
  /\b(adverse[- ]action notices?(?<=\b(?:receive|receives|get|gets|sent|send|sends|provided?|given|issue[sd]?) (?:an? )?adverse[- ]action notices?)|adverse[- ]action\snotices? (are|is) (sent|issued|provided|given)|reason\scodes? (for|in|on) adverse[- ]action|explanations?\s(to|for|are given to|is given to) (customers|users|applicants|patients|affected|people|members)|(informed|notified|told|shown)(?<=\b(?:customers|users|applicants|patients|people|members|employees|workers) (?:are|is|will be|get|receive) [a-z]+)|disclos(e|ed|es|ure)\s(to|that)|(notice|notification)s?\s(to|for) (users|customers|applicants)|right\sto (an )?explanation|(labelled|labeled|marked)\sas (ai|machine)[- ]generated)\b/;
const LIMITATIONS =
  /\b(limitations?|known (issues|biases|failure modes|weaknesses)|weak(er)? on|less reliable|caveats?)\b/;
const NOT_VALIDATED = /\b(validated|tested|suitable|reliable) (for|on)\b(?<=\bnot (?:validated|tested|suitable|reliable) (?:for|on))/;
const PRIVACY =
  /\b(pii|personal\sdata|personally identifiable|privacy|anonymi[stz]\w*|pseudonymi[sz]\w+|deidentif\w+|identif\w+(?<=\bde-identif[a-z]*)|tokeni[sz]ed (pan|card|account|identifiers?|ids?)|dpia|gdpr|ccpa|hipaa|consent|retention (policy|period)|retained for|deleted after|encrypted at rest|differential privacy)\b/;
const NO_PERSONAL_DATA =
  /\b((data|information|pii)(?<=\b(?:uses?|contains?|processes?|stores?) no (?:(?:customer|personal|user|individual) (?:(?:or|and) )?)+(?:data|information|pii))|(data|information)(?<=\bdoes not (?:use|contain|process|store) (?:any )?(?:personal|customer|user) (?:data|information))|(data|information)(?<=\bno (?:personal|customer|user) (?:data|information))(?= (?:is|are) (?:used|processed|stored)))\b/;

function sectionTopics(evidence: Evidence, hit: Hit): readonly Topic[] {
  return evidence.sectionOf(hit.block)?.topics ?? [];
}

function inTopics(topics: readonly Topic[], wanted: readonly Topic[]): boolean {
  return wanted.some((topic) => topics.includes(topic));
}

/**
 * First affirmative hit in the preferred sections; else the first hit within `within` (anywhere when omitted)
 * that `accept` allows. One scan.
 */
function findPreferred(evidence: Evidence, pattern: RegExp, prefer: readonly Topic[], within?: readonly Topic[], accept?: (hit: Hit) => boolean): Hit | undefined {
  const preferred = evidence.find(pattern, { topics: prefer });
  if (preferred) return preferred;
  if (!accept) return evidence.find(pattern, within ? { topics: within } : undefined);
  return evidence.findWhere(pattern, (hit) => !hit.negated && accept(hit), within ? { topics: within } : undefined);
}

/* ---------- Group fairness values (disparate impact, parity differences) ---------- */

interface GroupValue {
  /** Who the value is about: the table row label, or the sentence. */
  label: string;
  value: number;
  raw: string;
  line: number;
  endLine: number;
}

interface FairnessValues {
  disparateImpact: GroupValue[];
  parityGaps: GroupValue[];
}


function lastNumber(text: string): StatedNumber | undefined {
  const numbers = extractNumbers(text);
  return numbers[numbers.length - 1];
}

/** Values from table columns named by headerPattern; if no table has one, from sentences matching sentencePattern. */
function groupValues(evidence: Evidence, headerPattern: RegExp, sentencePattern: RegExp, read: (number: StatedNumber) => number | null): GroupValue[] {
  const values: GroupValue[] = [];
  for (const table of evidence.tables) {
    const topics = table.section >= 0 ? evidence.card.sections[table.section].topics : [];
    if (inTopics(topics, TARGET_TOPICS) && !topics.includes('fairness')) continue;
    const column = table.header.findIndex((cell, index) => index > 0 && headerPattern.test(cell.toLowerCase()));
    if (column < 0) continue;
    for (const row of table.rows) {
      const number = extractNumbers(row.cells[column] ?? '')[0];
      const value = number ? read(number) : null;
      if (value === null) continue;
      values.push({ label: `"${row.cells[0] ?? ''}"`, value, raw: number!.raw, line: row.line, endLine: row.endLine });
    }
  }
  if (values.length > 0) return values;
  for (const hit of evidence.findAll(sentencePattern)) {
    if (hit.block.kind === 'table-row' || inTopics(sectionTopics(evidence, hit), TARGET_TOPICS)) continue;
    const number = lastNumber(hit.match);
    const value = number ? read(number) : null;
    if (value === null) continue;
    values.push({ label: `in "${quote(hit)}"`, value, raw: number!.raw, line: hit.line, endLine: hit.endLine });
  }
  return values;
}

function fairnessValues(evidence: Evidence): FairnessValues {
  return evidence.derived('responsible-ai:group-values', () => ({
    disparateImpact: groupValues(evidence, DI_HEADER, DI_SENTENCE, (number) => {
      const value = number.percent ? number.value / 100 : number.value;
      return value > 0 && value <= 5 ? value : null;
    }),
    parityGaps: groupValues(evidence, PARITY_HEADER, PARITY_SENTENCE, (number) => {
      const value = Math.abs(number.percent ? number.value / 100 : number.value);
      return value <= 1 ? value : null;
    }),
  }));
}

/** Four-fifths rule, both directions: a ratio above 1.25 disadvantages the reference group just as 0.8 does the other. */
function disparateImpactSeverity(ratio: number): Severity | null {
  const worst = ratio > 1 ? 1 / ratio : ratio;
  if (worst < FOUR_FIFTHS - 1e-9) return 'error';
  if (worst < DI_WATCH - 1e-9) return 'warning';
  return null;
}

function disparateImpactFindings(evidence: Evidence): CheckResult[] {
  const findings: CheckResult[] = [];
  for (const item of fairnessValues(evidence).disparateImpact) {
    const severity = disparateImpactSeverity(item.value);
    if (!severity) continue;
    const side = item.value > 1 ? 'above 1.25, so the reference group gets favourable outcomes at under 80% of this group\'s rate' : 'below the four-fifths (0.80) threshold: this group gets favourable outcomes at under 80% of the reference group\'s rate';
    const message =
      severity === 'error'
        ? `Disparate impact ${item.raw} for ${item.label} is ${side}.`
        : `Disparate impact ${item.raw} for ${item.label} passes the four-fifths rule but is ${item.value > 1 ? 'above 1.11' : 'below 0.90'}, close enough that a modest population shift would breach it.`;
    findings.push(fail(message, item.line, { endLine: item.endLine, severity }));
  }
  return findings;
}

function parityFindings(evidence: Evidence): CheckResult[] {
  return fairnessValues(evidence)
    .parityGaps.filter((item) => item.value > PARITY_LIMIT + 1e-9)
    .map((item) => fail(`Parity difference ${item.raw} for ${item.label} exceeds 0.10: true/false positive or selection rates differ by more than 10 points between groups.`, item.line, { endLine: item.endLine }));
}

/** Gate 5 — Responsible AI / Fairness: are affected groups identified, measured, protected and governed? */
export const responsibleAiChecks: CheckDefinition[] = [
  {
    id: 'RA-SENSITIVE-ATTRIBUTES',
    gate: 'responsible-ai',
    title: 'Sensitive attributes identified',
    description: 'Fairness cannot be assessed until the card says which groups could be treated differently, or why none can.',
    severity: 'error',
    source: `${DESIGN} (sensitive attributes); EU AI Act Annex IV 2(b) (persons or groups the system is intended to be used on) and Art. 10(2)(f) (examination for possible biases)`,
    mitigation: 'List the sensitive attributes relevant to the affected people (age, sex, race/ethnicity, disability, ...) and how they are obtained for testing, or state that none apply and which proxies (location, income, names, language) were checked.',
    run: ({ evidence }) => {
      const hit = findPreferred(evidence, SENSITIVE, ['fairness']);
      if (hit) return pass(hit.line);
      // "uses no personal data", "not individuals": negative by nature, so any mention counts.
      const explicitNone = evidence.findAny(NONE_USED);
      const denied = explicitNone ?? evidence.findAbsence(SENSITIVE);
      if (denied && !explicitNone && UNDECIDED.test(denied.sentence.toLowerCase())) {
        return fail(`Sensitive attributes are not yet identified: "${quote(denied)}".`, denied.line, { endLine: denied.endLine });
      }
      if (denied) {
        if (evidence.find(PROXY_CHECK)) return pass(denied.line);
        return fail(`The card states that no sensitive attributes apply ("${quote(denied)}") but not whether proxies for protected groups (location, income, language, names) were checked.`, denied.line, { endLine: denied.endLine, severity: 'warning' });
      }
      return fail('The card neither identifies sensitive attributes or affected groups nor states that none apply.', evidence.anchor('fairness', 'limitations'));
    },
  },
  {
    id: 'RA-HARM-SCENARIOS',
    gate: 'responsible-ai',
    title: 'Potential harm scenarios',
    description: 'Named harm scenarios decide which fairness metrics matter and which mitigations are needed.',
    severity: 'error',
    source: `${DESIGN} (potential harm scenarios; failure mode "potential harm scenarios not identified"); NIST AI RMF MAP 5.1 (likelihood and magnitude of impacts); EU AI Act Annex IV 3 (foreseeable unintended outcomes and risks to fundamental rights)`,
    mitigation: 'Describe who could be harmed and how (wrongful denials, unequal error rates, surveillance, over-reliance), with severity and likelihood.',
    run: (context) =>
      documented(context, {
        pattern: HARM,
        missing: 'No potential harm scenarios for affected people are identified.',
        anchor: ['fairness', 'limitations'],
      }),
  },
  {
    id: 'RA-FAIRNESS-ASSESSMENT',
    gate: 'responsible-ai',
    title: 'Fairness measured across groups',
    description: '"We did not observe bias" is not an assessment; only per-group metrics show whether groups are treated alike.',
    severity: 'error',
    source: `${DESIGN} (fairness metrics needed; failure mode "no fairness assessment for sensitive groups"); NIST AI RMF MEASURE 2.11 (fairness and bias evaluated and documented); EU AI Act Annex IV 2(g) (potentially discriminatory impacts)`,
    mitigation: 'Compute fairness metrics per sensitive group (disparate impact, equalized odds or equal opportunity difference, calibration by group) on the test set and report them with the thresholds used.',
    run: ({ evidence }) => {
      const values = fairnessValues(evidence);
      const measured = [...values.disparateImpact, ...values.parityGaps].sort((a, b) => a.line - b.line)[0];
      if (measured) return pass(measured.line);
      let named: Hit | undefined;
      for (const hit of evidence.hits(FAIRNESS_METRIC)) {
        if (hit.negated || inTopics(sectionTopics(evidence, hit), TARGET_TOPICS)) continue;
        if (NUMBER_VALUE.test(hit.sentence)) return pass(hit.line);
        named ??= hit;
      }
      const notDone = evidence.findWhere(FAIRNESS_NOT_DONE, (hit) => BIAS_CONTEXT.test(hit.block.text.toLowerCase()));
      if (notDone) return fail(`The card says fairness has not been measured: "${quote(notDone)}".`, notDone.line, { endLine: notDone.endLine });
      const claim = evidence.findAny(NO_BIAS_CLAIM);
      if (claim) return fail(`The card claims an absence of bias without any per-group metric: "${quote(claim)}".`, claim.line, { endLine: claim.endLine });
      if (named) return fail(`Fairness metrics are named but no values are reported: "${quote(named)}".`, named.line, { endLine: named.endLine });
      const groups = evidence.findAny(DEMOGRAPHIC);
      if (groups) return fail(`Sensitive groups are named (line ${groups.line}: "${quote(groups, 80)}") but no fairness metric is reported for them.`, evidence.anchor('fairness') ?? groups.line);
      return skip(); // No group is identified: RA-SENSITIVE-ATTRIBUTES reports that gap.
    },
  },
  {
    id: 'RA-DISPARATE-IMPACT',
    gate: 'responsible-ai',
    title: 'Disparate impact within the four-fifths rule',
    description: 'A selection-rate ratio under 0.80 is the standard evidence of adverse impact on a group.',
    severity: 'error',
    source: 'US EEOC Uniform Guidelines four-fifths rule (29 CFR 1607.4(D)); ML workflows PRD fairness audit ("disparate impact ratio should be > 0.8"): under 0.80 is a blocker, 0.80–0.90 a warning',
    mitigation: 'Mitigate the disparity (reweighing, constraint-based training, group-aware thresholds reviewed by legal) until every group is at or above 0.80, ideally 0.90, and re-check on fresh data.',
    run: ({ evidence }) => {
      const values = fairnessValues(evidence).disparateImpact;
      if (values.length === 0) return skip();
      const findings = disparateImpactFindings(evidence);
      return findings.length > 0 ? findings : pass(values[0].line);
    },
  },
  {
    id: 'RA-PARITY-GAP',
    gate: 'responsible-ai',
    title: 'Error-rate parity across groups',
    description: 'Equal selection rates can hide a group for which the model makes many more mistakes.',
    severity: 'warning',
    source: 'Gate review design, fairness metrics (equalized odds: TPR and FPR equal across groups); IBM AI Fairness 360 guidance (fair range of −0.1 to 0.1 for parity differences)',
    mitigation: 'Reduce the gap (post-processing or constrained training) until equalized odds / equal opportunity / parity differences are at most 0.10 for every group.',
    run: ({ evidence }) => {
      const values = fairnessValues(evidence).parityGaps;
      if (values.length === 0) return skip();
      const findings = parityFindings(evidence);
      return findings.length > 0 ? findings : pass(values[0].line);
    },
  },
  {
    id: 'RA-BIAS-MITIGATION',
    gate: 'responsible-ai',
    title: 'Bias mitigation',
    description: 'A known disparity that is left unmitigated ships the harm to production.',
    severity: 'error',
    source: `${DESIGN} (mitigation strategies; failure mode "unmitigated bias in training data"); EU AI Act Art. 10(2)(g) (measures to detect, prevent and mitigate biases); NIST AI RMF MANAGE 1.3`,
    mitigation: 'Document the mitigation for each disparity or harm (proxy removal, reweighing, threshold review, human review) and its measured effect, or justify why none is needed.',
    run: ({ evidence }) => {
      const breach = [...disparateImpactFindings(evidence), ...parityFindings(evidence)][0];
      const absence = evidence.findAbsence(MITIGATION, { topics: FAIRNESS_TOPICS });
      if (absence) {
        // "No mitigation was needed: every ratio is above 0.9" is a justification, unless the card's own numbers contradict it.
        if (!JUSTIFIED.test(absence.sentence.toLowerCase()) || breach) return fail(`Bias mitigation is explicitly missing: "${quote(absence)}".`, absence.line, { endLine: absence.endLine });
        return pass(absence.line);
      }
      const hit = findPreferred(evidence, MITIGATION, ['fairness'], FAIRNESS_TOPICS, (candidate) => BIAS_CONTEXT.test(candidate.block.text.toLowerCase()));
      if (hit) return pass(hit.line);
      const anchor = evidence.anchor('fairness', 'limitations');
      if (breach && breach.outcome === 'fail') return fail(`A group disparity is reported (line ${breach.line}) but no mitigation is documented.`, anchor ?? breach.line);
      const acknowledged = evidence.find(BIAS_ACKNOWLEDGED);
      if (acknowledged) return fail(`The card acknowledges bias ("${quote(acknowledged)}") but documents no mitigation.`, anchor ?? acknowledged.line);
      return fail('No bias mitigation strategy is documented.', anchor, { severity: 'warning' });
    },
  },
  {
    id: 'RA-BIAS-MONITORING',
    gate: 'responsible-ai',
    title: 'Ongoing bias detection',
    description: 'Group disparities drift with the population; a one-off check before launch does not catch them.',
    severity: 'warning',
    source: `${DESIGN} (bias detection plan); NIST AI RMF MANAGE 4.1 (post-deployment monitoring); EU AI Act Annex IV 9 (post-market monitoring plan)`,
    mitigation: 'Re-compute the fairness metrics on every release and on a schedule in production (e.g. monthly per-group metrics with an alert threshold) and name who reviews them.',
    run: (context) =>
      documented(context, {
        pattern: BIAS_MONITORING,
        missing: 'No plan to detect bias after launch (per-group metrics re-checked in CI or monitored in production) is documented.',
        anchor: ['fairness', 'monitoring'],
      }),
  },
  {
    id: 'RA-GOVERNANCE',
    gate: 'responsible-ai',
    title: 'Governance review and sign-off',
    description: 'A release decision about people needs an accountable review body, not only the model team.',
    severity: 'error',
    source: `${DESIGN} (governance and review requirements; failure mode "no governance or review process"); NIST AI RMF GOVERN 1 and GOVERN 2.1; EU AI Act Art. 17 (quality management, accountability)`,
    mitigation: 'Have the model reviewed and signed off by the accountable governance body (model risk committee, responsible-AI board, compliance/legal) and record the date and outcome.',
    run: ({ evidence }) => {
      const formal = findPreferred(evidence, FORMAL_GOVERNANCE, ['fairness', 'governance']);
      if (formal) {
        const block = formal.block.text.toLowerCase();
        if (PENDING.test(block)) return fail(`A governance review is under way but not concluded: "${quote(formal)}", and the card says approval is still pending.`, formal.line, { endLine: formal.endLine, severity: 'warning' });
        return pass(formal.line);
      }
      const stakeholder = evidence.find(STAKEHOLDER_REVIEW);
      if (stakeholder) return fail(`Stakeholders reviewed the model ("${quote(stakeholder)}"), but no formal governance sign-off (model risk committee, responsible-AI board, compliance) is recorded.`, stakeholder.line, { endLine: stakeholder.endLine, severity: 'warning' });
      return absentOrMissing(evidence.findAbsence(FORMAL_GOVERNANCE), `No governance review has taken place: `, 'No governance review or sign-off (model risk committee, responsible-AI board, compliance) is documented.', evidence.anchor('governance', 'fairness'));
    },
  },
  {
    id: 'RA-HUMAN-OVERSIGHT',
    gate: 'responsible-ai',
    title: 'Human oversight, appeal and recourse',
    description: 'People affected by a wrong prediction need a human who can review, override or hear an appeal.',
    severity: 'warning',
    source: 'EU AI Act Art. 14 and Annex IV 2(e) (human oversight measures); NIST AI RMF MEASURE 3.3 (feedback and appeal of system outcomes)',
    mitigation: 'Describe who can review and override predictions, and how affected people can contest a decision and get it corrected.',
    run: (context) =>
      documented(context, {
        pattern: OVERSIGHT,
        missing: 'No human oversight, override or appeal route for affected people is described.',
        anchor: ['fairness', 'intended-use'],
      }),
  },
  {
    id: 'RA-TRANSPARENCY',
    gate: 'responsible-ai',
    title: 'Transparency to affected people',
    description: 'People affected by a model-driven decision should know it was made with a model and why.',
    severity: 'warning',
    source: 'EU AI Act Art. 13 and Art. 50 (transparency obligations); NIST AI RMF MEASURE 2.8 (transparency and accountability); US ECOA / Regulation B adverse action notices',
    mitigation: 'State how users and affected people are informed (disclosure that a model is used, reason codes or explanations for adverse outcomes).',
    run: (context) =>
      documented(context, {
        pattern: TRANSPARENCY,
        missing: 'The card does not say how affected people are told that a model is used or why they got an outcome.',
        anchor: ['fairness', 'intended-use'],
      }),
  },
  {
    id: 'RA-LIMITATIONS',
    gate: 'responsible-ai',
    title: 'Limitations and known biases',
    description: 'Stated limitations tell users where the model must not be trusted.',
    severity: 'warning',
    source: 'Hugging Face model card template (Bias, Risks, and Limitations); Model Card Toolkit considerations.limitations; EU AI Act Annex IV 3 (capabilities and limitations in performance)',
    mitigation: 'Add a "Bias, Risks, and Limitations" section: populations, inputs and conditions where the model is weak or untested.',
    run: (context) => {
      const { evidence } = context;
      // "Not validated for loans above USD 35,000" states a limitation, although it reads as a negation.
      const notValidated = evidence.find(LIMITATIONS) ? undefined : evidence.findAny(NOT_VALIDATED);
      if (notValidated && evidence.sectionsWithContent('limitations').length === 0) return pass(notValidated.line);
      return documented(context, {
        pattern: LIMITATIONS,
        orSection: ['limitations'],
        missing: 'No limitations or known biases are documented.',
        anchor: ['limitations'],
      });
    },
  },
  {
    id: 'RA-PRIVACY',
    gate: 'responsible-ai',
    title: 'Personal data protection',
    description: 'Personal data in training or inference brings legal duties (minimisation, retention, impact assessment).',
    severity: 'warning',
    source: 'NIST AI RMF MEASURE 2.10 (privacy risk examined and documented); GDPR Art. 35 (data protection impact assessment); Gate review design, Gate 5 (governance and review requirements)',
    mitigation: 'State which personal data is used and how it is protected (masking or tokenisation, retention, access control, DPIA), or that no personal data is used.',
    run: ({ evidence }) => {
      const hit = evidence.find(PRIVACY) ?? evidence.findAny(NO_PERSONAL_DATA);
      if (hit) return pass(hit.line);
      return absentOrMissing(evidence.findAbsence(PRIVACY), `Personal data protection is not addressed: `, 'The card does not say whether personal data is used or how it is protected.', evidence.anchor('security', 'training-data'));
    },
  },
];
