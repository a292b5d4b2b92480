/** Offsets at which each line of the text starts (line 1 at offset 0). */
export function lineStartOffsets(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** Index of the last start at or before the offset, in an ascending list of starts (binary search). */
export function indexAtOffset(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (starts[mid] <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** 1-based line of an offset, given the text's line starts. */
export function lineAtOffset(lineStarts: readonly number[], offset: number): number {
  return indexAtOffset(lineStarts, offset) + 1;
}
