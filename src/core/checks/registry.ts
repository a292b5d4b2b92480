import { GATES, type GateId } from '../gates';
import { dataReadinessChecks } from './dataReadiness';
import { deploymentMonitoringChecks } from './deploymentMonitoring';
import { featureEngineeringChecks } from './featureEngineering';
import { modelPerformanceChecks } from './modelPerformance';
import { problemFramingChecks } from './problemFraming';
import { responsibleAiChecks } from './responsibleAi';
import { securityRobustnessChecks } from './securityRobustness';
import type { CheckDefinition } from './types';

/** Every check, in gate order and, within a gate, in the order findings are reported. */
export const CHECKS: readonly CheckDefinition[] = [
  ...problemFramingChecks,
  ...dataReadinessChecks,
  ...featureEngineeringChecks,
  ...modelPerformanceChecks,
  ...responsibleAiChecks,
  ...securityRobustnessChecks,
  ...deploymentMonitoringChecks,
];

const BY_GATE = new Map<GateId, readonly CheckDefinition[]>(GATES.map((gate) => [gate.id, CHECKS.filter((check) => check.gate === gate.id)]));

export function checksOfGate(gate: GateId): readonly CheckDefinition[] {
  return BY_GATE.get(gate) ?? [];
}

export function checkById(id: string): CheckDefinition | undefined {
  return CHECKS.find((check) => check.id === id);
}

/** Registry invariants; a violation is a programming error caught at first use and by the tests. */
export function validateRegistry(checks: readonly CheckDefinition[] = CHECKS): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  let lastGate = 0;
  for (const check of checks) {
    if (seen.has(check.id)) problems.push(`duplicate check id ${check.id}`);
    seen.add(check.id);
    if (!/^[A-Z]{2}-[A-Z0-9]+(-[A-Z0-9]+)*$/.test(check.id)) problems.push(`check id ${check.id} is not of the form XX-SUBJECT-CRITERION`);
    const gateNumber = GATES.find((gate) => gate.id === check.gate)?.number ?? 0;
    if (gateNumber < lastGate) problems.push(`check ${check.id} is out of gate order`);
    lastGate = gateNumber;
    for (const field of ['title', 'description', 'source', 'mitigation'] as const) if (!check[field].trim()) problems.push(`check ${check.id} has no ${field}`);
  }
  return problems;
}
