import * as iconv from 'iconv-lite';
import { repairMojibake } from './mojibake';
import type { CardNotice } from './types';
import { CardError } from './types';
import { decodeUtf8 } from './utf8';

export interface DecodedText {
  text: string;
  notices: CardNotice[];
}

const SNIFF_BYTES = 8192;
/** The control characters rejectBinary counts (tab, line breaks and escape are text). */
const CONTROL_CHARACTER = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

/** Decodes card bytes: BOM-aware, strict UTF-8 first, Windows-1252 as the legacy fallback, binary rejected. */
export function decodeCardBytes(file: string, bytes: Uint8Array): DecodedText {
  const notices: CardNotice[] = [];
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
    const encoding = bytes[0] === 0xff ? 'utf-16le' : 'utf-16be';
    notices.push({ kind: 'not-utf8', message: `The card is encoded as ${encoding.toUpperCase()}, not UTF-8; it was decoded as ${encoding.toUpperCase()}.`, line: null });
    return withRepair(iconv.decode(Buffer.from(bytes), encoding), notices);
  }
  const utf8 = decodeUtf8(bytes);
  let text: string;
  if (utf8) text = utf8.text;
  else {
    rejectBinary(file, bytes);
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineAtByte(bytes, offset);
    text = iconv.decode(Buffer.from(bytes), 'windows-1252');
    notices.push({
      kind: 'not-utf8',
      message: `The card is not valid UTF-8 (first invalid byte at line ${line}); it was read as Windows-1252. Save it as UTF-8.`,
      line,
    });
  }
  // Only ASCII bytes decode to ASCII characters, so a text without a control character came from bytes without one
  // (and the sniffed bytes decode to at most as many characters).
  if (CONTROL_CHARACTER.test(text.length > SNIFF_BYTES ? text.slice(0, SNIFF_BYTES) : text)) rejectBinary(file, bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Mojibake is a run of non-ASCII characters: UTF-8 without one has nothing to repair.
  return utf8 && !utf8.hasNonAsciiRun ? { text, notices } : withRepair(text, notices);
}

function withRepair(text: string, notices: CardNotice[]): DecodedText {
  const repaired = repairMojibake(text);
  if (repaired.repairs > 0) {
    notices.push({
      kind: 'encoding-repaired',
      message: `${repaired.repairs} mojibake sequence(s) (UTF-8 text decoded as ${repaired.codePages.join(' / ')} and saved again, e.g. "${repaired.example}") were repaired for analysis; fix the file's encoding.`,
      line: repaired.firstLine,
    });
  }
  return { text: repaired.text, notices };
}

function rejectBinary(file: string, bytes: Uint8Array): void {
  const end = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < end; i++) {
    const byte = bytes[i];
    if (byte === 0) throw new CardError(file, `binary file (NUL byte at offset ${i}), not a model card; expected Markdown or Model Card Toolkit JSON`);
    if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  if (end > 0 && controls / end > 0.1) throw new CardError(file, 'binary file (mostly control bytes), not a model card; expected Markdown or Model Card Toolkit JSON');
}

function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  // Binary search on the longest valid prefix; a cut inside a sequence is tolerated by stream mode.
  const streaming = new TextDecoder('utf-8', { fatal: true });
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    try {
      streaming.decode(bytes.subarray(0, mid), { stream: true });
      streaming.decode();
      low = mid;
    } catch {
      high = mid - 1;
    }
  }
  return low;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
