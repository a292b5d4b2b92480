import type { CheckDefinition } from './types';

export const responsibleAiChecks: CheckDefinition[] = [];
