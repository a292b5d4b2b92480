/** The Gate Review page: renders what the host sends, keeps it with setState (restored after a reload), forwards button clicks. */
import { isGateReviewState, parseHostMessage, type GateReviewState, type WebviewToHost } from '../src/shared/protocol';
import { registerComponents } from './components/register';
import { renderGateReview } from './view/renderGateReview';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: GateReviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

registerComponents();
const vscode = acquireVsCodeApi();
const root = document.getElementById('root')!;

function show(state: GateReviewState): void {
  root.innerHTML = renderGateReview(state);
  document.title = `Gate Review: ${state.cardName}`;
  vscode.setState(state);
}

function focusFindings(): void {
  const findings = document.getElementById('findings');
  findings?.scrollIntoView({ block: 'start' });
  (findings?.querySelector('vscode-button') as HTMLElement | null)?.focus();
}

const saved = vscode.getState();
if (isGateReviewState(saved)) show(saved);

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (message?.type === 'showReview') show(message.state);
  else if (message?.type === 'focusFindings') focusFindings();
});

root.addEventListener('click', (event) => {
  const target = (event.target as Element).closest('[data-action]');
  if (!target) return;
  const action = target.getAttribute('data-action');
  const cardUri = target.getAttribute('data-card') ?? '';
  if (action === 'exportReport' || action === 'rerunReview') vscode.postMessage({ type: action, cardUri });
  else if (action === 'revealFinding') vscode.postMessage({ type: 'revealFinding', cardUri, line: Number(target.getAttribute('data-line')) });
});

root.addEventListener('click', (event) => {
  const link = (event.target as Element).closest('a.skip-link');
  if (!link) return;
  event.preventDefault();
  focusFindings();
});

vscode.postMessage({ type: 'ready' });
