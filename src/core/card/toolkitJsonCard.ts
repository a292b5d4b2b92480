import { parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { lineAtOffset, lineStartOffsets } from '../text/offsets';
import { CardBuilder } from './cardBuilder';
import { toMetadata, isRecord } from './frontMatter';
import { CardError, type CardNotice, type ModelCard, type TableRow } from './types';

/** Keys whose content is imagery or binary payload, not reviewable prose. */
const SKIPPED_KEYS = new Set(['graphics', 'image', 'collection', 'schema_version', '$schema']);

/**
 * Reads a Google Model Card Toolkit JSON card into the same card model as Markdown:
 * every object key becomes a section headed by its humanized name, so the heading
 * synonyms that serve Markdown cards (e.g. "Ethical Considerations") serve JSON too.
 */
export function readToolkitJsonCard(path: string, text: string, notices: CardNotice[]): ModelCard {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  const lineStarts = lineStartOffsets(text);
  const lineOf = (offset: number) => lineAtOffset(lineStarts, offset);
  if (errors.length > 0 || !root) {
    const first = errors[0];
    const where = first ? ` at line ${lineOf(first.offset)}` : '';
    throw new CardError(path, `invalid JSON${where}: ${first ? printParseErrorCode(first.error) : 'empty document'}`);
  }
  if (root.type !== 'object') throw new CardError(path, 'a JSON model card must be an object (Model Card Toolkit format)');
  const value = nodeValue(root) as Record<string, unknown>;
  if (!looksLikeToolkitJson(value)) throw new CardError(path, 'JSON file is not a Model Card Toolkit card (it has none of model_details, model_parameters, quantitative_analysis, considerations)');
  const builder = new CardBuilder();
  walkObject(root, 1, builder, lineOf);
  const lines = text.split(/\r?\n/);
  return builder.build({
    path,
    format: 'toolkit-json',
    text,
    lines,
    metadata: toMetadata(metadataOf(value), 1, lines.length),
    notices,
    title: stringAt(value, ['model_details', 'name']) ?? null,
  });
}

function looksLikeToolkitJson(value: unknown): boolean {
  return isRecord(value) && ('model_details' in value || 'quantitative_analysis' in value || 'considerations' in value || 'model_parameters' in value);
}

function walkObject(node: Node, level: number, builder: CardBuilder, lineOf: (offset: number) => number): void {
  for (const property of node.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (!keyNode || !valueNode || SKIPPED_KEYS.has(String(keyNode.value))) continue;
    const key = humanize(String(keyNode.value));
    const line = lineOf(keyNode.offset);
    if (valueNode.type === 'object') {
      builder.openSection(key, level, line);
      walkObject(valueNode, level + 1, builder, lineOf);
    } else if (valueNode.type === 'array') {
      builder.openSection(key, level, line);
      walkArray(key, valueNode, level + 1, builder, lineOf);
    } else {
      const end = lineOf(valueNode.offset + valueNode.length);
      builder.addBlock('field', `${key}: ${String(valueNode.value)}`, line, end);
    }
  }
}

function walkArray(key: string, node: Node, level: number, builder: CardBuilder, lineOf: (offset: number) => number): void {
  const items = node.children ?? [];
  if (items.length > 0 && items.every((item) => item.type === 'object') && /metric/i.test(key)) {
    addMetricsTable(items, builder, lineOf, lineOf(node.offset), lineOf(node.offset + node.length));
    return;
  }
  for (const item of items) {
    if (item.type === 'object') walkObject(item, level, builder, lineOf);
    else if (item.type === 'array') walkArray(key, item, level, builder, lineOf);
    else builder.addBlock('list-item', `${key}: ${String(item.value)}`, lineOf(item.offset), lineOf(item.offset + item.length));
  }
}

/** performance_metrics[] read as a table, one row per metric, nested objects flattened into columns. */
function addMetricsTable(items: Node[], builder: CardBuilder, lineOf: (offset: number) => number, line: number, endLine: number): void {
  const flat = items.map((item) => flatten(nodeValue(item) as Record<string, unknown>));
  const header = [...new Set(flat.flatMap((row) => Object.keys(row)))];
  const rows: TableRow[] = flat.map((row, index) => ({
    cells: header.map((column) => row[column] ?? ''),
    line: lineOf(items[index].offset),
    endLine: lineOf(items[index].offset + items[index].length),
  }));
  builder.addTable(header, rows, line, endLine);
  rows.forEach((row) => builder.addBlock('table-row', row.cells.map((cell, i) => `${header[i]}: ${cell}`).join(' | '), row.line, row.endLine));
}

function flatten(value: Record<string, unknown>, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    const name = prefix ? `${prefix} ${humanize(key)}` : humanize(key);
    if (isRecord(item)) Object.assign(out, flatten(item, name));
    else if (item !== null && item !== undefined) out[name] = String(item);
  }
  return out;
}

function metadataOf(card: Record<string, unknown>): Record<string, unknown> {
  const details = isRecord(card.model_details) ? card.model_details : {};
  const licenses = Array.isArray(details.licenses) ? details.licenses.filter(isRecord) : [];
  const data = isRecord(card.model_parameters) ? card.model_parameters.data : undefined;
  const dataItems = Array.isArray(data) ? data : isRecord(data) ? Object.values(data) : [];
  const metrics = isRecord(card.quantitative_analysis) && Array.isArray(card.quantitative_analysis.performance_metrics) ? card.quantitative_analysis.performance_metrics.filter(isRecord) : [];
  return {
    license: licenses.map((license) => license.identifier ?? license.custom_text).find((value) => typeof value === 'string'),
    datasets: dataItems.filter(isRecord).map((item) => item.name).filter((name) => typeof name === 'string'),
    metrics: [...new Set(metrics.map((metric) => metric.type).filter((type) => typeof type === 'string'))],
  };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object':
      return Object.fromEntries((node.children ?? []).map((property) => [String(property.children![0].value), property.children![1] ? nodeValue(property.children![1]) : null]));
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

function stringAt(value: Record<string, unknown>, path: string[]): string | undefined {
  let current: unknown = value;
  for (const key of path) current = isRecord(current) ? current[key] : undefined;
  return typeof current === 'string' ? current : undefined;
}

function humanize(key: string): string {
  return key.replace(/[_-]+/g, ' ').replace(/\b\w/g, (letter) => letter.toUpperCase());
}
