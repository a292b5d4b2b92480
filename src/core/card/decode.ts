import { isAscii } from 'node:buffer';
import * as iconv from 'iconv-lite';
import type { CardNotice } from './types';
import { CardError } from './types';

export interface DecodedText {
  text: string;
  notices: CardNotice[];
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });
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
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
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
  // Only ASCII bytes decode to ASCII characters, so a text without a control character came from bytes without one.
  if (CONTROL_CHARACTER.test(text)) rejectBinary(file, bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Mojibake is made of non-ASCII characters: ASCII bytes have nothing to repair.
  return isAscii(bytes) ? { text, notices } : withRepair(text, notices);
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

/** Code pages that UTF-8 text is commonly mis-decoded through before being saved again. */
const CODE_PAGES = [
  { name: 'Windows-1252', encoding: 'windows-1252' },
  { name: 'Mac Roman', encoding: 'macintosh' },
] as const;

// A mojibake run starts with a character that a UTF-8 lead byte (0xC2–0xF4) becomes in one of the code pages.
const SUSPECT_RUN = /[^\x00-\x7f]{2,}/g;

export interface MojibakeRepair {
  text: string;
  repairs: number;
  codePages: string[];
  example: string;
  firstLine: number | null;
}

/** Reverses UTF-8 → Windows-1252 / Mac Roman mis-decoding run by run, keeping text that was fine. */
export function repairMojibake(text: string): MojibakeRepair {
  let repairs = 0;
  let example = '';
  let firstOffset = -1;
  const used = new Set<string>();
  const repaired = text.replace(SUSPECT_RUN, (run, offset: number) => {
    const fixed = repairRun(run);
    if (fixed === null) return run;
    repairs += fixed.count;
    fixed.codePages.forEach((page) => used.add(page));
    if (!example) example = run.slice(0, 12);
    if (firstOffset < 0) firstOffset = offset;
    return fixed.text;
  });
  const firstLine = firstOffset < 0 ? null : countLines(text, firstOffset);
  return { text: repaired, repairs, codePages: [...used], example, firstLine };
}

/** Tries each code page on the longest decodable prefixes of the run; returns null when nothing decodes. */
function repairRun(run: string): { text: string; count: number; codePages: string[] } | null {
  let out = '';
  let count = 0;
  const pages = new Set<string>();
  let i = 0;
  while (i < run.length) {
    const hit = decodeAt(run, i);
    if (hit) {
      out += hit.text;
      i += hit.consumed;
      count++;
      pages.add(hit.page);
    } else {
      out += run[i];
      i++;
    }
  }
  return count === 0 ? null : { text: out, count, codePages: [...pages] };
}

function decodeAt(run: string, start: number): { text: string; consumed: number; page: string } | null {
  for (const page of CODE_PAGES) {
    // Each UTF-8 sequence is 2–4 bytes, one code-page character per byte.
    for (let length = 4; length >= 2; length--) {
      if (start + length > run.length) continue;
      const slice = run.slice(start, start + length);
      const bytes = encodeSingleByte(slice, page.encoding);
      if (!bytes) continue;
      try {
        const decoded = UTF8.decode(bytes);
        if ([...decoded].length === 1 && decoded.codePointAt(0)! >= 0x80) return { text: decoded, consumed: length, page: page.name };
      } catch {
        // Not a UTF-8 sequence in this code page; try a shorter one.
      }
    }
  }
  return null;
}

function encodeSingleByte(slice: string, encoding: string): Uint8Array | null {
  const bytes = new Uint8Array(slice.length);
  for (let i = 0; i < slice.length; i++) {
    const code = slice.charCodeAt(i);
    // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; decoders pass them through as C1 controls.
    if (code >= 0x80 && code <= 0x9f && encoding === 'windows-1252') {
      bytes[i] = code;
      continue;
    }
    const encoded = iconv.encode(slice[i], encoding);
    if (encoded.length !== 1 || (encoded[0] === 0x3f && slice[i] !== '?')) return null;
    bytes[i] = encoded[0];
  }
  return bytes;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
