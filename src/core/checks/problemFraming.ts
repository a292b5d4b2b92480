import { documented, quote } from './helpers';
import { fail, pass, type CheckDefinition } from './types';

const FRAMING = ['objectives', 'kpis', 'scope', 'model-details', 'intended-use'] as const;
const THRESHOLD_TOPICS = [...FRAMING, 'evaluation'] as const;
const KPI_WORDS = /\b(kpis?|key performance indicators?|success (metrics?|criteria|measures?)|business metrics?|north[- ]star|targets?|goals?|objectives?)\b/;
const MEASURABLE = /(\d|≥|≤|>=|<=|at least|at most|no more than|no less than)/;
/** A metric held to a bound: "recall at or above 0.93", "WAPE ≤ 22%", "AUC >= 0.80". */
const THRESHOLD = /(≥|≤|>=|<=|=<|=>|\bat (or )?(least|most|above|below)\b|\bno (more|less|worse) than\b|\bor (higher|better|lower|less|more)\b|\b(above|below|under|over|exceed\w*|within) \d)[^.;!?]{0,20}\d|\d[^.;!?]{0,12}\b(or (higher|better|lower|less|more)|minimum|maximum)\b/;
const OBJECTIVE = /\b(business (objective|goal|problem|value|case|context)|objectives?|goals?|purpose|problem statement|aims? to|in order to|so that|to (reduce|increase|improve|prevent|detect|lower|cut|decrease|raise|speed up|automate|prioriti[sz]e|flag|replace|avoid)|(reduce|increase|improve|prevent|lower|cut|decrease|raise|replace|avoid|minimi[sz]e|maximi[sz]e)s? (the )?(share|rate|number|cost|time|losses|risk|workload|volume|churn|fraud|errors?|manual))\b/;
const KPI_NAMED = /\b(kpis?|key performance indicators?|success metrics?|business metrics?|north[- ]star metric)\b/;
const ACCEPTANCE_WORDS = /\b(acceptance (criteria|criterion|thresholds?)|success criteria|release criteria|launch criteria|go\s*[/-]?\s*no[- ]go|exit criteria|must (achieve|reach|exceed|meet|be at least)|minimum (acceptable|required)|quality gates?)\b/;
const DECISION = /\b(decisions?|decides?|actions?|workflow|routed|routes?|queue|flag(s|ged)? (for|to)|human[- ]in[- ]the[- ]loop|manual review|reviewed by|escalat\w+|block(s|ed)? (the )?(transaction|request)|prioriti[sz]\w+|approv(e|es|ed|al)|declin(e|es|ed)|rejects?|divert\w*|(use|uses|used) (it|them|the (scores?|predictions?|forecasts?|outputs?)) (to|for)|to set (order|prices?|limits?)|adverse action)\b/;
const USERS = /\b(intended users|users?( are| include|:)|used by|stakeholders?|end[- ]users?|analysts?|operators?|investigators?|agents?|clinicians?|planners?|underwriters?|inspectors?|merchandisers?|reviewers?|moderators?|radiologists?|teams? (use|uses|rely)|(use|uses) (it|the model|this model))\b/;
const IN_SCOPE = /\b(intended (use|uses|for|purpose)|in[- ]scope|designed (for|to)|primary (use|uses|purpose)|direct use|used (to|for|by)|use cases?|use it (to|for)|(classifies|predicts|forecasts|scores|routes|detects|ranks|recommends|estimates|flags|generates|summari[sz]es|translates|extracts) )/;
/** A version or release date, stated in words or as "v2.1" (two patterns: "v" plus a digit has no index key of its own). */
const VERSION_WORD = /\b(version|release date|released)\b/;
const VERSION_NUMBER = /\bv(?:0|1|2|3|4|5|6|7|8|9)\d*(\.\d+)*\b/;
const DESIGN = 'Gate review design, Gate 1 outputs';

/** Gate 1 — Problem Framing / KPIs: is it clear why the model exists and how success is measured? */
export const problemFramingChecks: CheckDefinition[] = [
  {
    id: 'PF-OBJECTIVE',
    gate: 'problem-framing',
    title: 'Business objective stated',
    description: 'A model without a stated business objective cannot be judged fit for purpose.',
    severity: 'error',
    source: `${DESIGN} (business objectives); failure mode "vague business objectives"`,
    mitigation: 'Write the business objective: the decision the model supports and the outcome it should change.',
    run: (context) =>
      documented(context, {
        pattern: OBJECTIVE,
        topics: FRAMING,
        orSection: ['objectives'],
        missing: 'No business objective is stated.',
        anchor: ['objectives', 'model-details'],
      }),
  },
  {
    id: 'PF-KPI-DEFINED',
    gate: 'problem-framing',
    title: 'KPIs named',
    description: 'Named KPIs tie the model to business outcomes that can be tracked after launch.',
    severity: 'error',
    source: `${DESIGN} (KPIs and target metrics); failure mode "unclear KPIs"`,
    mitigation: 'Name the KPIs the model should move (e.g. fraud loss per month, churn rate) and who tracks them.',
    run: (context) =>
      {
        const named = context.evidence.find(KPI_NAMED);
        if (named) return pass(named.line);
        // A goal stated with a number ("replace two of three inspection stations while keeping recall ≥ 0.93") names its KPI.
        const measurableGoal = context.evidence.findWhere(KPI_WORDS, (hit) => !hit.negated && MEASURABLE.test(hit.sentence));
        if (measurableGoal) return pass(measurableGoal.line);
        return documented(context, { pattern: KPI_NAMED, missing: 'No KPI is named.', anchor: ['kpis', 'objectives'] });
      },
  },
  {
    id: 'PF-KPI-TARGET',
    gate: 'problem-framing',
    title: 'KPIs have measurable targets',
    description: 'A KPI without a numeric target cannot decide Go or No-Go.',
    severity: 'error',
    source: `${DESIGN} (KPIs and target metrics); failure mode "success criteria not measurable"`,
    mitigation: 'Give every KPI a numeric target and a time frame (e.g. "reduce fraud losses by 20% within two quarters").',
    run: ({ evidence }) => {
      const mentions = evidence.findAll(KPI_WORDS).filter((hit) => !hit.negated);
      const measurable = mentions.find((hit) => MEASURABLE.test(hit.sentence)) ?? evidence.find(/\d/, { topics: ['kpis'] });
      if (measurable) return pass(measurable.line);
      if (mentions.length > 0) return fail(`KPIs or goals are named but have no measurable target: "${quote(mentions[0])}".`, mentions[0].line, { endLine: mentions[0].endLine });
      return fail('No KPI target is stated.', evidence.anchor('kpis', 'objectives'));
    },
  },
  {
    id: 'PF-KPI-BASELINE',
    gate: 'problem-framing',
    title: 'Baseline to beat',
    description: 'Without the current baseline, an improvement target has nothing to be measured against.',
    severity: 'warning',
    source: `${DESIGN} (success criteria); ML Test Score (model tested against a simpler baseline)`,
    mitigation: 'State the current baseline (existing process, rules or model) and its KPI values.',
    run: (context) =>
      documented(context, {
        pattern: /\b(baselines?|status quo|current (process|system|rules?|model|rate|approach|performance|scorecard)|currently|existing (process|system|rules?|model)|rule[- ]based|compared (to|with|against)|from (about |~)?\d+(\.\d+)?\s*(%|h|ms|s|days?|hours?|minutes?)?\s+to)\b/,
        missing: 'No baseline (current process, rules or model) is given to compare against.',
        anchor: ['kpis', 'evaluation'],
      }),
  },
  {
    id: 'PF-ACCEPTANCE',
    gate: 'problem-framing',
    title: 'Acceptance thresholds for release',
    description: 'Explicit acceptance thresholds make the release decision a check, not an opinion.',
    severity: 'error',
    source: `${DESIGN} (success criteria and acceptance thresholds); EU AI Act Annex IV 2(g) (metrics and thresholds)`,
    mitigation: 'Define the acceptance thresholds the model must meet before release (e.g. precision ≥ 0.90 at recall ≥ 0.60).',
    run: (context) =>
      {
        // A KPI or metric held to a bound is an acceptance threshold even when the card does not call it one.
        // Acceptance wording is looked for first: it decides the result, and THRESHOLD has no index keys (a scan of every block).
        if (!context.evidence.find(ACCEPTANCE_WORDS)) {
          const bound = context.evidence.find(THRESHOLD, { topics: THRESHOLD_TOPICS });
          if (bound) return pass(bound.line);
        }
        return documented(context, { pattern: ACCEPTANCE_WORDS, missing: 'No acceptance thresholds or success criteria for release are defined.', anchor: ['kpis', 'evaluation'] });
      },
  },
  {
    id: 'PF-SCOPE-IN',
    gate: 'problem-framing',
    title: 'Intended use and scope',
    description: 'The intended use bounds where the evidence in the card applies.',
    severity: 'warning',
    source: `${DESIGN} (scope boundaries); Hugging Face model card template (Uses / Direct Use); EU AI Act Annex IV 1(a)`,
    mitigation: 'Describe the intended use: the task, the population and the setting the model was built for.',
    run: (context) =>
      documented(context, {
        pattern: IN_SCOPE,
        topics: [...FRAMING, 'model-details'],
        orSection: ['intended-use'],
        missing: 'The intended use (in-scope) is not described.',
        anchor: ['intended-use', 'scope'],
      }),
  },
  {
    id: 'PF-SCOPE-OUT',
    gate: 'problem-framing',
    title: 'Out-of-scope uses',
    description: 'Naming what the model must not be used for prevents scope creep and misuse.',
    severity: 'warning',
    source: `${DESIGN} (scope boundaries, failure mode "scope creep"); Hugging Face model card template (Out-of-Scope Use)`,
    mitigation: 'List out-of-scope uses and populations the model must not be applied to.',
    run: ({ evidence }) => {
      const section = evidence.sectionsWithContent('out-of-scope')[0];
      if (section) return pass(section.line);
      const hit = evidence.findAny(/\b(out[- ]of[- ]scope|not (be )?intended|should not be used|must not be used|not (be )?suitable|misuse|not designed (for|to))\b/);
      return hit ? pass(hit.line) : fail('Out-of-scope uses are not stated.', evidence.anchor('out-of-scope', 'intended-use'));
    },
  },
  {
    id: 'PF-USERS',
    gate: 'problem-framing',
    title: 'Users and stakeholders',
    description: 'Knowing who consumes the predictions tells reviewers who is affected by errors.',
    severity: 'warning',
    source: `${DESIGN} (pre-review: stakeholders identified); Model Card Toolkit considerations.users`,
    mitigation: 'Name the users of the predictions and the stakeholders (product, legal, security) who sign off.',
    run: (context) =>
      documented(context, {
        pattern: USERS,
        missing: 'The users of the predictions and the stakeholders are not named.',
        anchor: ['intended-use'],
      }),
  },
  {
    id: 'PF-DECISION',
    gate: 'problem-framing',
    title: 'How predictions drive decisions',
    description: 'The action taken on a prediction determines the cost of each kind of error.',
    severity: 'warning',
    source: `${DESIGN} (business objectives and strategic alignment)`,
    mitigation: 'Describe what happens with a prediction: the decision, the action and whether a human is in the loop.',
    run: (context) =>
      documented(context, {
        pattern: DECISION,
        missing: 'The card does not say how predictions turn into decisions or actions.',
        anchor: ['intended-use', 'objectives'],
      }),
  },
  {
    id: 'PF-ASSUMPTIONS',
    gate: 'problem-framing',
    title: 'Assumptions and open questions',
    description: 'Unstated assumptions are the usual root cause of a model that works in review and fails in production.',
    severity: 'warning',
    source: `${DESIGN} (assumptions and open clarifications)`,
    mitigation: 'List the assumptions the model relies on (data availability, population, business rules) and the open questions.',
    run: (context) =>
      documented(context, {
        pattern: /\b(assum(e|es|ed|ing|ptions?)|open (questions?|issues?)|clarifications?|depends on|dependenc(y|ies)|constraints?|caveats?)\b/,
        orSection: ['assumptions', 'limitations'],
        missing: 'No assumptions or open questions are recorded.',
        anchor: ['assumptions', 'limitations'],
      }),
  },
  {
    id: 'PF-MODEL-DETAILS',
    gate: 'problem-framing',
    title: 'Model type and version',
    description: 'Reviews apply to one model version; the type explains which risks to look for.',
    severity: 'warning',
    source: 'Hugging Face model card template (Model Details); EU AI Act Annex IV 1(b)-(c); Model Card Toolkit model_details',
    mitigation: 'State the model type and architecture, its version and release date.',
    run: ({ evidence }) => {
      const metadata = evidence.metadata;
      const type = evidence.find(/\b(model type|architecture|gradient[- ]boost\w*|xgboost|lightgbm|catboost|random forest|logistic regression|linear regression|decision tree|neural network|transformer|bert|distilbert|roberta|gpt|llm|cnn|resnet|efficientnet|vit|lstm|svm|classifier|regressor)\b/);
      // The version is looked for only when it decides the result.
      if (type && (metadata?.baseModel || metadata?.libraryName || evidence.find(VERSION_WORD) || evidence.find(VERSION_NUMBER))) return pass(type.line);
      const missing = type ? 'the version' : 'the model type';
      return fail(`Model details are incomplete: ${missing} is not stated.`, evidence.anchor('model-details'));
    },
  },
  {
    id: 'PF-OWNER',
    gate: 'problem-framing',
    title: 'Accountable owner and contact',
    description: 'Someone must own the model and answer for it after launch.',
    severity: 'warning',
    source: 'Hugging Face model card template (Model Card Contact); NIST AI RMF GOVERN 2.1 (roles and responsibilities)',
    mitigation: 'Name the accountable owner (team and person or role) and a contact channel.',
    run: (context) =>
      documented(context, {
        pattern: /\b(owners?|owned by|maintained by|maintainers?|contact|developed by|authors?|accountable|responsible team|team)\b\s*[:\-–]?\s*\S/,
        missing: 'No accountable owner or contact is named.',
        anchor: ['contact', 'model-details'],
      }),
  },
  {
    id: 'PF-LICENSE',
    gate: 'problem-framing',
    title: 'License stated',
    description: 'The license decides whether the model may be used commercially at all.',
    severity: 'info',
    source: 'Hugging Face model card metadata (license)',
    mitigation: 'Add the license to the card metadata (e.g. `license: apache-2.0`) or a License section.',
    run: ({ evidence }) => {
      if (evidence.metadata?.license) return pass(evidence.metadata.line);
      const section = evidence.sectionsWithContent('license')[0];
      if (section) return pass(section.line);
      const hit = evidence.find(/\b(licen[cs]ed? under|licen[cs]e:|apache[- ]2|mit licen[cs]e|proprietary|internal use only|cc[- ]by)/);
      return hit ? pass(hit.line) : fail('No license is stated.', evidence.anchor('license'));
    },
  },
];
