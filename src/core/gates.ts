/** The seven review gates, in the order they run. Ids are stable: reports, settings and tools rely on them. */
export const GATES = [
  { id: 'problem-framing', number: 1, title: 'Problem Framing / KPIs', shortTitle: 'Problem Framing', emoji: '🎯', owner: 'Product owner', subject: 'the business objective, KPIs and success criteria' },
  { id: 'data-readiness', number: 2, title: 'Data Readiness', shortTitle: 'Data Readiness', emoji: '📊', owner: 'Data engineer', subject: 'the data sources, volume, quality and drift risks' },
  { id: 'feature-engineering', number: 3, title: 'Feature Engineering', shortTitle: 'Feature Engineering', emoji: '🧱', owner: 'ML engineer', subject: 'the features, transformations and leakage risks' },
  { id: 'model-performance', number: 4, title: 'Model Performance', shortTitle: 'Model Performance', emoji: '📈', owner: 'Data scientist', subject: 'the evaluation metrics, validation strategy and generalization' },
  { id: 'responsible-ai', number: 5, title: 'Responsible AI / Fairness', shortTitle: 'Responsible AI', emoji: '⚖️', owner: 'Responsible AI lead', subject: 'sensitive attributes, harms, fairness metrics and governance' },
  { id: 'security-robustness', number: 6, title: 'Security & Robustness', shortTitle: 'Security', emoji: '🛡️', owner: 'Security engineer', subject: 'the threat model, supply chain, artifact integrity and secrets' },
  { id: 'deployment-monitoring', number: 7, title: 'Deployment & Monitoring', shortTitle: 'Deployment', emoji: '🚀', owner: 'MLOps / SRE', subject: 'the rollout, monitoring, alerting, ownership and rollback' },
] as const;

export type Gate = (typeof GATES)[number];
export type GateId = Gate['id'];

export const GATE_IDS: readonly GateId[] = GATES.map((gate) => gate.id);

export function gateById(id: GateId): Gate {
  const gate = GATES.find((candidate) => candidate.id === id);
  if (!gate) throw new Error(`unknown gate ${id}`);
  return gate;
}
