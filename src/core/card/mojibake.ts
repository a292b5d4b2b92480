import * as iconv from 'iconv-lite';

/**
 * Code pages that UTF-8 text is commonly mis-decoded through before being saved again, each with
 * the byte its non-ASCII characters stand for.
 */
const CODE_PAGES = [
  { name: 'Windows-1252', bytes: byteTable('windows-1252') },
  { name: 'Mac Roman', bytes: byteTable('macintosh') },
];

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
      const codePoint = utf8CodePoint(run, start, length, page.bytes);
      if (codePoint >= 0) return { text: String.fromCodePoint(codePoint), consumed: length, page: page.name };
    }
  }
  return null;
}

/**
 * The one code point that `length` characters of the run, read as the code page's bytes, encode in
 * UTF-8 (as a strict TextDecoder would decode them); -1 when they are not exactly one sequence.
 */
function utf8CodePoint(run: string, start: number, length: number, bytes: ReadonlyMap<number, number>): number {
  const lead = bytes.get(run.charCodeAt(start));
  if (lead === undefined || sequenceLength(lead) !== length) return -1;
  let codePoint = lead & (0x7f >> length);
  for (let k = 1; k < length; k++) {
    const byte = bytes.get(run.charCodeAt(start + k));
    if (byte === undefined || byte < 0x80 || byte > 0xbf) return -1;
    codePoint = (codePoint << 6) | (byte & 0x3f);
  }
  // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8; a BOM decodes to nothing.
  const least = length === 2 ? 0x80 : length === 3 ? 0x800 : 0x10000;
  if (codePoint < least || (codePoint >= 0xd800 && codePoint <= 0xdfff) || codePoint > 0x10ffff || codePoint === 0xfeff) return -1;
  return codePoint;
}

/** Bytes in the UTF-8 sequence a lead byte starts; 0 for a byte that cannot lead one. */
function sequenceLength(lead: number): number {
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/** Character code → byte for the code page's upper half, as iconv-lite encodes it (tabulated once per process). */
function byteTable(encoding: string): ReadonlyMap<number, number> {
  const table = new Map<number, number>();
  for (let byte = 0x80; byte <= 0xff; byte++) {
    const char = iconv.decode(Buffer.of(byte), encoding);
    const encoded = iconv.encode(char, encoding);
    // iconv-lite writes '?' for a character the code page lacks.
    if (encoded.length === 1 && encoded[0] !== 0x3f) table.set(char.charCodeAt(0), encoded[0]);
  }
  // Windows-1252 leaves 0x81, 0x8D, 0x8F, 0x90, 0x9D undefined; decoders pass them through as C1 controls.
  if (encoding === 'windows-1252') for (let code = 0x80; code <= 0x9f; code++) table.set(code, code);
  return table;
}

function countLines(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
