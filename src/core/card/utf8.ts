import { isAscii, isUtf8 } from 'node:buffer';

/** Non-ASCII bytes, as the characters a Latin-1 copy of the bytes shows them as. */
const NON_ASCII_STRETCH = /[\x80-\xff]+/g;

export interface Utf8Text {
  text: string;
  /** False when no two non-ASCII characters are adjacent: then there is no mojibake run to repair. */
  hasNonAsciiRun: boolean;
}

/**
 * The text of UTF-8 bytes as a strict TextDecoder gives it (a leading BOM dropped), or null when the
 * bytes are not UTF-8. V8 decodes UTF-8 holding any non-ASCII byte a character at a time; copying
 * the bytes as Latin-1 and decoding only the non-ASCII stretches (whole sequences, since UTF-8 never
 * puts an ASCII byte inside one) is about twice as fast on cards.
 */
export function decodeUtf8(bytes: Uint8Array): Utf8Text | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return { text: buffer.toString('latin1'), hasNonAsciiRun: false };
  if (!isUtf8(bytes)) return null;
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const latin1 = buffer.toString('latin1', hasBom ? 3 : 0);
  let hasNonAsciiRun = false;
  const text = latin1.replace(NON_ASCII_STRETCH, (stretch: string) => {
    const decoded = Buffer.from(stretch, 'latin1').toString('utf8');
    if (decoded.length > 1) hasNonAsciiRun = true;
    return decoded;
  });
  return { text, hasNonAsciiRun };
}
