import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reviewCard } from '../../src/core';
import { countBlockingFindings, diagnosticsOf } from '../../src/extension/model/diagnosticsModel';
import { exampleCard, FIXED_NOW, markdownCard } from '../support/cards';

describe('findings → diagnostics', () => {
  it('Fail findings become errors and Conditional findings warnings, at their lines (0-based), in gate order', async () => {
    const review = reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
    const specs = diagnosticsOf(review, { statuses: ['Fail', 'Conditional'], ignoredChecks: [], lineCount: 10_000 });
    const findings = review.gates.flatMap((gate) => gate.findings.map((finding) => ({ ...finding, gate: gate.title }))).filter((finding) => finding.severity !== 'info');
    assert.equal(specs.length, findings.length);
    assert.equal(countBlockingFindings(review), findings.length);
    specs.forEach((spec, index) => {
      const finding = findings[index];
      assert.equal(spec.checkId, finding.checkId);
      assert.equal(spec.severity, finding.severity);
      assert.equal(spec.startLine, (finding.line ?? 1) - 1);
      assert.equal(spec.unplaced, finding.line === null);
      assert.equal(spec.message, `${finding.gate}: ${finding.message}`);
    });
  });

  it('follows the statuses and ignored checks the user chose', async () => {
    const review = reviewCard(await exampleCard('mediocre/model_card.md'), { now: FIXED_NOW });
    const errorsOnly = diagnosticsOf(review, { statuses: ['Fail'], ignoredChecks: [], lineCount: 10_000 });
    assert.ok(errorsOnly.length > 0 && errorsOnly.every((spec) => spec.severity === 'error'));
    const ignored = errorsOnly[0].checkId;
    assert.ok(diagnosticsOf(review, { statuses: ['Fail'], ignoredChecks: [ignored], lineCount: 10_000 }).every((spec) => spec.checkId !== ignored));
    const withInfo = diagnosticsOf(review, { statuses: ['Fail', 'Conditional', 'Info'], ignoredChecks: [], lineCount: 10_000 });
    assert.ok(withInfo.some((spec) => spec.severity === 'info'));
    assert.deepEqual(diagnosticsOf(review, { statuses: [], ignoredChecks: [], lineCount: 10_000 }), []);
  });

  it('never points past the end of a card that got shorter since its review', () => {
    const review = reviewCard(markdownCard('# Model\n\nWe have no rollback plan yet.\n'.repeat(1) + '\n'.repeat(40) + 'Monitoring: TBD\n'), { now: FIXED_NOW });
    const specs = diagnosticsOf(review, { statuses: ['Fail', 'Conditional', 'Info'], ignoredChecks: [], lineCount: 3 });
    assert.ok(specs.length > 0);
    assert.ok(specs.every((spec) => spec.startLine <= 2 && spec.endLine <= 2 && spec.startLine <= spec.endLine));
  });

  it('card findings (encoding repaired) come first, as warnings', async () => {
    const review = reviewCard(await exampleCard('mojibake/model_card.md'), { now: FIXED_NOW });
    assert.ok(review.cardFindings.length > 0);
    const specs = diagnosticsOf(review, { statuses: ['Conditional'], ignoredChecks: [], lineCount: 10_000 });
    assert.equal(specs[0].checkId, review.cardFindings[0].checkId);
    assert.equal(specs[0].message, review.cardFindings[0].message);
  });
});
