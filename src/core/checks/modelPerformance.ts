import type { Topic } from '../card/topics';
import type { Table, TableRow } from '../card/types';
import type { Evidence, Hit } from '../evidence/evidence';
import { extractNumbers, type StatedNumber } from '../evidence/numbers';
import { absentOrMissing, documented, quote } from './helpers';
import { fail, pass, skip, type CheckDefinition, type CheckResult, type Severity } from './types';

const DESIGN = 'Gate review design, Gate 4 outputs';
const RESULT_TOPICS: readonly Topic[] = ['evaluation', 'evaluation-data'];
/** Sections where a train-vs-evaluation comparison is a claim about this model (not a KPI target or a data description). */
const GAP_TOPICS: readonly Topic[] = ['evaluation', 'evaluation-data', 'limitations'];
const TARGET_TOPICS: readonly Topic[] = ['kpis', 'objectives', 'scope'];

/** Evaluation metric names, lower case. "precision" after mixed/half/... is numeric precision, not a metric. */
const METRIC_TOKEN =
  /\b(balanced accuracy|top-\d+ accuracy|accuracy|pr[- ]auc|auprc|average precision|roc[- ]auc|auroc|auc|gini|ks|(?:macro|micro|weighted)[- ]f1|f1(?:[- ]score)?|precision(?<!(?:mixed|half|full|single|double|numerical|fp16|bf16|fp32) precision)|recall|sensitivity|specificity|true positive rate|false positive rate|tpr|fpr|matthews correlation|r2|rmse|mse|mae|mape|wape|smape|log[- ]?loss|brier(?: score)?|expected calibration error|ece|ndcg(?:@\d+)?|map@\d+|mean average precision|mrr|hit rate|bleu|rouge(?:-\w+)?|exact match|word error rate|wer|cer|miou|iou|perplexity|pass@\d+|win rate)\b/;
const METRIC_SCAN = new RegExp(METRIC_TOKEN.source, 'g');
/**
 * The same names as an evidence pattern: every alternative leads with a distinctive word so the word
 * index can skip blocks ("pr-auc" is found through "auc"; sentences are then read with METRIC_TOKEN).
 */
const METRIC_NAME =
  /\b(balanced accuracy|top-\d+ accuracy|accuracy|auc|auprc|average precision|auroc|gini|ks|(?:macro|micro|weighted)[- ]f1|f1|precision(?<!(?:mixed|half|full|single|double|numerical|fp16|bf16|fp32) precision)|recall|sensitivity|specificity|true positive rate|false positive rate|tpr|fpr|matthews correlation|r2|rmse|mse|mae|mape|wape|smape|log[- ]?loss|brier|ece|ndcg|map@\d+|mean average precision|mrr|hit rate|bleu|rouge|exact match|word error rate|wer|cer|miou|iou|perplexity)\b/;
/** A stated metric value: a decimal or a percentage ("0.853", "21.3%"); plain integers are usually counts or years. */
const METRIC_VALUE = /\.\d|\d\s?%/;
/** Cheap pre-check for a sentence that could compare scores (RMSE 100 vs 112 has no decimal point). */
const HAS_SCORE = /\d/;
const TARGET_WORDING = /(>=|<=|≥|≤|\b(targets?|goals?|at least|at or above|at most|no (less|more) than|must|should|acceptance|thresholds?|required|requirement)\b)/;

/** Canonical metric names, so "PR-AUC", "average_precision" and "AUPRC" compare equal. */
const METRIC_ALIASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(pr auc|auprc|average precision|au pr|auc pr)$/, 'pr-auc'],
  [/^(roc auc|auroc|auc|au roc|auc roc|roc)$/, 'roc-auc'],
  [/^(f1|f1 score|f score)$/, 'f1'],
  [/^(recall|sensitivity|tpr|true positive rate)$/, 'recall'],
  [/^(fpr|false positive rate)$/, 'fpr'],
  [/^brier( score)?$/, 'brier'],
  [/^log ?loss$/, 'log-loss'],
  [/^(r2|r squared)$/, 'r2'],
  [/^(ece|expected calibration error)$/, 'ece'],
  [/^(wer|word error rate)$/, 'wer'],
  [/^ndcg/, 'ndcg'],
];
const METRIC_QUALIFIER = /^(macro|micro|weighted|balanced|mean|top \d+) /;
const METRIC_SEPARATORS = /[_\s-]+/g;
/** Metrics where lower is better: a train value below the evaluation value is the overfitting direction. */
const LOWER_IS_BETTER = new Set(['rmse', 'mse', 'mae', 'mape', 'wape', 'smape', 'log-loss', 'brier', 'ece', 'wer', 'cer', 'perplexity', 'fpr']);
/** Unbounded metrics: a gap is judged relative to the train value, not in points. */
const UNBOUNDED = new Set(['rmse', 'mse', 'mae', 'log-loss', 'perplexity']);

const canonicalMemo = new Map<string, string>();

function canonicalMetric(name: string): string {
  let canonical = canonicalMemo.get(name);
  if (canonical !== undefined) return canonical;
  const normalized = name.toLowerCase().replace(METRIC_SEPARATORS, ' ').trim().replace(METRIC_QUALIFIER, '');
  canonical = METRIC_ALIASES.find(([pattern]) => pattern.test(normalized))?.[1] ?? normalized;
  if (canonicalMemo.size > 2000) canonicalMemo.clear(); // batch reviews see many header spellings
  canonicalMemo.set(name, canonical);
  return canonical;
}

function metricIn(text: string): string | null {
  METRIC_SCAN.lastIndex = 0;
  const match = METRIC_SCAN.exec(text.toLowerCase());
  return match ? match[0] : null;
}

function sectionTopics(evidence: Evidence, hit: Hit): readonly Topic[] {
  return evidence.sectionOf(hit.block)?.topics ?? [];
}

function inTopics(topics: readonly Topic[], wanted: readonly Topic[]): boolean {
  return wanted.some((topic) => topics.includes(topic));
}

const VALIDATION_TOPICS: readonly Topic[] = ['evaluation', 'evaluation-data', 'training-procedure'];
/** Monitoring plans ("quarterly backtesting once outcomes mature") are not evidence about how the model was validated. */
const OPERATIONS_TOPICS: readonly Topic[] = ['deployment', 'monitoring'];

/**
 * First affirmative prose hit in the preferred sections, else a table row there, else the first hit outside
 * the excluded sections. The preferred search only visits blocks in those sections; the card-wide one runs
 * only when it finds nothing.
 */
function findPreferred(evidence: Evidence, pattern: RegExp, prefer: readonly Topic[] = VALIDATION_TOPICS, exclude: readonly Topic[] = OPERATIONS_TOPICS): Hit | undefined {
  let preferredRow: Hit | undefined;
  for (const hit of evidence.hits(pattern, { topics: prefer })) {
    if (hit.negated) continue;
    // A sentence describing the practice is better evidence than a table column named after it.
    if (hit.block.kind !== 'table-row') return hit;
    preferredRow ??= hit;
  }
  if (preferredRow) return preferredRow;
  return evidence.findWhere(pattern, (hit) => !hit.negated && !inTopics(sectionTopics(evidence, hit), exclude));
}

/** Like documented(), but evidence in evaluation sections wins and monitoring plans do not count. */
function documentedInEvaluation(evidence: Evidence, pattern: RegExp, missing: string, anchor: readonly Topic[], severity?: Severity): CheckResult {
  const hit = findPreferred(evidence, pattern);
  if (hit) return pass(hit.line);
  return absentOrMissing(evidence.findAbsence(pattern), `${missing} The card states: `, missing, evidence.anchor(...anchor), severity);
}

/* ---------- Reported metrics (results) ---------- */

interface MetricMention {
  hit: Hit;
  canonical: string;
  display: string;
}

interface MetricAnalysis {
  /** canonical name → where a value for it is first reported (the model-index metadata line for metadata-only metrics). */
  reported: Map<string, { line: number | null; display: string }>;
  firstResultLine: number | null | undefined;
}

/** Metric names in one sentence, as the card writes them. */
function metricsIn(sentence: string): Array<{ canonical: string; display: string }> {
  const lower = sentence.toLowerCase();
  const found: Array<{ canonical: string; display: string }> = [];
  METRIC_SCAN.lastIndex = 0;
  for (let match = METRIC_SCAN.exec(lower); match; match = METRIC_SCAN.exec(lower)) {
    const display = lower.length === sentence.length ? sentence.slice(match.index, match.index + match[0].length) : match[0];
    found.push({ canonical: canonicalMetric(match[0]), display });
  }
  return found;
}

/**
 * Where the card reports metric values: blocks of results sections that name a metric and state a value
 * (read block by block: a results section is mostly metrics, so an index lookup saves nothing); only if
 * there are none, any sentence outside KPI targets.
 */
function metricAnalysis(evidence: Evidence): MetricAnalysis {
  return evidence.derived('model-performance:metrics', () => computeMetricAnalysis(evidence));
}

function computeMetricAnalysis(evidence: Evidence): MetricAnalysis {
  const reported = new Map<string, { line: number | null; display: string }>();
  let firstResultLine: number | null | undefined;
  const record = (text: string, line: number) => {
    const metrics = metricsIn(text);
    if (metrics.length === 0) return;
    firstResultLine ??= line;
    for (const metric of metrics) if (!reported.has(metric.canonical)) reported.set(metric.canonical, { line, display: metric.display });
  };
  let firstScoreRow: number | undefined;
  for (const block of evidence.card.blocks) {
    // The section test first: it is cheaper than the value regex, and most blocks are not results.
    if (block.placeholder || block.kind === 'code' || block.kind === 'html' || !inTopics(evidence.sectionOf(block)?.topics ?? [], RESULT_TOPICS)) continue;
    if (!METRIC_VALUE.test(block.text)) continue;
    record(block.text, block.line);
    // Benchmark tables ("MMLU | 70.1") report scores without naming a metric this module knows.
    if (block.kind === 'table-row') firstScoreRow ??= block.line;
  }
  firstResultLine ??= firstScoreRow;
  if (firstResultLine === undefined) {
    for (const hit of evidence.findAll(METRIC_NAME)) {
      if (hit.negated || inTopics(sectionTopics(evidence, hit), TARGET_TOPICS)) continue;
      const sentence = hit.sentence.toLowerCase();
      if (METRIC_VALUE.test(sentence) && !TARGET_WORDING.test(sentence)) record(hit.sentence, hit.line);
    }
  }
  const metadata = evidence.metadata;
  for (const result of metadata?.modelIndex ?? []) {
    for (const metric of result.metrics) {
      if (metric.value === null || metric.value === '') continue;
      const name = metric.type || metric.name || '';
      if (!name) continue;
      const canonical = canonicalMetric(name);
      if (!reported.has(canonical)) reported.set(canonical, { line: metadata!.line, display: name.replace(METRIC_SEPARATORS, ' ') });
      firstResultLine ??= metadata!.line;
    }
  }
  return { reported, firstResultLine };
}

/** Metrics named by KPI or acceptance statements: in KPI sections, or in sentences worded as goals and targets. */
function kpiMetricMentions(evidence: Evidence): MetricMention[] {
  return evidence.derived('model-performance:kpi-metrics', () => computeKpiMetricMentions(evidence));
}

function computeKpiMetricMentions(evidence: Evidence): MetricMention[] {
  const mentions: MetricMention[] = [];
  const seen = new Set<string>();
  const add = (hit: Hit) => {
    if (hit.negated) return;
    const key = `${hit.line}:${hit.sentence}`;
    if (seen.has(key)) return;
    seen.add(key);
    for (const metric of metricsIn(hit.sentence)) mentions.push({ hit, canonical: metric.canonical, display: metric.display });
  };
  for (const hit of evidence.findAll(METRIC_NAME, { topics: ['kpis', 'objectives'] })) add(hit);
  for (const hit of evidence.findAll(KPI_CONTEXT)) add(hit);
  return mentions.sort((a, b) => a.hit.line - b.hit.line);
}

function reportedNames(analysis: MetricAnalysis): string {
  return [...analysis.reported.values()].map((entry) => entry.display).slice(0, 4).join(', ');
}

/* ---------- Train vs evaluation comparisons (overfitting) ---------- */

const TRAIN_ROLE = /\b(train(ing)?|in[- ]sample)\b/;
const EVAL_ROLE = /\b(validation|valid|val|dev|test|testing|hold[- ]?out|held[- ]out|out[- ]of[- ]time|oot|cv|cross[- ]validation|\d+[- ]fold|out[- ]of[- ]sample|backtest|eval|evaluation)\b/;
const ROLE_SCAN = /\b(train(?:ing)?|in[- ]sample)\b|\b(validation|valid|val|dev|test|testing|hold[- ]?out|held[- ]out|out[- ]of[- ]time|oot|cv|cross[- ]validation|out[- ]of[- ]sample|backtest)\b/g;
const OOD_ROLE = /\b(ood|out[- ]of[- ]distribution|cross[- ]border|shift(ed)?|stress|adversarial|perturbed)\b/;
const ROLE_WORDS = /\b(train(ing)?|in[- ]sample|validation|valid|val|dev|test|testing|hold[- ]?out|held[- ]out|out[- ]of[- ]time|oot|cv|cross[- ]validation|out[- ]of[- ]sample|backtest|eval|evaluation|set|split|score|mean|sd|std)\b|[():±@]|\d+[- ]fold/g;
const TRAIN_ROLE_CASED = /\b(train(ing)?|in[- ]sample)\b/gi;
const WORD_END = /[^\w-]/;
const SELECTED_ROW = /\b(selected|chosen|final|proposed|ours|winner|release candidate|this model)\b/;
/** Sentences that may compare train with evaluation numbers, or state the gap. */
const TRAIN_OR_GAP =
  /\b(train(?:ing)?|sample(?<=\bin[- ]sample)|overfit\w*|generali[sz]ation)\b/;
const NUMBER_NOT_A_SCORE = /^\s*-?\s*(?:[a-z][\w-]*\s+)?(?:folds?|points?|pts?|pp|percentage points?|weeks?|months?|days?|years?|hours?|rows|samples|examples|images|tickets|trees|epochs?|ms|seconds?|gb|mb|features?)\b/;
const OPERATOR_BEFORE = /(<=|>=|≤|≥|<|>|\b(?:under|below|above|over|limit|threshold|target|at least|at most|no more than|within|than))\s*(?:the\s+|a\s+)?$/;
const SLASH_OR_AT = /[/@^-]$/;
const MULTIPLIER_SUFFIX = /(k|m|mm|b|bn|thousand|million|billion)$/;
const VS_BETWEEN = /^\s*\)?\s*(?:vs\.?|versus|v\.|compared (?:to|with)|against|→|->)\s*\(?\s*$/;
const STATED_GAP =
  /(\d+(?:\.\d+)?)\s?-?\s?(?:percentage[- ])?(?:points?|pts?|pp)\b[^.;]{0,15}?\bgap\b|\bgap\b[^.;\d]{0,60}?\b(?:is|of|was|at|about|around|approximately|roughly)\s*(?:about |around |approximately |roughly |only |~)?(\d+(?:\.\d+)?)\s?(?:%|(?:[a-z][\w-]* )?(?:percentage )?(?:points?|pts?|pp)\b)/;
const GAP_ERROR = 10;
const GAP_WARNING = 5;

// Comparisons are built field by field: spreading the gap into the literal costs several times more.
interface Comparison {
  metric: string;
  evalLabel: string;
  train: StatedNumber;
  evaluated: StatedNumber;
  gap: number;
  relative: boolean;
  line: number;
  endLine: number;
}

interface StatedGap {
  gap: number;
  hit: Hit;
}

interface GapAnalysis {
  comparisons: Comparison[];
  stated: StatedGap[];
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function formatGap(value: number): string {
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** Gap in the overfitting direction: points for bounded metrics (0-1 or %), percent of the train value for unbounded ones. */
function gapBetween(metric: string, train: StatedNumber, evaluated: StatedNumber): { gap: number; relative: boolean } | null {
  const canonical = canonicalMetric(metricIn(metric) ?? metric);
  const lowerBetter = LOWER_IS_BETTER.has(canonical);
  const t = train.value;
  const e = evaluated.value;
  if (!UNBOUNDED.has(canonical)) {
    const bothFractions = !train.percent && !evaluated.percent && t >= 0 && t <= 1 && e >= 0 && e <= 1;
    const toPoints = (n: StatedNumber) => (n.percent || n.value > 1 ? n.value : n.value * 100);
    const bothPoints = (train.percent || t > 1 || bothFractions) === (evaluated.percent || e > 1 || bothFractions);
    if (t < 0 || e < 0 || t > 100 || e > 100 || !bothPoints) return null;
    const tp = bothFractions ? t * 100 : toPoints(train);
    const ep = bothFractions ? e * 100 : toPoints(evaluated);
    return { gap: round1(lowerBetter ? ep - tp : tp - ep), relative: false };
  }
  if (train.percent || evaluated.percent || t === 0) return null;
  return { gap: round1(((lowerBetter ? e - t : t - e) / Math.abs(t)) * 100), relative: true };
}

/** A count such as "2.4M" or "12k", not a score. */
function hasMultiplier(number: StatedNumber): boolean {
  const last = number.raw.charCodeAt(number.raw.length - 1);
  // Most numbers end in a digit or "%": no suffix to look for.
  if ((last >= 48 && last <= 57) || last === 37) return false;
  return MULTIPLIER_SUFFIX.test(number.raw.toLowerCase());
}

function firstNumber(cell: string | undefined): StatedNumber | null {
  if (!cell) return null;
  const number = extractNumbers(cell).find((n) => !hasMultiplier(n));
  return number ?? null;
}

function roleOf(text: string): 'train' | 'eval' | null {
  const train = TRAIN_ROLE.test(text);
  const evaluated = EVAL_ROLE.test(text);
  if (train && !evaluated) return 'train';
  if (evaluated && !train && !OOD_ROLE.test(text)) return 'eval';
  return null;
}

/** Metric a column header names once its role words are removed: '' for a bare "Train", null for a non-metric ("Dev Loss"). */
function columnMetric(header: string): string | null {
  const rest = header.replace(ROLE_WORDS, ' ').trim();
  if (!rest) return '';
  return metricIn(rest);
}

function evalLabelOf(text: string): string {
  const match = EVAL_ROLE.exec(text);
  return match ? match[0] : 'evaluation';
}

function tableComparisons(table: Table): Comparison[] {
  if (table.header.length < 2) return [];
  // Only a table with a "Train" column or row can compare train with evaluation numbers.
  if (!table.header.some((cell) => TRAIN_ROLE.test(cell.toLowerCase())) && !table.rows.some((row) => TRAIN_ROLE.test((row.cells[0] ?? '').toLowerCase()))) return [];
  const header = table.header.map((cell) => cell.toLowerCase());
  const roles = header.map(roleOf);
  const comparisons: Comparison[] = [];
  const add = (metric: string, label: string, trainCell: string | undefined, evalCell: string | undefined, rows: readonly TableRow[]) => {
    const train = firstNumber(trainCell);
    const evaluated = firstNumber(evalCell);
    if (!train || !evaluated) return;
    const gap = gapBetween(metric, train, evaluated);
    if (!gap) return;
    const line = Math.min(...rows.map((row) => row.line));
    const endLine = Math.max(...rows.map((row) => row.endLine));
    comparisons.push({ metric, evalLabel: label, train, evaluated, gap: gap.gap, relative: gap.relative, line, endLine });
  };
  const trainColumns = roles.map((role, index) => (index > 0 && role === 'train' ? index : -1)).filter((index) => index > 0);
  const evalColumns = roles.map((role, index) => (index > 0 && role === 'eval' ? index : -1)).filter((index) => index > 0);
  if (trainColumns.length > 0 && evalColumns.length > 0) {
    // Columns are splits ("Train" | "Validation", or "Train AUC" | "Test AUC"); rows are metrics or models.
    const marked = table.rows.filter((row) => SELECTED_ROW.test((row.cells[0] ?? '').toLowerCase()));
    const rows = marked.length > 0 ? marked : table.rows;
    const columnMetrics = header.map(columnMetric);
    for (const t of trainColumns) {
      for (const e of evalColumns) {
        const trainMetric = columnMetrics[t];
        const evalMetric = columnMetrics[e];
        if (trainMetric === null || evalMetric === null || (trainMetric === '') !== (evalMetric === '')) continue;
        if (trainMetric !== '' && canonicalMetric(trainMetric) !== canonicalMetric(evalMetric)) continue;
        const label = evalLabelOf(header[e]);
        for (const row of rows) {
          const metric = trainMetric || metricIn(row.cells[0] ?? '');
          if (!metric) continue;
          const display = trainMetric ? table.header[t].replace(TRAIN_ROLE_CASED, '').trim() || metric : (row.cells[0] ?? metric);
          add(display, label, row.cells[t], row.cells[e], [row]);
        }
      }
    }
    return comparisons;
  }
  // Rows are splits ("Train", "5-fold CV", "Holdout"); columns are metrics.
  const labels = table.rows.map((row) => (row.cells[0] ?? '').toLowerCase());
  const trainRows = table.rows.filter((_, index) => roleOf(labels[index]) === 'train');
  const evalRows = table.rows.filter((_, index) => roleOf(labels[index]) === 'eval');
  if (trainRows.length === 0 || evalRows.length === 0) return comparisons;
  for (let column = 1; column < header.length; column++) {
    const metric = metricIn(header[column]);
    if (!metric) continue;
    for (const trainRow of trainRows) {
      for (const evalRow of evalRows) add(table.header[column], evalLabelOf((evalRow.cells[0] ?? '').toLowerCase()), trainRow.cells[column], evalRow.cells[column], [trainRow, evalRow]);
    }
  }
  return comparisons;
}

interface SentenceNumber {
  number: StatedNumber;
  role: 'train' | 'eval' | null;
  metric: string | null;
}

/** Reads "train accuracy 0.97 vs validation accuracy 0.82", "train (0.97) and validation (0.82)", "(0.874 vs 0.858)". */
function sentenceComparisons(hit: Hit): Comparison[] {
  const text = hit.sentence.toLowerCase();
  if (!HAS_SCORE.test(text) || !EVAL_ROLE.test(text) || !METRIC_TOKEN.test(text)) return [];
  const roles: Array<{ index: number; role: 'train' | 'eval' }> = [];
  ROLE_SCAN.lastIndex = 0;
  for (let match = ROLE_SCAN.exec(text); match; match = ROLE_SCAN.exec(text)) roles.push({ index: match.index, role: match[1] ? 'train' : 'eval' });
  const metrics: Array<{ index: number; name: string }> = [];
  METRIC_SCAN.lastIndex = 0;
  for (let match = METRIC_SCAN.exec(text); match; match = METRIC_SCAN.exec(text)) metrics.push({ index: match.index, name: match[0] });
  const numbers = extractNumbers(text).filter((number) => isScore(text, number));
  if (numbers.length < 2) return [];
  const read: SentenceNumber[] = numbers.map((number, i) => {
    const previous = i > 0 ? numbers[i - 1].index : -1;
    const role = [...roles].reverse().find((mention) => mention.index < number.index)?.role ?? null;
    const metric = [...metrics].reverse().find((mention) => mention.index < number.index && mention.index > previous)?.name ?? null;
    return { number, role, metric };
  });
  // "(0.874 vs 0.858)" after "train vs validation": the pair takes the roles in the order the sentence named them.
  for (let i = 0; i + 1 < read.length; i++) {
    const a = read[i].number;
    const b = read[i + 1].number;
    if (!VS_BETWEEN.test(text.slice(a.index + a.raw.length, b.index))) continue;
    const before = roles.filter((mention) => mention.index < a.index);
    const lastTrain = [...before].reverse().find((mention) => mention.role === 'train');
    const lastEval = [...before].reverse().find((mention) => mention.role === 'eval');
    if (!lastTrain || !lastEval) continue;
    const metric = [...metrics].reverse().find((mention) => mention.index < a.index)?.name ?? null;
    const trainFirst = lastTrain.index < lastEval.index;
    read[i] = { number: a, role: trainFirst ? 'train' : 'eval', metric: read[i].metric ?? metric };
    read[i + 1] = { number: b, role: trainFirst ? 'eval' : 'train', metric: read[i + 1].metric ?? metric };
    i++;
  }
  const trains = read.filter((entry) => entry.role === 'train');
  const evals = read.filter((entry) => entry.role === 'eval');
  const sentenceMetric = metrics[0]?.name ?? null;
  const comparisons: Comparison[] = [];
  for (const train of trains) {
    let partner = evals.find((entry) => entry.metric !== null && train.metric !== null && canonicalMetric(entry.metric) === canonicalMetric(train.metric));
    if (!partner && trains.length === 1 && evals.length === 1) partner = evals[0];
    if (!partner) continue;
    const metric = train.metric ?? partner.metric ?? sentenceMetric;
    if (!metric) continue;
    const gap = gapBetween(metric, train.number, partner.number);
    if (!gap) continue;
    const evalRole = [...roles].reverse().find((mention) => mention.role === 'eval' && mention.index < partner!.number.index);
    const evalLabel = evalRole ? text.slice(evalRole.index).split(WORD_END)[0] : 'evaluation';
    comparisons.push({ metric, evalLabel, train: train.number, evaluated: partner.number, gap: gap.gap, relative: gap.relative, line: hit.line, endLine: hit.endLine });
  }
  return comparisons;
}

function isScore(text: string, number: StatedNumber): boolean {
  if (hasMultiplier(number)) return false;
  if (!number.percent && Number.isInteger(number.value) && number.value >= 1900 && number.value <= 2100) return false;
  const before = text.slice(Math.max(0, number.index - 16), number.index);
  const after = text.slice(number.index + number.raw.length, number.index + number.raw.length + 40);
  if (SLASH_OR_AT.test(before) || after.startsWith('/')) return false;
  if (NUMBER_NOT_A_SCORE.test(after)) return false;
  return !OPERATOR_BEFORE.test(before);
}

function gapAnalysis(evidence: Evidence): GapAnalysis {
  return evidence.derived('model-performance:train-gaps', () => computeGapAnalysis(evidence));
}

function computeGapAnalysis(evidence: Evidence): GapAnalysis {
  const comparisons: Comparison[] = [];
  const stated: StatedGap[] = [];
  for (const table of evidence.tables) {
    const topics = table.section >= 0 ? evidence.card.sections[table.section].topics : [];
    if (inTopics(topics, TARGET_TOPICS) && !inTopics(topics, RESULT_TOPICS)) continue;
    comparisons.push(...tableComparisons(table));
  }
  const seen = new Set<string>();
  for (const hit of evidence.findAll(TRAIN_OR_GAP, { topics: GAP_TOPICS })) {
    if (hit.block.kind === 'table-row') continue;
    const key = `${hit.block.line}:${hit.sentence}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const found = sentenceComparisons(hit);
    if (found.length > 0) {
      comparisons.push(...found);
      continue;
    }
    const sentence = hit.sentence.toLowerCase();
    // Both wordings of a stated gap contain "gap": the long pattern runs only on sentences that do.
    const gap = sentence.includes('gap') ? STATED_GAP.exec(sentence) : null;
    if (gap) stated.push({ gap: Number(gap[1] ?? gap[2]), hit });
  }
  comparisons.sort((a, b) => a.line - b.line);
  return { comparisons, stated };
}

function gapSeverity(gap: number): Severity | null {
  if (gap > GAP_ERROR) return 'error';
  if (gap >= GAP_WARNING) return 'warning';
  return null;
}

function describeComparison(comparison: Comparison): string {
  const metric = comparison.metric.charAt(0).toUpperCase() + comparison.metric.slice(1);
  return `${metric}: train ${comparison.train.raw} vs ${comparison.evalLabel} ${comparison.evaluated.raw}`;
}

function overfitResult(evidence: Evidence): CheckResult {
  const { comparisons, stated } = gapAnalysis(evidence);
  if (comparisons.length === 0 && stated.length === 0) return skip();
  const offenders = comparisons.filter((comparison) => gapSeverity(comparison.gap) !== null);
  const worst = offenders.find((comparison) => gapSeverity(comparison.gap) === 'error') ?? offenders[0];
  if (worst) {
    const severity = gapSeverity(worst.gap)!;
    const unit = worst.relative ? '% relative' : '-point';
    const limit = severity === 'error' ? `exceeds the 10${worst.relative ? '%' : '-point'} overfitting limit` : `falls in the 5–10${worst.relative ? '%' : '-point'} warning band for overfitting`;
    const others = [...new Set(offenders.filter((comparison) => comparison !== worst && canonicalMetric(comparison.metric) !== canonicalMetric(worst.metric)).map((comparison) => comparison.metric))];
    const more = others.length > 0 ? ` ${others.length} more metric${others.length > 1 ? 's also show' : ' also shows'} a gap of 5 points or more (${others.slice(0, 4).join(', ')}).` : '';
    return fail(`${describeComparison(worst)}, a ${formatGap(worst.gap)}${unit} gap that ${limit}.${more}`, worst.line, { endLine: worst.endLine, severity });
  }
  if (comparisons.length > 0) return pass(comparisons[0].line);
  const statedWorst = stated.reduce((a, b) => (b.gap > a.gap ? b : a));
  const severity = gapSeverity(statedWorst.gap);
  if (!severity) return pass(stated[0].hit.line);
  const limit = severity === 'error' ? 'exceeds the 10-point overfitting limit' : 'is in the 5–10-point warning band for overfitting';
  return fail(`The card states a ${formatGap(statedWorst.gap)}-point train/evaluation gap ("${quote(statedWorst.hit)}"), which ${limit}.`, statedWorst.hit.line, { endLine: statedWorst.hit.endLine, severity });
}

/* ---------- Validation strategy ---------- */

const CROSS_VALIDATION =
  /\b(folds?(?<=(?:\d|\bk|\bfive|\bten)[- ]folds?)|cross[- ]validat\w*|rolling[- ]origin|walk[- ]forward|chaining(?<=forward[- ]chaining)|backtest(s|ing)?|series split(?<=time[- ]series split)|nested cv|leave[- ]one[- ]\w+[- ]out|splits?(?<=repeated (?:random )?splits?))\b/;
/** A test set kept apart from training and tuning, including a train/validation/test split (the test part is held out). */
const HOLDOUT =
  /\b(hold[- ]?out|held[- ]out|out[- ]of[- ]time (test|set|sample|split|window)|separate (test|evaluation|validation) (set|split|data(set)?)|(validation|val|dev)[/ ,]+(and )?test (sets?|splits?|data)|test(?<=\btrain(?:ing)?[/ ,-]+(?:validation|val|dev)[/ ,-]+(?:and )?test)|split(?<=\d+\/\d+\/\d+ (?:train[/ -]val(?:idation)?[/ -]test )?split))\b/;
const SINGLE_SPLIT =
  /\b(single (random |stratified )?(\d+\/\d+ )?((train(ing)?[/ -])?(test|validation) )?split|random (\d+\/\d+ )?((train(ing)?[/ -])?(test|validation) )?split|train(ing)?[/ -](test|validation) split|one (train[/ -]test )?split|split(?<=\d\d\/\d\d split))\b/;

interface ValidationAnalysis {
  crossValidation?: Hit;
  holdout?: Hit;
}

function validation(evidence: Evidence): ValidationAnalysis {
  return evidence.derived('model-performance:validation', () => ({ crossValidation: findPreferred(evidence, CROSS_VALIDATION), holdout: findPreferred(evidence, HOLDOUT) }));
}

const OUT_OF_DISTRIBUTION =
  /\b(out[- ]of[- ](time|distribution)|time[- ]based\s(holdout|hold-out|split|validation|test|cross[- ]validation)|temporal\s(holdout|split|validation|test)|chaining(?<=forward[- ]chaining)|rolling[- ]origin|walk[- ]forward|backtest\w*|ood\s(test|set|slices?|evaluation|data)|(domains?|geograph\w*|regions?|countries|markets|sites|hospitals|stores)(?<=\b(?:other|different|unseen|new) [a-z]+)|domain\s(shift|gap)|shift(?<=distribution shift)|following\s(\d+ )?(days?|weeks?|months?|quarters?)|after (the )?training(?<=\b(?:month|months|weeks?|quarter|year) after (?:the )?training))\b/;
const GENERALIZATION =
  /\b(overfit\w*|over-fit\w*|generali[sz]ation (gap|error)|learning curves?|gap(?<=train(?:ing)?[- /](?:validation|test|holdout) gap)|gap between (the )?train\w*)\b/;
const ERROR_ANALYSIS =
  /\b(error\sanalysis|failure\s(modes?|cases?|analysis|patterns?)|(errors|mistakes|misclassifications|failures|confusions?)(?<=\b(?:most|common|typical|main|largest|frequent) [a-z]+)|errors\s(are|were) (largest|highest|concentrated|most common|mostly)|(positives|negatives)\s(cluster|concentrate|are concentrated|come from|are mostly)(?<=false (?:positives|negatives)\s[a-z ]+)|missed(?<=most missed)|missed\s(defaults|fraud|detections)\s(cluster|are|were|come)|(false (positives|negatives)|misclassified|errors|mistakes)(?<=\b(?:reviewed|analy[sz]ed|inspected|examined) (?:\d[\d,]* )?(?:false (?:positives|negatives)|misclassified|errors|mistakes))|misclassif\w+|matri(x|ces)(?<=confusion matri(?:x|ces))|(error|failure)\ssources?|(missed|misclassified|confused|wrong)(?<=\b(?:often|frequently|commonly|mostly) [a-z]+)|weakest\s(on|for)|struggles?\s(with|on)|analysis(?<=residual analysis))\b/;
const SLICES =
  /\b(slices?|sliced|disaggregated|subgroups?|(class|segment|group|region|slice|language|country|category|cohort|store|channel)(?<=\bper[- ][a-z]+)|(segment|group|region|country|class|category|cohort|language|slice|channel|store)(?<=\bby [a-z]+)|broken down by|breakdown by|separately(?<=reported separately)|(segment|group|region|class|slice)(?<=for each [a-z]+))\b/;
const UNCERTAINTY =
  /\b(confidence intervals?|ci(?<=\d% ci)|standard (deviation|error)|std|bootstrap\w*|values?(?<=\bp[- ]values?)|pvalues?|statistical(ly)? significan\w*|mcnemar|paired t[- ]test|credible intervals?)\b/;
/** "0.858 ± 0.007": a spread written as a symbol, which the word index cannot see; checked block by block. */
const PLUS_MINUS = ['±', '+/-'];
const CALIBRATION =
  /\b(calibrat\w+|brier( score)?|ece|(curves?|diagrams?)(?<=reliability [a-z]+)|platt scaling|isotonic (regression|calibration)|scaling(?<=temperature scaling))\b/;
const PROBABILISTIC =
  /\b(probabilit(y|ies)|calibrated|risk scores?|likelihood|confidence scores?|softmax|decision thresholds?|thresholds? (of|at|on) (the )?(\w+ )?(probability|score))\b/;
const BASELINE_IN_EVALUATION =
  /\b(baselines?|benchmark (models?|systems?)|candidates?|challengers?|compared (to|with|against)|comparison (to|with|against)|outperform\w*)\b/;
const BASELINE_ANYWHERE =
  /\b(over(?<=\b(?:chosen|selected|preferred) over)|baselines?(?<=\b(?:tried|compared|benchmarked|evaluated|tested)\b[^.;]{0,70}))\b/;
const KPI_LINK =
  /\b(maps?|mapped|tied|ties|linked|aligned|aligns|corresponds?)\s+(directly\s+)?(in)?to\s+(the\s+|our\s+|a\s+)?[a-z -]{0,30}\bkpis?\b/;
const KPI_CONTEXT = /\b(kpis?|goals?|targets?|acceptance|success criteria|release criteria|objectives?)\b/;
const KPI_STATED = /\b(kpis?|key performance indicators?|success (metrics?|criteria)|acceptance (criteria|thresholds?)|business metrics?|release criteria)\b/;
const VAGUE_CLAIM =
  /\b((accurate|precise|reliable|good)(?<=\b(?:very|highly|extremely|really|quite) [a-z]+)|well(?<=\b(?:performs?|works?) (?:very |really )?well)|good (performance|accuracy|results)|accura\w+(?<=\bhigh(?:ly)? accura[a-z]+)|art(?<=state[- ]of[- ]the[- ]art))\b/;
const IMPROVEMENT =
  /\b(improvement levers?|steps(?<=next steps)|work(?<=future work)|roadmap|planned for v?\d|plan to(?<=\bwe plan to)|plan to (add|reduce|increase|collect|try|improve|retrain)|improve (the )?(model|performance|recall|precision|accuracy)(?<=\bto improve [a-z ]+)|more ([\w-]+ ){0,2}(data|features|labels|examples)(?<=\b(?:add|adding|collect|collecting|get|getting) more [\w -]+)|try(ing)? (a )?(larger|different|more|deeper|smaller))\b/;
const LATENCY_HEADER = /\b(latency|inference time|response time|scoring time|prediction time)\b/;
const LATENCY_REQUIREMENT =
  /\b(?:latency|inference(?: time)?)\b[^.;|]{0,40}?(?:<=|≤|<|\bunder\b|\bbelow\b|\bwithin\b|\bat most\b|\bno more than\b|\bbudget of\b|\btarget of\b|\bslo of\b)\s*(?:the\s+|a\s+)?(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|seconds?)\b/;
const LATENCY_MEASURED =
  /\b(?:latency|inference time)\b(?:\s*\(?p\d{2}\)?)?(?:\s*(?:is|was|of|at|=|:|measured at|averages?|averaged))?(?:\s*(?:about|approximately|approx\.?|roughly|~))?\s*(\d+(?:\.\d+)?)\s*(ms|milliseconds?)\b/;
const LATENCY_CELL = /(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|sec|seconds?)?\b/;
const MS_HEADER = /\bms\b|millisecond/;
const SECONDS_UNIT = /^(s|sec|seconds?)$/;

function toMs(value: number, unit: string | undefined): number {
  return unit && SECONDS_UNIT.test(unit) ? value * 1000 : value;
}

interface LatencyMeasurement {
  ms: number;
  raw: string;
  line: number;
}

function measuredLatency(evidence: Evidence): LatencyMeasurement | null {
  for (const table of evidence.tables) {
    const topics = table.section >= 0 ? evidence.card.sections[table.section].topics : [];
    if (!inTopics(topics, RESULT_TOPICS) || inTopics(topics, TARGET_TOPICS)) continue;
    const column = table.header.findIndex((cell, index) => index > 0 && LATENCY_HEADER.test(cell.toLowerCase()));
    if (column < 0) continue;
    const marked = table.rows.filter((row) => SELECTED_ROW.test((row.cells[0] ?? '').toLowerCase()));
    const row = marked.length === 1 ? marked[0] : table.rows.length === 1 ? table.rows[0] : null;
    const cell = row?.cells[column]?.toLowerCase();
    const match = cell ? LATENCY_CELL.exec(cell) : null;
    if (!row || !match || (!match[2] && !MS_HEADER.test(table.header[column].toLowerCase()))) continue;
    return { ms: toMs(Number(match[1]), match[2]), raw: row.cells[column].trim(), line: row.line };
  }
  const hit = evidence.find(LATENCY_MEASURED, { topics: [...RESULT_TOPICS, 'training-procedure', 'deployment'] });
  if (!hit) return null;
  const match = LATENCY_MEASURED.exec(hit.match);
  return match ? { ms: toMs(Number(match[1]), match[2]), raw: `${match[1]} ${match[2]}`, line: hit.line } : null;
}

/** Gate 4 — Model Performance: do the metrics show a model that generalizes and serves the KPIs? */
export const modelPerformanceChecks: CheckDefinition[] = [
  {
    id: 'MP-RESULTS-REPORTED',
    gate: 'model-performance',
    title: 'Quantitative results reported',
    description: 'Without metric values a reviewer has nothing to judge performance against.',
    severity: 'error',
    source: `${DESIGN} (evaluation metrics, results); Hugging Face model card template (Evaluation / Results, model-index metadata); EU AI Act Annex IV 2(g)`,
    mitigation: 'Report the evaluation metrics with their values on a named test set (a results table or Hugging Face model-index metadata).',
    run: ({ evidence }) => {
      const analysis = metricAnalysis(evidence);
      if (analysis.firstResultLine !== undefined) return pass(analysis.firstResultLine);
      const claim = evidence.find(VAGUE_CLAIM);
      if (claim) return fail(`The card claims "${quote(claim)}" but reports no metric values to back it.`, claim.line, { endLine: claim.endLine });
      return fail('No evaluation metric values are reported.', evidence.anchor('evaluation'));
    },
  },
  {
    id: 'MP-KPI-ALIGNMENT',
    gate: 'model-performance',
    title: 'Metrics tied to the KPIs',
    description: 'Offline metrics that do not track the business KPI can improve while the business outcome gets worse.',
    severity: 'warning',
    source: `${DESIGN} (evaluation metrics aligned to KPIs; failure mode "metrics don't align to KPIs"); EU AI Act Annex IV 4 (appropriateness of the performance metrics); ML Test Score Model 2 (offline and online metrics correlate)`,
    mitigation: 'State which reported metric stands for each KPI (e.g. "recall at a 0.4% alert rate maps to the fraud-loss KPI") and evaluate the metric the KPI or acceptance criteria name.',
    run: ({ evidence }) => {
      const analysis = metricAnalysis(evidence);
      if (analysis.reported.size === 0) return skip();
      const link = evidence.findWhere(KPI_LINK, (hit) => !hit.negated && METRIC_TOKEN.test(hit.sentence.toLowerCase()));
      if (link) return pass(link.line);
      const mentions = kpiMetricMentions(evidence);
      const aligned = mentions.find((mention) => analysis.reported.has(mention.canonical));
      if (aligned) return pass(aligned.hit.line);
      const names = reportedNames(analysis);
      const unmatched = mentions[0];
      if (unmatched) {
        return fail(`The KPI or acceptance criterion is set on ${unmatched.display} ("${quote(unmatched.hit)}"), but the evaluation reports only ${names}.`, unmatched.hit.line, { endLine: unmatched.hit.endLine });
      }
      const kpi = evidence.find(KPI_STATED);
      if (kpi) {
        return fail(`The KPI is not expressed as an offline metric ("${quote(kpi)}") and the card does not say which reported metric (${names}) predicts it; confirm the link by hand.`, kpi.line, { endLine: kpi.endLine, severity: 'info' });
      }
      return fail(`No KPI or acceptance target is stated, so the reported metrics (${names}) cannot be tied to a business outcome.`, evidence.anchor('kpis', 'evaluation'));
    },
  },
  {
    id: 'MP-BASELINE',
    gate: 'model-performance',
    title: 'Compared with a baseline',
    description: 'Only a comparison with a simpler model or the current process shows that the model earns its complexity.',
    severity: 'info',
    source: `${DESIGN} (candidate algorithms and architectures); ML Test Score Model 5 (a simpler model is not better)`,
    mitigation: 'Report a simple baseline (rules, logistic regression, seasonal naive, the current production model) on the same test set next to the candidate.',
    run: ({ evidence }) => {
      const hit = evidence.find(BASELINE_IN_EVALUATION, { topics: [...RESULT_TOPICS, 'training-procedure'] }) ?? evidence.find(BASELINE_ANYWHERE);
      return hit ? pass(hit.line) : fail('No baseline or alternative candidate is compared with the model, so there is no evidence that a simpler approach would not do as well.', evidence.anchor('evaluation'));
    },
  },
  {
    id: 'MP-VALIDATION-STRATEGY',
    gate: 'model-performance',
    title: 'Validation beyond a single split',
    description: 'Metrics from one train/test split, often also used for tuning, overstate how the model will do on new data.',
    severity: 'error',
    source: `${DESIGN} (validation strategy: cross-validation, holdout; failure mode "no validation strategy (single train/test split)"); EU AI Act Annex IV 2(g) (validation and testing procedures)`,
    mitigation: 'Validate with k-fold or time-based cross-validation and keep a holdout test set (about 20%) that is never used for training or tuning.',
    run: ({ evidence }) => {
      const { crossValidation, holdout } = validation(evidence);
      const evidenceHit = crossValidation ?? holdout;
      if (evidenceHit) return pass(evidenceHit.line);
      const single = evidence.findAny(SINGLE_SPLIT);
      if (single) return fail(`Validation rests on a single train/test split ("${quote(single)}"), with no cross-validation or untouched holdout set.`, single.line, { endLine: single.endLine });
      return absentOrMissing(evidence.findAbsence(CROSS_VALIDATION) ?? evidence.findAbsence(HOLDOUT), `No validation strategy beyond training is described: `, 'No validation strategy (cross-validation or holdout test set) is described.', evidence.anchor('evaluation', 'training-procedure'));
    },
  },
  {
    id: 'MP-CROSS-VALIDATION',
    gate: 'model-performance',
    title: 'Cross-validation',
    description: 'Cross-validation shows whether the metrics are stable across samples rather than luck of one split.',
    severity: 'warning',
    source: `${DESIGN} (validation strategy; best practice "cross-validation: 5-fold or 10-fold", "time-based split" for temporal data)`,
    mitigation: 'Add 5- or 10-fold cross-validation (forward-chaining folds for temporal data) and report the mean and spread of the metrics.',
    run: ({ evidence }) => {
      const { crossValidation, holdout } = validation(evidence);
      if (crossValidation) return pass(crossValidation.line);
      if (!holdout) return skip(); // MP-VALIDATION-STRATEGY reports a card with neither.
      return absentOrMissing(evidence.findAbsence(CROSS_VALIDATION), `A holdout set is used but there is no cross-validation: `, 'A holdout set is used but there is no k-fold or time-based cross-validation, so the stability of the metrics across samples is unknown.', evidence.anchor('evaluation', 'training-procedure'));
    },
  },
  {
    id: 'MP-HOLDOUT',
    gate: 'model-performance',
    title: 'Untouched holdout test set',
    description: 'Cross-validation scores used to pick a model are optimistic; only data never used for training or tuning gives an unbiased estimate.',
    severity: 'warning',
    source: `${DESIGN} (best practice "holdout test: 20% held out, never used in training")`,
    mitigation: 'Keep a holdout test set (about 20%, or the most recent period) that is never used for training, tuning or feature selection, and report final metrics on it.',
    run: ({ evidence }) => {
      const { crossValidation, holdout } = validation(evidence);
      if (holdout) return pass(holdout.line);
      if (!crossValidation) return skip(); // MP-VALIDATION-STRATEGY reports a card with neither.
      return absentOrMissing(evidence.findAbsence(HOLDOUT), `Cross-validation is used but there is no holdout test set: `, 'Cross-validation is used but no holdout test set kept apart from training and tuning is described, so the reported scores are optimistic.', evidence.anchor('evaluation', 'training-procedure'));
    },
  },
  {
    id: 'MP-OOD-TEST',
    gate: 'model-performance',
    title: 'Out-of-time or out-of-distribution test',
    description: 'Production data comes from a later period and sometimes a different population; a random split hides that shift.',
    severity: 'warning',
    source: `${DESIGN} (best practice "time-based split" and "out-of-distribution test: test on data from a different geography/time"); NIST AI RMF MEASURE 2.3 (performance under deployment-like conditions)`,
    mitigation: 'Test on a later time window (out-of-time holdout) and, where relevant, on data from another region, channel or domain, and report the drop.',
    run: ({ evidence }) =>
      documentedInEvaluation(evidence, OUT_OF_DISTRIBUTION, 'No out-of-time or out-of-distribution test is reported, so performance on later or different data is unknown.', ['evaluation', 'evaluation-data']),
  },
  {
    id: 'MP-TRAIN-METRICS',
    gate: 'model-performance',
    title: 'Train-set metrics reported',
    description: 'Overfitting can only be judged when train metrics are shown next to validation or test metrics.',
    severity: 'warning',
    source: `${DESIGN} (generalization and overfitting risks)`,
    mitigation: 'Report the same metrics on the training data next to validation/test (or the train/validation gap) and discuss the overfitting risk.',
    run: ({ evidence }) => {
      const { comparisons, stated } = gapAnalysis(evidence);
      if (comparisons.length > 0) return pass(comparisons[0].line);
      if (stated.length > 0) return pass(stated[0].hit.line);
      const hit = findPreferred(evidence, GENERALIZATION);
      if (hit) return pass(hit.line);
      return absentOrMissing(evidence.findAbsence(GENERALIZATION), `Overfitting has not been assessed: `, 'No train-set metrics are reported next to the validation or test metrics, so the overfitting risk cannot be judged.', evidence.anchor('evaluation'));
    },
  },
  {
    id: 'MP-OVERFIT-GAP',
    gate: 'model-performance',
    title: 'Train/validation gap within limits',
    description: 'A large train/validation gap means the model memorised the training data and will underperform in production.',
    severity: 'error',
    source: `${DESIGN} (failure mode "overfitting (train/val gap >10%)"): over 10 points (10% relative for unbounded metrics such as RMSE) is a blocker, 5–10 a warning`,
    mitigation: 'Reduce overfitting (regularisation, shallower trees, early stopping, more data) until the train/validation gap is under 5 points, and report both.',
    run: ({ evidence }) => overfitResult(evidence),
  },
  {
    id: 'MP-ERROR-ANALYSIS',
    gate: 'model-performance',
    title: 'Error analysis and failure modes',
    description: 'Knowing where the model fails tells operators when not to trust it and what to fix next.',
    severity: 'error',
    source: `${DESIGN} (error analysis priorities; failure mode "no error analysis or failure mode understanding")`,
    mitigation: 'Review a sample of false positives and false negatives, describe where errors concentrate (segments, input types) and how each failure mode is handled.',
    run: ({ evidence }) => documentedInEvaluation(evidence, ERROR_ANALYSIS, 'No error analysis or failure-mode review is reported.', ['evaluation', 'limitations']),
  },
  {
    id: 'MP-SLICES',
    gate: 'model-performance',
    title: 'Sliced (disaggregated) metrics',
    description: 'An aggregate metric can hide a segment where the model is much worse.',
    severity: 'info',
    source: 'ML Test Score Model 6 (model quality is sufficient on all important data slices); Hugging Face model card template (Testing Data, Factors & Metrics); EU AI Act Annex IV 3 (accuracy for specific persons or groups)',
    mitigation: 'Report the key metrics per important slice (segment, region, channel, input type) next to the overall value.',
    run: ({ evidence }) => documentedInEvaluation(evidence, SLICES, 'No metrics are broken down by slice or segment.', ['evaluation']),
  },
  {
    id: 'MP-UNCERTAINTY',
    gate: 'model-performance',
    title: 'Confidence intervals or significance',
    description: 'Without intervals, a difference between candidates or against a target may be noise.',
    severity: 'info',
    source: 'ML workflows PRD, model evaluation step (bootstrap 95% CI for the primary metric, standard deviation across folds); Model Card Toolkit performance_metrics.confidence_interval',
    mitigation: 'Report a 95% confidence interval (bootstrap) or the standard deviation across folds for the primary metric.',
    run: ({ evidence }) => {
      const hit = evidence.find(UNCERTAINTY, { topics: RESULT_TOPICS });
      if (hit) return pass(hit.line);
      const spread = evidence.card.blocks.find(
        (block) => !block.placeholder && block.kind !== 'code' && block.kind !== 'html' && PLUS_MINUS.some((sign) => block.text.includes(sign)) && inTopics(evidence.sectionOf(block)?.topics ?? [], RESULT_TOPICS),
      );
      if (spread) return pass(spread.line);
      const absence = evidence.findAbsence(UNCERTAINTY, { topics: RESULT_TOPICS });
      const missing = 'No confidence interval, spread across folds or significance test is reported for the metrics.';
      if (absence) return fail(`${missing} The card states: "${quote(absence)}".`, absence.line, { endLine: absence.endLine });
      return fail(missing, evidence.anchor('evaluation'));
    },
  },
  {
    id: 'MP-CALIBRATION',
    gate: 'model-performance',
    title: 'Probability calibration',
    description: 'When decisions apply thresholds to predicted probabilities, miscalibrated scores shift every decision.',
    severity: 'warning',
    source: 'ML workflows PRD, model evaluation step (calibration, log loss); Gate review design, Gate 4 outputs (evaluation metrics aligned to KPIs)',
    mitigation: 'Measure calibration (Brier score, expected calibration error, reliability curve) and recalibrate (isotonic or Platt scaling) if needed.',
    run: ({ evidence }) => {
      const calibration = findPreferred(evidence, CALIBRATION, RESULT_TOPICS);
      if (calibration) return pass(calibration.line);
      const absence = evidence.findAbsence(CALIBRATION);
      if (absence) return fail(`Calibration has not been assessed: "${quote(absence)}".`, absence.line, { endLine: absence.endLine });
      const probabilistic = evidence.find(PROBABILISTIC);
      if (!probabilistic) return skip(); // Outputs are not used as probabilities (e.g. a forecast or an argmax label).
      return fail(`The model's scores are used as probabilities (line ${probabilistic.line}: "${quote(probabilistic, 80)}") but their calibration is not assessed.`, evidence.anchor('evaluation') ?? probabilistic.line);
    },
  },
  {
    id: 'MP-LATENCY-BUDGET',
    gate: 'model-performance',
    title: 'Latency within the stated requirement',
    description: 'A model that misses its latency budget cannot be served as designed, however accurate it is.',
    severity: 'warning',
    source: 'ML workflows PRD, latency profiling step ("latency requirements: met/not met"); Gate review design, Gate 4 outputs (candidate algorithms and architectures)',
    mitigation: 'Measure the selected model\'s latency (p95/p99) under production-like load and meet the requirement, or choose a lighter candidate.',
    run: ({ evidence }) => {
      const requirement = evidence.find(LATENCY_REQUIREMENT);
      const parsed = requirement ? LATENCY_REQUIREMENT.exec(requirement.match) : null;
      if (!requirement || !parsed) return skip();
      const measured = measuredLatency(evidence);
      if (!measured) return skip();
      const limitMs = toMs(Number(parsed[1]), parsed[2]);
      if (measured.ms <= limitMs) return pass(measured.line);
      return fail(`Measured latency ${measured.raw} exceeds the ${parsed[1]} ${parsed[2]} requirement stated on line ${requirement.line}.`, measured.line);
    },
  },
  {
    id: 'MP-IMPROVEMENT-LEVERS',
    gate: 'model-performance',
    title: 'Improvement levers',
    description: 'Named improvement levers show the team knows what limits the model and what to do next.',
    severity: 'info',
    source: `${DESIGN} (improvement levers)`,
    mitigation: 'List the next levers (more data for weak segments, new features, model changes) with the failure mode each addresses.',
    run: (context) =>
      documented(context, {
        pattern: IMPROVEMENT,
        missing: 'No improvement levers or next steps are listed.',
        anchor: ['evaluation', 'limitations'],
        severity: 'info',
      }),
  },
];
