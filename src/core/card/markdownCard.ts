import MarkdownIt from 'markdown-it';
type Token = ReturnType<typeof markdownParser.parse>[number];
import { CardBuilder } from './cardBuilder';
import { readFrontMatter } from './frontMatter';
import type { CardNotice, ModelCard, TableRow } from './types';

/** The one markdown-it configuration the product parses cards with (raw HTML kept as html blocks, never rendered). */
export const markdownParser = new MarkdownIt({ html: true, linkify: false });

/** Reader-visible text of inline markdown: emphasis, code ticks and link targets removed. */
export function plainInline(content: string): string {
  return content
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*`]+/g, '')
    .replace(/(^|\s)_{1,2}([^_]+)_{1,2}(?=\s|$)/g, '$1$2')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

export function readMarkdownCard(path: string, text: string, notices: CardNotice[]): ModelCard {
  const lines = text.split(/\r?\n/);
  const front = readFrontMatter(text);
  // Front matter lines become blank so markdown-it's line numbers stay those of the file.
  const body = front.lineCount > 0 ? '\n'.repeat(front.lineCount) + lines.slice(front.lineCount).join('\n') : text;
  const tokens = markdownParser.parse(body, {});
  const builder = new CardBuilder();
  walkTokens(tokens, builder);
  return builder.build({ path, format: 'markdown', text, lines, metadata: front.metadata, notices: [...notices, ...front.notices] });
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
        builder.openSection(plainInline(inline.content), Number(token.tag.slice(1)), token.map![0] + 1);
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
        builder.addBlock(listDepth > 0 ? 'list-item' : 'paragraph', plainInline(inline.content), start + 1, end);
        i += 2;
        break;
      }
      case 'fence':
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
        if (row) row.cells.push(plainInline(token.content));
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
