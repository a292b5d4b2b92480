import type { Evidence } from '../evidence/evidence';
import type { MaturityAssessment } from './types';

/** MLOps maturity levels of the review design; each level needs the evidence of the ones below it. */
const LEVELS = [
  { level: 1, label: 'Automated training', signal: /\b(training pipelines?|automated training|scheduled (re)?training|airflow|kubeflow|vertex ai pipelines|sagemaker pipelines|azure ml pipelines?|mlflow|experiment tracking|weights (&|and) biases|wandb|dvc|metaflow|dagster|prefect)\b/ },
  { level: 2, label: 'Automated deployment', signal: /\b(ci\/cd|continuous (delivery|deployment|integration)|model registry|automated (deployment|release)|deployment pipelines?|canary|blue[- ]green|shadow (mode|deployment|traffic)|github actions|azure devops|argo ?cd|seldon|kserve)\b/ },
  { level: 3, label: 'Full MLOps', signal: /\b(automated retraining|auto[- ]?retrain\w*|retraining (is )?(triggered|automated|pipeline)|retraining triggers?|continuous training)\b/ },
] as const;

const LEVEL_0 = 'Manual';

export function assessMaturity(evidence: Evidence): MaturityAssessment {
  const signals: string[] = [];
  let level: MaturityAssessment['level'] = 0;
  let label = LEVEL_0;
  for (const step of LEVELS) {
    const hit = evidence.find(step.signal);
    if (!hit) break;
    level = step.level;
    label = step.label;
    signals.push(`${step.label}: "${hit.match}" (line ${hit.line})`);
  }
  return { level, label, signals };
}
