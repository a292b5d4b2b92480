import type { CheckDefinition } from './types';

export const featureEngineeringChecks: CheckDefinition[] = [];
