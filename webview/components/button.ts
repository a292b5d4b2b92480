/** <vscode-button> markup; `data-action` and its data attributes are what the page's click handler reads. Values must already be escaped. */
export function button(options: { label: string; action: string; data?: Record<string, string>; appearance?: 'primary' | 'secondary'; title?: string }): string {
  const data = Object.entries(options.data ?? {}).map(([key, value]) => ` data-${key}="${value}"`).join('');
  const title = options.title ? ` title="${options.title}" aria-label="${options.title}"` : '';
  return `<vscode-button appearance="${options.appearance ?? 'secondary'}" data-action="${options.action}"${data}${title}>${options.label}</vscode-button>`;
}
