import type { Topic } from '../card/topics';
import { extractNumbers, type StatedNumber } from '../evidence/numbers';
import type { Evidence, Hit } from '../evidence/evidence';
import { absentOrMissing, documented, quote } from './helpers';
import { fail, pass, skip, type CheckDefinition } from './types';

const DESIGN = 'Gate review design, Gate 2 outputs';
const THRESHOLDS = 'Gate review design, ML lifecycle best practices (data quality checks)';
const DATA: readonly Topic[] = ['training-data', 'evaluation-data'];
const DATA_CONTEXT: readonly Topic[] = ['training-data', 'evaluation-data', 'limitations', 'fairness', 'monitoring'];
const DATA_AND_LIMITS: readonly Topic[] = ['training-data', 'evaluation-data', 'limitations'];
const FEATURES_AND_DATA: readonly Topic[] = ['features', 'training-procedure', 'training-data', 'evaluation-data'];
const PRIVACY_TOPICS: readonly Topic[] = ['training-data', 'evaluation-data', 'security', 'fairness', 'governance', 'limitations'];

// Sources and ownership.
const SOURCE_IN_DATA = /\b(data sources?|sources?|sourced|warehouse|data lake|lakehouse|database|logs|systems? of record|api|feeds?|crawl(ed|s)?|scraped|benchmark|corpus|dataset|bucket|snowflake|bigquery|redshift|databricks|kafka|hdfs|postgres\w*|(data|records|events|rows|tickets|transactions|images|messages|emails|documents|reviews|posts|calls|logs|extracted|exported|pulled|collected|drawn|obtained|comes?|came) from)\b/;
const SOURCE_ANYWHERE = /\b(data sources?|sourced from|datasets? (is|are|was|were|:)|(trained|fine-tuned) on (the )?[a-z0-9][\w-]*( [a-z0-9][\w-]*){0,3} (dataset|corpus|benchmark|treebank|warehouse|table))\b/;
const VAGUE_DATA = /\b(trained on|training data|data)\b/;
const OWNER = /\b(owners?|owned by|maintained by|stewards?|provided by|managed by|responsible team)\b/;

// Volume: what is counted, with a digit shortly before it ("2.4M labelled transactions"); the lookbehind runs only once the noun matched.
const SAMPLE_NOUN = /\b(rows|records|samples|examples|instances|observations|data points|images|photos|frames|scans|videos|clips|recordings|transactions|tickets|applications|accounts|customers|users|members|patients|documents|sentences|phrases|texts|tweets|reviews|posts|messages|emails|utterances|conversations|dialogues|events|sessions|loans|claims|cases|snapshots|stores|skus|products|items|articles|orders|calls|queries|pairs|tokens|households|companies|vehicles|devices|sensors|parts|panels)\b(?<=\d[^;!?]{0,60})/;
// Not a volume: "truncated to 128 tokens", "12 transactions per card", "max 50 items".
const NOT_VOLUME_BEFORE = /\b(to|max|maximum|most|length|first|last|window|per|every|each|top)\s*[~≈]?\s*$/;
const COUNT_BEFORE_NOUN = /(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|mm|million|thousand|bn|billion)?\+?\s+(?:[a-z][a-z'-]*\s+){0,3}$/;
const MULTIPLIER: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

// Class balance: a class word with a percentage within 40 characters after or 50 before it.
const CLASS_WORD = /\b(class(es)?|minority|majority|(?<!(false|true) )(positives?|negatives?)|imbalanced?|skew(ed)?|prevalence|smallest|rarest|labell?ed as|fraud(ulent)?|defaults?|non-defaults?|defects?|churn(ed|ers)?|spam|anomal(y|ies|ous)|legitimate)\b(?:(?=[^;\n]{0,40}%)|(?<=%[^;\n]{0,50}))/;
const IMBALANCE_HANDLING = /(?<=\b(re|up|over|under|down)-)\bsampl\w+|\b(stratif\w+|resampl\w+|oversampl\w+|undersampl\w+|downsampl\w+|upsampl\w+|smote|adasyn|class[- ]weights?|class[- ]weighted|sample[- ]weights?|weighted (loss|classes|sampling)|scale_pos_weight|focal loss|cost-sensitive|balanced (weights|class weights|sampling|batches))\b/;
const COUNT_BEFORE_SHARE = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(k|m|million|thousand)?\s+[^()\d%]{0,40}?\(\s*~?(\d+(?:\.\d+)?)\s*%\s*\)/g;

// Dates and freshness.
const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };
const DATE_TOKEN = /\b(?:(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+((?:19|20)\d{2})|((?:19|20)\d{2})-(0[1-9]|1[0-2])(?:-([0-3]\d))?|q([1234])\s*((?:19|20)\d{2})|((?:early |mid-?|late )?(?:19|20)\d0s)|((?:19|20)\d{2}))\b/g;
const ANY_DATE = /\b((jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(19|20)\d{2}|(195|196|197|198|199|200|201|202|203)(\d(-(0[1-9]|1[0-2]))?|0s))\b/;
const PERIOD_WORD = /\b(through|thru|until|till|up to|cut-?off|ending|ended|covers?|covering|spans?|spanning|collected|captured|gathered|scraped|originated|snapshots?|date range|between)\b/;
const COLLECTED_ANYWHERE = /\b(collected|gathered|scraped|captured|crawled)\b|(?<=\bdata )\bcut-?off\b|(?<=\btraining data )\b(covers|spans|ends)\b/;
const REFRESH = /\b((refresh|updat|reextract|repull|reload)\w* (daily|weekly|monthly|quarterly|nightly|every \w+)|(daily|weekly|monthly|quarterly|nightly) (refresh|snapshots?|updates?|extracts?))\b/;
const TIME_SENSITIVE = /\b(fraud\w*|financ\w*|credit|lending|loans?|mortgages?|payments?|pricing|prices?|demand|forecast\w*|sales|ads|advertis\w*|bidding|news|recommender|recommendation (system|engine|model)s?|stock|trading|insurance|social (media|listening)|tweets?|trending)\b/;

// Completeness and missingness.
const COMPLETENESS = /\b(missing(ness| values?| data| for| in)?|completeness|null[- ]?rates?|nulls?|nan|incomplete|imput\w+)\b/;
const NO_MISSING = /(?<=\bno )\b(missing|null|empty) (values?|data|fields?)\b/;
// A missingness word with a percentage within 50 characters after or 60 before it.
const MISSING_WORD = /\b(missing|nulls?|null[- ]rate|nan|empty|blank|incomplete|not (recorded|populated|filled))\b(?:(?=[^;\n]{0,50}%)|(?<=%[^;\n]{0,60}))/;
const DROPPED = /\b(dropped|removed|excluded|discarded)\b/;

// Labels.
const LABEL_QA = /\b(inter-?(annotator|rater)|cohen'?s kappa|fleiss|krippendorff|kappa|(label|annotator|rater) agreement|agreed on \d|double[- ](review\w*|label\w*|annotat\w*|check\w*)|labell?ed twice|adjudicat\w+|(label|annotation|labell?ing) (qa|quality|audits?|reviews?|noise|accuracy|error rate)|label noise|gold[- ](set|standard|labels)|consensus label\w*|majority vote|(rated|labell?ed|annotated|reviewed) by (two|three|four|five|multiple|several|\d+)|spot[- ]check\w*)/;
const LABEL_QA_ABSENT = /\b(label(l?ing)? (qa|quality( control| checks?)?|audits?|reviews?|validation)|(annotation|labell?ing) (quality|qa|review)|inter-?annotator agreement|quality control)\b/;
const HUMAN_LABEL = /\b(annotators?|annotated|annotation|labell?ers?|raters?|rated by|crowd\w*|mechanical turk|mturk|manual(ly)? (label\w*|annotat\w*|tagg\w*)|hand[- ]?label\w*|human[- ](label\w*|annotat\w*)|(labell?ed|tagged|classified) by (\w+ ){0,3}(analysts|experts|inspectors|staff|reviewers|clinicians|radiologists|annotators|moderators|contractors|volunteers|doctors|pathologists))\b/;
const LABEL_WORD = /\b(labels?|labell?ed|labell?ing|annotat\w+|ground truth|target (variable|is|=|:))\b/;
const REGRESSION_TASK = /\b(forecast\w*|regression|regressor|predicts? (the )?(\w+ )?(prices?|sales|demand|counts?|amounts?|values?|revenue|volumes?))\b/;

// Coverage, drift, schema, split, privacy, documentation.
const COVERAGE = /\b(under-?represent\w*|over-?represent\w*|(coverage (gaps?|of)|(limited|low|poor|thin) coverage)|not (well )?(covered|represented)|(aren[’']t|isn[’']t) (captured|covered|represented)|sparse|few examples|little (\w+ )?(data|history)|only \d+(\.\d+)?% of|sampling bias|selection bias|known biases|biases|representativ\w+|skewed towards|(english|language)[- ]only|other domains|domain gap)/;
const DRIFT_RISK = /\b(drift\w*|distribution (shift|change)s?|(covariate|concept|data|label|population|domain|seasonal|behaviou?r|mix) shifts?|shifts? in (the )?\w+|seasonal (peaks|patterns|effects|changes)|non-?stationar\w+|adapt quickly|patterns? (change|evolve)|changes? over time|psi)\b/;
const DRIFT_MITIGATION = /\b(mitigation|mitigated by|retrain\w*|refresh\w* (daily|weekly|monthly|quarterly)|(daily|weekly|monthly|quarterly) refresh|drift (monitoring|detection|alerts?)|monitor\w* (for )?(data |feature |concept )?drift|psi (monitoring|per feature)|per-feature psi|recalibrat\w+|reweight\w*)\b/;
const PSI = /\b(psi|population stability( index)?)\b/;
const PSI_THRESHOLD_CONTEXT = /\b(alerts?|warning|critical|thresholds?|triggers?|triggered|bands?|page|if|when|above|exceeds?)\b|[<>≥≤]/;
const DRIFT_ACTION = /\b(retrain\w*|re-?weight\w*|refresh\w*|recalibrat\w+|resampl\w+)\b/;
const SCHEMA = /\b(schema|great expectations|tfdv|tensorflow data validation|deequ|pandera|expectation suites?|null-rate checks?)\b|(?<=\bdata )\b(contracts?|validation)\b/;
const SPLIT = /\b((train\w*|validation|test|eval\w*|holdout|random|time-based|stratified|temporal|chronological|out-of-time)[/ -]?(\w+ )?splits?|split (into|by|on) (train\w*|time|date|customer|account|user|entity)|held[- ]out|hold-?out|validation (set|data)|test (set|data)|evaluation (set|data)|out-of-time|cross-validation|folds?|backtest\w*)\b|(?<=\d\/\d\d )\bsplit\b/;
const PRIVACY = /\b(pii|personal(ly identifiable)? (data|information)|consent\w*|gdpr|ccpa|hipaa|dpia|anonymi[sz]\w+|pseudonymi[sz]\w+|deidentified|masked(?! (language|lm|tokens?))|privacy|sensitive data|provenance|retention (policy|period))\b/;
const NO_PERSONAL_DATA = /(?<=\b(no|no customer or|no customer|(does not|doesn't) (use|contain|include)( any)?) )\b(pii|personal (data|information)|customer data)\b/;
const DATASHEET = /\b(datasheets?|data ?sheets?|dataset cards?|data cards?|data dictionary|data documentation|dataset documentation)\b/;
const DATASET_ID = /^[\w.-]+(\/[\w.-]+)?$/;
const DECADE = /0s$/;
const YEAR_ONLY = /^(19|20)\d\d$/;
const NON_DIGITS = /\D/g;
const THOUSANDS = /,/g;
const SPACES = /\s+/g;
const PRIVACY_FALLBACK = /\b(pii|personal data|consent|gdpr|privacy)\b/;

interface DatedSentence {
  end: Date;
  raw: string;
  /** False for a bare year or decade ("2019", "early 2000s"): the age is then a lower bound. */
  fine: boolean;
  hit: Hit;
}

interface ClassShare {
  share: number;
  raw: string;
  count: number | null;
  hit: Hit;
}

/** Gate 2 — Data Readiness: is the training data fit, in volume, quality and currency, for the decision the model makes? */
export const dataReadinessChecks: CheckDefinition[] = [
  {
    id: 'DR-SOURCES',
    gate: 'data-readiness',
    title: 'Data sources and owners',
    description: 'Reviewers can only judge data they can trace to a named source and an accountable owner.',
    severity: 'error',
    source: `${DESIGN} (data sources and ownership); EU AI Act Annex IV 2(d) (data provenance); Hugging Face model card template (Training Data)`,
    mitigation: 'Name every training data source (dataset, table or system of record, with version) and the team that owns it.',
    run: ({ evidence }) => {
      const datasets = evidence.metadata?.datasets ?? [];
      const source = evidence.find(SOURCE_IN_DATA, { topics: DATA }) ?? evidence.find(SOURCE_ANYWHERE);
      if (!source && datasets.length === 0) {
        const vague = evidence.findAny(VAGUE_DATA);
        if (vague) return fail(`The training data is not traceable: "${quote(vague)}" names no dataset, table or system of record.`, vague.line, { endLine: vague.endLine });
        return fail('No training data source is named.', evidence.anchor('training-data'));
      }
      const line = source?.line ?? evidence.metadata!.line;
      if (evidence.find(OWNER, { topics: DATA }) || datasets.some((name) => name.includes('/'))) return pass(line);
      const named = source ? `("${quote(source, 80)}")` : `(${datasets.join(', ')})`;
      return fail(`The training data sources are named ${named} but no owner (team or data steward) is given for them.`, line, { severity: 'warning' });
    },
  },
  {
    id: 'DR-VOLUME',
    gate: 'data-readiness',
    title: 'Training data volume stated',
    description: 'Without the number of training examples, the design\'s "insufficient volume" failure mode cannot be ruled out.',
    severity: 'error',
    source: `${DESIGN} (volume); failure mode "insufficient training data volume"; Hugging Face model card template (Training Data)`,
    mitigation: 'State the number of training (and evaluation) examples, and the count per class for classifiers.',
    run: ({ evidence }) => {
      const count = sampleCounts(evidence)[0];
      if (count) return pass(count.hit.line);
      return fail('The volume of training data (number of examples) is not stated.', evidence.anchor('training-data'));
    },
  },
  {
    id: 'DR-CLASS-VOLUME',
    gate: 'data-readiness',
    title: 'At least 10K examples per class',
    description: 'A class with few examples gives unstable estimates of exactly the cases the model is built to catch.',
    severity: 'warning',
    source: `${THRESHOLDS}: "Volume: >= 10K samples per class (for supervised learning)"; failure mode "insufficient training data volume"`,
    mitigation: 'Collect or label more examples of the smallest class (or merge rare classes), and report per-class counts and per-class metrics.',
    run: ({ evidence }) => {
      const minority = minorityShare(evidence);
      if (!minority) return skip();
      let count = minority.count;
      let basis = '';
      if (count === null) {
        const total = sampleCounts(evidence).reduce((max, item) => (item.value > max.value ? item : max), { value: 0, raw: '' });
        if (total.value === 0) return skip();
        count = Math.round((total.value * minority.share) / 100);
        basis = ` (${minority.raw} of ${total.raw})`;
      }
      if (count >= 10_000) return pass(minority.hit.line);
      const band = count < 1_000 ? { limit: '1,000-example minimum', severity: 'error' as const } : { limit: '10K-per-class minimum', severity: 'warning' as const };
      return fail(
        `The smallest class has about ${formatCount(count)} examples${basis}, below the ${band.limit}: "${quote(minority.hit)}".`,
        minority.hit.line,
        { endLine: minority.hit.endLine, severity: band.severity },
      );
    },
  },
  {
    id: 'DR-CLASS-BALANCE',
    gate: 'data-readiness',
    title: 'Class imbalance handled',
    description: 'A class under 5% of the data is ignored by an unweighted model unless sampling or weighting compensates.',
    severity: 'warning',
    source: `${THRESHOLDS}: "Balance: No class < 5% of dataset (or use stratified sampling)"; failure mode "severe class imbalance (99%+ skew)"`,
    mitigation: 'Handle the minority class with stratified sampling, resampling or class weights, and evaluate with metrics that reflect it (PR-AUC, per-class recall).',
    run: ({ evidence }) => {
      const minority = minorityShare(evidence);
      if (!minority) return skip();
      if (minority.share >= 5) return pass(minority.hit.line);
      const handling = evidence.find(IMBALANCE_HANDLING);
      if (handling) return pass(handling.line);
      const severe = minority.share <= 1;
      const limit = severe ? `a ${formatShare(100 - minority.share)}/${minority.raw} skew is severe (minority at or below 1%)` : 'it is under the 5% balance threshold';
      return fail(
        `The minority class is ${minority.raw} of the data and no stratified sampling, resampling or class weighting is described; ${limit}: "${quote(minority.hit)}".`,
        minority.hit.line,
        { endLine: minority.hit.endLine, severity: severe ? 'error' : 'warning' },
      );
    },
  },
  {
    id: 'DR-DATE-RANGE',
    gate: 'data-readiness',
    title: 'Collection period and refresh stated',
    description: 'The collection dates tell reviewers which period the model has learned and how current it is.',
    severity: 'warning',
    source: `${DESIGN} (freshness); EU AI Act Annex IV 2(d) (how the data was obtained); Model Card Toolkit model_parameters.data`,
    mitigation: 'State the date range the training data covers (first and last date) and how often it is refreshed.',
    run: ({ evidence }) => {
      const dated = datedSentences(evidence)[0];
      if (dated) return pass(dated.hit.line);
      const refresh = evidence.find(REFRESH);
      if (refresh) return pass(refresh.line);
      return fail('The card does not say when the training data was collected or how often it is refreshed.', evidence.anchor('training-data'));
    },
  },
  {
    id: 'DR-FRESHNESS',
    gate: 'data-readiness',
    title: 'Data under 6 months old (time-sensitive domains)',
    description: 'In fast-moving domains (fraud, finance, pricing, demand, ads, news, social media) patterns older than six months are already stale.',
    severity: 'warning',
    source: `${THRESHOLDS}: "Freshness: Data < 6 months old (for time-sensitive domains)"; ML Test Score, Monitor 4 (models are not too stale)`,
    mitigation: 'Retrain on data that ends within six months of release and set a refresh cadence, or justify why older data still represents production.',
    run: ({ evidence, now }) => {
      const dated = datedSentences(evidence).filter((item) => item.end.getTime() <= now.getTime());
      if (dated.length === 0) return skip();
      const newest = dated.reduce((best, item) => (item.end > best.end ? item : best));
      if (addMonths(newest.end, 6).getTime() >= now.getTime()) return pass(newest.hit.line);
      const months = monthsBetween(newest.end, now);
      const domain = evidence.find(TIME_SENSITIVE);
      if (!domain) return skip();
      const age = `${newest.fine ? 'about' : 'at least'} ${months < 36 ? `${Math.floor(months)} months` : `${Math.floor(months / 12)} years`}`;
      return fail(
        `The newest training data dates from ${DECADE.test(newest.raw) ? 'the ' : ''}${newest.raw}, ${age} before this review, which exceeds the 6-month freshness limit for a time-sensitive (${domain.match}) domain: "${quote(newest.hit)}".`,
        newest.hit.line,
        { endLine: newest.hit.endLine },
      );
    },
  },
  {
    id: 'DR-COMPLETENESS',
    gate: 'data-readiness',
    title: 'Completeness documented',
    description: 'Missing values are the most common data-quality defect; a card that is silent on them hides it.',
    severity: 'warning',
    source: `${DESIGN} (volume, freshness and completeness); EU AI Act Annex IV 2(d) (data cleaning methodologies)`,
    mitigation: 'Report the missing-value rate of each key feature and how records with missing values are handled.',
    run: ({ evidence }) => {
      const hit = evidence.find(COMPLETENESS) ?? evidence.findAny(NO_MISSING);
      if (hit) return pass(hit.line);
      return absentOrMissing(evidence.findAbsence(COMPLETENESS), `Data completeness is not documented: `, 'Data completeness (missing-value rates in key features) is not documented.', evidence.anchor('training-data'));
    },
  },
  {
    id: 'DR-MISSINGNESS',
    gate: 'data-readiness',
    title: 'Missing values within limits',
    description: 'Key features missing in more than 10% of rows degrade the model; above 30% the feature is unreliable.',
    severity: 'warning',
    source: `${THRESHOLDS}: "Completeness: <10% missing values in critical features"; failure mode "high missingness (>30% in key features)"`,
    mitigation: 'Recover the missing values at the source, or drop the feature and show the impact; for features kept, document the imputation and monitor the missing rate.',
    run: ({ evidence }) => {
      let worst: { rate: StatedNumber; hit: Hit } | null = null;
      for (const hit of evidence.findAll(MISSING_WORD, { topics: FEATURES_AND_DATA })) {
        if (hit.negated || DROPPED.test(hit.sentence.toLowerCase())) continue;
        for (const rate of percentsNear(hit, 50)) if (!worst || rate.value > worst.rate.value) worst = { rate, hit };
      }
      if (!worst) return skip();
      const { rate, hit } = worst;
      if (rate.value <= 10) return pass(hit.line);
      const severe = rate.value > 30;
      return fail(
        `A key feature is ${rate.raw} missing, above the ${severe ? '30% blocker limit' : '10% completeness limit'}: "${quote(hit)}".`,
        hit.line,
        { endLine: hit.endLine, severity: severe ? 'error' : 'warning' },
      );
    },
  },
  {
    id: 'DR-LABEL-QA',
    gate: 'data-readiness',
    title: 'Labeling quality control',
    description: 'Unchecked labels put an unknown error rate into both training and evaluation.',
    severity: 'error',
    source: `${DESIGN} (quality issues and labeling accuracy); failure mode "no labeling quality control process"; EU AI Act Annex IV 2(d) (labelling procedures)`,
    mitigation: 'Describe the labeling process and its quality control: double-labeled sample, agreement rate (e.g. Cohen\'s kappa), adjudication and estimated label noise.',
    run: ({ evidence }) => {
      const qa = evidence.find(LABEL_QA, { topics: DATA });
      if (qa) return pass(qa.line);
      const absent = evidence.findAbsence(LABEL_QA_ABSENT);
      if (absent) return fail(`Label quality control is explicitly missing: "${quote(absent)}".`, absent.line, { endLine: absent.endLine });
      const human = evidence.find(HUMAN_LABEL);
      if (human) return fail(`Labels are produced by people but no quality control (double labeling, agreement rate, audit) is described: "${quote(human)}".`, human.line, { endLine: human.endLine });
      const label = evidence.find(LABEL_WORD, { topics: DATA });
      if (label) {
        return fail(`Labels are derived from records ("${quote(label)}") but no label validation (audit sample, agreement or noise rate) is described.`, label.line, { endLine: label.endLine, severity: 'warning' });
      }
      if (evidence.find(REGRESSION_TASK)) return skip();
      return fail('The card does not say how labels were obtained or checked.', evidence.anchor('training-data'), { severity: 'warning' });
    },
  },
  {
    id: 'DR-COVERAGE',
    gate: 'data-readiness',
    title: 'Coverage gaps and data biases',
    description: 'Segments missing or thin in the data are where the model fails silently in production.',
    severity: 'warning',
    source: `${DESIGN} (bias and coverage gaps); Hugging Face model card template (Bias, Risks, and Limitations); NIST AI RMF MAP 2.3`,
    mitigation: 'List under-represented segments (regions, customer types, languages, time periods) with their share of the data and the plan to cover them.',
    run: (context) =>
      documented(context, {
        pattern: COVERAGE,
        topics: DATA_CONTEXT,
        missing: 'No coverage gaps or known data biases are described.',
        anchor: ['training-data', 'limitations'],
      }),
  },
  {
    id: 'DR-DRIFT',
    gate: 'data-readiness',
    title: 'Drift risks and mitigation',
    description: 'Data that shifts after training silently erodes the model; the risk and its countermeasure must be known before launch.',
    severity: 'warning',
    source: `${DESIGN} (drift risks and mitigation strategies); ML workflows PRD drift severity bands (PSI < 0.1 none, 0.1-0.25 moderate, >= 0.25 significant)`,
    mitigation: 'Name the expected drift sources (seasonality, behaviour change, upstream changes) and the mitigation: refresh cadence, drift monitoring (PSI per feature) and retraining triggers.',
    run: ({ evidence }) => {
      const measured = measuredPsi(evidence);
      if (measured && measured.value >= 0.25) {
        const acted = DRIFT_ACTION.test(measured.hit.block.text.toLowerCase());
        return fail(
          `PSI ${measured.raw} between the training data and current data is in the significant-drift band (>= 0.25), so the training data no longer represents production${acted ? '' : ' and no action is stated'}: "${quote(measured.hit)}".`,
          measured.hit.line,
          { endLine: measured.hit.endLine, severity: acted ? 'warning' : 'error' },
        );
      }
      const risk = evidence.find(DRIFT_RISK, { topics: DATA_CONTEXT });
      const mitigation = evidence.find(DRIFT_MITIGATION);
      if (risk && mitigation) return pass(risk.line);
      if (risk) return fail(`A drift risk is noted but no mitigation (refresh, drift monitoring, retraining) is described: "${quote(risk)}".`, risk.line, { endLine: risk.endLine });
      return fail('No drift risks for the data (seasonality, behaviour change, upstream changes) or their mitigation are described.', evidence.anchor('training-data', 'monitoring'));
    },
  },
  {
    id: 'DR-SCHEMA',
    gate: 'data-readiness',
    title: 'Schema validated against production',
    description: 'Training data whose schema differs from production inputs produces a model that breaks or degrades at launch.',
    severity: 'warning',
    source: `${THRESHOLDS}: "Consistency: Schema matches production data sources"; ML Test Score, Data 1 (feature expectations are captured in a schema) and Monitor 2 (data invariants hold in training and serving inputs)`,
    mitigation: 'Capture the data schema and expectations (types, ranges, null rates) and validate both training snapshots and production inputs against it (e.g. Great Expectations, TFDV).',
    run: (context) =>
      documented(context, {
        pattern: SCHEMA,
        missing: 'No schema or data validation ties the training data to production data sources.',
        anchor: ['training-data'],
      }),
  },
  {
    id: 'DR-SPLIT',
    gate: 'data-readiness',
    title: 'Train/evaluation split described',
    description: 'How data is split decides whether evaluation results say anything about unseen production data.',
    severity: 'warning',
    source: 'Hugging Face model card template (Testing Data); EU AI Act Annex IV 2(g) (validation and testing data); Gate review design, model validation strategy',
    mitigation: 'Describe how training, validation and test data are separated (time-based, by entity, stratified) and their sizes.',
    run: (context) =>
      documented(context, {
        pattern: SPLIT,
        missing: 'The split between training and evaluation data is not described.',
        anchor: ['evaluation-data', 'training-data'],
      }),
  },
  {
    id: 'DR-PII',
    gate: 'data-readiness',
    title: 'Personal data, consent and provenance',
    description: 'Personal data used without a legal basis or safeguards is a compliance blocker regardless of model quality.',
    severity: 'warning',
    source: 'EU AI Act Annex IV 2(d) (data provenance and characteristics); ML Test Score, Data 5 (the data pipeline has appropriate privacy controls); GDPR Art. 35 (DPIA)',
    mitigation: 'State whether the data contains personal data, the legal basis or consent, and the safeguards (masking, tokenization, access control, retention).',
    run: ({ evidence }) => {
      const hit = evidence.find(PRIVACY, { topics: PRIVACY_TOPICS }) ?? evidence.findAny(NO_PERSONAL_DATA) ?? evidence.find(PRIVACY_FALLBACK);
      if (hit) return pass(hit.line);
      return absentOrMissing(evidence.findAbsence(PRIVACY, { topics: PRIVACY_TOPICS }) ?? evidence.findAbsence(PRIVACY_FALLBACK), `Personal data handling is not documented: `, 'The card does not say whether the data contains personal data, or how consent and privacy are handled.', evidence.anchor('training-data'));
    },
  },
  {
    id: 'DR-DATASHEET',
    gate: 'data-readiness',
    title: 'Datasheet or dataset card',
    description: 'A datasheet holds the detail a model card only summarizes: collection, preprocessing, licenses and known issues.',
    severity: 'info',
    source: 'EU AI Act Annex IV 2(d) (datasheets describing the training data); Gebru et al., Datasheets for Datasets; Hugging Face model card template (Training Data: link to a Dataset Card)',
    mitigation: 'Link a datasheet or dataset card for each training dataset (e.g. the Hugging Face `datasets:` metadata or an internal data catalog entry).',
    run: ({ evidence }) => {
      const metadata = evidence.metadata;
      if (metadata && metadata.datasets.some((name) => DATASET_ID.test(name))) return pass(metadata.line);
      const hit = evidence.find(DATASHEET);
      return hit ? pass(hit.line) : fail('No datasheet or dataset card is linked for the training data.', evidence.anchor('training-data'));
    },
  },
];

/** Counts of training examples ("2.4M labelled transactions", "180,400 tickets") stated in data sections, in card order. */
function sampleCounts(evidence: Evidence): { value: number; raw: string; hit: Hit }[] {
  return evidence.derived('sampleCounts', () => findSampleCounts(evidence));
}

function findSampleCounts(evidence: Evidence): { value: number; raw: string; hit: Hit }[] {
  const counts: { value: number; raw: string; hit: Hit }[] = [];
  let block = '';
  let lower = '';
  let sentence = '';
  let sentenceAt = -1;
  for (const hit of evidence.findAll(SAMPLE_NOUN, { topics: DATA })) {
    // The count may sit on the previous source line of a wrapped paragraph, so read the block, not the sentence.
    if (hit.block.text !== block) {
      block = hit.block.text;
      lower = block.toLowerCase();
      sentence = '';
    }
    // Nouns of one sentence share its place in the block.
    if (hit.sentence !== sentence) {
      sentence = hit.sentence;
      sentenceAt = lower.indexOf(sentence.toLowerCase());
    }
    const at = sentenceAt < 0 ? -1 : lower.indexOf(hit.match, sentenceAt);
    if (at < 0) continue;
    const from = Math.max(0, at - 80);
    const match = COUNT_BEFORE_NOUN.exec(lower.slice(from, at));
    // Negation last: most nouns have no count before them, and their negation need not be read.
    if (!match || NOT_VOLUME_BEFORE.test(lower.slice(Math.max(0, from + match.index - 16), from + match.index)) || hit.negated) continue;
    const digits = match[1];
    const suffix = match[2] ?? '';
    if (!suffix && !digits.includes(',') && YEAR_ONLY.test(digits)) continue;
    const value = Number(digits.replace(THOUSANDS, '')) * (MULTIPLIER[suffix] ?? 1);
    const start = from + match.index;
    if (Number.isFinite(value) && value > 0) counts.push({ value, raw: block.slice(start, at + hit.match.length).replace(SPACES, ' ').trim(), hit });
  }
  return counts;
}

/** The smallest class share the data sections state ("1.8% fraud", "the smallest queue is 2.1%"), with its count when given. */
function minorityShare(evidence: Evidence): ClassShare | null {
  return evidence.derived('minorityShare', () => findMinorityShare(evidence));
}

function findMinorityShare(evidence: Evidence): ClassShare | null {
  let best: ClassShare | null = null;
  for (const hit of evidence.findAll(CLASS_WORD, { topics: DATA })) {
    if (hit.negated) continue;
    for (const number of percentsNear(hit, 40)) {
      if (number.value <= 0 || number.value > 50) continue;
      if (!best || number.value < best.share) best = { share: number.value, raw: number.raw, count: null, hit };
    }
  }
  if (!best) return null;
  const sentence = best.hit.sentence.toLowerCase();
  COUNT_BEFORE_SHARE.lastIndex = 0;
  for (let match = COUNT_BEFORE_SHARE.exec(sentence); match; match = COUNT_BEFORE_SHARE.exec(sentence)) {
    if (Number(match[3]) !== best.share) continue;
    const count = Number(match[1].replace(THOUSANDS, '')) * (MULTIPLIER[match[2] ?? ''] ?? 1);
    if (count > (best.count ?? 0)) best.count = count;
  }
  return best;
}

/** Percentages stated within `reach` characters of the hit's match, in its sentence. */
function percentsNear(hit: Hit, reach: number): StatedNumber[] {
  const sentence = hit.sentence.toLowerCase();
  const at = sentence.indexOf(hit.match);
  return extractNumbers(sentence).filter((number) => number.percent && (at < 0 || Math.abs(number.index - at) <= reach));
}

/** Sentences that date the data (a range, a cut-off or a collection date), with the latest date each states. */
function datedSentences(evidence: Evidence): DatedSentence[] {
  return evidence.derived('datedSentences', () => findDatedSentences(evidence));
}

function findDatedSentences(evidence: Evidence): DatedSentence[] {
  const found: DatedSentence[] = [];
  const seen = new Set<string>();
  const consider = (hit: Hit, fromMatch: boolean) => {
    const key = `${hit.line}:${hit.sentence}`;
    if (hit.negated || seen.has(key)) return;
    seen.add(key);
    const sentence = hit.sentence.toLowerCase();
    // Outside data sections, only the dates after "collected"/"cut-off" date the data (not a model or release date before it).
    const offset = fromMatch ? Math.max(0, sentence.indexOf(hit.match)) : 0;
    const dates = parseDates(sentence.slice(offset));
    if (dates.length === 0) return;
    if (!fromMatch && dates.length < 2 && !PERIOD_WORD.test(sentence)) return;
    const latest = dates.reduce((best, item) => (item.end > best.end ? item : best));
    const start = offset + latest.index;
    found.push({ end: latest.end, fine: latest.fine, raw: hit.sentence.slice(start, start + latest.raw.length) || latest.raw, hit });
  };
  for (const hit of evidence.findAll(ANY_DATE, { topics: DATA })) consider(hit, false);
  for (const hit of evidence.findAll(COLLECTED_ANYWHERE)) consider(hit, true);
  return found;
}

/** Every date a sentence states, as the last day it can mean ("Sep 2026" → 2026-09-30, "early 2000s" → 2009-12-31). */
function parseDates(sentence: string): { end: Date; raw: string; index: number; fine: boolean }[] {
  DATE_TOKEN.lastIndex = 0;
  const all: { end: Date; raw: string; index: number; fine: boolean }[] = [];
  for (let match = DATE_TOKEN.exec(sentence); match; match = DATE_TOKEN.exec(sentence)) {
    // Plain literals: spreading a shared { raw, index } into each date costs several times more.
    const raw = match[0];
    const index = match.index;
    if (match[1]) all.push({ raw, index, end: endOfMonth(Number(match[2]), MONTHS[match[1]]), fine: true });
    else if (match[3]) all.push({ raw, index, end: match[5] ? new Date(Date.UTC(Number(match[3]), Number(match[4]) - 1, Number(match[5]))) : endOfMonth(Number(match[3]), Number(match[4]) - 1), fine: true });
    else if (match[6]) all.push({ raw, index, end: endOfMonth(Number(match[7]), Number(match[6]) * 3 - 1), fine: true });
    else if (match[8]) all.push({ raw, index, end: endOfMonth(Number(match[8].replace(NON_DIGITS, '').slice(0, 3) + '9'), 11), fine: false });
    else if (match[9]) all.push({ raw, index, end: endOfMonth(Number(match[9]), 11), fine: false });
  }
  // A bare year next to month-level dates is usually a citation or a label, not the data's end.
  const precise = all.filter((item) => item.fine);
  return precise.length > 0 ? precise : all;
}

function endOfMonth(year: number, month: number): Date {
  return new Date(Date.UTC(year, month + 1, 0));
}

function addMonths(date: Date, months: number): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate()));
}

function monthsBetween(from: Date, to: Date): number {
  return (to.getTime() - from.getTime()) / (1000 * 60 * 60 * 24 * 30.4375);
}

/** A PSI value measured between training and current data (not a monitoring threshold), the highest stated. */
function measuredPsi(evidence: Evidence): { value: number; raw: string; hit: Hit } | null {
  let best: { value: number; raw: string; hit: Hit } | null = null;
  for (const hit of evidence.findAll(PSI, { topics: DATA_AND_LIMITS })) {
    const sentence = hit.sentence.toLowerCase();
    if (hit.negated || PSI_THRESHOLD_CONTEXT.test(sentence)) continue;
    for (const number of extractNumbers(sentence)) {
      if (number.percent || number.value <= 0 || number.value >= 10 || Number.isInteger(number.value)) continue;
      if (!best || number.value > best.value) best = { value: number.value, raw: number.raw, hit };
    }
  }
  return best;
}

function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

function formatShare(value: number): string {
  return `${Math.round(value * 10) / 10}%`;
}
