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
  let row: TableRow | null = null;
  let table: { header: string[]; rows: TableRow[]; line: number; endLine: number; inHead: boolean } | null = null;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    // Token maps are [first line, line after the block], 0-based.
    const map = token.map;
    switch (token.type) {
      case 'heading_open':
        // The tag is h1 … h6.
        builder.openSection(inlineText(tokens[i + 1].content), token.tag.charCodeAt(1) - 48, map![0] + 1);
        i += 2;
        break;
      case 'paragraph_open':
        builder.addBlock(listDepth > 0 ? 'list-item' : 'paragraph', inlineText(tokens[i + 1].content), map![0] + 1, map![1]);
        i += 2;
        break;
      case 'list_item_open':
        listDepth++;
        break;
      case 'list_item_close':
        listDepth--;
        break;
      case 'fence':
        // The content starts on the line after the opening fence.
        builder.addBlock('code', token.content, Math.min(map![0] + 2, map![1]), map![1]);
        break;
      case 'code_block':
        builder.addBlock('code', token.content, map![0] + 1, map![1]);
        break;
      case 'html_block':
        builder.addBlock('html', token.content, map![0] + 1, map![1]);
        break;
      case 'table_open':
        table = { header: [], rows: [], line: map![0] + 1, endLine: map![1], inHead: false };
        break;
      case 'thead_open':
        if (table) table.inHead = true;
        break;
      case 'thead_close':
        if (table) table.inHead = false;
        break;
      case 'tr_open':
        row = { cells: [], line: map![0] + 1, endLine: map![1] };
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
        if (table) builder.addTable(table.header, table.rows, table.line, table.endLine);
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
