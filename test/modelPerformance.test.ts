import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { modelPerformanceChecks } from '../src/core/checks/modelPerformance';
import { exampleGate, outcomeOf, cardLines, failureMessage } from './support/cards';

const card = cardLines;

describe('MP-RESULTS-REPORTED', () => {
  it('passes at the first metric value in an evaluation section', () => {
    assert.equal(outcomeOf('MP-RESULTS-REPORTED', card('# M', '', '## Evaluation', '', 'Holdout accuracy is 0.91 and macro-F1 is 0.86.')), 'pass@5');
  });
  it('reads Hugging Face model-index metadata', () => {
    const text = card('---', 'model-index:', '- name: m', '  results:', '  - task: {type: text-classification}', '    metrics:', '    - type: accuracy', '      value: 0.91', '---', '# M');
    assert.equal(outcomeOf('MP-RESULTS-REPORTED', text), 'pass@1');
  });
  it('accepts a benchmark table whose metric names it does not know', () => {
    assert.equal(outcomeOf('MP-RESULTS-REPORTED', card('# M', '', '## Evaluation', '', '| Benchmark | Score |', '|---|---|', '| MMLU (5-shot) | 70.1 |')), 'pass@7');
  });
  it('fails at a vague claim with no number behind it', () => {
    assert.equal(outcomeOf('MP-RESULTS-REPORTED', card('# My Model', 'This model predicts house prices. It is very accurate.')), 'fail:error@2');
  });
  it('does not count a KPI target as a result', () => {
    assert.equal(outcomeOf('MP-RESULTS-REPORTED', card('# M', '', '## KPIs', '', 'Recall must be at least 0.90.')), 'fail:error@null');
  });
  it('treats a placeholder results section as missing', () => {
    assert.equal(outcomeOf('MP-RESULTS-REPORTED', card('# M', '', '## Evaluation', '', '[More Information Needed]')), 'fail:error@3');
  });
});

describe('MP-KPI-ALIGNMENT', () => {
  it('passes when the card maps a metric to a KPI', () => {
    const text = card('# M', '', '## Results', '', 'Recall 0.81 on the holdout.', '', 'Recall at a 0.4% alert rate maps to the fraud-loss KPI.');
    assert.equal(outcomeOf('MP-KPI-ALIGNMENT', text), 'pass@7');
  });
  it('passes when the KPI itself is an offline metric the evaluation reports', () => {
    const text = card('# M', '', '## KPIs', '', 'Primary KPI: WAPE <= 22% on a 4-week horizon.', '', '## Evaluation', '', 'Holdout WAPE 21.3%.');
    assert.equal(outcomeOf('MP-KPI-ALIGNMENT', text), 'pass@5');
  });
  it('warns when the KPI names a metric the evaluation does not report', () => {
    const text = card('# M', '', '## KPIs', '', 'Recall of at least 0.80 at a 1% alert rate.', '', '## Evaluation', '', 'Accuracy 0.97 on the test set.');
    assert.equal(outcomeOf('MP-KPI-ALIGNMENT', text), 'fail:warning@5');
    assert.match(failureMessage('MP-KPI-ALIGNMENT', text), /set on Recall .* reports only Accuracy/);
  });
  it('only notes (info) a business KPI that no offline metric expresses', () => {
    const text = card('# M', '', '## Intended use', '', 'KPI: cut re-routed tickets from 23% to 10%.', '', '## Evaluation', '', 'Accuracy 0.91 on the holdout.');
    assert.equal(outcomeOf('MP-KPI-ALIGNMENT', text), 'fail:info@5');
  });
  it('warns when no KPI is stated at all', () => {
    assert.equal(outcomeOf('MP-KPI-ALIGNMENT', card('# M', '', '## Evaluation', '', 'Accuracy 0.91.')), 'fail:warning@3');
  });
  it('skips when there are no results to align', () => {
    assert.equal(outcomeOf('MP-KPI-ALIGNMENT', card('# M', '', 'Nothing measured.')), 'skip');
  });
});

describe('MP-BASELINE', () => {
  it('passes on a baseline in the evaluation', () => {
    assert.equal(outcomeOf('MP-BASELINE', card('# M', '', '## Evaluation', '', 'The rules-engine baseline reaches PR-AUC 0.41.')), 'pass@5');
  });
  it('passes on "chosen over" anywhere', () => {
    assert.equal(outcomeOf('MP-BASELINE', card('# M', '', '## Tradeoffs', '', 'EfficientNet-B3 was chosen over B5 for latency.')), 'pass@5');
  });
  it('does not take "built as a lightweight baseline for X" outside the evaluation as a comparison', () => {
    assert.equal(outcomeOf('MP-BASELINE', card('# M', '', '## Model description', '', 'We built it as a lightweight baseline for brand sentiment.', '', '## Evaluation', '', 'Accuracy 0.91.')), 'fail:info@7');
  });
});

describe('MP-VALIDATION-STRATEGY', () => {
  it('passes on k-fold cross-validation', () => {
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Evaluation', '', 'We used 5-fold stratified cross-validation.')), 'pass@5');
  });
  it('passes on a holdout set', () => {
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Evaluation', '', 'Metrics are on a 20% holdout never used for tuning.')), 'pass@5');
  });
  it('counts a train/validation/test split as a held-out test set', () => {
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Training', '', 'We split the data 70/15/15 into train/validation/test sets.')), 'pass@5');
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Training', '', 'Hyperparameters were tuned on the validation and test sets are untouched.')), 'pass@5');
  });
  it('fails at a single random split', () => {
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Training', '', 'We used an 80/20 random train/test split.')), 'fail:error@5');
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Training', '', 'Validation: a single random split; no cross-validation.')), 'fail:error@5');
  });
  it('does not take "no cross-validation and no holdout" as evidence', () => {
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Evaluation', '', 'There is no cross-validation and no holdout.')), 'fail:error@5');
  });
  it('does not count backtesting planned in monitoring as a validation strategy', () => {
    const text = card('# M', '', '## Evaluation', '', 'We used an 80/20 train/test split.', '', '## Monitoring', '', 'Quarterly backtesting once outcomes mature.');
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', text), 'fail:error@5');
  });
  it('fails at the evaluation heading when nothing is said', () => {
    assert.equal(outcomeOf('MP-VALIDATION-STRATEGY', card('# M', '', '## Evaluation', '', 'Accuracy 0.9.')), 'fail:error@3');
  });
});

describe('MP-CROSS-VALIDATION and MP-HOLDOUT', () => {
  const holdoutOnly = card('# M', '', '## Evaluation', '', 'Results on a held-out test set from August.');
  const cvOnly = card('# M', '', '## Evaluation', '', 'Rolling-origin backtest with 8 folds.');
  const both = card('# M', '', '## Evaluation', '', '5-fold CV and a 20% out-of-time holdout.');
  it('pass when both are used', () => {
    assert.equal(outcomeOf('MP-CROSS-VALIDATION', both), 'pass@5');
    assert.equal(outcomeOf('MP-HOLDOUT', both), 'pass@5');
  });
  it('warn about the missing half', () => {
    assert.equal(outcomeOf('MP-CROSS-VALIDATION', holdoutOnly), 'fail:warning@3');
    assert.equal(outcomeOf('MP-HOLDOUT', holdoutOnly), 'pass@5');
    assert.equal(outcomeOf('MP-HOLDOUT', cvOnly), 'fail:warning@3');
    assert.equal(outcomeOf('MP-CROSS-VALIDATION', cvOnly), 'pass@5');
  });
  it('fail at an explicit "no holdout" statement', () => {
    assert.equal(outcomeOf('MP-HOLDOUT', card('# M', '', '## Evaluation', '', '10-fold cross-validation.', '', 'There is no holdout set yet.')), 'fail:warning@7');
  });
  it('skip when neither is used (MP-VALIDATION-STRATEGY reports it)', () => {
    const single = card('# M', '', '## Evaluation', '', 'An 80/20 random split.');
    assert.equal(outcomeOf('MP-CROSS-VALIDATION', single), 'skip');
    assert.equal(outcomeOf('MP-HOLDOUT', single), 'skip');
  });
});

describe('MP-OOD-TEST', () => {
  it('passes on an out-of-time or other-domain test', () => {
    assert.equal(outcomeOf('MP-OOD-TEST', card('# M', '', '## Evaluation', '', 'A 15% time-based holdout (Aug-Sep).')), 'pass@5');
    assert.equal(outcomeOf('MP-OOD-TEST', card('# M', '', '## Limitations', '', 'Performance drops on other domains (tweets: 0.82).')), 'pass@5');
  });
  it('fails at a statement that there is none, and at the heading when silent', () => {
    assert.equal(outcomeOf('MP-OOD-TEST', card('# M', '', '## Evaluation', '', 'There is no out-of-time holdout.')), 'fail:warning@5');
    assert.equal(outcomeOf('MP-OOD-TEST', card('# M', '', '## Evaluation', '', 'Accuracy 0.9 on a random split.')), 'fail:warning@3');
  });
});

describe('MP-TRAIN-METRICS', () => {
  it('passes on train numbers next to validation numbers', () => {
    assert.equal(outcomeOf('MP-TRAIN-METRICS', card('# M', '', '## Evaluation', '', 'Holdout accuracy 0.91 (train accuracy 0.93).')), 'pass@5');
  });
  it('does not count a training-loss column as a train metric', () => {
    const text = card('# M', '', '## Results', '', '| Training Loss | Epoch | Dev Loss | Dev Accuracy |', '|---|---|---|---|', '| 0.08 | 3 | 0.28 | 0.92 |');
    assert.equal(outcomeOf('MP-TRAIN-METRICS', text), 'fail:warning@3');
  });
  it('fails when only evaluation metrics are given', () => {
    assert.equal(outcomeOf('MP-TRAIN-METRICS', card('# M', '', '## Evaluation', '', 'Test accuracy 0.91.')), 'fail:warning@3');
  });
});

describe('MP-OVERFIT-GAP thresholds', () => {
  const sentence = (train: string, validation: string) => card('# M', '', '## Evaluation', '', `Train accuracy ${train} vs validation accuracy ${validation}.`);
  it('exactly 10 points is a warning, 10.5 points an error', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', sentence('0.90', '0.80')), 'fail:warning@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', sentence('0.905', '0.80')), 'fail:error@5');
  });
  it('exactly 5 points is a warning, 4.9 points passes', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', sentence('0.85', '0.80')), 'fail:warning@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', sentence('0.849', '0.80')), 'pass@5');
  });
  it('reads percentages as points', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', sentence('97%', '82%')), 'fail:error@5');
  });
  it('quotes the card numbers in the finding', () => {
    assert.equal(failureMessage('MP-OVERFIT-GAP', sentence('0.97', '0.82')), 'Accuracy: train 0.97 vs validation 0.82, a 15-point gap that exceeds the 10-point overfitting limit.');
  });
  it('reads "train (0.97) and validation (0.82)" and "(0.874 vs 0.858)" forms', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Results', '', 'The gap between train (0.97) and validation (0.82) balanced accuracy is large.')), 'fail:error@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Results', '', 'The train vs validation gap is 1.6 PR-AUC points (0.874 vs 0.858), under the 3-point limit.')), 'pass@5');
  });
  it('reads column-oriented tables and reports the first offending row', () => {
    const text = card('# M', '', '## Model Performance', '', '| Metric | Train | Validation |', '|---|---|---|', '| ROC-AUC | 0.86 | 0.84 |', '| Balanced accuracy | 0.97 | 0.82 |', '| KS | 0.91 | 0.52 |');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', text), 'fail:error@8');
    assert.match(failureMessage('MP-OVERFIT-GAP', text), /Balanced accuracy: train 0\.97 vs validation 0\.82.*1 more metric also shows a gap of 5 points or more \(KS\)/);
  });
  it('judges only the chosen model in a model-per-row table', () => {
    const text = card('# M', '', '## Evaluation', '', '| Model | Train AUC | Test AUC |', '|---|---|---|', '| Random forest | 0.99 | 0.75 |', '| XGBoost (chosen) | 0.86 | 0.83 |');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', text), 'pass@8');
  });
  it('reads row-oriented tables and ignores out-of-distribution rows', () => {
    const text = card('# M', '', '## Results', '', '| Split | PR-AUC |', '|---|---|', '| Train | 0.874 |', '| 5-fold CV (mean ± sd) | 0.858 ± 0.007 |', '| OOD: new cards | 0.70 |');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', text), 'pass@7');
  });
  it('judges error metrics in the right direction and unbounded ones relative to train', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'Train WAPE 18.7% vs holdout WAPE 30.1%.')), 'fail:error@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'Train RMSE 100 vs validation RMSE 112.')), 'fail:error@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'Train RMSE 100 vs validation RMSE 108.')), 'fail:warning@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'Train RMSE 100 vs validation RMSE 104.')), 'pass@5');
  });
  it('uses a stated gap when the numbers are not paired', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'Training-period WAPE is 18.7%, so the gap to the holdout is about 2.6 points.')), 'pass@5');
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'There is a 12-point gap between training and test scores.')), 'fail:error@5');
  });
  it('does not read split ratios, fold counts or years as scores', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'We trained on 2019 to 2022 with an 80/20 train/test split and 5-fold CV; accuracy 0.9.')), 'skip');
  });
  it('skips when no train number is stated (silence is not a pass)', () => {
    assert.equal(outcomeOf('MP-OVERFIT-GAP', card('# M', '', '## Evaluation', '', 'Test accuracy 0.91.')), 'skip');
  });
});

describe('MP-ERROR-ANALYSIS', () => {
  it('passes on a described error analysis', () => {
    assert.equal(outcomeOf('MP-ERROR-ANALYSIS', card('# M', '', '## Evaluation', '', 'Most errors are between "login" and "integrations".')), 'pass@5');
    assert.equal(outcomeOf('MP-ERROR-ANALYSIS', card('# M', '', '## Error Analysis', '', 'We reviewed 500 false negatives with Fraud Operations.')), 'pass@5');
  });
  it('fails (error) at "no error analysis" or at the heading', () => {
    assert.equal(outcomeOf('MP-ERROR-ANALYSIS', card('# M', '', '## Evaluation', '', 'No error analysis has been done yet.')), 'fail:error@5');
    assert.equal(outcomeOf('MP-ERROR-ANALYSIS', card('# M', '', '## Evaluation', '', 'Accuracy 0.9.')), 'fail:error@3');
  });
});

describe('MP-SLICES and MP-UNCERTAINTY (informational)', () => {
  it('MP-SLICES passes on per-segment metrics and notes their absence as info', () => {
    assert.equal(outcomeOf('MP-SLICES', card('# M', '', '## Results', '', '| Slice | Accuracy |', '|---|---|', '| Contains negation | 0.86 |')), 'pass@7');
    assert.equal(outcomeOf('MP-SLICES', card('# M', '', '## Results', '', 'Accuracy 0.91 overall.')), 'fail:info@3');
  });
  it('MP-UNCERTAINTY accepts ±, confidence intervals and standard deviations in the results', () => {
    assert.equal(outcomeOf('MP-UNCERTAINTY', card('# M', '', '## Results', '', 'PR-AUC 0.858 ± 0.007 across folds.')), 'pass@5');
    assert.equal(outcomeOf('MP-UNCERTAINTY', card('# M', '', '## Results', '', 'Recall 0.93 (95% CI 0.91-0.95).')), 'pass@5');
    assert.equal(outcomeOf('MP-UNCERTAINTY', card('# M', '', '## Model architecture', '', 'Rotation +/- 10 degrees.', '', '## Results', '', 'Recall 0.93.')), 'fail:info@7');
  });
});

describe('MP-CALIBRATION', () => {
  it('passes on a calibration measure', () => {
    assert.equal(outcomeOf('MP-CALIBRATION', card('# M', '', '## Results', '', 'Brier score 0.0094 after isotonic calibration.')), 'pass@5');
  });
  it('warns when scores are used as probabilities without calibration', () => {
    assert.equal(outcomeOf('MP-CALIBRATION', card('# M', '', 'Output: churn probability per account.', '', '## Evaluation', '', 'AUC 0.81.')), 'fail:warning@5');
  });
  it('fails at an explicit "not calibrated"', () => {
    assert.equal(outcomeOf('MP-CALIBRATION', card('# M', '', '## Evaluation', '', 'Scores are not calibrated.')), 'fail:warning@5');
  });
  it('skips when outputs are not probabilities (a forecast, an argmax label)', () => {
    assert.equal(outcomeOf('MP-CALIBRATION', card('# M', '', 'Forecasts weekly unit sales per store.', '', '## Evaluation', '', 'WAPE 21%.')), 'skip');
  });
});

describe('MP-LATENCY-BUDGET', () => {
  const withRequirement = (measured: string) =>
    card('# M', '', '## Acceptance criteria', '', 'p99 latency <= 25 ms.', '', '## Evaluation', '', '| Model | PR-AUC | p99 latency |', '|---|---|---|', '| Baseline | 0.41 | 9 ms |', `| LightGBM (selected) | 0.85 | ${measured} |`);
  it('passes when the selected model is within the requirement, even at the limit', () => {
    assert.equal(outcomeOf('MP-LATENCY-BUDGET', withRequirement('17 ms')), 'pass@12');
    assert.equal(outcomeOf('MP-LATENCY-BUDGET', withRequirement('25 ms')), 'pass@12');
  });
  it('warns when it exceeds the requirement, converting seconds', () => {
    assert.equal(outcomeOf('MP-LATENCY-BUDGET', withRequirement('31 ms')), 'fail:warning@12');
    assert.equal(outcomeOf('MP-LATENCY-BUDGET', withRequirement('0.2 s')), 'fail:warning@12');
  });
  it('skips without a requirement or without a measurement', () => {
    assert.equal(outcomeOf('MP-LATENCY-BUDGET', card('# M', '', '## Evaluation', '', 'Inference latency is 40 ms.')), 'skip');
    assert.equal(outcomeOf('MP-LATENCY-BUDGET', card('# M', '', '## Tradeoffs', '', 'Keep edge inference under 60 ms per image.')), 'skip');
  });
});

describe('MP-IMPROVEMENT-LEVERS', () => {
  it('passes on planned levers and notes their absence as info', () => {
    assert.equal(outcomeOf('MP-IMPROVEMENT-LEVERS', card('# M', '', '## Next Steps', '', '- Add more product usage features')), 'pass@5');
    assert.equal(outcomeOf('MP-IMPROVEMENT-LEVERS', card('# M', '', '## Evaluation', '', 'Accuracy 0.9.')), 'fail:info@3');
  });
});

describe('model performance on the example cards', () => {
  it('skewed-overfit fails on the single split (line 39) and the 15-point gap (line 43)', async () => {
    const gate = await exampleGate('skewed-overfit', 'model-performance');
    const errors = gate.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}@${finding.line}`);
    assert.deepEqual(errors, ['MP-VALIDATION-STRATEGY@39', 'MP-OVERFIT-GAP@43']);
  });

  it('mediocre fails on its single 80/20 split at line 57 and lacks error analysis', async () => {
    const gate = await exampleGate('mediocre', 'model-performance');
    const errors = gate.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}@${finding.line}`);
    assert.deepEqual(errors, ['MP-VALIDATION-STRATEGY@57', 'MP-ERROR-ANALYSIS@61']);
  });

  it('near-empty fails at the unbacked "very accurate" claim on line 2', async () => {
    const gate = await exampleGate('near-empty', 'model-performance');
    assert.ok(gate.findings.some((finding) => finding.checkId === 'MP-RESULTS-REPORTED' && finding.line === 2 && finding.severity === 'error'));
  });

  it('thorough passes every model performance check with evidence', async () => {
    const gate = await exampleGate('thorough', 'model-performance');
    assert.deepEqual(gate.findings, []);
    assert.equal(gate.evidence.length, modelPerformanceChecks.length);
  });
});
