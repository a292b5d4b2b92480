import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { responsibleAiChecks } from '../src/core/checks/responsibleAi';
import { exampleGate, outcomeOf, cardLines, failureMessages } from './support/cards';

const card = cardLines;

const fairnessTable = (...rows: string[]) =>
  card('# M', '', '## Fairness', '', '| Group vs reference | Disparate impact | Equalized odds difference |', '|---|---|---|', ...rows);

describe('RA-SENSITIVE-ATTRIBUTES', () => {
  it('passes when sensitive attributes are named', () => {
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', '## Responsible AI', '', '- Sensitive attributes: age and sex are used for fairness testing only.')), 'pass@5');
  });
  it('accepts "none used" only with a proxy check; warns without one', () => {
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', '## Fairness', '', 'The model uses no personal data. ZIP code was removed as a proxy for race.')), 'pass@5');
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', '## Fairness', '', 'The model uses no customer or personal data.')), 'fail:warning@5');
  });
  it('fails (error) when nothing is said, and a placeholder says nothing', () => {
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', '## Fairness', '', '[More Information Needed]')), 'fail:error@3');
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', 'A model.')), 'fail:error@null');
  });
  it('fails at "sensitive attributes: TBD"', () => {
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', '## Fairness', '', 'Sensitive attributes are TBD.')), 'fail:error@5');
  });
  it('does not take a "race condition" for a sensitive attribute', () => {
    assert.equal(outcomeOf('RA-SENSITIVE-ATTRIBUTES', card('# M', '', '## Serving', '', 'We fixed a race condition in the cache.')), 'fail:error@null');
  });
});

describe('RA-HARM-SCENARIOS', () => {
  it('passes on named harms', () => {
    assert.equal(outcomeOf('RA-HARM-SCENARIOS', card('# M', '', '## Risks', '', 'Qualified applicants could be denied credit.')), 'pass@5');
    assert.equal(outcomeOf('RA-HARM-SCENARIOS', card('# M', '', '## Ethical considerations', '', 'Worker surveillance: cameras can capture faces.')), 'pass@5');
  });
  it('fails (error) when no harm is identified; "pushed to Salesforce" is not a harm', () => {
    assert.equal(outcomeOf('RA-HARM-SCENARIOS', card('# M', '', '## Deployment', '', 'Scores are pushed to Salesforce weekly.')), 'fail:error@null');
    assert.equal(outcomeOf('RA-HARM-SCENARIOS', card('# M', '', '## Fairness', '', 'No harms identified.')), 'fail:error@5');
  });
});

describe('RA-FAIRNESS-ASSESSMENT', () => {
  it('passes on per-group fairness metrics (table or sentence)', () => {
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', fairnessTable('| Female vs male | 0.96 | 0.02 |')), 'pass@7');
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', card('# M', '', '## Fairness', '', 'Recall gap across age groups is 0.03 on the test set.')), 'pass@5');
  });
  it('fails at "we did not observe bias" without metrics', () => {
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', card('# M', '', '## Fairness', '', 'The model is used on company accounts, not individuals. We did not observe bias', 'in the predictions.')), 'fail:error@5');
  });
  it('fails at an admission that fairness was not measured', () => {
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', card('# M', '', '## Responsible Use', '', "We haven't yet checked whether error differs between store regions.")), 'fail:error@5');
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', card('# M', '', '## Bias', '', '- Known biases: names and religions shift the score. We have not measured it systematically.')), 'fail:error@5');
  });
  it('fails when groups are named but no metric is given', () => {
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', card('# M', '', '## Fairness', '', 'Gender and ethnicity are relevant for this use.')), 'fail:error@3');
  });
  it('does not take an acceptance target as a measurement', () => {
    const text = card('# M', '', '## Acceptance criteria', '', 'Disparate impact >= 0.80 for every age and sex group.');
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', text), 'fail:error@5');
    assert.match(failureMessages('RA-FAIRNESS-ASSESSMENT', text)[0], /Sensitive groups are named \(line 5/);
  });
  it('skips when no group or fairness claim appears at all', () => {
    assert.equal(outcomeOf('RA-FAIRNESS-ASSESSMENT', card('# M', '', 'Classifies steel panels as OK or DEFECT.')), 'skip');
  });
});

describe('RA-DISPARATE-IMPACT thresholds (four-fifths rule)', () => {
  it('0.79 is an error, exactly 0.80 and 0.89 are warnings, 0.90 passes', () => {
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', fairnessTable('| Age under 25 | 0.79 | 0.02 |')), 'fail:error@7');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', fairnessTable('| Age under 25 | 0.80 | 0.02 |')), 'fail:warning@7');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', fairnessTable('| Age under 25 | 0.89 | 0.02 |')), 'fail:warning@7');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', fairnessTable('| Age under 25 | 0.90 | 0.02 |')), 'pass@7');
  });
  it('applies the rule in both directions (above 1.25 is an error)', () => {
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', fairnessTable('| Female vs male | 1.30 | 0.02 |')), 'fail:error@7');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', fairnessTable('| Female vs male | 1.20 | 0.02 |')), 'fail:warning@7');
  });
  it('reports every group below the line, with the card numbers', () => {
    const text = fairnessTable('| Age under 25 vs 25-64 | **0.72** | 0.11 |', '| Age 65+ vs 25-64 | 0.88 | 0.04 |', '| Female vs male | 0.96 | 0.02 |');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', text), 'fail:error@7,fail:warning@8');
    assert.match(failureMessages('RA-DISPARATE-IMPACT', text)[0], /Disparate impact 0\.72 for "Age under 25 vs 25-64" is below the four-fifths \(0\.80\) threshold/);
  });
  it('reads sentences and percentages, but not targets', () => {
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', card('# M', '', '## Fairness', '', 'Disparate impact 0.72 for applicants under 25.')), 'fail:error@5');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', card('# M', '', '## Fairness', '', 'The disparate impact ratio is 78% for women.')), 'fail:error@5');
    assert.equal(outcomeOf('RA-DISPARATE-IMPACT', card('# M', '', '## Fairness', '', 'A release is blocked if any disparate impact ratio falls below 0.85.')), 'skip');
  });
});

describe('RA-PARITY-GAP thresholds', () => {
  it('0.10 passes, 0.11 and -0.12 warn', () => {
    assert.equal(outcomeOf('RA-PARITY-GAP', fairnessTable('| Age under 25 | 0.95 | 0.10 |')), 'pass@7');
    assert.equal(outcomeOf('RA-PARITY-GAP', fairnessTable('| Age under 25 | 0.95 | 0.11 |')), 'fail:warning@7');
    assert.equal(outcomeOf('RA-PARITY-GAP', card('# M', '', '## Fairness', '', 'Equal opportunity difference of -0.12 for women.')), 'fail:warning@5');
  });
  it('skips without parity numbers', () => {
    assert.equal(outcomeOf('RA-PARITY-GAP', card('# M', '', '## Fairness', '', 'We compute equalized odds each release.')), 'skip');
  });
});

describe('RA-BIAS-MITIGATION', () => {
  it('passes on a documented mitigation', () => {
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', card('# M', '', '## Bias Mitigation', '', 'We apply reweighing by group and re-check the metrics.')), 'pass@5');
  });
  it('fails (error) at "no mitigation has been applied", and when a disparity is unmitigated', () => {
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', card('# M', '', '## Fairness', '', 'The ratio is low. No mitigation has been applied yet.')), 'fail:error@5');
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', fairnessTable('| Age under 25 | 0.72 | 0.02 |')), 'fail:error@3');
  });
  it('accepts a justified "no mitigation needed" unless the card\'s own numbers contradict it', () => {
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', card('# M', '', '## Fairness', '', 'No mitigation was needed: every ratio is above 0.9.')), 'pass@5');
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', card('# M', '', '## Fairness', '', 'Disparate impact 0.70 for women. No mitigation was needed.')), 'fail:error@5');
  });
  it('only warns when nothing about bias is known or said', () => {
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', card('# M', '', '## Fairness', '', 'Groups were considered.')), 'fail:warning@3');
  });
  it('does not take drift mitigation for bias mitigation', () => {
    assert.equal(outcomeOf('RA-BIAS-MITIGATION', card('# M', '', '## Drift Risks and Mitigation', '', 'Mitigation: monthly refresh.')), 'fail:warning@3');
  });
});

describe('RA-BIAS-MONITORING', () => {
  it('passes on fairness metrics re-checked in CI or production', () => {
    assert.equal(outcomeOf('RA-BIAS-MONITORING', card('# M', '', '## Fairness', '', 'Fairness metrics are part of the CI evaluation suite.')), 'pass@5');
    assert.equal(outcomeOf('RA-BIAS-MONITORING', card('# M', '', '## Monitoring', '', 'We monitor approval-rate disparity monthly.')), 'pass@5');
  });
  it('fails (warning) when absent', () => {
    assert.equal(outcomeOf('RA-BIAS-MONITORING', card('# M', '', '## Fairness', '', 'Disparate impact 0.95.')), 'fail:warning@3');
  });
});

describe('RA-GOVERNANCE', () => {
  it('passes on a formal sign-off', () => {
    assert.equal(outcomeOf('RA-GOVERNANCE', card('# M', '', '## Governance', '', 'Approved by the Model Risk Management Committee on 2026-10-21.')), 'pass@5');
  });
  it('warns while approval is pending, and when only stakeholders reviewed it', () => {
    assert.equal(outcomeOf('RA-GOVERNANCE', card('# M', '', '## Responsible AI', '', '- Governance: presented to the Credit Risk Committee on 2026-10-28; approval is pending.')), 'fail:warning@5');
    assert.equal(outcomeOf('RA-GOVERNANCE', card('# M', '', '## Ethical considerations', '', 'The works council reviewed and approved the setup.')), 'fail:warning@5');
  });
  it('fails (error) when there is no governance review', () => {
    assert.equal(outcomeOf('RA-GOVERNANCE', card('# M', '', '## Governance', '', 'No governance review yet.')), 'fail:error@5');
    assert.equal(outcomeOf('RA-GOVERNANCE', card('# M', '', '## Fairness', '', 'Looks fine.')), 'fail:error@3');
  });
});

describe('RA-HUMAN-OVERSIGHT', () => {
  it('passes on human review, appeal or a score that is only a signal', () => {
    assert.equal(outcomeOf('RA-HUMAN-OVERSIGHT', card('# M', '', '## Governance', '', 'Declined applicants can request a manual review by an underwriter.')), 'pass@5');
    assert.equal(outcomeOf('RA-HUMAN-OVERSIGHT', card('# M', '', '## Limitations', '', 'Scores are a signal for CSMs, not a decision.')), 'pass@5');
  });
  it('fails (warning) when nothing is said', () => {
    assert.equal(outcomeOf('RA-HUMAN-OVERSIGHT', card('# M', '', '## Intended Use', '', 'Routes tickets to queues automatically.')), 'fail:warning@3');
  });
});

describe('RA-TRANSPARENCY', () => {
  it('passes on adverse action notices or user disclosure', () => {
    assert.equal(outcomeOf('RA-TRANSPARENCY', card('# M', '', '## Governance', '', 'Declined applicants receive adverse action notices with the top 4 reasons.')), 'pass@5');
    assert.equal(outcomeOf('RA-TRANSPARENCY', card('# M', '', '## Use', '', 'Customers are informed that replies are drafted by a model.')), 'pass@5');
  });
  it('does not count chargeback reason codes or a harm about notices as transparency', () => {
    assert.equal(outcomeOf('RA-TRANSPARENCY', card('# M', '', '## Data', '', 'Chargebacks with reason codes.', '', '## Harms', '', 'Adverse action notices that do not explain the real reason.')), 'fail:warning@7');
  });
});

describe('RA-LIMITATIONS', () => {
  it('passes on a filled limitations section or a "not validated for" statement', () => {
    assert.equal(outcomeOf('RA-LIMITATIONS', card('# M', '', '## Bias, Risks, and Limitations', '', '- English only.')), 'pass@3');
    assert.equal(outcomeOf('RA-LIMITATIONS', card('# M', '', '## Scope', '', 'Not validated for loans above USD 35,000.')), 'pass@5');
  });
  it('fails (warning) on a placeholder section or silence', () => {
    assert.equal(outcomeOf('RA-LIMITATIONS', card('# M', '', '## Limitations', '', '[More Information Needed]')), 'fail:warning@3');
    assert.equal(outcomeOf('RA-LIMITATIONS', card('# M', '', 'A model.')), 'fail:warning@null');
  });
});

describe('RA-PRIVACY', () => {
  it('passes on PII handling or an explicit "no personal data"', () => {
    assert.equal(outcomeOf('RA-PRIVACY', card('# M', '', '## Training Data', '', 'PII is masked with Presidio before training.')), 'pass@5');
    assert.equal(outcomeOf('RA-PRIVACY', card('# M', '', '## Responsible Use', '', 'The model uses no customer or personal data.')), 'pass@5');
  });
  it('fails (warning) when personal data is not addressed', () => {
    assert.equal(outcomeOf('RA-PRIVACY', card('# M', '', '## Training Data', '', 'Tokenized with WordPiece.')), 'fail:warning@3');
  });
});

const errorsOf = (findings: ReadonlyArray<{ checkId: string; severity: string; line: number | null }>) =>
  findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}@${finding.line}`);

describe('responsible AI on the example cards', () => {
  it('skewed-overfit fails on disparate impact 0.72 (line 60) and the missing mitigation (line 64)', async () => {
    const gate = await exampleGate('skewed-overfit', 'responsible-ai');
    assert.deepEqual(errorsOf(gate.findings), ['RA-DISPARATE-IMPACT@60', 'RA-BIAS-MITIGATION@64']);
  });

  it('mediocre fails at "we did not observe bias" (line 75)', async () => {
    const gate = await exampleGate('mediocre', 'responsible-ai');
    assert.ok(errorsOf(gate.findings).includes('RA-FAIRNESS-ASSESSMENT@75'));
  });

  it('mojibake fails at the unchecked regional error (line 41); huggingface at "not measured systematically" (line 103)', async () => {
    assert.ok(errorsOf((await exampleGate('mojibake', 'responsible-ai')).findings).includes('RA-FAIRNESS-ASSESSMENT@41'));
    assert.ok(errorsOf((await exampleGate('huggingface-sentiment', 'responsible-ai')).findings).includes('RA-FAIRNESS-ASSESSMENT@103'));
  });

  it('toolkit-json is conditional on governance sign-off and ongoing bias monitoring, with no error', async () => {
    const gate = await exampleGate('toolkit-json', 'responsible-ai');
    assert.deepEqual(errorsOf(gate.findings), []);
    const warnings = gate.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.checkId);
    assert.ok(warnings.includes('RA-GOVERNANCE') && warnings.includes('RA-BIAS-MONITORING'));
  });

  it('thorough passes every responsible AI check with evidence', async () => {
    const gate = await exampleGate('thorough', 'responsible-ai');
    assert.deepEqual(gate.findings, []);
    assert.equal(gate.evidence.length, responsibleAiChecks.length);
  });
});
