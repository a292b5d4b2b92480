import type { Topic } from '../card/topics';
import { endsNegated, type Evidence, type Hit } from '../evidence/evidence';
import { documented, quote } from './helpers';
import { fail, pass, skip, type CheckContext, type CheckDefinition, type CheckResult } from './types';

const DESIGN = 'Gate review design, Gate 3 outputs';
const PRD_VALIDATION = 'ML workflows PRD, feature engineering workflow (Validate Features: data leakage check)';
const FEATURES: readonly Topic[] = ['features', 'training-procedure'];
const FEATURES_AND_DATA: readonly Topic[] = ['features', 'training-procedure', 'training-data', 'evaluation-data'];
const MODEL_INPUTS: readonly Topic[] = ['features', 'training-procedure', 'training-data', 'model-details'];
const INTERPRETATION: readonly Topic[] = ['features', 'evaluation', 'limitations', 'fairness', 'model-details'];
const INPUT_CONTEXT: readonly Topic[] = ['features', 'training-procedure', 'training-data', 'model-details', 'intended-use'];

// Features and lineage.
const FEATURES_LISTED = /\b(features? (groups?|sets?|include|includes|are|:)|feature groups|features in|input (features|fields|variables|format|data|text|images?)|inputs?:|takes (an?|the) [a-z ]{0,30}(text|sentence|image|input|document|record|transaction|ticket|paragraph|request|message)|predictors|covariates|(variables|signals) (include|are|used))/;
const PLUS_JOINED_FIELDS = /\((?:[a-z][\w -]*\s\+\s)+[a-z][\w -]*\)/;
const LINEAGE = /\b(lineage|feature store|feast|tecton|hopsworks|featureform|dbt|data catalog|feature (catalog|registry|definitions?|views?)|(built|computed|derived|sourced) (in|from|with) (the )?[\w.-]+ (tables?|models?|views?|pipelines?|jobs?|events|logs|sources?|warehouse))\b/;

// Transformations and training/serving consistency.
const TRANSFORM = /\b(transform(s|ed|ing|ations?)?|preprocess\w*|pre-processing|normali[sz]\w*|standardi[sz]\w*|scal(ed|ing)|one-hot|(label|ordinal|frequency|target|binary|hash\w*) encod\w+|encoded|embedd\w+|tokeni[sz]\w*|bucketi[sz]\w*|binn(ed|ing)|winsori[sz]\w*|clipp(ed|ing)|imput\w+|lag(ged)? \w+|lags|rolling (means?|averages?|windows?|sums?|counts?)|aggregat\w+|resiz\w+|crop(ped|ping)|augment\w*|lower-?cased|truncat\w+|stemm\w+|lemmati[sz]\w+|feature (pipeline|code)|dbt)\b/;
const SERVING_PARITY = /\b(training[- ]serving skew|train[- ]serve skew|online[/ -]offline|offline[/ -]online|parity (tests?|checks?)|same (\w+ )?(code|pipeline|logic|transformations?|preprocessing) (runs |is used )?(offline and online|online and offline|at (training|serving|inference)|in (training|serving)|for (training|serving))|feature store|feast|tecton|shared (preprocessing|feature|transformation) (code|pipeline|library)|dbt models?|(sklearn|scikit-learn) pipeline|serialized (pipeline|preprocessor)|(identical|same) (at|in|for) training and (serving|inference))\b/;

// Leakage.
const LEAKAGE_REVIEW = /\b(leak\w*|point[- ]in[- ]time|(computed|taken|joined|calculated|built|snapshotted|frozen) as[- ]of|(post|after)[- ](event|outcome|origination|decision)s? (fields?|features?|data)|future (information|data|values)|look-?ahead|time[- ]travel)\b/;
const LEAKY_FIELD = /\b(chargeback[\s_]flags?|days[\s_](until|to)[\s_](cancel\w*|churn\w*|default\w*|chargeback\w*|fraud|resolution|closure|delinquen\w*)|time[\s_]to[\s_](churn|cancel\w*|default|event|resolution)|(post|after)[\s_-](outcome|event|decision|resolution|default|origination|approval|diagnosis|churn)|cancellation[\s_](date|reason|flag)|case[\s_](status|outcome)|resolution[\s_](code|status|time)|final[\s_](status|outcome|queue|diagnosis)|collections?[\s_]flags?|hardship[\s_]flags?|refund(ed)?[\s_]flags?|settlement[\s_]amounts?|(recorded|known|available|computed|populated) (only )?after (the )?(outcome|event|origination|decision|label|target|default|churn|cancellation|resolution|transaction))\b/;
const EXCLUDED = /\b(exclud\w+|remov\w+|dropp\w+|(not|never) (used|available|included|part of|an input|a feature)|prevent\w*|avoid\w*|lag(ged)?|point-in-time|as of)\b/;
const POINT_IN_TIME = /\b(point[- ]in[- ]time|(computed|taken|joined|calculated|built|snapshotted|frozen) as[- ]of|nothing from the future)\b/;
const NO_POST_EVENT = /(?<=\bno )\bpost-(event|outcome) (fields?|features?|data|information)\b/;
// A leakage finding: a finding verb in the same sentence, and no fix or all-clear after it.
const LEAK_WORD = /\bleak\w*(?:(?=[^.;\n]{0,80}\b(found|detected|identified|discovered|observed|confirmed|suspected|shows?|showed)\b)|(?<=\b(found|detected|identified|discovered|observed|confirmed|suspected|shows?|showed)\b[^.;\n]{0,80}))(?![^.;\n]{0,80}(?<!\bnot (yet )?(been )?)\b(fixed|removed|resolved|mitigated|addressed|corrected|eliminated|dropped|excluded)\b)(?![^.;\n]{0,80}\b(found|detected|identified|showed|shows) no\b)/;
const LEAK_FOUND = /\b(found|detected|identified|discovered|observed|confirmed|suspected|shows?|showed)\b/;
const LEAK_FIXED = /\b(fixed|removed|resolved|mitigated|addressed|corrected|eliminated|dropped|excluded)\b/;
const LEAK_NOT_FIXED = /\b(not (yet )?(been )?(fixed|removed|resolved|addressed|corrected)|unresolved|unfixed|still (present|in use|used|included)|remains?)\b/;
const LEAK_CLEAN = /\b(found|detected|identified|showed|shows) no\b|\bno (\w+ )?(issues?|leak\w*|problems?|concerns?)\b|\bnothing\b/;
const TARGET_ENCODING = /\b(target[- ]encod\w+|mean[- ]encod\w+|likelihood[- ]encod\w+)/;
const SAFE_ENCODING = /\b(out-of-fold|k-fold|cross-fit\w*|leave-one-out|lag(ged)?|\d+-day lag|time-aware|prior (period|window)s?|point-in-time|training folds)\b/;
const LABEL_DERIVED = /\b((derived|computed|calculated|built) (directly )?from (the )?(label|target|outcome)|(uses?|includes?) (the )?(label|target|outcome) (as|in) (an? )?(input|feature))\b/;
const LEAKAGE_SANITY = /\b(shuffled[- ]label|label[- ](shuffl|permut)\w*|permuted[- ]labels?)\b/;
const NO_DOMINANT_FEATURE = /(?<=\bno )\bsingle feature (exceeds|dominates|accounts|carries)\b/;
const IMPORTANCE_SHARE = /\b(shap|importance|gain)\b/;
const DOMINANCE_CONTEXT = /\b((single|one|top|first) feature|alone|accounts? for|explains?|share)\b/;
const RANDOM_SPLIT = /\b(random(ly)? (\d+\/\d+ )?(train\/test |train-test |train\/validation )?split|split (at )?random(ly)?|shuffled split)\b/;
const REPEATED_ENTITY = /\b(snapshots?|account-month|customer-month|user-day|per-(account|customer|user|patient)|repeated (measurements|visits|rows|records)|multiple (rows|records|transactions|visits|images|sentences|phrases|snapshots) per)\b/;
const NO_OVERLAP = /(?<=\bno [a-z ,]{0,40})\b(appears?|overlaps?) (in|between) both\b/;
const GROUP_SAFE = /\b(group(ed)?[- ]?(k-?fold|split|shuffle)|split by (account|customer|user|patient|store|entity|id|group)|entity[- ]level split|(time|date)[- ]based (split|cross-validation|validation|holdout)|out-of-time|forward[- ]chaining|rolling[- ]origin)/;

// Missingness, importance, encoding, selection, tests.
const MISSING_REPORT = /(?<=\b(is|are|was|were) (often |mostly |frequently )?)\b(missing|null|empty|blank|incomplete|unavailable|not recorded)\b|\b(missing (for|in) (about |around |~)?\d|missing values? (are|is|of|at|rate|below|under|above|in))/;
const MISSING_HANDLING = /\b(imput\w+|fill(ed|s)? (with|in)|fillna|forward[- ]fill\w*|back[- ]?fill\w*|interpolat\w+|missing[- ]indicators?|is_missing|indicator (columns?|features?|flags?)|treat(ed|s)? (missing )?(as|like)|map(ped|s)? to (an? )?(explicit )?\W?(unknown|missing|other)|native (missing|null|nan)[- ]?(value )?(handling|splits?|support)|handles? missing|dropped|removed|excluded|discarded|replaced? with|default value|sentinel|unknown category)\b/;
const MISSING_MENTION = /\b(missing|null|nan|unknown)\b/;
const IMPORTANCE = /\b(shap|feature importances?|importance (analysis|ranking|scores?|values?)|permutation importance|(top|most important|most predictive) (\d+ |five |ten )?features|(?<=\bby )\bgain\b|gain-based|integrated gradients|grad-?cam|saliency|attention (maps?|analysis)|partial dependence|feature attributions?)\b/;
const SHORTCUT = /\b(shortcut|spurious|clever hans|rel(y|ies|ied|ying) on [^.;]{0,60}rather than|instead of the (panel|object|lesion|product|signal|content))/;
const IMPORTANCE_HEADING = /model examination|interpretab|explainab|importance/;
const CATEGORICAL = /\b(categorical(?! cross)|high-cardinality|one-hot|(label|ordinal|frequency|target|hash\w*) encod\w+|unknown category|category (codes|dtype))\b/;
const ENCODING = /\b(one-hot|(label|ordinal|frequency|target|count|binary|hash\w*|woe|weight of evidence) encod\w+|encoded|embeddings?|hashing trick|native categorical|category dtype|unknown category|mapped to)\b/;
const SELECTION = /\b(features|feature selection|selected (by|using|with|via|based|after)|recursive feature elimination|rfe|boruta|(pruned|dropped|removed) (because|for|due|after|based))\b/;
const FEATURE_COUNT = /\b\d+ (candidate |input |engineered |selected |final |numeric |categorical |raw )?features\b/;
const FEATURE_TESTS = /\b(feature (expectations?|validation|tests?|schema|contracts?|checks?)|ablation|parity tests?|unit tests?|great expectations|schema (checks?|validation)|range checks?|expectation suites?|null-rate checks?)\b/;
const UNSTRUCTURED = /\b(tokeni[sz]\w*|wordpiece|sentencepiece|bpe|images?|pixels?|audio|spectrograms?|video|text classifier|text classification|language model|llm|bert|roberta|distil\w+|gpt|cnn|convolutional|efficientnet|resnet|vit|yolo|transformer (encoder|decoder|model))\b/;
const DIGIT = /\d/;
const NO_SINGLE = /\bno single\b/;
const SENTENCE_END = /(?<=[.!?;])\s+/;
const UNSTRUCTURED_TAG = /text|image|audio|speech|video|token|translation|summarization|question|fill-mask|conversational/;

/** Gate 3 — Feature Engineering: are the inputs known, reproducible and free of leakage? */
export const featureEngineeringChecks: CheckDefinition[] = [
  {
    id: 'FE-FEATURE-GROUPS',
    gate: 'feature-engineering',
    title: 'Features and inputs listed',
    description: 'Leakage, skew and fairness can only be reviewed for inputs the card names.',
    severity: 'error',
    source: `${DESIGN} (key feature groups and lineage); Model Card Toolkit model_parameters.input_format`,
    mitigation: 'List the model inputs: feature groups with example features, or the raw input format for text and image models.',
    run: ({ evidence }) => {
      const hit = evidence.find(FEATURES_LISTED);
      if (hit) return pass(hit.line);
      const section = evidence.sectionsWithContent('features')[0];
      if (section) return pass(section.line);
      const fields = evidence.find(PLUS_JOINED_FIELDS, { topics: INPUT_CONTEXT });
      if (fields) return pass(fields.line);
      return fail('The model inputs (features or input format) are not listed.', evidence.anchor('features', 'model-details'));
    },
  },
  {
    id: 'FE-LINEAGE',
    gate: 'feature-engineering',
    title: 'Feature lineage',
    description: 'Knowing where each feature is computed lets reviewers trace a production incident back to its source.',
    severity: 'warning',
    source: `${DESIGN} (key feature groups and lineage); MLOps improvements plan, Part 3 (feature store: consistency, reuse, discovery)`,
    mitigation: 'Record where each feature group is computed (feature store, pipeline or table) and keep the lineage in a catalog.',
    run: (context) =>
      preferFeatures(context, LINEAGE) ??
      documented(context, {
        pattern: LINEAGE,
        topics: FEATURES_AND_DATA,
        missing: 'Feature lineage (feature store, pipeline or source table per feature group) is not documented.',
        anchor: ['features'],
      }),
  },
  {
    id: 'FE-TRANSFORMS',
    gate: 'feature-engineering',
    title: 'Transformations documented',
    description: 'Undocumented transformations cannot be reproduced at serving time or reviewed for leakage.',
    severity: 'error',
    source: `${DESIGN} (transformations and preprocessing); failure mode "unclear feature transformations"; Hugging Face model card template (Training Procedure: Preprocessing)`,
    mitigation: 'Document every transformation from raw data to model input: encoding, scaling, aggregation windows, tokenization or image preprocessing.',
    run: (context) =>
      documented(context, {
        pattern: TRANSFORM,
        topics: MODEL_INPUTS,
        missing: 'The card does not describe how raw data is transformed into model inputs (encoding, scaling, aggregation, tokenization).',
        anchor: ['features', 'training-procedure', 'training-data'],
      }),
  },
  {
    id: 'FE-SERVING-SKEW',
    gate: 'feature-engineering',
    title: 'Same feature code at training and serving',
    description: 'Features computed differently offline and online (training/serving skew) degrade a model that looked fine in evaluation.',
    severity: 'warning',
    source: 'ML Test Score, Monitor 3 (training and serving features compute the same values); Gate review design, Gate 3 outputs (transformations and preprocessing)',
    mitigation: 'Compute features with one versioned pipeline for training and serving (feature store or shared preprocessing code) and add online/offline parity tests.',
    run: (context) =>
      preferFeatures(context, SERVING_PARITY) ??
      documented(context, {
        pattern: SERVING_PARITY,
        missing: 'Nothing shows that serving computes features with the same code as training (feature store, shared pipeline or parity tests).',
        anchor: ['features', 'deployment'],
      }),
  },
  {
    id: 'FE-LEAKAGE-REVIEW',
    gate: 'feature-engineering',
    title: 'Leakage review',
    description: 'Leakage makes offline metrics look better than production will ever be; only a deliberate review finds it.',
    severity: 'warning',
    source: `${DESIGN} (potential data leakage risks); ${PRD_VALIDATION}`,
    mitigation: 'Review every feature for information not available at prediction time: use point-in-time joins and exclude fields recorded after the outcome; record the review and its sign-off.',
    run: (context) =>
      documented(context, {
        pattern: LEAKAGE_REVIEW,
        missing: 'No leakage review is documented (point-in-time correctness, exclusion of post-outcome fields).',
        anchor: ['features'],
      }),
  },
  {
    id: 'FE-LEAKAGE-FIELDS',
    gate: 'feature-engineering',
    title: 'No post-outcome features',
    description: 'A feature recorded after the outcome (a chargeback flag, days until cancellation) gives the answer away and fails in production.',
    severity: 'error',
    source: `Gate review design, Gate 3 failure mode "data leakage (future information in features)"; ${PRD_VALIDATION}`,
    mitigation: 'Remove features recorded after the prediction time, rebuild features with point-in-time joins, and re-evaluate the model.',
    run: ({ evidence }) => {
      let safe: Hit | undefined;
      for (const hit of evidence.hits(LEAKY_FIELD, { topics: FEATURES })) {
        if (hit.negated || EXCLUDED.test(hit.sentence.toLowerCase())) {
          safe ??= hit;
          continue;
        }
        return fail(`"${hit.match}" is recorded after the outcome the model predicts, so using it as a feature leaks the label: "${quote(hit)}".`, hit.line, { endLine: hit.endLine });
      }
      const found = unresolvedLeak(evidence);
      if (found) return fail(`The card reports leakage that is not fixed: "${quote(found)}".`, found.line, { endLine: found.endLine });
      const evidenceHit = evidence.find(POINT_IN_TIME) ?? evidence.findAny(NO_POST_EVENT) ?? safe;
      return evidenceHit ? pass(evidenceHit.line) : skip();
    },
  },
  {
    id: 'FE-TARGET-LEAKAGE',
    gate: 'feature-engineering',
    title: 'No proxy for the target',
    description: 'A feature built from the label, or one that alone carries most of the importance, is usually the target in disguise.',
    severity: 'error',
    source: `Gate review design, Gate 3 failure mode "target leakage (proxy for target in features)"; ${PRD_VALIDATION} (target leakage)`,
    mitigation: 'Drop features derived from the label; compute target encodings out-of-fold or with a time lag; investigate any feature that dominates importance.',
    run: ({ evidence }) => {
      const derived = evidence.find(LABEL_DERIVED, { topics: FEATURES });
      if (derived) return fail(`A feature is derived from the label itself: "${quote(derived)}".`, derived.line, { endLine: derived.endLine });
      let safeEncoding: Hit | undefined;
      for (const hit of evidence.hits(TARGET_ENCODING, { topics: FEATURES })) {
        if (hit.negated) continue;
        if (SAFE_ENCODING.test(hit.sentence.toLowerCase())) {
          safeEncoding ??= hit;
          continue;
        }
        return fail(`Target encoding is used without out-of-fold or time-lagged computation, which leaks the label into the feature: "${quote(hit)}".`, hit.line, { endLine: hit.endLine, severity: 'warning' });
      }
      const dominant = dominantFeature(evidence);
      if (dominant) {
        return fail(`One feature carries ${dominant.raw} of the importance, a typical sign of a target proxy: "${quote(dominant.hit)}".`, dominant.hit.line, { endLine: dominant.hit.endLine, severity: 'warning' });
      }
      const sanity = evidence.find(LEAKAGE_SANITY) ?? evidence.findAny(NO_DOMINANT_FEATURE);
      const proof = safeEncoding ?? sanity;
      return proof ? pass(proof.line) : skip();
    },
  },
  {
    id: 'FE-LEAKAGE-SPLIT',
    gate: 'feature-engineering',
    title: 'No entity overlap between train and test',
    description: 'A random split over repeated rows of the same entity (monthly snapshots, several records per customer) puts that entity in both train and test.',
    severity: 'warning',
    source: `${PRD_VALIDATION} (train-test leakage); Gate review design, model validation strategy (time-based split)`,
    mitigation: 'Split by entity (group k-fold on the account or customer id) or by time, so no entity appears in both training and evaluation.',
    run: ({ evidence }) => {
      const safe = evidence.find(GROUP_SAFE) ?? evidence.findAny(NO_OVERLAP);
      if (safe) return pass(safe.line);
      const split = evidence.find(RANDOM_SPLIT);
      if (!split) return skip();
      const repeated = evidence.find(REPEATED_ENTITY, { topics: FEATURES_AND_DATA });
      if (!repeated) return skip();
      return fail(
        `A random split ("${quote(split, 80)}") over repeated rows per entity ("${quote(repeated, 80)}", line ${repeated.line}) can put the same entity in both training and test data.`,
        split.line,
        { endLine: split.endLine },
      );
    },
  },
  {
    id: 'FE-MISSINGNESS',
    gate: 'feature-engineering',
    title: 'Missing-value handling',
    description: 'How missing values are filled changes predictions, and must be identical at training and serving.',
    severity: 'warning',
    source: `${DESIGN} (missingness handling strategies); ML workflows PRD, feature engineering workflow (missing value handling)`,
    mitigation: 'State the handling for every feature with missing values (imputation value, missing indicator, explicit category or drop) and apply the same logic at serving time.',
    run: ({ evidence }) => {
      const general = evidence.findWhere(MISSING_HANDLING, (hit) => !hit.negated && MISSING_MENTION.test(hit.sentence.toLowerCase()), { topics: FEATURES });
      let unhandled: Hit | undefined;
      let handledAt: number | undefined;
      for (const hit of evidence.findAll(MISSING_REPORT, { topics: FEATURES_AND_DATA })) {
        if (hit.negated) continue;
        if (general || handledInBlock(hit)) {
          handledAt ??= general?.line ?? hit.line;
          continue;
        }
        if (!unhandled || (DIGIT.test(hit.sentence) && !DIGIT.test(unhandled.sentence))) unhandled = hit;
      }
      if (unhandled) return fail(`Missing values are reported but no handling (imputation, indicator, explicit category) is described for them: "${quote(unhandled)}".`, unhandled.line, { endLine: unhandled.endLine });
      if (handledAt !== undefined) return pass(handledAt);
      if (general) return pass(general.line);
      if (unstructuredInputs(evidence)) return skip();
      return fail('No missing-value handling strategy is described for the features.', evidence.anchor('features'));
    },
  },
  {
    id: 'FE-IMPORTANCE',
    gate: 'feature-engineering',
    title: 'Feature importance analysis',
    description: 'Importance analysis confirms the model relies on sensible signals rather than artifacts or proxies.',
    severity: 'warning',
    source: `${DESIGN} (feature importance expectations); failure mode "no feature importance analysis"; MLOps improvements plan, Part 3 Task 1.1 (SHAP or permutation importance after each retraining)`,
    mitigation: 'Run SHAP or permutation importance on held-out data, compare the top features with domain expectations, and record the result.',
    run: ({ evidence }) => {
      const shortcut = evidence.find(SHORTCUT, { topics: INTERPRETATION });
      if (shortcut) return fail(`The interpretability analysis shows the model relying on a spurious cue (possible shortcut learning): "${quote(shortcut)}".`, shortcut.line, { endLine: shortcut.endLine });
      const hit = evidence.find(IMPORTANCE);
      if (hit) return pass(hit.line);
      const absence = evidence.findAbsence(IMPORTANCE);
      if (absence) return fail(`No feature importance analysis was done: "${quote(absence)}".`, absence.line, { endLine: absence.endLine });
      const heading = evidence.card.sections.find((section) => IMPORTANCE_HEADING.test(section.title.toLowerCase()));
      return fail('No feature importance or interpretability analysis (SHAP, permutation importance) is reported.', heading?.line ?? evidence.anchor('features', 'evaluation'));
    },
  },
  {
    id: 'FE-ENCODING',
    gate: 'feature-engineering',
    title: 'Categorical encoding',
    description: 'The encoding of categorical features decides how unseen and rare categories behave in production.',
    severity: 'warning',
    source: `${DESIGN} (transformations and preprocessing); ML workflows PRD, Validate Features (cardinality: flag high-cardinality categoricals)`,
    mitigation: 'State the encoding of each categorical feature (one-hot, frequency, out-of-fold target encoding) and how unseen categories are handled.',
    run: ({ evidence }) => {
      const categorical = evidence.find(CATEGORICAL, { topics: FEATURES });
      if (!categorical) return skip();
      const encoding = evidence.find(ENCODING, { topics: FEATURES });
      if (encoding) return pass(encoding.line);
      return fail(`Categorical features are mentioned but their encoding is not described: "${quote(categorical)}".`, categorical.line, { endLine: categorical.endLine });
    },
  },
  {
    id: 'FE-SELECTION',
    gate: 'feature-engineering',
    title: 'Feature count and selection',
    description: 'Every feature is a dependency to maintain and monitor; the card should say how many there are and why they were kept.',
    severity: 'warning',
    source: 'ML Test Score, Data 2 (all features are beneficial) and Data 3 (no feature\'s cost is too much); ML workflows PRD, Select Final Features',
    mitigation: 'State the number of features and how they were selected (importance threshold, ablation, correlation pruning).',
    run: ({ evidence }) => {
      const hit = evidence.findWhere(SELECTION, (candidate) => !candidate.negated && (candidate.match !== 'features' || FEATURE_COUNT.test(candidate.sentence.toLowerCase())), { topics: FEATURES });
      if (hit) return pass(hit.line);
      if (unstructuredInputs(evidence)) return skip();
      return fail('The number of features and how they were selected is not stated.', evidence.anchor('features'));
    },
  },
  {
    id: 'FE-VALIDATION-TESTS',
    gate: 'feature-engineering',
    title: 'Feature expectations tested',
    description: 'Tests on feature ranges, schemas and code catch broken upstream data before it reaches the model.',
    severity: 'info',
    source: 'ML Test Score, Data 1 (feature expectations are captured in a schema) and Data 7 (all input feature code is tested)',
    mitigation: 'Capture feature expectations (types, ranges, null rates) in a schema and unit-test the feature code.',
    run: (context) =>
      documented(context, {
        pattern: FEATURE_TESTS,
        missing: 'No tests or schema expectations for the features are described.',
        anchor: ['features'],
      }),
  },
];

/** Evidence in the feature sections themselves, when there is any: it is the line a reviewer wants to see. */
function preferFeatures({ evidence }: CheckContext, pattern: RegExp): CheckResult | undefined {
  const hit = evidence.find(pattern, { topics: FEATURES });
  return hit ? pass(hit.line) : undefined;
}

/** A statement that leakage was found, with no sign that it was fixed. */
function unresolvedLeak(evidence: Evidence): Hit | undefined {
  // The pattern already requires a finding and no fix after it; the first affirmative hit decides (one scan, early exit).
  const hit = evidence.find(LEAK_WORD);
  if (!hit) return undefined;
  const sentence = hit.sentence.toLowerCase();
  if (!LEAK_FOUND.test(sentence) || LEAK_CLEAN.test(sentence)) return undefined;
  return LEAK_NOT_FIXED.test(sentence) || !LEAK_FIXED.test(sentence) ? hit : undefined;
}

/** An importance statement where one feature carries more than half of the importance. */
function dominantFeature(evidence: Evidence): { raw: string; hit: Hit } | undefined {
  for (const number of evidence.numbersNear(IMPORTANCE_SHARE)) {
    const sentence = number.hit.sentence.toLowerCase();
    if (number.hit.negated || !number.percent || number.value <= 50 || !DOMINANCE_CONTEXT.test(sentence) || NO_SINGLE.test(sentence)) continue;
    return { raw: number.raw, hit: number.hit };
  }
  return undefined;
}

/** Whether the block that reports missing values also says how they are handled, before it reports the next ones. */
function handledInBlock(hit: Hit): boolean {
  const sentence = hit.sentence.toLowerCase();
  if (statesHandling(sentence)) return true;
  const block = hit.block.text.toLowerCase();
  const at = block.indexOf(sentence);
  if (at < 0) return false;
  for (const next of block.slice(at + sentence.length).split(SENTENCE_END)) {
    if (MISSING_REPORT.test(next)) return false;
    if (statesHandling(next)) return true;
  }
  return false;
}

/** The text names a missing-value handling that is not negated ("imputed", but not "not imputed"). */
function statesHandling(text: string): boolean {
  const match = MISSING_HANDLING.exec(text);
  return match !== null && !endsNegated(text.slice(0, match.index));
}

/** Text, image or audio models: raw inputs, so tabular rules (imputation, feature counts) do not apply. */
function unstructuredInputs(evidence: Evidence): boolean {
  const tag = evidence.metadata?.pipelineTag;
  if (tag && UNSTRUCTURED_TAG.test(tag)) return true;
  return evidence.derived('unstructuredInputs', () => evidence.find(UNSTRUCTURED, { topics: INPUT_CONTEXT }) !== undefined);
}
