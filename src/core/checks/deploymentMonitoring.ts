import type { Topic } from '../card/topics';
import type { Evidence, Hit } from '../evidence/evidence';
import { absentOrMissing, documented, quote } from './helpers';
import { fail, pass, skip, type CheckDefinition } from './types';

const DESIGN = 'Gate review design, Gate 7 outputs';
const OPS: readonly Topic[] = ['deployment', 'monitoring'];
/** Where an on-call owner is named: operations sections, or the owners/contact and governance sections. */
/** Where a launch plan is written: operations sections, or risks and limitations. */
const ROLLOUT_TOPICS: readonly Topic[] = ['deployment', 'monitoring', 'limitations', 'governance'];
const OWNERSHIP: readonly Topic[] = ['deployment', 'monitoring', 'contact', 'governance'];

// Searched patterns start every alternative with \b and a literal word, so the evidence word index
// can skip blocks that cannot match (see evidence/prefilter.ts).
const STAGED = /\b(canary|shadow (mode|deployment|traffic|phase|run|launch|scoring|testing)|blue[- ]green|(staged|phased|gradual|progressive) (rollout|roll-out|release|deployment|launch|ramp)|ramp(ed|ing|s)?[- ]up|ramp(ed|ing)? (to|from)|feature flags?|champion[- ]challenger|dark launch)\b/;
/** Staged rollouts written without those words: "5% → 25% → 100%", an A/B test (not indexable; searched only when STAGED fails). */
const STAGED_RAMP = /\d+ ?% ?(→|->|to|then) ?\d+ ?%|\ba\/b test/;
const BIG_BANG = /\b(big[- ]bang|(all|every) (users|customers|traffic|requests|regions|stores|sites|markets|applicants|applications|accounts)[^.;]{0,30}\b(at once|simultaneously)|(100 ?%|all) of (the )?(\w+ )?(traffic|users|customers|requests|applications|applicants|transactions|stores|accounts)[^.;]{0,40}\b(on|from) (day (one|1)|launch day|the first day|go-live|launch)|(single|one) (step|cutover)|hard cut-?over)\b/;
const BIG_BANG_AVOIDED = /\b(avoid\w*|instead of|rather than|not (a|an|do|doing|use|using)|never|prevent\w*|without a)\b/;
const ROLLOUT_MENTION = /\b(roll(ed)?[- ]?outs?|launch(ed|es)?|deploy(ed|ment|ing|s)?|release plan|cut-?over)\b/;
const ROLLOUT_PLAN = /\b((full|national|global|wider) (roll-?out|launch)|(roll-?out|launch) (is |was )?(planned|scheduled|set) for)\b/;

const SERVICE_METRIC = /\b(latency|p50|p9[059]|p99\.9|throughput|requests? per second|req\/s|rps|qps|error rates?|5xx|uptime|availability|saturation)\b/;
const QUALITY_METRIC = /\b(precision|recall|accuracy|auc|f1|wape|mape|smape|rmse|mae|calibration|brier|default[- ]rate|conversion( rate)?|kpis?|business (metrics?|kpis?)|prediction quality|concept drift|backtest\w*|ground[- ]truth|label(l?ed)? (feedback|outcomes|cohorts))\b/;
const MONITOR_CONTEXT = /\b(monitor\w*|track\w*|dashboards?|grafana|prometheus|datadog|cloudwatch|new relic|splunk|observ\w*|alert\w*|over time|daily|weekly|monthly|quarterly|backtest\w*|logged)\b/;
const MONITOR_HEADING = /\b(monitor\w*|observab\w*|metrics|alert\w*|dashboards?|slos?|drift)\b/;

const DRIFT_MEASURE = /(?<![\d.] ?)\bpsi\b|\bpopulation stability|\bks[- ](test|statistic)|\bkolmogorov|\bkl[- ]divergence|\bkullback|\bjensen[- ]shannon|\bjs[- ]divergence|\bwasserstein|\bchi[- ]squared?|\bhellinger|\b(evidently|nannyml|whylabs|whylogs|alibi[- ]detect|deepchecks|arize|fiddler)\b|\bsagemaker model monitor|\bvertex ai model monitoring/;
const DRIFT_WORD = /\b(drift|distribution shift|data shift|covariate shift)\b/;
const PSI = /(?<![\d.] ?)\bpsi\b|\bpopulation stability index\b/;
/** "psi … 0.31": the first decimal within 40 characters of a PSI mention, and what follows it. */
const PSI_VALUE = /\b(?:psi|population stability index)\b([^.;!?\d]{0,40}?)(\d*\.\d+)(?![\d%])([^.;!?]{0,20})/g;
const THRESHOLD_BETWEEN = /[<>≥≤]|\b(above|below|over|under|exceed\w*|greater|less|more than|at least|at most|between|threshold\w*|limits?|bands?|cut-?off|trigger\w*|alert\w*|warn\w*|critical|page|target|reach\w*|hits?|cross\w*|if|when|whenever|rises?|falls?|drops?|max(imum)?|min(imum)?|tolerance|goes)\b/;
const THRESHOLD_BEFORE = /\b(if|when|whenever|once|trigger\w*|threshold\w*)\b[^.;]*$/;
const THRESHOLD_AFTER = /^\s*\)?\s*(warning|critical|band|threshold|alert|limit|trigger|cut-?off|(or|and) (above|higher|more|greater))/;

const ALERT = /\b(alert(s|ing|ed)?\b(?![- ]?rate)|pager ?duty|opsgenie|paged|paging|page (the )?on-call|gets? an (e-mail|email)|(warning|critical|page)\s*:\s*[<>≥≤])/;
const ALERT_THRESHOLD = /[<>≥≤]\s*\d|\b(above|below|exceeds?|over|under|more than|less than|greater than|drops? (below|by)|falls? below|rises? above|threshold)\b[^.;]{0,25}\d/;
const SLO = /\b(slos?|slas?|service[- ]level (objectives?|agreements?|indicators?)|latency (budget|requirement|target|slo|limit)|(p50|p9[059]|p99\.9|median|mean|average) latency (target|requirement|budget|of|<|<=|≤|under|below|within)|(latency|response time|inference)[^.;]{0,30}(under|below|within|<|<=|≤|at most|no more than) \d+(\.\d+)? ?(ms|milliseconds?|s|seconds?)|(availability|uptime) (target|slo|of \d))\b/;
const ONCALL = /\b(on-?call (rotation|owner|team|engineers?|schedule|roster)|pager ?duty|opsgenie|victorops|runbooks?|24\/7|escalation (policy|path|matrix)|(alerts?|pages?) (go|are routed|is routed|are sent|route) to)\b/;
const RETRAIN = /\b(retrain(s|ed|ing)?|refresh(ed)? (the )?model|continuous training)\b/;
const RETRAIN_VAGUE = /\b(when (the team|we|someone) (has|have) time|when it looks off|looks off|as needed|ad[- ]hoc|when needed|if needed|manually when|occasionally|from time to time|when necessary|when required)\b/;
const RETRAIN_METRIC = /\b(trigger\w*|when|if|whenever|once)\b[^.;]{0,60}?\b(psi|drift|recall|precision|accuracy|auc|f1|wape|mape|rmse|error|performance|kpi|degrad\w*)\b[^.;]{0,30}?([<>≥≤]|\b(exceeds?|above|below|drops?|falls?|degrad\w*|crosses|reaches|rises?)\b|\d)/;
const RETRAIN_SCHEDULE = /\b(daily|weekly|nightly|monthly|quarterly|annually|yearly|bi-?weekly|every (\d+ |other )?(day|week|month|quarter|year)s?|each (week|month|quarter|year)|once a (week|month|quarter|year)|on a (fixed )?schedule|scheduled)\b/;
const ROLLBACK = /\b(roll(ed|ing|s)?[- ]?back|previous (model |production )?version|prior version|last known good|fallback (model|version)|switch(es|ed)? (traffic )?back)\b/;
const ROLLBACK_TIME = /\b(\d+(\.\d+)? ?(min(ute)?s?|seconds?|secs?|s|hours?|hrs?|h)|rehears\w*|drill\w*|tested|automated (rollback|roll-back)|auto-?rollback|one[- ]click|instant\w*|immediate\w*)\b/;
const POST_LAUNCH = /\b(post[- ]?(launch|deployment|release|go-?live) (review|assessment|evaluation|retro\w*|check\w*)|launch reviews?|30[,/ -]+60[,/ -]+(and )?90|retrospective)\b/;
const REGISTRY = /\b(model (registry|store|versioning)|registry (id|entry|version|stage)|registered models?|model versions? (are|is) (tracked|stored|kept|registered)|versioned (models?|artifacts?)|(mlflow|sagemaker|vertex ai|azure ml|databricks|unity catalog|wandb|neptune|dvc)[^.;]{0,20}\b(registry|registered))\b/;
const CICD = /\b(ci\/cd|cicd|continuous (integration|delivery|deployment|training)|pipelines?|github actions|gitlab ci|jenkins|argo ?cd|azure devops|tekton|kubeflow)\b/;
/** A bare "pipeline" counts only when it builds, tests or ships the model. */
const PIPELINE_PURPOSE = /\b(ci|cd|deploy\w*|releas\w*|promot\w*|train\w*|retrain\w*|build\w*|test\w*|gates?)\b/;
const SERVING = /\b(serv(ed|ing) (via|behind|as|on|from|through|in)|serving (infrastructure|stack|endpoint|layer|container|pods?)|rest api|grpc|(inference|prediction|scoring) (endpoint|service|api)|kubernetes|k8s|sagemaker endpoint|vertex ai endpoint|azure ml (online )?endpoint|batch (job|scoring|inference|scorer|predictions?)|real-time (scoring|inference|api|serving)|online (inference|serving|scoring)|edge (inference|devices?)|serverless|docker|containers?|fastapi|flask|triton|torchserve|kserve|seldon|bentoml|ray serve|airflow)\b/;

function lower(hit: Hit): string {
  return hit.sentence.toLowerCase();
}


/** The hit is about live monitoring: it says so, or it sits under a monitoring/metrics/alerting heading. */
function monitoringContext(evidence: Evidence, hit: Hit): boolean {
  if (MONITOR_CONTEXT.test(lower(hit))) return true;
  const section = evidence.sectionOf(hit.block);
  return section !== undefined && MONITOR_HEADING.test(section.title.toLowerCase());
}

/** The hit sits under a deployment or monitoring heading. */
function operationalSection(evidence: Evidence, hit: Hit): boolean {
  const section = evidence.sectionOf(hit.block);
  return section !== undefined && section.topics.some((topic) => OPS.includes(topic));
}

/** The hit is about operations: under a deployment/monitoring heading or in a monitoring sentence. */
function operational(evidence: Evidence, hit: Hit): boolean {
  return operationalSection(evidence, hit) || MONITOR_CONTEXT.test(lower(hit));
}

interface PsiReading {
  value: number;
  raw: string;
  hit: Hit;
}

/** PSI values the card reports as observed (not alert thresholds or bands), in card order. */
function observedPsi(hits: readonly Hit[]): PsiReading[] {
  const readings: PsiReading[] = [];
  for (const hit of hits) {
    const sentence = lower(hit);
    PSI_VALUE.lastIndex = 0;
    for (let match = PSI_VALUE.exec(sentence); match; match = PSI_VALUE.exec(sentence)) {
      const [, between, raw, after] = match;
      if (THRESHOLD_BETWEEN.test(between) || THRESHOLD_AFTER.test(after) || THRESHOLD_BEFORE.test(sentence.slice(0, match.index))) continue;
      const value = Number(raw);
      if (Number.isFinite(value) && value >= 0 && value <= 10) readings.push({ value, raw, hit });
    }
  }
  // One reading per PSI mention: a sentence with two mentions is found twice.
  const seen = new Set<string>();
  return readings.filter((reading) => {
    const key = `${reading.hit.line}\u0000${reading.hit.sentence}\u0000${reading.raw}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A big-bang rollout the sentence affirms, not one it says was avoided ("instead of a big-bang launch"). */
function statesBigBang(hit: Hit): boolean {
  if (hit.negated) return false;
  const sentence = lower(hit);
  const at = sentence.indexOf(hit.match);
  return !BIG_BANG_AVOIDED.test(at >= 0 ? sentence.slice(0, at) : sentence);
}

/** Gate 7 — Deployment & Monitoring: can the model be released safely, watched, and pulled back? */
export const deploymentMonitoringChecks: CheckDefinition[] = [
  {
    id: 'DM-ROLLOUT-STRATEGY',
    gate: 'deployment-monitoring',
    title: 'Staged rollout, not big-bang',
    description: 'A staged rollout (shadow, canary, gradual ramp) limits how many decisions a bad model can make before anyone notices.',
    severity: 'error',
    source: `${DESIGN} (rollout strategy: staging, canary, gradual); failure mode "no rollout strategy (big-bang deployment)"; Production Deployment Stages (canary 5%, ramp 5%→25%→50%→100%); ML Test Score, Infra 6 (models are canaried before serving)`,
    mitigation: 'Plan a staged rollout: shadow mode, then a 5% canary, then 25% → 50% → 100% with promotion criteria at each step.',
    run: ({ evidence }) => {
      const bigBang = evidence.findWhere(BIG_BANG, statesBigBang, { topics: ROLLOUT_TOPICS });
      if (bigBang) return fail(`The rollout is big-bang, with no shadow or canary phase to catch problems: "${quote(bigBang)}".`, bigBang.line, { endLine: bigBang.endLine });
      const staged = evidence.find(STAGED) ?? evidence.find(STAGED_RAMP);
      if (staged) return pass(staged.line);
      const absence = evidence.findAbsence(STAGED);
      if (absence) return fail(`No staged rollout is planned: "${quote(absence)}".`, absence.line, { endLine: absence.endLine });
      const mention = evidence.find(ROLLOUT_MENTION, { topics: OPS }) ?? evidence.find(ROLLOUT_PLAN);
      if (mention) return fail(`The card describes the deployment but no staged rollout (shadow, canary, gradual ramp): "${quote(mention)}".`, mention.line, { endLine: mention.endLine });
      return fail('No rollout strategy is documented.', evidence.anchor('deployment', 'monitoring'));
    },
  },
  {
    id: 'DM-MONITOR-SERVICE',
    gate: 'deployment-monitoring',
    title: 'Latency, throughput and errors monitored',
    description: 'Operational metrics are the first signal that the model or its serving stack is failing.',
    severity: 'warning',
    source: `${DESIGN} (monitoring metrics: latency p50/p95/p99, throughput); ML Test Score, Monitor 6 (no regression in serving latency, throughput or RAM)`,
    mitigation: 'Monitor p50/p95/p99 latency, throughput and error rate on a dashboard fed from the serving stack.',
    run: ({ evidence }) => {
      const hit = evidence.findWhere(SERVICE_METRIC, (candidate) => !candidate.negated && monitoringContext(evidence, candidate), { topics: OPS });
      if (hit) return pass(hit.line);
      return absentOrMissing(evidence.findAbsence(SERVICE_METRIC, { topics: OPS }), `Service metrics are not monitored: `, 'No monitoring of latency, throughput or error rate is documented.', evidence.anchor('monitoring', 'deployment'));
    },
  },
  {
    id: 'DM-MONITOR-QUALITY',
    gate: 'deployment-monitoring',
    title: 'Prediction quality tracked over time',
    description: 'A model can stay fast and available while its predictions quietly get worse; only outcome tracking shows it.',
    severity: 'warning',
    source: `${DESIGN} (monitoring metrics: concept drift, model accuracy over time, business KPIs); ML Test Score, Monitor 7 (no regression in prediction quality on served data)`,
    mitigation: 'Track the evaluation metric and the business KPI on labelled production outcomes over time, with the label delay stated.',
    run: ({ evidence }) => {
      const hit = evidence.findWhere(QUALITY_METRIC, (candidate) => !candidate.negated && monitoringContext(evidence, candidate), { topics: OPS });
      if (hit) return pass(hit.line);
      return fail('Prediction quality (accuracy, precision/recall or the business KPI) is not tracked in production.', evidence.anchor('monitoring', 'deployment'));
    },
  },
  {
    id: 'DM-DRIFT-MEASURE',
    gate: 'deployment-monitoring',
    title: 'Drift measured with a named statistic',
    description: 'Drift that is not measured with a defined statistic (PSI, KS) is only noticed after the KPIs drop.',
    severity: 'error',
    source: `${DESIGN} (monitoring metrics: data drift with PSI or KL divergence, feature drift); failure mode "no drift detection or retraining plan"; ML Test Score, Monitor 2 (data invariants hold in training and serving inputs)`,
    mitigation: 'Monitor per-feature drift with a named statistic (PSI with 0.1/0.25 bands, or a KS test) against the training reference, on a fixed schedule.',
    run: ({ evidence }) => {
      const hit =
        evidence.find(DRIFT_MEASURE, { topics: OPS }) ?? evidence.findWhere(DRIFT_MEASURE, (candidate) => !candidate.negated && operational(evidence, candidate));
      if (hit) return pass(hit.line);
      const vague = evidence.findWhere(DRIFT_WORD, (candidate) => !candidate.negated && operational(evidence, candidate));
      // Monitoring that exists but names no statistic is a gap to close, not a missing control.
      if (vague) return fail(`Drift monitoring is mentioned but names no statistic or threshold (PSI, KS): "${quote(vague)}".`, vague.line, { endLine: vague.endLine, severity: 'warning' });
      return absentOrMissing(evidence.findAbsence(DRIFT_WORD) ?? evidence.findAbsence(DRIFT_MEASURE), `Drift is not monitored: `, 'No drift detection (PSI, KS or another named statistic) is documented.', evidence.anchor('monitoring', 'deployment'));
    },
  },
  {
    id: 'DM-DRIFT-PSI',
    gate: 'deployment-monitoring',
    title: 'Reported PSI within bands',
    description: 'A PSI of 0.25 or more means the population the model scores has shifted significantly from the one it learned.',
    severity: 'error',
    source: 'ML workflows PRD, drift severity bands (PSI < 0.1 none, 0.1-0.25 moderate, >= 0.25 significant: action required); gate review design, Gate 7 outputs (data drift: PSI)',
    mitigation: 'Investigate the drifted features, retrain or recalibrate on recent data, and hold the release until PSI is back under 0.25 (under 0.1 for a clean pass).',
    run: ({ evidence }) => {
      const all = evidence.findAll(PSI);
      const inOps = observedPsi(all.filter((hit) => operationalSection(evidence, hit)));
      const readings = inOps.length > 0 ? inOps : observedPsi(all);
      if (readings.length === 0) return skip();
      const worst = readings.reduce((a, b) => (b.value > a.value ? b : a));
      if (worst.value >= 0.25) {
        return fail(`PSI ${worst.raw} is at or above 0.25, significant drift that requires action: "${quote(worst.hit)}".`, worst.hit.line, { endLine: worst.hit.endLine });
      }
      if (worst.value >= 0.1) {
        return fail(`PSI ${worst.raw} is in the 0.1-0.25 moderate-drift band: "${quote(worst.hit)}".`, worst.hit.line, { endLine: worst.hit.endLine, severity: 'warning' });
      }
      return pass(worst.hit.line);
    },
  },
  {
    id: 'DM-ALERTING',
    gate: 'deployment-monitoring',
    title: 'Alerts with thresholds',
    description: 'Monitoring nobody is alerted on is a dashboard, not a control; an alert without a threshold never fires predictably.',
    severity: 'error',
    source: `${DESIGN} (alert thresholds and SLOs); failure mode "no alerting or on-call ownership"; ML Test Score, monitoring tests (Monitor 1-7)`,
    mitigation: 'Define alerts with numeric thresholds on latency, error rate, drift (PSI) and prediction quality, and route them to the on-call owner.',
    run: ({ evidence }) => {
      const alerts = evidence.findAll(ALERT, { topics: OPS }).filter((hit) => !hit.negated);
      if (alerts.length === 0) {
        return absentOrMissing(evidence.findAbsence(ALERT), `No alerting is in place: `, 'No alerting is documented.', evidence.anchor('monitoring', 'deployment'));
      }
      const withThreshold = alerts.find((hit) => ALERT_THRESHOLD.test(lower(hit)));
      if (withThreshold) return pass(withThreshold.line);
      return fail(`Alerts are mentioned but have no numeric thresholds: "${quote(alerts[0])}".`, alerts[0].line, { endLine: alerts[0].endLine, severity: 'warning' });
    },
  },
  {
    id: 'DM-SLO',
    gate: 'deployment-monitoring',
    title: 'SLOs and latency requirement',
    description: 'An SLO turns "the model is slow" into a measurable breach with an agreed response.',
    severity: 'warning',
    source: `${DESIGN} (alert thresholds and SLOs; Full Production stage "meets SLOs"); ML Test Score, Monitor 6 (serving latency)`,
    mitigation: 'State the serving SLOs: latency target (e.g. p99 ≤ 25 ms), availability and the error budget.',
    run: (context) =>
      documented(context, {
        pattern: SLO,
        missing: 'No SLO or latency requirement is stated.',
        anchor: ['monitoring', 'deployment'],
      }),
  },
  {
    id: 'DM-ONCALL-OWNER',
    gate: 'deployment-monitoring',
    title: 'On-call owner',
    description: 'An alert at 3 a.m. needs a named rotation that owns the response, with a runbook.',
    severity: 'error',
    source: `${DESIGN} (on-call ownership); failure mode "no alerting or on-call ownership"; NIST AI RMF GOVERN 2.1 (roles and responsibilities), MANAGE 4.1 (post-deployment monitoring plans)`,
    mitigation: 'Name the on-call rotation that owns model alerts (pager schedule, escalation path) and link its runbook.',
    run: (context) =>
      documented(context, {
        pattern: ONCALL,
        topics: OWNERSHIP,
        missing: 'No on-call owner (rotation, pager schedule or runbook) is named for the model in production.',
        anchor: ['monitoring', 'deployment'],
      }),
  },
  {
    id: 'DM-RETRAIN-TRIGGER',
    gate: 'deployment-monitoring',
    title: 'Retraining triggers defined',
    description: 'Without a defined trigger, retraining happens when someone notices, which is after the damage.',
    severity: 'warning',
    source: `${DESIGN} (retraining triggers); failure mode "no drift detection or retraining plan"; ML workflows PRD retraining decision (drift level × performance drop); MLOps improvements plan (threshold, performance and scheduled triggers); ML Test Score, Monitor 4 (models are not too stale)`,
    mitigation: 'Define retraining triggers: a schedule and/or metric thresholds (e.g. PSI ≥ 0.25 on a key feature, recall below target for two weeks).',
    run: ({ evidence }) => {
      const mentions = evidence.findAll(RETRAIN);
      const affirmed = mentions.filter((hit) => !hit.negated);
      let scheduled: Hit | undefined;
      let vague: Hit | undefined;
      for (const hit of affirmed) {
        const sentence = lower(hit);
        if (RETRAIN_VAGUE.test(sentence)) vague ??= hit;
        else if (RETRAIN_METRIC.test(sentence)) return pass(hit.line);
        else if (RETRAIN_SCHEDULE.test(sentence)) scheduled ??= hit;
      }
      if (scheduled) return pass(scheduled.line);
      if (vague) return fail(`Retraining has no defined trigger: "${quote(vague)}".`, vague.line, { endLine: vague.endLine });
      return absentOrMissing(mentions.find((hit) => hit.absent), `No retraining plan is in place: `, 'No retraining trigger (schedule or drift/performance threshold) is defined.', evidence.anchor('monitoring', 'deployment'));
    },
  },
  {
    id: 'DM-ROLLBACK-PLAN',
    gate: 'deployment-monitoring',
    title: 'Rollback plan',
    description: 'When the new model misbehaves, the only safe move is back to the previous one; that must be possible before launch.',
    severity: 'error',
    source: `${DESIGN} (rollout strategy); failure mode "no rollback plan"; NIST AI RMF MANAGE 2.4 (mechanisms to supersede, disengage or deactivate AI systems); ML Test Score, Infra 7 (serving models can be rolled back)`,
    mitigation: 'Keep the previous model version deployable (registry + flag or traffic switch) and document the rollback procedure, criteria and owner.',
    run: (context) =>
      documented(context, {
        pattern: ROLLBACK,
        missing: 'No rollback plan is documented.',
        anchor: ['deployment', 'monitoring'],
      }),
  },
  {
    id: 'DM-ROLLBACK-TIME',
    gate: 'deployment-monitoring',
    title: 'Rollback time known',
    description: 'A rollback that has never been timed or rehearsed may take hours when minutes matter.',
    severity: 'warning',
    source: `${DESIGN} (rollback plan); ML Test Score, Infra 7 (serving models can be rolled back, and the procedure is tested)`,
    mitigation: 'State how long a rollback takes (e.g. under 15 minutes via a feature flag) and rehearse it in staging before launch.',
    run: ({ evidence }) => {
      const plans = evidence.findAll(ROLLBACK).filter((hit) => !hit.negated);
      if (plans.length === 0) return skip();
      const timed = plans.find((hit) => ROLLBACK_TIME.test(lower(hit)));
      if (timed) return pass(timed.line);
      return fail(`The rollback plan gives no time to roll back and no rehearsal: "${quote(plans[0])}".`, plans[0].line, { endLine: plans[0].endLine });
    },
  },
  {
    id: 'DM-POST-LAUNCH-REVIEW',
    gate: 'deployment-monitoring',
    title: 'Post-launch review planned',
    description: 'A dated review of KPIs against the baseline is how a team learns whether the launch paid off.',
    severity: 'warning',
    source: `${DESIGN} (post-launch success review plan; post-review action "post-launch review date set (30/60/90 days)")`,
    mitigation: 'Schedule post-launch reviews (30/60/90 days) comparing KPIs with the baseline, with the stakeholders who signed off.',
    run: (context) =>
      documented(context, {
        pattern: POST_LAUNCH,
        missing: 'No post-launch review (e.g. at 30/60/90 days) is planned.',
        anchor: ['deployment', 'monitoring'],
      }),
  },
  {
    id: 'DM-MODEL-REGISTRY',
    gate: 'deployment-monitoring',
    title: 'Model registry and versioning',
    description: 'Without a registry nobody can say which model is in production or roll back to the previous one.',
    severity: 'warning',
    source: `${DESIGN} (MLOps maturity level 2); MLOps improvements plan (model registry: "what model is in production?", "can we rollback?"); ML Test Score, Infra 7 (serving models can be rolled back)`,
    mitigation: 'Register every model version (e.g. MLflow, SageMaker or Vertex AI model registry) with its lineage and stage.',
    run: (context) =>
      documented(context, {
        pattern: REGISTRY,
        missing: 'No model registry or versioning of model artifacts is documented.',
        anchor: ['deployment', 'model-details'],
      }),
  },
  {
    id: 'DM-CICD',
    gate: 'deployment-monitoring',
    title: 'CI/CD for models',
    description: 'An automated pipeline makes every release pass the same tests and gates, and makes rollback and retraining repeatable.',
    severity: 'info',
    source: `${DESIGN} (MLOps maturity level 2: CI/CD for models); ML Test Score, Infra 3 (full ML pipeline integration-tested) and Infra 4 (model quality validated before serving)`,
    mitigation: 'Run training, validation gates and deployment from a CI/CD pipeline so every model version is built and promoted the same way.',
    run: ({ evidence }) => {
      const hit = evidence.findWhere(CICD, (candidate) => !candidate.negated && (!candidate.match.startsWith('pipeline') || PIPELINE_PURPOSE.test(lower(candidate))));
      return hit ? pass(hit.line) : fail('No CI/CD pipeline for the model is described.', evidence.anchor('deployment'));
    },
  },
  {
    id: 'DM-SERVING',
    gate: 'deployment-monitoring',
    title: 'Serving infrastructure described',
    description: 'How the model is served (batch, real-time, edge) decides which monitoring, scaling and rollback controls apply.',
    severity: 'warning',
    source: `${DESIGN} (pre-review: production environment architecture documented); Hugging Face model card template (Technical Specifications: Compute Infrastructure)`,
    mitigation: 'Describe the serving setup: batch or real-time, the platform (e.g. Kubernetes, SageMaker endpoint), scaling and its latency budget.',
    run: (context) =>
      documented(context, {
        pattern: SERVING,
        missing: 'The serving infrastructure (batch or real-time, platform) is not described.',
        anchor: ['deployment'],
      }),
  },
];
