/**
 * npm run bench — measured in one run on this machine:
 *  1. per card, the full review (decode, markdown-it block parse, inline text, seven gates) against a
 *     complete markdown-it parse alone
 *     on the same text; target: median ratio ≤ 1.5;
 *  2. the CLI reviewing 1,000 cards in a folder (worker threads); target: under 10 s.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { parseCard } from '../src/core/card/readCard';
import { reviewCard } from '../src/core/review/reviewCard';
import { buildCorpus } from './corpus';

const ROOT = join(__dirname, '..', '..');
/** The baseline: a plain, complete markdown-it parse (block and inline phases), HTML allowed as in cards. */
const markdownIt = new MarkdownIt({ html: true });
type Stats = typeof import('simple-statistics', { with: { 'resolution-mode': 'import' } });
let stats: Stats;
const REPEATS = 15;
const RATIO_TARGET = 1.5;
const BATCH_SIZE = 1000;
const BATCH_TARGET_MS = 10_000;

function timeMedian(action: () => void): number {
  const samples: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = process.hrtime.bigint();
    action();
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return stats.median(samples);
}

interface Timings {
  ratios: number[];
  parseMs: number[];
  reviewMs: number[];
  /** The review split in two: reading the card (decode, block parse, sections), then the seven gates. */
  readMs: number[];
  gatesMs: number[];
}

function perCardRatios(): Timings {
  const corpus = buildCorpus(join(ROOT, 'examples'), 200);
  const now = new Date();
  // Warm both paths so the JIT compares steady states.
  for (const card of corpus.slice(0, 20)) {
    markdownIt.parse(card.text, {});
    reviewCard(parseCard('warm.md', Buffer.from(card.text)), { now });
  }
  const timings: Timings = { ratios: [], parseMs: [], reviewMs: [], readMs: [], gatesMs: [] };
  for (const card of corpus) {
    const bytes = Buffer.from(card.text, 'utf8');
    const parse = timeMedian(() => markdownIt.parse(card.text, {}));
    const review = timeMedian(() => reviewCard(parseCard(card.name, bytes), { now }));
    const parsed = parseCard(card.name, bytes);
    timings.parseMs.push(parse);
    timings.reviewMs.push(review);
    timings.readMs.push(timeMedian(() => parseCard(card.name, bytes)));
    timings.gatesMs.push(timeMedian(() => reviewCard(parsed, { now })));
    timings.ratios.push(review / parse);
  }
  return timings;
}

function batchRun(): { ms: number; code: number | null } {
  const folder = mkdtempSync(join(tmpdir(), 'mrr-bench-'));
  try {
    buildCorpus(join(ROOT, 'examples'), BATCH_SIZE).forEach((card, index) => {
      const dir = join(folder, `model-${String(index).padStart(4, '0')}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'MODEL_CARD.md'), card.text);
    });
    const started = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [join(ROOT, 'out', 'src', 'cli', 'main.js'), 'review', folder, '--format', 'json', '--quiet'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    const reviewed = result.stdout ? (JSON.parse(result.stdout) as unknown[]).length : 0;
    if (reviewed !== BATCH_SIZE) throw new Error(`batch reviewed ${reviewed} of ${BATCH_SIZE} cards: ${result.stderr}`);
    return { ms, code: result.status };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  // simple-statistics ships as an ES module.
  stats = await import('simple-statistics');
  const { median, quantile } = stats;
  const fmt = (value: number) => value.toFixed(3);
  console.log(`Model Readiness Review benchmark (node ${process.version}, ${availableParallelism()} cores)\n`);
  const { ratios, parseMs, reviewMs, readMs, gatesMs } = perCardRatios();
  const ratio = median(ratios);
  console.log(`1. Review vs markdown-it parse-only, ${ratios.length} cards, median of ${REPEATS} runs each`);
  console.log(`   parse-only  median ${fmt(median(parseMs))} ms   p90 ${fmt(quantile(parseMs, 0.9))} ms`);
  console.log(`   full review median ${fmt(median(reviewMs))} ms   p90 ${fmt(quantile(reviewMs, 0.9))} ms`);
  console.log(`     of which reading the card ${fmt(median(readMs))} ms (${(median(readMs.map((ms, i) => ms / parseMs[i]))).toFixed(2)}× parse), the seven gates ${fmt(median(gatesMs))} ms (${(median(gatesMs.map((ms, i) => ms / parseMs[i]))).toFixed(2)}× parse)`);
  // Each part timed apart on a card it just saw: a floor for the full review, which also pays for each part evicting the other's code and data from cache.
  const partsRatio = median(readMs.map((ms, i) => (ms + gatesMs[i]) / parseMs[i]));
  console.log(`     reading and gates timed apart, each with warm caches: ${partsRatio.toFixed(2)}× parse (a floor for the full review)`);
  console.log(`   ratio review/parse: median ${ratio.toFixed(2)}×  p90 ${quantile(ratios, 0.9).toFixed(2)}×  (target ≤ ${RATIO_TARGET}×) ${ratio <= RATIO_TARGET ? 'MET' : 'MISSED'}\n`);
  const batch = batchRun();
  console.log(`2. CLI batch: ${BATCH_SIZE} cards in one folder, worker threads`);
  console.log(`   wall time ${(batch.ms / 1000).toFixed(2)} s = ${(batch.ms / BATCH_TARGET_MS).toFixed(2)}× the 10 s budget, ${(batch.ms / BATCH_SIZE).toFixed(2)} ms per card ${batch.ms < BATCH_TARGET_MS ? 'MET' : 'MISSED'}`);
  if (ratio > RATIO_TARGET || batch.ms >= BATCH_TARGET_MS) process.exitCode = 1;
}

void main();
