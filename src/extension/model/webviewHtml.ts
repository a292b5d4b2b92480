import { escapeHtml } from '../../core/report/escapeHtml';

export interface WebviewShell {
  /** webview.cspSource: the only origin styles and fonts may come from. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** Fresh per page load; only scripts carrying it run. */
  nonce: string;
  title: string;
}

/** The panel's HTML: a strict Content-Security-Policy and an empty root the bundled script renders into. */
export function gateReviewHtml(shell: WebviewShell): string {
  const csp = [`default-src 'none'`, `style-src ${shell.cspSource}`, `font-src ${shell.cspSource}`, `img-src ${shell.cspSource}`, `script-src 'nonce-${shell.nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeHtml(shell.styleUri)}">
<title>${escapeHtml(shell.title)}</title>
</head>
<body>
<main id="root" aria-live="polite"><p class="loading">Loading the gate review…</p></main>
<script nonce="${escapeHtml(shell.nonce)}" src="${escapeHtml(shell.scriptUri)}"></script>
</body>
</html>
`;
}
