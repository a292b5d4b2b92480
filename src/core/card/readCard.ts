import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { decodeCardBytes } from './decode';
import { readMarkdownCard } from './markdownCard';
import { readToolkitJsonCard } from './toolkitJsonCard';
import { CardError, type ModelCard } from './types';

/** Cards larger than this are not model cards (and would stall an editor). */
export const MAX_CARD_BYTES = 5 * 1024 * 1024;

/** Parses card bytes; `.json` (or text starting with "{") is a Model Card Toolkit card, anything else Markdown. */
export function parseCard(path: string, bytes: Uint8Array): ModelCard {
  if (bytes.length > MAX_CARD_BYTES) throw new CardError(path, `file is ${(bytes.length / 1048576).toFixed(1)} MiB; model cards over ${MAX_CARD_BYTES / 1048576} MiB are not reviewed`);
  const { text, notices } = decodeCardBytes(path, bytes);
  if (text.trim().length === 0) throw new CardError(path, 'the file is empty; there is no model card to review');
  const isJson = extname(path).toLowerCase() === '.json' || /^\s*\{/.test(text);
  return isJson ? readToolkitJsonCard(path, text, notices) : readMarkdownCard(path, text, notices);
}

/** Parses card text already decoded (e.g. an unsaved editor buffer). */
export function parseCardText(path: string, text: string): ModelCard {
  return parseCard(path, Buffer.from(text, 'utf8'));
}

export async function readCardFile(path: string): Promise<ModelCard> {
  let bytes: Buffer;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new CardError(path, 'is a directory, not a model card file');
    if (info.size > MAX_CARD_BYTES) throw new CardError(path, `file is ${(info.size / 1048576).toFixed(1)} MiB; model cards over ${MAX_CARD_BYTES / 1048576} MiB are not reviewed`);
    bytes = await readFile(path);
  } catch (error) {
    if (error instanceof CardError) throw error;
    throw new CardError(path, describeFsError(error));
  }
  return parseCard(path, bytes);
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a model card file';
    default:
      return `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}
