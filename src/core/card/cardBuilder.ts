import { isPlaceholderText } from './placeholders';
import { topicsOfHeading } from './topics';
import type { Topic } from './topics';
import type { Block, BlockKind, CardFormat, CardMetadata, CardNotice, ModelCard, Section, Table, TableRow } from './types';

/** Accumulates sections, blocks and tables in document order; shared by the Markdown and JSON readers. */
export class CardBuilder {
  private readonly sections: Section[] = [];
  private readonly blocks: Block[] = [];
  private readonly tables: Table[] = [];
  private readonly open: number[] = [];

  openSection(title: string, level: number, line: number): void {
    while (this.open.length > 0 && this.sections[this.open[this.open.length - 1]].level >= level) this.open.pop();
    const parent = this.open.length > 0 ? this.open[this.open.length - 1] : -1;
    const own = topicsOfHeading(title);
    const topics = parent >= 0 ? withInherited(own, this.sections[parent].topics) : own;
    this.sections.push({ title, level, parent, topics, line, endLine: line, hasContent: false });
    this.open.push(this.sections.length - 1);
  }

  get currentSection(): number {
    return this.open.length > 0 ? this.open[this.open.length - 1] : -1;
  }

  addBlock(kind: BlockKind, text: string, line: number, endLine: number): void {
    const placeholder = kind !== 'code' && isPlaceholderText(text);
    const section = this.currentSection;
    this.blocks.push({ kind, text, line, endLine, section, placeholder });
    if (placeholder || kind === 'html') return;
    for (let index = section; index >= 0; index = this.sections[index].parent) this.sections[index].hasContent = true;
  }

  addTable(header: string[], rows: TableRow[], line: number, endLine: number): void {
    this.tables.push({ header, rows, line, endLine, section: this.currentSection });
  }

  build(input: { path: string; format: CardFormat; text: string; lines: readonly string[]; metadata: CardMetadata | null; notices: CardNotice[]; title?: string | null }): ModelCard {
    this.closeSectionRanges(input.lines.length);
    const firstTop = this.sections.find((section) => section.level === 1) ?? this.sections[0];
    return {
      path: input.path,
      format: input.format,
      text: input.text,
      lines: input.lines,
      title: input.title ?? firstTop?.title ?? null,
      sections: this.sections,
      blocks: this.blocks,
      tables: this.tables,
      metadata: input.metadata,
      notices: input.notices,
    };
  }

  /** A section runs until the next heading of the same or a higher level. */
  private closeSectionRanges(lineCount: number): void {
    for (let i = 0; i < this.sections.length; i++) {
      const section = this.sections[i];
      let end = lineCount;
      for (let j = i + 1; j < this.sections.length; j++) {
        if (this.sections[j].level <= section.level) {
          end = this.sections[j].line - 1;
          break;
        }
      }
      section.endLine = Math.max(section.line, end);
    }
  }
}

/** A heading's own topics, then its parent's that it does not name (the parent's list is already complete). */
function withInherited(own: readonly Topic[], inherited: readonly Topic[]): readonly Topic[] {
  if (inherited.length === 0) return own;
  const topics = own.slice();
  for (const topic of inherited) if (!own.includes(topic)) topics.push(topic);
  return topics;
}
