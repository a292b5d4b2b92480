import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exampleGate, outcomeOf, failureMessage } from './support/cards';

const card = (body: string) => `# Model Card\n\n${body}`;
/** "## heading" on line 3, body from line 5. */
const section = (heading: string, body: string) => card(`## ${heading}\n\n${body}\n`);

describe('deployment & monitoring registry', () => {
});

describe('DM-ROLLOUT-STRATEGY', () => {
  it('passes on a staged rollout', () => {
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Rollout', 'Shadow mode for 14 days, then canary 5% → 25% → 50% → 100%.')), 'pass@5');
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Rollout', 'Traffic ramps 5% → 25% → 100% behind a flag.')), 'pass@5');
  });
  it('fails as an error on a big-bang launch, quoting it', () => {
    const text = section('Rollout', 'Big-bang launch to 100% of loan applications on launch day; no shadow or canary phase.');
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', text), 'fail:error@5');
    assert.match(failureMessage('DM-ROLLOUT-STRATEGY', text), /big-bang.*"Big-bang launch to 100% of loan applications on launch day"/);
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Deployment', 'We switch all users at once on 1 December.')), 'fail:error@5');
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Deployment', 'It goes to 100% of traffic on day one.')), 'fail:error@5');
  });
  it('even a canary mention does not excuse an explicit big-bang statement', () => {
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Deployment', 'A canary was discussed.\n\nIn the end the cut-over happens in one step.')), 'fail:error@7');
  });
  it('does not call an avoided big bang a big bang', () => {
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Rollout', 'To avoid a big-bang launch we use a 5% canary first.')), 'pass@5');
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Rollout', 'Shadow mode scores 100% of traffic with no decisions taken.')), 'pass@5');
  });
  it('fails when the card rules out a canary without calling it big-bang', () => {
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Deployment', 'We launch on 1 December with no shadow or canary phase.')), 'fail:error@5');
  });
  it('fails when only a deployment is described, or nothing at all', () => {
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Deployment', 'Runs as a Kubernetes deployment behind the webhook.')), 'fail:error@5');
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', section('Deployment', '[More Information Needed]')), 'fail:error@3');
    assert.equal(outcomeOf('DM-ROLLOUT-STRATEGY', card('A model.\n')), 'fail:error@null');
  });
});

describe('DM-MONITOR-SERVICE', () => {
  it('passes on monitored latency', () => {
    assert.equal(outcomeOf('DM-MONITOR-SERVICE', section('Deployment', 'Grafana shows request latency and error rate.')), 'pass@5');
    assert.equal(outcomeOf('DM-MONITOR-SERVICE', section('Monitoring Metrics', '- Latency: p50 / p95 / p99; throughput (req/s).')), 'pass@5');
  });
  it('does not count a load-test latency outside monitoring, nor a negation', () => {
    assert.equal(outcomeOf('DM-MONITOR-SERVICE', section('Deployment', 'A load test reached p99 17 ms.')), 'fail:warning@3');
    assert.equal(outcomeOf('DM-MONITOR-SERVICE', section('Monitoring', 'Latency is not monitored yet.')), 'fail:warning@5');
  });
});

describe('DM-MONITOR-QUALITY', () => {
  it('passes on tracked quality', () => {
    assert.equal(outcomeOf('DM-MONITOR-QUALITY', section('Monitoring', 'Weekly precision and recall over time on matured labels.')), 'pass@5');
  });
  it('fails when only service metrics are monitored', () => {
    assert.equal(outcomeOf('DM-MONITOR-QUALITY', section('Monitoring', 'Grafana alerts on p95 latency.')), 'fail:warning@3');
    assert.equal(outcomeOf('DM-MONITOR-QUALITY', section('Evaluation', 'Recall 0.81 on the holdout.')), 'fail:warning@null');
  });
});

describe('DM-DRIFT-MEASURE', () => {
  it('passes on a named drift statistic in operations', () => {
    assert.equal(outcomeOf('DM-DRIFT-MEASURE', section('Monitoring', 'Per-feature PSI daily and a KS test on continuous features.')), 'pass@5');
  });
  it('warns when drift monitoring names no statistic', () => {
    assert.equal(outcomeOf('DM-DRIFT-MEASURE', section('Monitoring', 'We monitor data drift weekly.')), 'fail:warning@5');
  });
  it('fails as an error when drift is not monitored or not mentioned', () => {
    assert.equal(outcomeOf('DM-DRIFT-MEASURE', section('Deployment', "There's no automated drift check yet.")), 'fail:error@5');
    assert.equal(outcomeOf('DM-DRIFT-MEASURE', section('Deployment', 'Runs on Kubernetes.')), 'fail:error@3');
  });
  it('does not take a one-off PSI analysis in the data section for monitoring', () => {
    assert.equal(outcomeOf('DM-DRIFT-MEASURE', section('Data', 'PSI = 0.31 on income against October applications.')), 'fail:error@null');
  });
});

describe('DM-DRIFT-PSI', () => {
  const psi = (value: string) => section('Monitoring', `Monthly PSI per feature; PSI on income was ${value} last month.`);
  it('uses the PSI bands: < 0.1 pass, 0.1-0.25 warning, >= 0.25 error', () => {
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.05')), 'pass@5');
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.099')), 'pass@5');
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.1')), 'fail:warning@5');
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.18')), 'fail:warning@5');
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.249')), 'fail:warning@5');
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.25')), 'fail:error@5');
    assert.equal(outcomeOf('DM-DRIFT-PSI', psi('0.31')), 'fail:error@5');
  });
  it('quotes the reported value', () => {
    assert.match(failureMessage('DM-DRIFT-PSI', psi('0.31')), /^PSI 0\.31 is at or above 0\.25.*"PSI on income was 0\.31 last month"/);
  });
  it('reports the worst of several readings, including table cells', () => {
    const table = section('Drift Monitoring', '| Feature | PSI |\n|---|---|\n| amount | 0.04 |\n| income | 0.27 |');
    assert.equal(outcomeOf('DM-DRIFT-PSI', table), 'fail:error@8');
  });
  it('skips alert thresholds and bands, which are not observations', () => {
    assert.equal(outcomeOf('DM-DRIFT-PSI', section('Monitoring', 'PSI per feature with a 0.1 warning and 0.25 critical band.')), 'skip');
    assert.equal(outcomeOf('DM-DRIFT-PSI', section('Monitoring', 'Retraining is triggered when PSI > 0.25 on a top-20 feature.')), 'skip');
    assert.equal(outcomeOf('DM-DRIFT-PSI', section('Alerts', '| Signal | Warning | Page |\n|---|---|---|\n| Feature PSI | > 0.1 | > 0.25 |')), 'skip');
    assert.equal(outcomeOf('DM-DRIFT-PSI', section('Monitoring', 'PSI per feature is computed daily.')), 'skip');
  });
  it('falls back to a PSI reported elsewhere in the card when operations report none', () => {
    assert.equal(outcomeOf('DM-DRIFT-PSI', section('Data', 'Drift: PSI = 0.31 on income, PSI 0.18 on amount.')), 'fail:error@5');
  });
  it('does not read pressure in psi as drift', () => {
    assert.equal(outcomeOf('DM-DRIFT-PSI', section('Monitoring', 'Line pressure of 2.5 psi is tracked daily.')), 'skip');
  });
});

describe('DM-ALERTING', () => {
  it('passes on alerts with thresholds', () => {
    assert.equal(outcomeOf('DM-ALERTING', section('Monitoring', 'PagerDuty alerts on p95 latency > 300 ms and error rate > 1%.')), 'pass@5');
    assert.equal(outcomeOf('DM-ALERTING', section('Deployment', 'The team gets an e-mail if weekly WAPE rises above 25%.')), 'pass@5');
  });
  it('warns on alerts without thresholds', () => {
    assert.equal(outcomeOf('DM-ALERTING', section('Monitoring', 'We have alerts on latency.')), 'fail:warning@5');
  });
  it('fails as an error without alerting; an "alert rate" metric is not alerting', () => {
    assert.equal(outcomeOf('DM-ALERTING', section('Monitoring', 'There is no alerting.')), 'fail:error@5');
    assert.equal(outcomeOf('DM-ALERTING', section('Monitoring', 'The dashboard shows the alert rate of 0.4%.')), 'fail:error@3');
  });
});

describe('DM-SLO', () => {
  it('passes on an SLO or latency requirement', () => {
    assert.equal(outcomeOf('DM-SLO', section('Serving', 'p99 latency SLO 25 ms, 99.9% monthly.')), 'pass@5');
    assert.equal(outcomeOf('DM-SLO', card('B3 keeps edge inference under 60 ms per image.\n')), 'pass@3');
  });
  it('fails without one', () => {
    assert.equal(outcomeOf('DM-SLO', section('Deployment', 'Runs on Kubernetes.')), 'fail:warning@3');
    assert.equal(outcomeOf('DM-SLO', section('Deployment', 'SLOs are to be defined.')), 'fail:warning@5');
  });
});

describe('DM-ONCALL-OWNER', () => {
  it('passes on a named rotation', () => {
    assert.equal(outcomeOf('DM-ONCALL-OWNER', section('Operations', 'The Fraud ML on-call rotation owns alerts via PagerDuty.')), 'pass@5');
  });
  it('accepts an on-call rotation named with the owners', () => {
    assert.equal(outcomeOf('DM-ONCALL-OWNER', section('Model Card Contact', 'Production issues page the ml-platform on-call rotation (runbook RB-12).')), 'pass@5');
  });
  it('does not take a model owner for an on-call owner', () => {
    assert.equal(outcomeOf('DM-ONCALL-OWNER', section('Model Details', 'Owner: Support Engineering ML.')), 'fail:error@null');
    assert.equal(outcomeOf('DM-ONCALL-OWNER', section('Monitoring', 'No on-call rotation exists yet.')), 'fail:error@5');
  });
});

describe('DM-RETRAIN-TRIGGER', () => {
  it('passes on metric triggers or a schedule', () => {
    assert.equal(outcomeOf('DM-RETRAIN-TRIGGER', section('Retraining', 'Retraining is triggered when PSI > 0.25 or recall falls below 0.76.')), 'pass@5');
    assert.equal(outcomeOf('DM-RETRAIN-TRIGGER', section('Retraining', 'Retraining: planned annually.')), 'pass@5');
  });
  it('fails on vague triggers, quoting them', () => {
    const text = section('Deployment', 'The model is retrained manually when the team has time, usually every quarter.');
    assert.equal(outcomeOf('DM-RETRAIN-TRIGGER', text), 'fail:warning@5');
    assert.match(failureMessage('DM-RETRAIN-TRIGGER', text), /when the team has time/);
    assert.equal(outcomeOf('DM-RETRAIN-TRIGGER', section('Deployment', '"Retrain when it looks off" is the rule; there is no drift check.')), 'fail:warning@5');
  });
  it('fails when there is no retraining plan', () => {
    assert.equal(outcomeOf('DM-RETRAIN-TRIGGER', section('Monitoring', 'No retraining is planned.')), 'fail:warning@5');
    assert.equal(outcomeOf('DM-RETRAIN-TRIGGER', section('Monitoring', 'Latency dashboards.')), 'fail:warning@3');
  });
});

describe('DM-ROLLBACK-PLAN', () => {
  it('passes on a rollback plan', () => {
    assert.equal(outcomeOf('DM-ROLLBACK-PLAN', section('Rollback', 'The previous version stays deployed; a flag switches traffic back.')), 'pass@5');
  });
  it('fails at "no rollback plan yet" and when silent', () => {
    const text = section('Deployment', '- Rollback: no rollback plan yet; the old scorecard is decommissioned.');
    assert.equal(outcomeOf('DM-ROLLBACK-PLAN', text), 'fail:error@5');
    assert.match(failureMessage('DM-ROLLBACK-PLAN', text), /no rollback plan yet/);
    assert.equal(outcomeOf('DM-ROLLBACK-PLAN', section('Deployment', 'Runs on Kubernetes.')), 'fail:error@3');
  });
});

describe('DM-ROLLBACK-TIME', () => {
  it('passes on a timed or rehearsed rollback', () => {
    assert.equal(outcomeOf('DM-ROLLBACK-TIME', section('Rollback', 'A flag switches traffic back in under 15 minutes.')), 'pass@5');
    assert.equal(outcomeOf('DM-ROLLBACK-TIME', section('Rollback', 'Rollback was rehearsed in staging.')), 'pass@5');
  });
  it('fails when the rollback has no time bound, skips without a plan', () => {
    assert.equal(outcomeOf('DM-ROLLBACK-TIME', section('Rollback', 'We can roll back to the previous version.')), 'fail:warning@5');
    assert.equal(outcomeOf('DM-ROLLBACK-TIME', section('Rollback', 'No rollback plan yet.')), 'skip');
  });
});

describe('DM-POST-LAUNCH-REVIEW', () => {
  it('passes on a 30/60/90-day review', () => {
    assert.equal(outcomeOf('DM-POST-LAUNCH-REVIEW', section('Post-Launch Review', 'KPI reviews at 30, 60 and 90 days after rollout.')), 'pass@5');
    assert.equal(outcomeOf('DM-POST-LAUNCH-REVIEW', card('## Next Steps\n\nPost-launch review: at 90 days.\n')), 'pass@5');
  });
  it('fails without one', () => {
    assert.equal(outcomeOf('DM-POST-LAUNCH-REVIEW', section('Deployment', 'No post-launch review is planned.')), 'fail:warning@5');
    assert.equal(outcomeOf('DM-POST-LAUNCH-REVIEW', section('Deployment', 'Runs on Kubernetes.')), 'fail:warning@3');
  });
});

describe('DM-MODEL-REGISTRY', () => {
  it('passes on a model registry', () => {
    assert.equal(outcomeOf('DM-MODEL-REGISTRY', section('Deployment', 'Versions live in the MLflow model registry.')), 'pass@5');
  });
  it('does not take a container registry for a model registry', () => {
    assert.equal(outcomeOf('DM-MODEL-REGISTRY', section('Deployment', 'Base images come from the internal hardened registry.')), 'fail:warning@3');
  });
});

describe('DM-CICD', () => {
  it('passes on a CI/CD pipeline, fails as info without', () => {
    assert.equal(outcomeOf('DM-CICD', section('MLOps', 'GitHub Actions runs tests; Argo CD promotes the release.')), 'pass@5');
    assert.equal(outcomeOf('DM-CICD', section('Deployment', 'Deployed by hand.')), 'fail:info@3');
  });
});

describe('DM-SERVING', () => {
  it('passes on a described serving setup', () => {
    assert.equal(outcomeOf('DM-SERVING', section('Deployment', 'Served behind a REST API (FastAPI on Kubernetes).')), 'pass@5');
  });
  it('fails on a placeholder Compute Infrastructure section', () => {
    assert.equal(outcomeOf('DM-SERVING', section('Compute Infrastructure', '[More Information Needed]')), 'fail:warning@3');
  });
});

describe('deployment & monitoring on the example cards', () => {
  it('thorough passes every applicable check on the lines the reviewer cites', async () => {
    const gate = await exampleGate('thorough', 'deployment-monitoring');
    assert.deepEqual(gate.findings, []);
    const lines = Object.fromEntries(gate.evidence.map((item) => [item.checkId, item.line]));
    assert.equal(lines['DM-ROLLOUT-STRATEGY'], 309);
    assert.equal(lines['DM-ONCALL-OWNER'], 337);
    assert.equal(lines['DM-ROLLBACK-PLAN'], 341);
    assert.equal(lines['DM-POST-LAUNCH-REVIEW'], 345);
    assert.equal(lines['DM-RETRAIN-TRIGGER'], 333);
  });

  it('skewed-overfit fails for the big-bang rollout (78), no rollback plan (79) and PSI 0.31 (80)', async () => {
    const gate = await exampleGate('skewed-overfit', 'deployment-monitoring');
    const errors = gate.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}@${finding.line}`);
    assert.deepEqual(errors, ['DM-ROLLOUT-STRATEGY@78', 'DM-DRIFT-PSI@80', 'DM-ROLLBACK-PLAN@79']);
  });

  it('mojibake fails for no drift check (45) and an unstaged rollout (51)', async () => {
    const gate = await exampleGate('mojibake', 'deployment-monitoring');
    const errors = gate.findings.filter((finding) => finding.severity === 'error').map((finding) => `${finding.checkId}@${finding.line}`);
    assert.ok(errors.includes('DM-DRIFT-MEASURE@45'), errors.join());
    assert.ok(errors.includes('DM-ROLLOUT-STRATEGY@51'), errors.join());
    assert.ok(errors.some((error) => error.startsWith('DM-ROLLBACK-PLAN')) && errors.some((error) => error.startsWith('DM-ONCALL-OWNER')));
  });

  it('mediocre passes latency alerting (82) but fails rollout, drift, on-call and rollback', async () => {
    const gate = await exampleGate('mediocre', 'deployment-monitoring');
    assert.equal(gate.evidence.find((item) => item.checkId === 'DM-ALERTING')?.line, 82);
    const errors = new Set(gate.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.checkId));
    assert.deepEqual([...errors].sort(), ['DM-DRIFT-MEASURE', 'DM-ONCALL-OWNER', 'DM-ROLLBACK-PLAN', 'DM-ROLLOUT-STRATEGY']);
  });
});
