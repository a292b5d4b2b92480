import type { CheckDefinition } from './types';

export const securityRobustnessChecks: CheckDefinition[] = [];
