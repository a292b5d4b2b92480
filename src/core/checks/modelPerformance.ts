import type { CheckDefinition } from './types';

export const modelPerformanceChecks: CheckDefinition[] = [];
