import { ENGINE_RULES } from '../review/engineRules';
import { CHECKS } from '../checks/registry';
import type { Severity } from '../checks/types';
import type { Finding, Review } from '../review/types';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Absolute URI of the check catalogue (docs/checks.md where it is published); each rule links to its anchor. */
  helpBase?: string;
  /** Turns a card path into the artifact URI CI systems resolve against the checkout. */
  toUri?: (path: string) => string;
}

/** SARIF 2.1.0: one run, the check catalogue as rules, one result per failing or conditional finding. */
export function renderSarif(reviews: readonly Review[], options: SarifOptions = {}): string {
  const helpBase = options.helpBase;
  const toUri = options.toUri ?? ((path: string) => path.replace(/\\/g, '/'));
  const rules = [...CHECKS.map((check) => ({ id: check.id, severity: check.severity, title: check.title, description: check.description, mitigation: check.mitigation, gate: check.gate })), ...ENGINE_RULES];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results = reviews.flatMap((review) => [
    ...review.cardFindings.map((finding) => result(finding, review, undefined, ruleIndex, toUri)),
    ...review.gates.flatMap((gate) => gate.findings.map((finding) => result(finding, review, gate.title, ruleIndex, toUri))),
  ]);
  const sarif = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'model-readiness-review',
            ...(helpBase ? { informationUri: helpBase } : {}),
            version: reviews[0]?.tool.version ?? '0.0.0',
            rules: rules.map((rule) => ({
              id: rule.id,
              name: rule.title.replace(/[^A-Za-z0-9]+/g, ' ').trim().replace(/ (\w)/g, (_, letter: string) => letter.toUpperCase()),
              shortDescription: { text: rule.title },
              fullDescription: { text: rule.description },
              help: { text: rule.mitigation, markdown: `**Why:** ${rule.description}\n\n**Fix:** ${rule.mitigation}` },
              ...(helpBase ? { helpUri: `${helpBase}#${rule.id.toLowerCase()}` } : {}),
              defaultConfiguration: { level: LEVEL[rule.severity] },
              properties: { gate: rule.gate },
            })),
          },
        },
        results,
        invocations: reviews.map((review) => ({ executionSuccessful: true, properties: { card: review.card, recommendation: review.recommendation } })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}


function result(finding: Finding, review: Review, gateTitle: string | undefined, ruleIndex: Map<string, number>, toUri: (path: string) => string) {
  // CI annotations need a line; a finding about something missing sits on line 1.
  const startLine = finding.line ?? 1;
  return {
    ruleId: finding.checkId,
    ruleIndex: ruleIndex.get(finding.checkId) ?? -1,
    level: LEVEL[finding.severity],
    message: { text: gateTitle ? `${gateTitle}: ${finding.message}` : finding.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: toUri(review.card) },
          region: { startLine, endLine: Math.max(startLine, finding.endLine ?? startLine) },
        },
      },
    ],
  };
}
