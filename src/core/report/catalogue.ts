import { CHECKS } from '../checks/registry';
import type { CheckDefinition } from '../checks/types';
import { GATES } from '../gates';
import { ENGINE_RULES } from '../review/engineRules';

/** The check catalogue as Markdown, generated from the registry metadata (the only source of truth). */
export function renderCatalogueMarkdown(headingLevel = 2): string {
  const h = '#'.repeat(headingLevel);
  const out: string[] = [];
  out.push(`${CHECKS.length} checks over ${GATES.length} gates. Severity **error** is a blocker (the gate fails), **warning** a gap (the gate is conditional), **info** a note. A gate with no evidence at all fails (\`GATE-NO-EVIDENCE\`).`, '');
  for (const gate of GATES) {
    const checks = CHECKS.filter((check) => check.gate === gate.id);
    out.push(`${h} ${gate.emoji} ${gate.number}. ${gate.title} (\`${gate.id}\`, owner: ${gate.owner})`, '');
    out.push('| Id | Severity | Check | Why it matters | Source |', '|---|---|---|---|---|');
    for (const check of checks) out.push(`| <a id="${check.id.toLowerCase()}"></a>\`${check.id}\` | ${check.severity} | ${cell(check.title)} | ${cell(check.description)} | ${cell(check.source)} |`);
    out.push('');
  }
  out.push(`${h} Findings raised by the engine`, '', 'Outside the registry: raised on the gate they concern (or on the card file itself).', '');
  out.push('| Id | Severity | Finding | What it means | Where |', '|---|---|---|---|---|');
  for (const rule of ENGINE_RULES) out.push(`| <a id="${rule.id.toLowerCase()}"></a>\`${rule.id}\` | ${rule.severity} | ${cell(rule.title)} | ${cell(rule.description)} | ${rule.gate === 'any' ? 'any gate' : rule.gate === 'card' ? 'card file' : rule.gate} |`);
  out.push('');
  return out.join('\n');
}

/** A compact plain-text listing for the terminal. */
export function renderCatalogueText(): string {
  return GATES.map((gate) => {
    const checks = CHECKS.filter((check) => check.gate === gate.id);
    return [`${gate.emoji} ${gate.number}. ${gate.title} (${gate.id})`, ...checks.map((check: CheckDefinition) => `  ${check.id.padEnd(24)} ${check.severity.padEnd(8)} ${check.title}`)].join('\n');
  }).join('\n\n') + '\n';
}

export function catalogueJson(): string {
  return `${JSON.stringify(CHECKS.map(({ id, gate, title, description, severity, source, mitigation }) => ({ id, gate, title, description, severity, source, mitigation })), null, 2)}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
