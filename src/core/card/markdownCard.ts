import { readBlockTokens } from './blockParser';
import { CardBuilder } from './cardBuilder';
import { readFrontMatter } from './frontMatter';
import type { CardNotice, ModelCard, TableRow } from './types';

type Token = ReturnType<typeof readBlockTokens>[number];

const INLINE_MARKUP = /[*_`[<\\!]/;
const LINK_OR_IMAGE = /!?\[([^\]]*)\]\([^)]*\)|!?\[([^\]]*)\]\[[^\]]*\]/g;
const AUTOLINK = /<((?:https?|mailto|ftp):[^>\s]*)>/g;
const HTML_TAG = /<\/?[a-zA-Z][^>]*>|<!--[\s\S]*?-->/g;
const EMPHASIS = /(\*{1,3}|(?<![\w])_{1,3}|_{1,3}(?![\w])|`+)/g;
const EMPHASIS_MARKER = /[*_`]/;
const ESCAPE = /\\([\\`*_{}[\]()#+\-.!|<>~])/g;

/** Reader-visible text of inline markdown: link text kept, targets, emphasis, code ticks and raw HTML dropped. */
export function inlineText(content: string): string {
  if (!INLINE_MARKUP.test(content)) return content.trim();
  let text = content;
  // Each rule needs its marker character; a rule whose marker is absent cannot change the text.
  if (text.includes('[')) text = text.replace(LINK_OR_IMAGE, (_, inline?: string, reference?: string) => inline ?? reference ?? '');
  if (text.includes('<')) text = text.replace(AUTOLINK, '$1').replace(HTML_TAG, ' ');
  if (EMPHASIS_MARKER.test(text)) text = text.replace(EMPHASIS, '');
  if (text.includes('\\')) text = text.replace(ESCAPE, '$1');
  return text.trim();
}

export function readMarkdownCard(path: string, text: string, notices: CardNotice[]): ModelCard {
  // Splitting on a plain '\n' is several times cheaper than the regex, and the same when there is no '\r'.
  const lines = text.includes('\r') ? text.split(/\r?\n/) : text.split('\n');
  const front = readFrontMatter(text);
  const tokens = readBodyTokens(text, lines, front.lineCount);
  const builder = new CardBuilder();
  walkTokens(tokens, builder);
  return builder.build({ path, format: 'markdown', text, lines, metadata: front.metadata, notices: [...notices, ...front.notices] });
}

/** Block tokens of the text after its front matter, with the line numbers of the file. */
function readBodyTokens(text: string, lines: readonly string[], frontMatterLines: number): Token[] {
  if (frontMatterLines === 0 || !text.includes('\r')) return readBlockTokens(text, frontMatterLines);
  // markdown-it also breaks lines at a lone '\r', which `lines` keeps: blank the front matter line by line.
  return readBlockTokens('\n'.repeat(frontMatterLines) + lines.slice(frontMatterLines).join('\n'));
}

function walkTokens(tokens: Token[], builder: CardBuilder): void {
  let listDepth = 0;
  let row: { cells: string[]; line: number; endLine: number } | null = null;
  let table: { header: string[]; rows: TableRow[]; line: number; endLine: number; inHead: boolean } | null = null;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1];
        builder.openSection(inlineText(inline.content), Number(token.tag.slice(1)), token.map![0] + 1);
        i += 2;
        break;
      }
      case 'list_item_open':
        listDepth++;
        break;
      case 'list_item_close':
        listDepth--;
        break;
      case 'paragraph_open': {
        const inline = tokens[i + 1];
        const [start, end] = token.map!;
        builder.addBlock(listDepth > 0 ? 'list-item' : 'paragraph', inlineText(inline.content), start + 1, end);
        i += 2;
        break;
      }
      case 'fence': {
        // The content starts on the line after the opening fence.
        const [start, end] = token.map!;
        builder.addBlock('code', token.content, Math.min(start + 2, end), end);
        break;
      }
      case 'code_block': {
        const [start, end] = token.map!;
        builder.addBlock('code', token.content, start + 1, end);
        break;
      }
      case 'html_block': {
        const [start, end] = token.map!;
        builder.addBlock('html', token.content, start + 1, end);
        break;
      }
      case 'table_open':
        table = { header: [], rows: [], line: token.map![0] + 1, endLine: token.map![1], inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        row = { cells: [], line: token.map![0] + 1, endLine: token.map![1] };
        break;
      case 'inline':
        if (row) row.cells.push(inlineText(token.content));
        break;
      case 'tr_close':
        if (table && row) {
          if (table.inHead) table.header = row.cells;
          else {
            table.rows.push(row);
            builder.addBlock('table-row', rowText(table.header, row.cells), row.line, row.endLine);
          }
        }
        row = null;
        break;
      case 'table_close':
        if (table) builder.addTable({ header: table.header, rows: table.rows, line: table.line, endLine: table.endLine });
        table = null;
        break;
      default:
        break;
    }
  }
}

/** A table row as a sentence that keeps its column names, so "Missing | income | 35%" reads with context. */
function rowText(header: string[], cells: string[]): string {
  return cells.map((cell, index) => (header[index] ? `${header[index]}: ${cell}` : cell)).join(' | ');
}
