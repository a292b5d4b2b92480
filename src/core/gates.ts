/** The seven review gates, in the order they run. Ids are stable: reports, settings and tools rely on them. */
export const GATES = [
  { id: 'problem-framing', number: 1, title: 'Problem Framing / KPIs', shortTitle: 'Problem Framing', emoji: '🎯', owner: 'Product owner', subject: 'the business objective, KPIs and success criteria', residualRisk: 'KPIs drift away from the business goal after launch.', residualMitigation: 'Check the KPIs against business outcomes at the 30/60/90-day post-launch reviews.' },
  { id: 'data-readiness', number: 2, title: 'Data Readiness', shortTitle: 'Data Readiness', emoji: '📊', owner: 'Data engineer', subject: 'the data sources, volume, quality and drift risks', residualRisk: 'Production data drifts away from the training data.', residualMitigation: 'Keep schema and drift checks on the production feed and refresh the data on the documented cadence.' },
  { id: 'feature-engineering', number: 3, title: 'Feature Engineering', shortTitle: 'Feature Engineering', emoji: '🧱', owner: 'ML engineer', subject: 'the features, transformations and leakage risks', residualRisk: 'Training/serving skew creeps into the feature pipelines.', residualMitigation: 'Keep one feature definition for training and serving and test their parity in CI.' },
  { id: 'model-performance', number: 4, title: 'Model Performance', shortTitle: 'Model Performance', emoji: '📈', owner: 'Data scientist', subject: 'the evaluation metrics, validation strategy and generalization', residualRisk: 'Offline metrics overstate production performance.', residualMitigation: 'Compare online KPIs with the offline metrics during the canary and at post-launch reviews.' },
  { id: 'responsible-ai', number: 5, title: 'Responsible AI / Fairness', shortTitle: 'Responsible AI', emoji: '⚖️', owner: 'Responsible AI lead', subject: 'sensitive attributes, harms, fairness metrics and governance', residualRisk: 'Fairness degrades as the population shifts.', residualMitigation: 'Monitor fairness metrics per group in production and re-audit at each retraining.' },
  { id: 'security-robustness', number: 6, title: 'Security & Robustness', shortTitle: 'Security', emoji: '🛡️', owner: 'Security engineer', subject: 'the threat model, supply chain, artifact integrity and secrets', residualRisk: 'New attack techniques and dependency vulnerabilities appear after release.', residualMitigation: 'Re-run adversarial tests and dependency scans at each release.' },
  { id: 'deployment-monitoring', number: 7, title: 'Deployment & Monitoring', shortTitle: 'Deployment', emoji: '🚀', owner: 'MLOps / SRE', subject: 'the rollout, monitoring, alerting, ownership and rollback', residualRisk: 'Alerts and the rollback path go untested until an incident.', residualMitigation: 'Rehearse the rollback and review alert thresholds after launch.' },
] as const;

export type Gate = (typeof GATES)[number];
export type GateId = Gate['id'];

export const GATE_IDS: readonly GateId[] = GATES.map((gate) => gate.id);

export function gateById(id: GateId): Gate {
  const gate = GATES.find((candidate) => candidate.id === id);
  if (!gate) throw new Error(`unknown gate ${id}`);
  return gate;
}
