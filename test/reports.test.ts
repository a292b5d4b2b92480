import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { reviewCard } from '../src/core/review/reviewCard';
import { writeNewFileAtomic } from '../src/core/report/atomicWrite';
import { renderHtml } from '../src/core/report/html';
import { renderJson } from '../src/core/report/json';
import { renderMarkdown } from '../src/core/report/markdown';
import { renderSarif } from '../src/core/report/sarif';
import { renderText } from '../src/core/report/text';
import { writeReports } from '../src/core/report/writeReports';
import { GATES } from '../src/core/gates';
import { FIXED_NOW, REPO_ROOT, exampleCard, markdownCard } from './support/cards';

const HOSTILE = '# Evil <script>alert(1)</script>\n\n## Uses\n\n<img src=x onerror="alert(2)"> Scores | pipes | and `ticks` [x](javascript:alert(3)).\n';

async function schemaValidator() {
  const schema = JSON.parse(await readFile(join(REPO_ROOT, 'schema', 'review.schema.json'), 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(schema);
}

describe('report renderers', () => {
  it('JSON matches the published schema, with the seven gates in order', async () => {
    const validate = await schemaValidator();
    for (const path of ['thorough/MODEL_CARD.md', 'near-empty/model-card.md', 'toolkit-json/model_card.json']) {
      const value: { gates: Array<{ id: string }> } = JSON.parse(renderJson(reviewCard(await exampleCard(path), { now: FIXED_NOW })));
      assert.ok(validate(value), `${path}: ${JSON.stringify(validate.errors)}`);
      assert.deepEqual(value.gates.map((gate) => gate.id), GATES.map((gate) => gate.id));
    }
  });

  it('text report follows the review design layout', async () => {
    const review = reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
    const text = renderText(review);
    const order = ['ML MODEL PRODUCTIONIZATION GATE REVIEW', 'EXECUTIVE SUMMARY', '🎯 1. PROBLEM FRAMING', '📊 2. DATA READINESS', '🧱 3. FEATURE ENGINEERING', '📈 4. MODEL PERFORMANCE', '⚖️ 5. RESPONSIBLE AI', '🛡️ 6. SECURITY & ROBUSTNESS', '🚀 7. DEPLOYMENT & MONITORING', '📋 GATE TABLE', 'Gate | Status | Key Risk | Suggested Mitigation | Owner', `Overall Recommendation: ${review.recommendation}`, 'Elapsed Time', 'Not model governance', 'Not a bias audit', 'Not a security assessment', 'Not legal advice', 'validated by human experts'];
    let at = -1;
    for (const marker of order) {
      const next = text.indexOf(marker, at + 1);
      assert.ok(next > at, `"${marker}" missing or out of order`);
      at = next;
    }
    const withLine = review.gates.flatMap((gate) => gate.findings).find((finding) => finding.line !== null)!;
    assert.ok(text.includes(`${withLine.checkId} (line`), 'findings carry line references');
  });

  it('markdown report has a gate table row per gate and escapes card text', () => {
    const review = reviewCard(markdownCard(HOSTILE), { now: FIXED_NOW });
    const markdown = renderMarkdown(review);
    const rows = markdown.split('\n').filter((line) => /^\| (Problem Framing|Data Readiness|Feature Engineering|Model Performance|Responsible AI|Security|Deployment) \|/.test(line));
    assert.equal(rows.length, 7);
    assert.ok(!markdown.includes('<script>'), 'raw script tag in markdown');
    for (const row of rows) assert.equal(row.split(/(?<!\\)\|/).length, 7, `row has extra cells: ${row}`);
  });

  it('HTML report renders every card string inert', () => {
    const review = reviewCard(markdownCard(HOSTILE), { now: FIXED_NOW });
    // Toolkit JSON titles and quoted card text reach reports verbatim, so test the worst case directly.
    review.title = '<script>alert(1)</script>';
    review.gates[0].findings[0].message = 'The card states: "<img src=x onerror=alert(2)>".';
    const html = renderHtml(review);
    assert.ok(!/<script>alert/i.test(html));
    assert.ok(!/<img[^>]+onerror/i.test(html));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  });

  it('SARIF has one result per finding with its region, and every ruleId is declared', async () => {
    const review = reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
    const sarif = JSON.parse(renderSarif([review]));
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    const findings = review.gates.flatMap((gate) => gate.findings).length + review.cardFindings.length;
    assert.equal(run.results.length, findings);
    const ruleIds = new Set(run.tool.driver.rules.map((rule: { id: string }) => rule.id));
    for (const result of run.results) {
      assert.ok(ruleIds.has(result.ruleId), `undeclared rule ${result.ruleId}`);
      assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
      assert.ok(result.locations[0].physicalLocation.region.startLine >= 1);
      assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, review.card);
    }
  });
});

describe('report files', () => {
  it('writes TXT and Markdown under the design file names and never overwrites', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mrr-reports-'));
    const review = reviewCard(await exampleCard('near-empty/model-card.md'), { now: new Date('2026-11-22T01:02:03Z') });
    const first = await writeReports(review, folder);
    assert.deepEqual(first.map((path) => path.slice(folder.length + 1)), ['ml_production_gate_review_20261122_010203.txt', 'ml_production_gate_review_20261122_010203.md']);
    const second = await writeReports(review, folder);
    assert.deepEqual(second.map((path) => path.slice(folder.length + 1)), ['ml_production_gate_review_20261122_010203_2.txt', 'ml_production_gate_review_20261122_010203_2.md']);
    const files = (await readdir(folder)).sort();
    assert.equal(files.length, 4, `no temp files left behind: ${files.join(', ')}`);
  });

  it('atomic writer keeps an existing file byte for byte', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mrr-atomic-'));
    const target = join(folder, 'report.md');
    await writeFile(target, 'precious');
    const written = await writeNewFileAtomic(target, 'new');
    assert.equal(await readFile(target, 'utf8'), 'precious');
    assert.equal(written, join(folder, 'report_2.md'));
    assert.equal(await readFile(written, 'utf8'), 'new');
  });

  it('concurrent writers to the same name all land, each in its own file', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mrr-race-'));
    const paths = await Promise.all(Array.from({ length: 8 }, (_, i) => writeNewFileAtomic(join(folder, 'r.txt'), `writer ${i}`)));
    assert.equal(new Set(paths).size, 8);
    const contents = await Promise.all(paths.map((path) => readFile(path, 'utf8')));
    assert.deepEqual(contents.sort(), Array.from({ length: 8 }, (_, i) => `writer ${i}`).sort());
  });
});
