import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { decodeUtf8 } from '../src/core/card/utf8';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

function reference(bytes: Uint8Array): string | null {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return null;
  }
}

const piece = fc.oneof(
  fc.constantFrom('a', '\n', 'é', '€', '😀', '\ufeff', 'Ã©', 'â€™', ' ').map((text) => [...Buffer.from(text, 'utf8')]),
  fc.constantFrom([0xef, 0xbb, 0xbf], [0xc3], [0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xc0, 0xaf]),
);

describe('UTF-8 decoding', () => {
  it('gives what a strict TextDecoder gives (BOM dropped, invalid bytes refused), and never misses adjacent non-ASCII characters', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat());
        const expected = reference(bytes);
        const decoded = decodeUtf8(bytes);
        assert.equal(decoded?.text ?? null, expected);
        // hasNonAsciiRun may err on the side of a mojibake scan, never skip one.
        if (decoded && !decoded.hasNonAsciiRun) assert.ok(!/[^\x00-\x7f]{2}/.test(expected!));
      }),
      { numRuns: 3000 },
    );
  });
});
