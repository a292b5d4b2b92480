import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS, checksOfGate, validateRegistry } from '../src/core/checks/registry';
import { GATES } from '../src/core/gates';
import { TOOL } from '../src/core/version';
import { REPO_ROOT } from './support/cards';

describe('check registry', () => {
  it('satisfies its invariants (unique ids, gate order, complete metadata)', () => {
    assert.deepEqual(validateRegistry(), []);
  });

  it('catches a duplicate id and an out-of-order check', () => {
    const [first, second] = CHECKS;
    assert.match(validateRegistry([first, first]).join('\n'), /duplicate check id/);
    const late = CHECKS.find((check) => check.gate === 'deployment-monitoring') ?? { ...second, gate: 'deployment-monitoring' as const };
    assert.match(validateRegistry([late, first]).join('\n'), /out of gate order/);
  });

  it('has 10 to 15 checks per gate, ids prefixed by gate, with explanations a reviewer can act on', () => {
    const prefixes: Record<string, string> = { 'problem-framing': 'PF', 'data-readiness': 'DR', 'feature-engineering': 'FE', 'model-performance': 'MP', 'responsible-ai': 'RA', 'security-robustness': 'SR', 'deployment-monitoring': 'DM' };
    for (const gate of GATES) {
      const checks = checksOfGate(gate.id);
      assert.ok(checks.length >= 10 && checks.length <= 15, `${gate.id} has ${checks.length} checks`);
      for (const check of checks) {
        assert.ok(check.id.startsWith(`${prefixes[gate.id]}-`), `${check.id} in ${gate.id}`);
        assert.ok(check.title.trim().length > 3, `${check.id} has no title`);
        for (const field of [check.description, check.source, check.mitigation]) assert.ok(field.trim().length > 10, `${check.id}: "${field}" is too short to explain itself`);
      }
    }
  });

  it('reports the package version', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(TOOL.version, manifest.version);
  });
});
