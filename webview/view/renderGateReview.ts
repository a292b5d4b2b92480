/**
 * The Gate Review page as HTML text, without the DOM (unit-tested in Node). Every value that comes from
 * a card or a review passes through escapeHtml: card text renders as text, never as markup.
 */
import type { Finding, GateReview, GateStatus, Recommendation } from '../../src/core/review/types';
import { escapeHtml } from '../../src/core/report/escapeHtml';
import { isUnverifiedModelFinding, MODE_LABEL } from '../../src/core/report/modelReviewText';
import type { GateReviewState } from '../../src/shared/protocol';
import { badge } from '../components/badge';
import { button } from '../components/button';
import { dataGrid, type GridColumn } from '../components/dataGrid';
import { gateAgentCell, gateAgentDetails, modelFindingNote, modelReviewSection } from './renderModelReview';

const STATUS_SYMBOL: Record<GateStatus, string> = { Pass: '✔', Conditional: '▲', Fail: '✖' };
const RECOMMENDATION_CLASS: Record<Recommendation, string> = { Go: 'go', 'Conditional Go': 'conditional', 'No-Go': 'no-go' };
const SEVERITY_LABEL: Record<Finding['severity'], string> = { error: 'Blocker', warning: 'Gap', info: 'Note' };

export function renderGateReview(state: GateReviewState): string {
  const { review } = state;
  const cardUri = escapeHtml(state.cardUri);
  const findingCount = review.gates.reduce((sum, gate) => sum + gate.findings.length, 0) + review.cardFindings.length;
  const firstLine = firstFindingLine(review.gates, review.cardFindings);
  return [
    `<header class="page-header">`,
    `<h1>Gate Review: ${escapeHtml(state.cardName)}</h1>`,
    review.title ? `<p class="card-title">${escapeHtml(review.title)}</p>` : '',
    `<p class="meta">${escapeHtml(review.card)} · reviewed ${escapeHtml(formatTime(review.reviewedAt))} · <span class="elapsed">elapsed ${escapeHtml(formatElapsed(review.elapsedMs))}</span> · <span class="mode">${escapeHtml(MODE_LABEL[review.mode] ?? `${review.mode} review`)}</span> · ${escapeHtml(review.tool.name)} ${escapeHtml(review.tool.version)}</p>`,
    `</header>`,
    state.stale ? `<p class="stale" role="alert">The card changed since this review. Re-run the review to update the gate table.</p>` : '',
    `<section class="recommendation ${RECOMMENDATION_CLASS[review.recommendation]}" aria-label="Recommendation">`,
    `<span class="recommendation-label">Recommendation</span>`,
    `<strong class="recommendation-value" id="recommendation">${escapeHtml(review.recommendation)}</strong>`,
    `<span class="maturity">MLOps maturity: level ${escapeHtml(review.maturity.level)} (${escapeHtml(review.maturity.label)})</span>`,
    `</section>`,
    `<nav class="actions" aria-label="Actions">`,
    button({ label: 'Export Report', action: 'exportReport', appearance: 'primary', data: { card: cardUri } }),
    button({ label: 'Re-run Review', action: 'rerunReview', data: { card: cardUri } }),
    firstLine !== null ? button({ label: 'Go to First Finding', action: 'revealFinding', data: { card: cardUri, line: String(firstLine) } }) : '',
    `<a class="skip-link" href="#findings">Jump to findings ${badge(findingCount, 'findings')}</a>`,
    `</nav>`,
    `<section aria-labelledby="summary-heading"><h2 id="summary-heading">Executive summary</h2><p class="summary">${escapeHtml(review.executiveSummary)}</p></section>`,
    review.modelReview ? modelReviewSection(review.modelReview) : '',
    `<section aria-labelledby="table-heading"><h2 id="table-heading">Gate table</h2>`,
    gateTable(review.gates, review.modelReview !== undefined),
    `</section>`,
    `<section id="findings" tabindex="-1" aria-labelledby="findings-heading"><h2 id="findings-heading">Gate details</h2>`,
    review.cardFindings.length > 0 ? findingList('About the card file', review.cardFindings, cardUri) : '',
    ...review.gates.map((gate) => gateDetails(gate, cardUri)),
    `</section>`,
    review.maturity.signals.length > 0 ? `<section aria-labelledby="maturity-heading"><h2 id="maturity-heading">Maturity signals</h2><ul>${review.maturity.signals.map((signal) => `<li>${escapeHtml(signal)}</li>`).join('')}</ul></section>` : '',
    `<p class="disclaimer">A preliminary, evidence-based readiness assessment of what the model card documents. It is not model governance, a bias audit, a security assessment or legal advice; every gate finding must be validated by human experts.</p>`,
  ].join('\n');
}

const GATE_COLUMNS: readonly GridColumn[] = [
  { title: 'Gate', width: 'minmax(0, 1.6fr)' },
  { title: 'Status', width: '10.5em' },
  { title: 'Key Risk', width: 'minmax(0, 3fr)' },
  { title: 'Suggested Mitigation', width: 'minmax(0, 3fr)' },
  { title: 'Owner', width: 'minmax(0, 1.2fr)' },
];

/** The five-column gate table; a model review adds a sixth column saying what the model did per gate. */
function gateTable(gates: readonly GateReview[], withModel: boolean): string {
  const columns = withModel ? [...GATE_COLUMNS, { title: 'Model Review', width: 'minmax(0, 2fr)' }] : GATE_COLUMNS;
  return dataGrid({
    id: 'gate-table',
    className: withModel ? 'with-model' : undefined,
    label: 'Gate table',
    columns,
    rows: gates.map((gate) => {
      const cells = [`${gate.number}. ${escapeHtml(gate.title)}`, statusPill(gate.status), escapeHtml(gate.keyRisk), escapeHtml(gate.mitigation), escapeHtml(gate.owner)];
      return withModel ? [...cells, gateAgentCell(gate.agent)] : cells;
    }),
  });
}

function gateDetails(gate: GateReview, cardUri: string): string {
  const heading = `${gate.number}. ${escapeHtml(gate.title)}`;
  const evidence = gate.evidence.length > 0 ? `<p class="evidence">Evidence found for ${gate.evidence.length} check${gate.evidence.length === 1 ? '' : 's'}: ${gate.evidence.map((ref) => `<code>${escapeHtml(ref.checkId)}</code>${ref.line !== null ? ` (line ${escapeHtml(ref.line)})` : ''}`).join(', ')}.</p>` : '';
  const skipped = gate.skipped.length > 0 ? `<p class="skipped">Nothing to judge for: ${gate.skipped.map((id) => `<code>${escapeHtml(id)}</code>`).join(', ')}.</p>` : '';
  return `<details class="gate" id="gate-${escapeHtml(gate.id)}"${gate.status === 'Pass' ? '' : ' open'}><summary><h3>${heading} ${statusPill(gate.status)}</h3></summary>
<p><strong>Key risk:</strong> ${escapeHtml(gate.keyRisk)}</p>
<p><strong>Suggested mitigation:</strong> ${escapeHtml(gate.mitigation)} <span class="owner">Owner: ${escapeHtml(gate.owner)}</span></p>
${gate.agent ? gateAgentDetails(gate.agent) : ''}
${gate.findings.length > 0 ? findingList(`Findings (${gate.findings.length})`, gate.findings, cardUri) : '<p>No findings.</p>'}
${evidence}${skipped}</details>`;
}

function findingList(title: string, findings: readonly Finding[], cardUri: string): string {
  const items = findings.map((finding) => {
    // An unverified quote points at nothing in the card: no button pretends it does.
    const jump = isUnverifiedModelFinding(finding) ? '' : button({ label: finding.line === null ? 'Line 1' : `Line ${escapeHtml(finding.line)}`, action: 'revealFinding', data: { card: cardUri, line: String(finding.line ?? 1) }, title: `Open the card at line ${escapeHtml(finding.line ?? 1)}` });
    const classes = ['finding', escapeHtml(finding.severity), finding.source === 'model' ? 'from-model' : '', isUnverifiedModelFinding(finding) ? 'unverified' : ''].filter(Boolean).join(' ');
    return `<li class="${classes}"><span class="severity">${SEVERITY_LABEL[finding.severity]}</span> <code>${escapeHtml(finding.checkId)}</code> ${escapeHtml(finding.message)} ${jump}${finding.source === 'model' ? modelFindingNote(finding) : ''}</li>`;
  });
  return `<h4>${escapeHtml(title)}</h4><ul class="findings">${items.join('')}</ul>`;
}

function statusPill(status: GateStatus): string {
  return `<span class="status ${status.toLowerCase()}"><span aria-hidden="true">${STATUS_SYMBOL[status]}</span> ${status}</span>`;
}

function firstFindingLine(gates: readonly GateReview[], cardFindings: readonly Finding[]): number | null {
  for (const finding of [...cardFindings, ...gates.flatMap((gate) => gate.findings)]) if (finding.severity !== 'info') return finding.line ?? 1;
  return null;
}

function formatTime(iso: string): string {
  return iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');
}

function formatElapsed(ms: number): string {
  return ms < 1000 ? `${ms.toFixed(1)} ms` : `${(ms / 1000).toFixed(2)} s`;
}
