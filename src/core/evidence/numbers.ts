/** A number as a card states it: "2.4M" → 2_400_000, "35%" → 35 (percent), "0.82" → 0.82. */
export interface StatedNumber {
  value: number;
  percent: boolean;
  raw: string;
  /** Offset of the number in the sentence it was read from. */
  index: number;
}

const NUMBER = /(?<![\w.])(-?\d{1,3}(?:,\d{3})+|-?\d+(?:\.\d+)?|-?\.\d+)\s*(%|percent\b|pct\b|k\b|m\b|mm\b|b\b|bn\b|thousand\b|million\b|billion\b)?/gi;

const MULTIPLIERS: Record<string, number> = { k: 1e3, thousand: 1e3, m: 1e6, mm: 1e6, million: 1e6, b: 1e9, bn: 1e9, billion: 1e9 };

export function extractNumbers(sentence: string): StatedNumber[] {
  const numbers: StatedNumber[] = [];
  NUMBER.lastIndex = 0;
  for (let match = NUMBER.exec(sentence); match; match = NUMBER.exec(sentence)) {
    const suffix = (match[2] ?? '').toLowerCase();
    const base = Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(base)) continue;
    const percent = suffix === '%' || suffix === 'percent' || suffix === 'pct';
    numbers.push({ value: percent ? base : base * (MULTIPLIERS[suffix] ?? 1), percent, raw: match[0].trim(), index: match.index });
  }
  return numbers;
}
