import type { CheckDefinition } from './types';

export const dataReadinessChecks: CheckDefinition[] = [];
