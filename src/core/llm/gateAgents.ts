import type { GateId } from '../gates';

/** What each gate agent focuses on, must cover and knows to fail (from the gate review design). */
export interface GateAgentBrief {
  focus: string;
  outputs: readonly string[];
  failureModes: readonly string[];
}

export const GATE_AGENTS: Readonly<Record<GateId, GateAgentBrief>> = {
  'problem-framing': {
    focus: 'Business objective clarity and success criteria.',
    outputs: ['Business objectives and strategic alignment', 'KPIs and target metrics', 'Success criteria and acceptance thresholds', 'Scope boundaries (in-scope, out-of-scope)', 'Assumptions and open clarifications'],
    failureModes: ['Vague business objectives, unclear KPIs', 'Success criteria not measurable', 'Scope creep, unrealistic expectations'],
  },
  'data-readiness': {
    focus: 'Data sources, quality and drift risk.',
    outputs: ['Data sources and ownership', 'Volume, freshness and completeness', 'Quality issues and labeling accuracy', 'Bias and coverage gaps', 'Drift risks and mitigation strategies'],
    failureModes: ['Insufficient training data volume (fewer than 10K samples per class)', 'Severe class imbalance (99%+ skew, a class under 5%)', 'High missingness (over 10% in key features is a gap, over 30% a blocker)', 'Data older than 6 months in a time-sensitive domain', 'No labeling quality control process'],
  },
  'feature-engineering': {
    focus: 'Feature sets, transformations and leakage.',
    outputs: ['Key feature groups and lineage', 'Transformations and preprocessing', 'Potential data leakage risks', 'Missingness handling strategies', 'Feature importance expectations'],
    failureModes: ['Data leakage (future information in features)', 'Target leakage (a proxy for the target in features)', 'Unclear feature transformations', 'No feature importance analysis'],
  },
  'model-performance': {
    focus: 'Metrics against the KPIs, and generalization.',
    outputs: ['Candidate algorithms and architectures', 'Evaluation metrics aligned to KPIs', 'Validation strategy (cross-validation, holdout)', 'Generalization and overfitting risks', 'Error analysis priorities', 'Improvement levers'],
    failureModes: ["Metrics don't align to KPIs", 'Overfitting (train/validation gap over 10%)', 'No validation strategy (a single train/test split)', 'No error analysis or failure-mode understanding'],
  },
  'responsible-ai': {
    focus: 'Bias risks and harm scenarios.',
    outputs: ['Sensitive attributes (if any)', 'Potential harm scenarios', 'Fairness metrics needed', 'Bias detection plan', 'Mitigation strategies', 'Governance and review requirements'],
    failureModes: ['No fairness assessment for sensitive groups', 'Unmitigated bias in training data (disparate impact under 0.8)', 'Potential harm scenarios not identified', 'No governance or review process'],
  },
  'security-robustness': {
    focus: 'Threat model and adversarial risks.',
    outputs: ['Threat model (evasion, poisoning)', 'Supply chain risks (model artifacts, dependencies)', 'Model and artifact integrity controls', 'Credential and secret safeguards', 'Runtime abuse scenarios', 'Hardening actions'],
    failureModes: ['No threat model or adversarial assessment', 'Model artifacts not integrity-checked', 'Secrets hard-coded in code or in the card', 'No input validation or sanitization'],
  },
  'deployment-monitoring': {
    focus: 'Rollout, observability and drift.',
    outputs: ['Rollout strategy (staging, canary, gradual)', 'Monitoring metrics (latency, drift, quality)', 'Alert thresholds and SLOs', 'Retraining triggers', 'On-call ownership', 'Post-launch success review plan'],
    failureModes: ['No rollout strategy (big-bang deployment)', 'No drift detection (PSI/KS; PSI 0.1–0.25 is a warning band, 0.25+ a blocker) or retraining plan', 'No alerting or on-call ownership', 'No rollback plan'],
  },
};
