/**
 * Canonical card topics and the heading names real cards use for them.
 * Hugging Face, Model Card Toolkit, Google/Mitchell et al. and in-house templates name the
 * same section many ways; checks ask for a topic, never for a literal heading.
 */
export const TOPIC_SYNONYMS = {
  'model-details': /\b(model (details|description|overview|summary|information|info)|overview|summary|about|introduction|description|model architecture|architecture)\b/,
  'intended-use': /\b(intended (use|uses|users|purpose)|uses|direct use|downstream use|use cases?|applications?|primary (intended )?uses?|users|how (it|this model) is used)\b/,
  'out-of-scope': /\b(out[- ]of[- ]scope|misuse|malicious use|not intended|prohibited uses?|limitations of use)\b/,
  objectives: /\b(business (objectives?|goals?|context|problem|case|value)|problem (statement|framing|definition)|objectives?|goals?|motivation|purpose|why this model)\b/,
  kpis: /\b(kpis?|success (criteria|metrics|measures)|key (performance|results)|acceptance (criteria|thresholds?)|targets?|release criteria)\b/,
  scope: /\b(scope|in[- ]scope|boundaries)\b/,
  assumptions: /\b(assumptions?|open (questions|issues)|clarifications?|dependencies|constraints)\b/,
  'training-data': /\b(training data(set)?s?|data(sets?)?|data sources?|data collection|data card|training details|data provenance|sensitive data)\b/,
  'evaluation-data': /\b(evaluation data(set)?s?|testing data|test data(set)?|validation data(set)?|eval(uation)? sets?|testing data, factors ?& metrics)\b/,
  features: /\b(features?|feature engineering|feature sets?|inputs?|input features|preprocessing|pre-processing|data processing|transformations?|feature store)\b/,
  'training-procedure': /\b(training (procedure|hyperparameters|regime|setup)|training|hyperparameters|model parameters|fine[- ]tuning)\b/,
  evaluation: /\b(evaluation|results?|performance|metrics|quantitative analys[ie]s|benchmarks?|testing|validation|error analysis|factors)\b/,
  limitations: /\b(bias, risks,? and limitations|limitations?|risks?|caveats?|recommendations|known (issues|failure modes)|tradeoffs?|trade-offs?)\b/,
  fairness: /\b(fairness|responsible (ai|use)|ethical considerations|ethics|bias|equity|harms?|sensitive (attributes|groups))\b/,
  security: /\b(security|robustness|adversarial|threat models?|threats|privacy|safety|abuse|supply chain|integrity|secrets?|credentials?|access control|authentication|authori[sz]ation|hardening)\b/,
  deployment: /\b(deployment|deploying|serving|rollout|roll-out|release( plan)?|inference|production|launch|technical specifications|compute infrastructure|software|rollback|ci\/cd|mlops|model registry|operations)\b/,
  monitoring: /\b(monitoring|observability|alerting|alerts|alert thresholds|maintenance|operations|on-call|drift|retraining|slos?|slas?|mlops|incident response)\b/,
  governance: /\b(governance|approvals?|sign-?off|accountability|compliance|regulatory|audit|review board)\b/,
  environment: /\b(environmental impact|carbon|emissions|compute infrastructure|hardware)\b/,
  contact: /\b(contact|authors?|owners?|maintainers?|model card authors|team|developed by)\b/,
  license: /\b(licen[cs]es?)\b/,
  citation: /\b(citation|citations|references|bibtex|cite)\b/,
  'getting-started': /\b(how to get started|usage|quick ?start|getting started|example usage|how to use)\b/,
} as const;

export type Topic = keyof typeof TOPIC_SYNONYMS;

export const TOPICS = Object.keys(TOPIC_SYNONYMS) as Topic[];

const MEMO_LIMIT = 4096;
const memo = new Map<string, readonly Topic[]>();

/** Topics a heading names, e.g. "Testing Data, Factors & Metrics" → evaluation-data, evaluation. */
export function topicsOfHeading(title: string): readonly Topic[] {
  let topics = memo.get(title);
  if (topics === undefined) {
    const normalized = title.toLowerCase().replace(/[_*`#:]+/g, ' ').replace(/\s+/g, ' ').trim();
    topics = TOPICS.filter((topic) => TOPIC_SYNONYMS[topic].test(normalized));
    // Cards reuse the same few hundred headings; the memo is bounded for long-running hosts.
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(title, topics);
  }
  return topics;
}
