import type { CheckDefinition } from './types';

export const deploymentMonitoringChecks: CheckDefinition[] = [];
