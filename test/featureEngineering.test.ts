import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleGate, outcomeOf, under, failureMessage } from './support/cards';

const features = (...lines: string[]) => under('Features', ...lines);

describe('feature engineering checks', () => {
  it('FE-FEATURE-GROUPS needs the model inputs', () => {
    assert.equal(outcomeOf('FE-FEATURE-GROUPS', under('Overview', 'Features include amount, merchant category and device age.')), 'pass@5');
    assert.equal(outcomeOf('FE-FEATURE-GROUPS', features('Lagged sales and rolling means per store.')), 'pass@3');
    assert.equal(outcomeOf('FE-FEATURE-GROUPS', under('Intended Use', 'Routes support tickets (subject + first message) to a queue.')), 'pass@5');
    assert.equal(outcomeOf('FE-FEATURE-GROUPS', features('[More Information Needed]')), 'fail:error@3');
    assert.equal(outcomeOf('FE-FEATURE-GROUPS', '# Card\n\nPredicts house prices.\n'), 'fail:error@null');
    assert.equal(outcomeOf('FE-FEATURE-GROUPS', under('Security', 'Inputs are validated against a JSON schema; it takes a long time.')), 'fail:error@null');
  });

  it('FE-LINEAGE needs a feature store, pipeline or source per feature group', () => {
    assert.equal(outcomeOf('FE-LINEAGE', features('All features are served from the Feast feature store.')), 'pass@5');
    assert.equal(outcomeOf('FE-LINEAGE', features('Lineage: features are built in dbt models `risk_features_v3`.')), 'pass@5');
    assert.equal(outcomeOf('FE-LINEAGE', features('There is no feature store yet.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-LINEAGE', features('Amount, merchant and device age.')), 'fail:warning@3');
  });

  it('FE-TRANSFORMS needs documented transformations, and "transformer" is not one', () => {
    assert.equal(outcomeOf('FE-TRANSFORMS', features('Amounts are log-transformed and merchant IDs are frequency encoded.')), 'pass@5');
    assert.equal(outcomeOf('FE-TRANSFORMS', under('Training Procedure', 'Text is lower-cased and truncated to 128 tokens.')), 'pass@5');
    assert.equal(outcomeOf('FE-TRANSFORMS', under('Model Details', 'Model type: transformer encoder.')), 'fail:error@null');
    assert.equal(outcomeOf('FE-TRANSFORMS', features('[More Information Needed]')), 'fail:error@3');
    assert.equal(outcomeOf('FE-TRANSFORMS', under('Training Data', 'PII is masked before training.')), 'fail:error@3');
    assert.equal(outcomeOf('FE-TRANSFORMS', under('Training Data', 'The class ratio is 1:50.')), 'fail:error@3');
  });

  it('FE-SERVING-SKEW needs one feature pipeline for training and serving', () => {
    assert.equal(outcomeOf('FE-SERVING-SKEW', features('The same transformation code runs offline and online; parity tests run per release.')), 'pass@5');
    assert.equal(outcomeOf('FE-SERVING-SKEW', features('There is no feature store.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-SERVING-SKEW', features('Amount and merchant.')), 'fail:warning@3');
  });

  it('FE-LEAKAGE-REVIEW needs a leakage review', () => {
    assert.equal(outcomeOf('FE-LEAKAGE-REVIEW', features('All joins are point-in-time joins on the authorization timestamp.')), 'pass@5');
    assert.equal(outcomeOf('FE-LEAKAGE-REVIEW', features('No leakage review was done.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-LEAKAGE-REVIEW', features('Amount and merchant.')), 'fail:warning@3');
  });

  it('FE-LEAKAGE-FIELDS blocks post-outcome features and unfixed leakage', () => {
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('Inputs: amount, `chargeback_flag` and device age.')), 'fail:error@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('Inputs: tenure, `days_until_cancellation` and seats.')), 'fail:error@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('Inputs: amount, `chargeback_flag` (no transformation applied).')), 'fail:error@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('A leakage check found that `refund_amount` leaks the label.')), 'fail:error@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('No post-event fields (chargeback flags, case status) are available to the model.')), 'pass@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('Collections and hardship flags are excluded because they are recorded after origination.')), 'pass@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('Target leakage was found in `refund_amount` and fixed by removing it.')), 'skip');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('The leakage review found no issues.')), 'skip');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('The leakage found in `refund_amount` has not been fixed yet.')), 'fail:error@5');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('We fixed the leakage found in `refund_amount`.')), 'skip');
    assert.equal(outcomeOf('FE-LEAKAGE-FIELDS', features('Amount and merchant.')), 'skip');
    assert.match(failureMessage('FE-LEAKAGE-FIELDS', features('Inputs: amount, `chargeback_flag` and device age.')), /"chargeback_flag" is recorded after the outcome/);
  });

  it('FE-TARGET-LEAKAGE catches label-derived features, naive target encoding and a dominant feature', () => {
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', features('The `risk_score` feature is derived from the label.')), 'fail:error@5');
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', features('Merchant IDs are target-encoded.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', features('Merchant IDs are target-encoded out-of-fold with a 7-day lag.')), 'pass@5');
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', under('Feature Importance', 'SHAP shows that one feature accounts for 62% of the importance.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', under('Feature Importance', 'SHAP shows that one feature accounts for 50% of the importance.')), 'skip');
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', under('Feature Importance', 'SHAP ranks amount first; no single feature exceeds 18% of mean SHAP.')), 'pass@5');
    assert.equal(outcomeOf('FE-TARGET-LEAKAGE', features('Amount and merchant.')), 'skip');
  });

  it('FE-LEAKAGE-SPLIT flags random splits over repeated entity rows', () => {
    const snapshots = ['# Card', '', '## Data', '', 'Monthly snapshots of 41,000 accounts.', '', '## Training', '', 'We used an 80/20 random train/test split.', ''].join('\n');
    assert.equal(outcomeOf('FE-LEAKAGE-SPLIT', snapshots), 'fail:warning@9');
    assert.equal(outcomeOf('FE-LEAKAGE-SPLIT', snapshots + '\nFolds are built with group k-fold on the account id.\n'), 'pass@11');
    assert.equal(outcomeOf('FE-LEAKAGE-SPLIT', under('Training', 'We used an 80/20 random train/test split.')), 'skip');
    assert.equal(outcomeOf('FE-LEAKAGE-SPLIT', under('Validation', '5-fold time-based (forward-chaining) cross-validation.')), 'pass@5');
  });

  it('FE-MISSINGNESS needs handling for each reported gap', () => {
    assert.equal(outcomeOf('FE-MISSINGNESS', under('Data', '`last_login_days` is missing for 18% of accounts.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-MISSINGNESS', under('Data', '`promo_depth` is missing for 12% of rows; we treat missing as no promotion.')), 'pass@5');
    assert.equal(outcomeOf('FE-MISSINGNESS', features('Missing values are imputed with the median plus a missing indicator.')), 'pass@5');
    assert.equal(outcomeOf('FE-MISSINGNESS', under('Data', '`a` is missing for 18% of rows. `b` is missing for most rows, so we dropped it.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-MISSINGNESS', features('Missing values are not imputed.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-MISSINGNESS', under('Model Details', 'A fine-tuned BERT text classifier.')), 'skip');
    assert.equal(outcomeOf('FE-MISSINGNESS', '# Card\n\nA churn model.\n'), 'fail:warning@null');
  });

  it('FE-IMPORTANCE needs an importance analysis that shows no shortcut', () => {
    assert.equal(outcomeOf('FE-IMPORTANCE', features('SHAP values rank amount and velocity as the top features.')), 'pass@5');
    assert.equal(outcomeOf('FE-IMPORTANCE', under('Limitations', 'Grad-CAM showed that some predictions rely on clamp marks rather than the panel surface.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-IMPORTANCE', features('No feature importance analysis was done.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-IMPORTANCE', '# Card\n\n## Model Examination\n\n[More Information Needed]\n'), 'fail:warning@3');
  });

  it('FE-ENCODING applies only when categorical features are mentioned', () => {
    assert.equal(outcomeOf('FE-ENCODING', features('Categorical features are one-hot encoded.')), 'pass@5');
    assert.equal(outcomeOf('FE-ENCODING', features('Categorical features include region and plan tier.')), 'fail:warning@5');
    assert.equal(outcomeOf('FE-ENCODING', features('Amount and merchant.')), 'skip');
    assert.equal(outcomeOf('FE-ENCODING', under('Training Procedure', 'Trained with categorical cross-entropy loss.')), 'skip');
  });

  it('FE-SELECTION needs the feature count for tabular models', () => {
    assert.equal(outcomeOf('FE-SELECTION', features('214 candidate features, 96 selected by permutation importance.')), 'pass@5');
    assert.equal(outcomeOf('FE-SELECTION', features('Lagged sales and rolling means.')), 'fail:warning@3');
    assert.equal(outcomeOf('FE-SELECTION', under('Model Details', 'A fine-tuned BERT text classifier.')), 'skip');
  });

  it('FE-VALIDATION-TESTS is informational', () => {
    assert.equal(outcomeOf('FE-VALIDATION-TESTS', features('Feature parity tests and range checks run per release.')), 'pass@5');
    assert.equal(outcomeOf('FE-VALIDATION-TESTS', features('Amount and merchant.')), 'fail:info@3');
  });
});

describe('feature engineering on the example cards', () => {
  const findingsOf = async (folder: string) => (await exampleGate(folder, 'feature-engineering')).findings.map((finding) => `${finding.checkId}:${finding.severity}@${finding.line}`);

  it('thorough passes every feature engineering check with evidence', async () => {
    const gate = await exampleGate('thorough', 'feature-engineering');
    assert.deepEqual(gate.findings, []);
    assert.equal(gate.evidence.length, 13);
  });

  it('skewed-overfit passes with no warnings', async () => {
    assert.deepEqual((await findingsOf('skewed-overfit')).filter((finding) => !finding.includes(':info@')), []);
  });

  it('findings come from the stated reasons', async () => {
    assert.ok((await findingsOf('unsafe-content')).includes('FE-TRANSFORMS:error@17'));
    assert.ok((await findingsOf('toolkit-json')).includes('FE-IMPORTANCE:warning@347'));
    const mediocre = await findingsOf('mediocre');
    for (const reason of ['FE-LEAKAGE-REVIEW:warning@41', 'FE-LEAKAGE-SPLIT:warning@57', 'FE-MISSINGNESS:warning@37']) assert.ok(mediocre.includes(reason), `${reason} not in ${mediocre.join(', ')}`);
    const mojibake = await findingsOf('mojibake');
    assert.ok(mojibake.includes('FE-IMPORTANCE:warning@22'), mojibake.join(', '));
    assert.ok(!mojibake.some((finding) => finding.startsWith('FE-LEAKAGE-REVIEW') || finding.startsWith('FE-MISSINGNESS')));
    const hf = await findingsOf('huggingface-sentiment');
    for (const reason of ['FE-LEAKAGE-REVIEW:warning@139', 'FE-IMPORTANCE:warning@205']) assert.ok(hf.includes(reason), `${reason} not in ${hf.join(', ')}`);
  });
});
