/** <vscode-data-grid> markup; the only place the table's toolkit tags are spelled. Cell HTML must already be escaped. */
export interface GridColumn {
  title: string;
  /** A CSS grid track, e.g. "2fr". */
  width: string;
}

export function dataGrid(options: { label: string; columns: readonly GridColumn[]; rows: readonly (readonly string[])[]; id?: string; className?: string }): string {
  const header = options.columns.map((column, index) => `<vscode-data-grid-cell cell-type="columnheader" grid-column="${index + 1}">${column.title}</vscode-data-grid-cell>`).join('');
  const rows = options.rows.map((cells) => `<vscode-data-grid-row>${cells.map((cell, index) => `<vscode-data-grid-cell grid-column="${index + 1}">${cell}</vscode-data-grid-cell>`).join('')}</vscode-data-grid-row>`).join('');
  const templateColumns = options.columns.map((column) => column.width).join(' ');
  return `<vscode-data-grid${options.id ? ` id="${options.id}"` : ''}${options.className ? ` class="${options.className}"` : ''} aria-label="${options.label}" generate-header="none" grid-template-columns="${templateColumns}"><vscode-data-grid-row row-type="header">${header}</vscode-data-grid-row>${rows}</vscode-data-grid>`;
}
