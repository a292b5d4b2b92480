import { isAscii, isUtf8 } from 'node:buffer';

/** Non-ASCII bytes, as the characters a Latin-1 copy of the bytes shows them as. */
const NON_ASCII_STRETCH = /[\x80-\xff]+/g;
/** Past about one non-ASCII stretch per 512 bytes (so far), decoding them one by one costs more than it saves. */
const BYTES_PER_STRETCH = 512;

export interface Utf8Text {
  text: string;
  /** False when no two non-ASCII characters are known to be adjacent: then there is no mojibake run to repair. */
  hasNonAsciiRun: boolean;
}

/** The text of UTF-8 bytes as a strict TextDecoder gives it (a leading BOM dropped), or null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): Utf8Text | null {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isAscii(bytes)) return { text: buffer.toString('latin1'), hasNonAsciiRun: false };
  if (!isUtf8(bytes)) return null;
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return decodeSparse(buffer, start) ?? { text: buffer.toString('utf8', start), hasNonAsciiRun: true };
}

/**
 * Mostly-ASCII UTF-8, which V8 would decode a character at a time into a two-byte string: the bytes
 * copied as Latin-1 and only the non-ASCII stretches decoded (whole sequences, since UTF-8 never puts
 * an ASCII byte inside one). Null as soon as the stretches are too dense for that to pay.
 */
function decodeSparse(buffer: Buffer, start: number): Utf8Text | null {
  const latin1 = buffer.toString('latin1', start);
  let text = '';
  let copied = 0;
  let stretches = 0;
  let hasNonAsciiRun = false;
  NON_ASCII_STRETCH.lastIndex = 0;
  for (let match = NON_ASCII_STRETCH.exec(latin1); match !== null; match = NON_ASCII_STRETCH.exec(latin1)) {
    if (++stretches > 1 + match.index / BYTES_PER_STRETCH) return null;
    const end = match.index + match[0].length;
    const decoded = buffer.toString('utf8', start + match.index, start + end);
    hasNonAsciiRun ||= decoded.length > 1;
    text += latin1.slice(copied, match.index) + decoded;
    copied = end;
  }
  return { text: text + latin1.slice(copied), hasNonAsciiRun };
}
