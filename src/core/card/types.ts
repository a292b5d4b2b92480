import type { Topic } from './topics';

/** 1-based, inclusive line range in the card file as the user sees it. */
export interface LineRange {
  line: number;
  endLine: number;
}

export type BlockKind = 'paragraph' | 'list-item' | 'table-row' | 'code' | 'html' | 'field';

/** A unit of card content that evidence can point at. */
export interface Block extends LineRange {
  kind: BlockKind;
  /** Text with markdown punctuation removed, as a reader would see it. */
  text: string;
  /** Index into ModelCard.sections, or -1 before the first heading. */
  section: number;
  /** True when the block is an unfilled template placeholder (counts as missing). */
  placeholder: boolean;
}

export interface Section extends LineRange {
  title: string;
  level: number;
  parent: number;
  /** Topics of this heading and every ancestor heading. */
  topics: readonly Topic[];
  /** True when the section holds at least one non-placeholder block (its own or a subsection's). */
  hasContent: boolean;
}

export interface TableRow extends LineRange {
  cells: string[];
}

export interface Table extends LineRange {
  header: string[];
  rows: TableRow[];
  section: number;
}

export interface ModelIndexMetric {
  type: string;
  value: number | string | null;
  name?: string;
}

export interface ModelIndexResult {
  task?: string;
  dataset?: string;
  split?: string;
  metrics: ModelIndexMetric[];
}

/** Hugging Face style metadata, from YAML front matter or mapped from a toolkit JSON card. */
export interface CardMetadata extends LineRange {
  raw: Record<string, unknown>;
  license?: string;
  datasets: string[];
  metrics: string[];
  baseModel?: string;
  pipelineTag?: string;
  libraryName?: string;
  modelIndex: ModelIndexResult[];
  co2EqEmissions?: unknown;
}

export type NoticeKind = 'encoding-repaired' | 'not-utf8' | 'front-matter-invalid';

/** Something about the card file itself (not about the model) that the user should know. */
export interface CardNotice {
  kind: NoticeKind;
  message: string;
  line: number | null;
}

export type CardFormat = 'markdown' | 'toolkit-json';

export interface ModelCard {
  /** Path as given by the caller. */
  path: string;
  format: CardFormat;
  /** Card text after decoding and mojibake repair, line structure preserved. */
  text: string;
  lines: readonly string[];
  title: string | null;
  sections: Section[];
  blocks: Block[];
  tables: Table[];
  metadata: CardMetadata | null;
  notices: CardNotice[];
}

/** Thrown for input that cannot be reviewed; message names the file and the problem. */
export class CardError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`${file}: ${problem}`);
    this.name = 'CardError';
  }
}
