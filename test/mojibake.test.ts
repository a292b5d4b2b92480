import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as iconv from 'iconv-lite';
import { repairMojibake } from '../src/core/card/mojibake';

const PAGES = [
  { name: 'Windows-1252', encoding: 'windows-1252' },
  { name: 'Mac Roman', encoding: 'macintosh' },
];
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** The repair spelled out with iconv-lite and a strict TextDecoder: the longest slice (4 to 2 characters) whose code-page bytes are one UTF-8 character. */
function referenceDecodeAt(run: string, start: number): { text: string; consumed: number } | null {
  for (const page of PAGES) {
    for (let length = 4; length >= 2; length--) {
      if (start + length > run.length) continue;
      const bytes: number[] = [];
      for (const char of run.slice(start, start + length)) {
        const code = char.charCodeAt(0);
        const encoded = code >= 0x80 && code <= 0x9f && page.encoding === 'windows-1252' ? [code] : [...iconv.encode(char, page.encoding)];
        if (encoded.length !== 1 || encoded[0] === 0x3f) break;
        bytes.push(encoded[0]);
      }
      if (bytes.length !== length) continue;
      try {
        const decoded = strictUtf8.decode(Uint8Array.from(bytes));
        if ([...decoded].length === 1 && decoded.codePointAt(0)! >= 0x80) return { text: decoded, consumed: length };
      } catch {
        // Not UTF-8 in this code page.
      }
    }
  }
  return null;
}

function referenceRepair(run: string): string {
  let out = '';
  for (let i = 0; i < run.length; ) {
    const hit = referenceDecodeAt(run, i);
    out += hit ? hit.text : run[i];
    i += hit ? hit.consumed : 1;
  }
  return out;
}

const pageCharacters = [...new Set(PAGES.flatMap((page) => Array.from({ length: 128 }, (_, i) => iconv.decode(Buffer.of(0x80 + i), page.encoding))))];
const oddCharacters = ['\u0081', '\u009d', '\ufeff', '\ud83d', '\ude00', 'Ā'];

describe('mojibake repair', () => {
  it('decodes each non-ASCII run as iconv-lite and a strict UTF-8 decoder would', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pageCharacters, ...oddCharacters), { minLength: 2, maxLength: 8 }), (chars) => {
        const run = chars.join('');
        assert.equal(repairMojibake(`a ${run} b`).text, `a ${referenceRepair(run)} b`);
      }),
      { numRuns: 3000 },
    );
  });

  it('restores UTF-8 text mis-decoded through either code page, BOM and surrogates left alone', () => {
    for (const page of PAGES) {
      for (const text of ['café — “quoted” ≥ 5 → ✓ 📊', 'naïve 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ü']) {
        const garbled = iconv.decode(Buffer.from(text, 'utf8'), page.encoding);
        assert.equal(repairMojibake(garbled).text, referenceRepair(garbled));
      }
    }
    const bom = iconv.decode(Buffer.from([0xef, 0xbb, 0xbf]), 'windows-1252');
    assert.equal(repairMojibake(`x${bom}y`).text, `x${bom}y`);
  });
});
