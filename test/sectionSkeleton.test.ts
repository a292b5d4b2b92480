import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCardText } from '../src/core/card/readCard';
import { GATE_SECTIONS, missingItemSkeleton, type SkeletonInsertion } from '../src/core/card/sectionSkeleton';
import { topicsOfHeading } from '../src/core/card/topics';
import { GATES } from '../src/core/gates';
import { reviewCard } from '../src/core/review/reviewCard';
import { FIXED_NOW } from './support/cards';

function apply(text: string, insertion: SkeletonInsertion): string {
  const lines = text.split('\n');
  const offset = lines.slice(0, insertion.beforeLine - 1).reduce((sum, line) => sum + line.length + 1, 0);
  return text.slice(0, offset) + insertion.text + text.slice(offset);
}

function findingOf(text: string, checkId: string) {
  const review = reviewCard(parseCardText('MODEL_CARD.md', text), { now: FIXED_NOW });
  for (const gate of review.gates) for (const finding of gate.findings) if (finding.checkId === checkId) return { gate: gate.id, ...finding };
  return undefined;
}

const CARD = ['# Price Model', '', 'Predicts house prices.', '', '## Training Data', '', 'Kaggle housing data.', '', '## Deployment', '', 'Served behind a REST API.', ''].join('\n');

describe('missing-item skeletons (quick fixes)', () => {
  it('every gate heading is read back as one of its own topics', () => {
    for (const gate of GATES) {
      const { heading, topics } = GATE_SECTIONS[gate.id];
      assert.ok(topicsOfHeading(heading).some((topic) => topics.includes(topic)), `${gate.id}: "${heading}"`);
    }
  });

  it('adds a missing gate section before the first section of a later gate', () => {
    const finding = findingOf(CARD, 'FE-FEATURE-GROUPS');
    assert.equal(finding?.line, null);
    const insertion = missingItemSkeleton(parseCardText('MODEL_CARD.md', CARD), { checkId: 'FE-FEATURE-GROUPS', gate: 'feature-engineering', line: null })!;
    const fixed = apply(CARD, insertion);
    const lines = fixed.split('\n');
    assert.ok(lines.indexOf('## Features') > lines.indexOf('## Training Data'));
    assert.ok(lines.indexOf('## Features') < lines.indexOf('## Deployment'));
    assert.equal(lines[lines.indexOf('## Deployment') - 1], '', 'a blank line separates the new section from the next heading');
  });

  it('the skeleton is not evidence: the finding stays until someone fills it in', () => {
    const insertion = missingItemSkeleton(parseCardText('MODEL_CARD.md', CARD), { checkId: 'DM-ROLLBACK-PLAN', gate: 'deployment-monitoring', line: findingOf(CARD, 'DM-ROLLBACK-PLAN')!.line })!;
    const fixed = apply(CARD, insertion);
    assert.match(fixed, /## Deployment\n\nServed behind a REST API\.\n\n- \*\*.+:\*\* \[More Information Needed\]\n$/);
    assert.ok(findingOf(fixed, 'DM-ROLLBACK-PLAN'), 'still a finding');
  });

  it('appends to the end of a card when no later gate has a section', () => {
    const text = '# M\n\n## Deployment\n\nKubernetes.';
    const insertion = missingItemSkeleton(parseCardText('MODEL_CARD.md', text), { checkId: 'GATE-NO-EVIDENCE', gate: 'deployment-monitoring', line: null })!;
    assert.equal(insertion.description, 'Add a "Deployment and Monitoring" section');
    const fixed = apply(text, insertion);
    assert.ok(fixed.startsWith(`${text}\n\n## Deployment and Monitoring\n\n- **`));
    assert.ok(fixed.split('\n').filter((line) => line.startsWith('- **')).length >= 10, 'a whole-gate skeleton lists every check of the gate');
  });

  it('offers nothing for a statement that needs rewriting, nor for toolkit JSON cards', () => {
    const card = parseCardText('MODEL_CARD.md', CARD);
    assert.equal(missingItemSkeleton(card, { checkId: 'DR-SOURCES', gate: 'data-readiness', line: 7 }), null);
    const json = parseCardText('model_card.json', '{"model_details": {"name": "m"}}');
    assert.equal(missingItemSkeleton(json, { checkId: 'DR-SOURCES', gate: 'data-readiness', line: null }), null);
  });
});
