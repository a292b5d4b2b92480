import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCard } from '../src/core/card/readCard';
import { CardError } from '../src/core/card/types';
import { exampleCard, markdownCard } from './support/cards';

describe('markdown card reader', () => {
  it('builds a section tree with topics from heading synonyms and real line ranges', () => {
    const card = markdownCard('# Fraud model\n\n## Uses\n\n### Direct Use\n\nScores card transactions.\n\n## Bias, Risks, and Limitations\n\nEnglish only.\n');
    assert.deepEqual(
      card.sections.map((section) => [section.title, section.line, section.endLine, section.parent]),
      [
        ['Fraud model', 1, 12, -1],
        ['Uses', 3, 8, 0],
        ['Direct Use', 5, 8, 1],
        ['Bias, Risks, and Limitations', 9, 12, 0],
      ],
    );
    assert.ok(card.sections[2].topics.includes('intended-use'));
    assert.ok(card.sections[3].topics.includes('limitations'));
    assert.ok(card.sections[3].topics.includes('fairness'));
    assert.equal(card.title, 'Fraud model');
  });

  it('reads tables with header, rows and line numbers, and keeps the header in row text', () => {
    const card = markdownCard('# M\n\n| Metric | Train | Validation |\n|---|---|---|\n| AUC | 0.91 | 0.88 |\n| Recall | 0.70 | 0.64 |\n');
    assert.equal(card.tables.length, 1);
    assert.deepEqual(card.tables[0].header, ['Metric', 'Train', 'Validation']);
    assert.deepEqual(card.tables[0].rows.map((row) => [row.line, row.cells]), [
      [5, ['AUC', '0.91', '0.88']],
      [6, ['Recall', '0.70', '0.64']],
    ]);
    const row = card.blocks.find((block) => block.kind === 'table-row' && block.line === 5);
    assert.equal(row?.text, 'Metric: AUC | Train: 0.91 | Validation: 0.88');
  });

  it('parses Hugging Face front matter with a real YAML parser, model-index included, and keeps body line numbers', async () => {
    const card = await exampleCard('huggingface-sentiment/README.md');
    assert.equal(card.metadata?.license, 'apache-2.0');
    assert.equal(card.metadata?.baseModel, 'distilbert-base-uncased');
    assert.equal(card.metadata?.pipelineTag, 'text-classification');
    assert.deepEqual(card.metadata?.datasets, ['sst2']);
    const result = card.metadata?.modelIndex[0];
    assert.equal(result?.task, 'text-classification');
    assert.equal(result?.split, 'validation');
    assert.deepEqual(result?.metrics.map((metric) => [metric.type, metric.value]), [['accuracy', 0.9106], ['f1', 0.9123]]);
    const heading = card.sections[0];
    assert.equal(card.lines[heading.line - 1].replace(/^#+\s*/, ''), heading.title);
  });

  it('treats unfilled template placeholders as missing content', () => {
    const card = markdownCard('# M\n\n## Model Card Contact\n\n[More Information Needed]\n\n## Training Data\n\n- **Developed by:** [More Information Needed]\n- Transactions from 2025.\n');
    const contact = card.sections.find((section) => section.title === 'Model Card Contact');
    const data = card.sections.find((section) => section.title === 'Training Data');
    assert.equal(contact?.hasContent, false);
    assert.equal(data?.hasContent, true);
    assert.deepEqual(card.blocks.filter((block) => block.placeholder).map((block) => block.line), [5, 9]);
  });

  it('does not read headings inside fenced code', () => {
    const card = markdownCard('# M\n\n```python\n# [More Information Needed]\nprint(1)\n```\n');
    assert.deepEqual(card.sections.map((section) => section.title), ['M']);
    assert.equal(card.blocks[0].kind, 'code');
  });

  it('reports invalid YAML front matter as a notice instead of failing', () => {
    const card = markdownCard('---\nlicense: [unclosed\n---\n# M\n');
    assert.equal(card.metadata, null);
    assert.equal(card.notices[0].kind, 'front-matter-invalid');
    assert.equal(card.sections[0].line, 4);
  });
});

describe('Model Card Toolkit JSON reader', () => {
  it('maps toolkit fields into sections, metadata and a metrics table with JSON line numbers', async () => {
    const card = await exampleCard('toolkit-json/model_card.json');
    assert.equal(card.format, 'toolkit-json');
    assert.ok(card.title && card.title.length > 0);
    const titles = card.sections.map((section) => section.title);
    for (const expected of ['Model Details', 'Considerations', 'Quantitative Analysis']) assert.ok(titles.includes(expected), `missing section ${expected}`);
    const ethical = card.sections.find((section) => section.title === 'Ethical Considerations');
    assert.ok(ethical?.topics.includes('fairness'));
    const metrics = card.tables[0];
    assert.ok(metrics.header.includes('Type') && metrics.header.includes('Value'));
    const firstRow = metrics.rows[0];
    assert.match(card.lines[firstRow.line - 1], /\{/);
    assert.ok((card.metadata?.metrics.length ?? 0) > 0);
  });

  it('rejects JSON that is not a model card', () => {
    assert.throws(() => parseCard('package.json', Buffer.from('{ "name": "x", "version": "1.0.0" }')), /package\.json: JSON file is not a Model Card Toolkit card/);
  });

  it('rejects malformed JSON with the line of the problem', () => {
    assert.throws(() => parseCard('card.json', Buffer.from('{\n  "model_details": {\n    "name": "x",\n  ]\n}')), (error: unknown) => error instanceof CardError && /card\.json: invalid JSON at line 4/.test(error.message));
  });
});

describe('card decoding', () => {
  it('rejects binary input with a clear error naming the file', () => {
    assert.throws(() => parseCard('weights.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), /weights\.bin: binary file \(NUL byte at offset 4\)/);
  });

  it('rejects an empty file', () => {
    assert.throws(() => parseCard('empty.md', Buffer.from('  \n')), /empty\.md: the file is empty/);
  });

  it('reads Windows-1252 input and says so, naming the first bad line', () => {
    const bytes = Buffer.concat([Buffer.from('# Caf'), Buffer.from([0xe9]), Buffer.from(' model\n\nPredicts demand.\n')]);
    const card = parseCard('legacy.md', bytes);
    assert.equal(card.title, 'Café model');
    assert.equal(card.notices[0].kind, 'not-utf8');
    assert.equal(card.notices[0].line, 1);
  });

  it('reads UTF-16 with a byte order mark', () => {
    const body = Buffer.from('# Modèle\n\nForecasts demand.\n', 'utf16le');
    const card = parseCard('utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), body]));
    assert.equal(card.title, 'Modèle');
  });

  it('repairs the mojibake example for analysis and reports where it starts', async () => {
    const card = await exampleCard('mojibake/model_card.md');
    const notice = card.notices.find((item) => item.kind === 'encoding-repaired');
    assert.ok(notice, 'expected an encoding notice');
    assert.match(notice.message, /Windows-1252/);
    assert.match(notice.message, /Mac Roman/);
    assert.ok(!/ðŸ|â€|‚Ä|‚Ü/.test(card.text), 'mojibake left in the repaired text');
    assert.ok(card.lines.length > 10);
  });

  it('leaves correct UTF-8 alone', () => {
    const text = '# Naïve café — “quoted” ≥ 5 → ✓ 📊\n';
    const card = markdownCard(text);
    assert.equal(card.text, text);
    assert.equal(card.notices.length, 0);
  });
});
