import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS, validateRegistry } from '../src/core/checks/registry';
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

  it('has 10 to 15 checks per gate, ids prefixed by gate', () => {
    for (const gate of GATES) {
      const checks = CHECKS.filter((check) => check.gate === gate.id);
      assert.ok(checks.length >= 10 && checks.length <= 15, `${gate.id} has ${checks.length} checks`);
      assert.equal(new Set(checks.map((check) => check.id.slice(0, 2))).size, 1, `${gate.id} mixes prefixes`);
    }
  });

  it('reports the package version', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8'));
    assert.equal(TOOL.version, manifest.version);
  });
});
