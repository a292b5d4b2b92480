/** <vscode-badge> markup for counts. */
export function badge(count: number, label: string): string {
  return `<vscode-badge aria-label="${count} ${label}">${count}</vscode-badge>`;
}
