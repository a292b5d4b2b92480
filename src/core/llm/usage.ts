import type { TokenUsage } from '../review/types';

export function zeroUsage(): TokenUsage {
  return { promptTokens: 0, cachedTokens: 0, completionTokens: 0 };
}

export function addUsage(total: TokenUsage, more: TokenUsage): void {
  total.promptTokens += more.promptTokens;
  total.cachedTokens += more.cachedTokens;
  total.completionTokens += more.completionTokens;
}
