import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleGate, outcomeOf, under, failureMessage } from './support/cards';

const data = (...lines: string[]) => under('Training Data', ...lines);

describe('data readiness checks', () => {
  it('DR-SOURCES needs a named source and its owner', () => {
    assert.equal(outcomeOf('DR-SOURCES', data('Card transactions from the payments warehouse (owner: Card Platform Data Engineering).')), 'pass@5');
    assert.equal(outcomeOf('DR-SOURCES', data('Card transactions from the payments warehouse.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-SOURCES', '# My Model\nPredicts house prices.\nTrained on Kaggle data.\n'), 'fail:error@3');
    assert.equal(outcomeOf('DR-SOURCES', '# Card\n\nA model.\n'), 'fail:error@null');
    assert.equal(outcomeOf('DR-SOURCES', data('[More Information Needed]')), 'fail:error@3');
    assert.equal(outcomeOf('DR-SOURCES', '---\ndatasets:\n  - harbor/card-transactions\n---\n# Card\n'), 'pass@1');
    assert.match(failureMessage('DR-SOURCES', '# My Model\nTrained on Kaggle data.\n'), /"Trained on Kaggle data" names no dataset/);
    // An unrelated "from" or "table" in a data section is not a source.
    assert.equal(outcomeOf('DR-SOURCES', data('We removed duplicates from the set; the table below shows the balance.')), 'fail:error@3');
  });

  it('DR-VOLUME needs a count of examples, not a year', () => {
    assert.equal(outcomeOf('DR-VOLUME', data('2.4M labelled CNP transactions from the warehouse.')), 'pass@5');
    assert.equal(outcomeOf('DR-VOLUME', data('Compared with October 2026 applications from the warehouse.')), 'fail:error@3');
    assert.equal(outcomeOf('DR-VOLUME', data('[More Information Needed]')), 'fail:error@3');
    assert.equal(outcomeOf('DR-VOLUME', '# Card\n\nTrained on 120,000 rows.\n'), 'fail:error@null');
    assert.equal(outcomeOf('DR-VOLUME', data('Text is truncated to 128 tokens; at most 12 transactions per card are kept.')), 'fail:error@3');
    assert.equal(outcomeOf('DR-VOLUME', data('~41,000 accounts, monthly snapshots (~1.05M', 'account-month rows).')), 'pass@5');
  });

  it('DR-CLASS-VOLUME applies the 10K and 1K per-class bands', () => {
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('2.4M labelled transactions.', '', '43,200 fraud (1.8%) and 2,356,800 legitimate (98.2%).')), 'pass@7');
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('200,000 rows from the warehouse.', '', 'The minority class is 5% of rows.')), 'pass@7');
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('200,000 rows from the warehouse.', '', 'The minority class is 4.9% of rows.')), 'fail:warning@7');
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('100,000 rows from the warehouse.', '', 'The positive class is 1% of rows.')), 'fail:warning@7');
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('50,000 rows from the warehouse.', '', 'The positive class is 1.5% of rows.')), 'fail:error@7');
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('4,870 images (9.3%) are defects.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-CLASS-VOLUME', data('200,000 rows from the warehouse.')), 'skip');
    assert.match(failureMessage('DR-CLASS-VOLUME', data('180,400 English tickets.', '', 'The smallest queue is 2.1% of tickets.')), /about 3,788 examples \(2\.1% of 180,400 English tickets\)/);
  });

  it('DR-CLASS-BALANCE warns under 5% and blocks at 1% without handling', () => {
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('About 9% of snapshots are labelled as churned.')), 'pass@5');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('The positive class is 5% of rows.')), 'pass@5');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('The positive class is 4.9% of rows.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('The positive class is 1.1% of rows.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('The positive class is 1% of rows.')), 'fail:error@5');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('The positive class is 0.8% of rows.', '', 'We use class weights.')), 'pass@7');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('0.8% are positive (defaults). We train on the natural distribution; no resampling or class weights are used.')), 'fail:error@5');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('Recall is 4% lower on new cards.')), 'skip');
    assert.equal(outcomeOf('DR-CLASS-BALANCE', data('False positives fell by 3% after tuning.')), 'skip');
    assert.match(failureMessage('DR-CLASS-BALANCE', data('The positive class is 0.8% of rows.')), /99\.2%\/0\.8% skew is severe/);
  });

  it('DR-DATE-RANGE accepts a date range or a refresh cadence', () => {
    assert.equal(outcomeOf('DR-DATE-RANGE', data('Transactions from Jan 2025 to Jul 2026.')), 'pass@5');
    assert.equal(outcomeOf('DR-DATE-RANGE', data('The extract is refreshed monthly.')), 'pass@5');
    assert.equal(outcomeOf('DR-DATE-RANGE', data('Transactions from the warehouse.')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-DATE-RANGE', data('[More Information Needed]')), 'fail:warning@3');
  });

  it('DR-FRESHNESS flags data over 6 months old in time-sensitive domains only', () => {
    // FIXED_NOW is 2026-11-01.
    assert.equal(outcomeOf('DR-FRESHNESS', data('Card fraud transactions from 2025-01-01 to 2026-05-01.')), 'pass@5');
    assert.equal(outcomeOf('DR-FRESHNESS', data('Card fraud transactions from 2025-01-01 to 2026-04-30.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-FRESHNESS', data('Loans originated Jan 2019 to Dec 2022, observed through Dec 2023.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-FRESHNESS', data('Images of machine parts captured between Jan 2020 and Mar 2021.')), 'skip');
    assert.equal(outcomeOf('DR-FRESHNESS', data('Images of machine parts captured between Jan 2026 and Sep 2026.')), 'pass@5');
    assert.equal(outcomeOf('DR-FRESHNESS', data('Fraud transactions from the warehouse.')), 'skip');
    assert.equal(outcomeOf('DR-FRESHNESS', data('Fraud cases from the 2010s, collected between 2018 and 2019.')), 'fail:warning@5');
    assert.match(failureMessage('DR-FRESHNESS', data('Fraud cases from 2018 to 2019.')), /dates from 2019, at least 6 years/);
    assert.equal(outcomeOf('DR-FRESHNESS', under('Limitations', 'Social media posts collected in the early 2000s (Smith, 2005).')), 'fail:warning@5');
    // A date after the review (a planned refresh) is not the data's end date.
    assert.equal(outcomeOf('DR-FRESHNESS', data('Fraud transactions from Jan 2023 to Mar 2024; the next extract is planned between Jan 2027 and Feb 2027.')), 'fail:warning@5');
    assert.match(failureMessage('DR-FRESHNESS', data('Loans originated Jan 2019 to Dec 2022, observed through Dec 2023.')), /dates from Dec 2023, about 34 months before this review/);
    assert.match(failureMessage('DR-FRESHNESS', under('Limitations', 'Tweets collected in the early 2000s.')), /from the early 2000s, at least 16 years/);
  });

  it('DR-COMPLETENESS needs a statement about missing values', () => {
    assert.equal(outcomeOf('DR-COMPLETENESS', data('Missing values are below 5% in every key feature.')), 'pass@5');
    assert.equal(outcomeOf('DR-COMPLETENESS', data('There are no missing values in the extract.')), 'pass@5');
    assert.equal(outcomeOf('DR-COMPLETENESS', data('Completeness was not assessed.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-COMPLETENESS', data('Missing values: [More Information Needed]')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-COMPLETENESS', data('Transactions from the warehouse.')), 'fail:warning@3');
  });

  it('DR-MISSINGNESS applies the 10% and 30% bands', () => {
    assert.equal(outcomeOf('DR-MISSINGNESS', data('`income` is missing for 10% of applications.')), 'pass@5');
    assert.equal(outcomeOf('DR-MISSINGNESS', data('`income` is missing for 10.5% of applications.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-MISSINGNESS', data('`income` is missing for 30% of applications.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-MISSINGNESS', data('`income` is missing for 30.5% of applications.')), 'fail:error@5');
    assert.equal(outcomeOf('DR-MISSINGNESS', data('Missing values are below 5% in every key feature.', '', '`income` is missing for 35% of applications.')), 'fail:error@7');
    assert.equal(outcomeOf('DR-MISSINGNESS', data('`nps_score` is missing for 80% of accounts, so we dropped it.')), 'skip');
    assert.equal(outcomeOf('DR-MISSINGNESS', data('Some fields are incomplete.')), 'skip');
    assert.equal(outcomeOf('DR-MISSINGNESS', under('Evaluation', 'Recall is 35% lower on rows with missing income.')), 'skip');
    assert.match(failureMessage('DR-MISSINGNESS', data('`income` is missing for 35% of applications.')), /^A key feature is 35% missing, above the 30% blocker limit/);
  });

  it('DR-LABEL-QA blocks unchecked human labels and warns on unchecked derived labels', () => {
    assert.equal(outcomeOf('DR-LABEL-QA', data('Labels come from chargebacks; a monthly sample is double-reviewed (Cohen\'s kappa 0.91).')), 'pass@5');
    assert.equal(outcomeOf('DR-LABEL-QA', data('Each phrase was rated by three annotators.')), 'pass@5');
    assert.equal(outcomeOf('DR-LABEL-QA', data('Images were labelled by contract annotators.')), 'fail:error@5');
    assert.equal(outcomeOf('DR-LABEL-QA', data('Labels were not reviewed; there is no label QA.')), 'fail:error@5');
    assert.equal(outcomeOf('DR-LABEL-QA', data('The label is the queue that finally resolved the ticket.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-LABEL-QA', '# Card\n\nForecasts weekly demand per store.\n'), 'skip');
    assert.equal(outcomeOf('DR-LABEL-QA', '# Card\n\nA spam classifier.\n'), 'fail:warning@null');
    // An audit of something else is not label QA.
    assert.equal(outcomeOf('DR-LABEL-QA', data('Data access is audited quarterly.', '', 'The label is whether the customer churned.')), 'fail:warning@7');
  });

  it('DR-COVERAGE needs coverage gaps in data or limitations sections', () => {
    assert.equal(outcomeOf('DR-COVERAGE', data('Cross-border payments are under-represented.')), 'pass@5');
    assert.equal(outcomeOf('DR-COVERAGE', under('Limitations', 'English only; other languages go to a general queue.')), 'pass@5');
    assert.equal(outcomeOf('DR-COVERAGE', under('Overview', 'Rural customers are under-represented.')), 'fail:warning@null');
    assert.equal(outcomeOf('DR-COVERAGE', data('[More Information Needed]')), 'fail:warning@3');
  });

  it('DR-DRIFT needs drift risk and mitigation, and blocks on measured significant drift', () => {
    assert.equal(outcomeOf('DR-DRIFT', data('Fraud patterns drift with seasonal peaks. Mitigation: monthly refresh and per-feature PSI monitoring.')), 'pass@5');
    assert.equal(outcomeOf('DR-DRIFT', data('Drift: the training data vs October 2026 applications gives PSI = 0.31 on income.')), 'fail:error@5');
    assert.equal(outcomeOf('DR-DRIFT', data('Drift: PSI = 0.31 on income, so we retrained on recent data.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-DRIFT', data('Drift: PSI = 0.24 on income; we retrain monthly.')), 'pass@5');
    assert.equal(outcomeOf('DR-DRIFT', data('Drift: PSI = 0.24 on income.')), 'fail:warning@5');
    // PSI reported by production monitoring belongs to the deployment gate, not to the training data.
    assert.equal(outcomeOf('DR-DRIFT', under('Monitoring', 'PSI on income was 0.31 last month.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-DRIFT', under('Monitoring', 'Alert when PSI > 0.25 on any feature; retrain monthly.')), 'pass@5');
    assert.equal(outcomeOf('DR-DRIFT', data('Transactions from the warehouse.')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-DRIFT', data('Night shifts are labelled separately; we retrain monthly.')), 'fail:warning@3');
  });

  it('DR-SCHEMA needs schema or data validation', () => {
    assert.equal(outcomeOf('DR-SCHEMA', data('Great Expectations suites check schema, ranges and null rates on every snapshot.')), 'pass@5');
    assert.equal(outcomeOf('DR-SCHEMA', data('Schema validation is not implemented yet.')), 'fail:warning@5');
    assert.equal(outcomeOf('DR-SCHEMA', data('Transactions from the warehouse.')), 'fail:warning@3');
  });

  it('DR-SPLIT needs the train/evaluation split', () => {
    assert.equal(outcomeOf('DR-SPLIT', under('Evaluation', 'A 20% out-of-time holdout is never used for training.')), 'pass@5');
    assert.equal(outcomeOf('DR-SPLIT', data('Transactions from the warehouse.')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-SPLIT', '# Card\n\nA model.\n'), 'fail:warning@null');
    assert.equal(outcomeOf('DR-SPLIT', data('Long documents are split into chunks.')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-SPLIT', under('Training', 'We used an 80/20 split.')), 'pass@5');
  });

  it('DR-PII needs a statement on personal data', () => {
    assert.equal(outcomeOf('DR-PII', data('PII (emails, phone numbers) is masked with Presidio before training.')), 'pass@5');
    assert.equal(outcomeOf('DR-PII', under('Responsible Use', 'The model uses no customer or personal data.')), 'pass@5');
    assert.equal(outcomeOf('DR-PII', data('Privacy review: TBD')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-PII', data('Pretrained with masked language modeling.')), 'fail:warning@3');
    assert.equal(outcomeOf('DR-PII', data('Transactions from the warehouse.')), 'fail:warning@3');
  });

  it('DR-DATASHEET reports a missing datasheet as info only', () => {
    assert.equal(outcomeOf('DR-DATASHEET', '---\ndatasets:\n  - sst2\n---\n# Card\n'), 'pass@1');
    assert.equal(outcomeOf('DR-DATASHEET', data('See the datasheet in the data catalog.')), 'pass@5');
    assert.equal(outcomeOf('DR-DATASHEET', data('Transactions from the warehouse.')), 'fail:info@3');
  });
});

describe('data readiness on the example cards', () => {
  it('thorough passes every data readiness check with evidence', async () => {
    const gate = await exampleGate('thorough', 'data-readiness');
    assert.deepEqual(gate.findings, []);
    assert.equal(gate.skipped.length, 0);
  });

  it('skewed-overfit fails for skew, missingness and drift at the stated lines', async () => {
    const gate = await exampleGate('skewed-overfit', 'data-readiness');
    const errors = gate.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}@${finding.line}`);
    assert.deepEqual(errors, ['DR-CLASS-BALANCE@21', 'DR-MISSINGNESS@23', 'DR-DRIFT@26']);
    assert.ok(gate.findings.some((finding) => finding.checkId === 'DR-FRESHNESS' && finding.line === 22 && finding.severity === 'warning'));
  });

  it('near-empty fails on the untraceable source at line 3', async () => {
    const gate = await exampleGate('near-empty', 'data-readiness');
    assert.ok(gate.findings.some((finding) => finding.checkId === 'DR-SOURCES' && finding.line === 3 && finding.severity === 'error'));
  });

  it('the Conditional cards fail only with warnings, for the stated reasons', async () => {
    const reasons: Record<string, string[]> = {
      mediocre: ['DR-MISSINGNESS@37', 'DR-LABEL-QA@33'],
      mojibake: ['DR-MISSINGNESS@19'],
      'huggingface-sentiment': ['DR-FRESHNESS@100'],
      'toolkit-json': ['DR-CLASS-VOLUME@49'],
      'unsafe-content': ['DR-LABEL-QA@19', 'DR-COMPLETENESS@17'],
    };
    for (const [folder, expected] of Object.entries(reasons)) {
      const gate = await exampleGate(folder, 'data-readiness');
      const found = gate.findings.map((finding) => `${finding.checkId}@${finding.line}`);
      for (const reason of expected) assert.ok(found.includes(reason), `${folder}: ${reason} not in ${found.join(', ')}`);
      assert.ok(!gate.findings.some((finding) => finding.severity === 'error'), folder);
    }
  });
});
