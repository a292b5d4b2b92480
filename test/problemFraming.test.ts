import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { outcomeOf } from './support/cards';

describe('problem framing checks', () => {
  it('PF-KPI-TARGET passes only when a KPI carries a number', () => {
    assert.equal(outcomeOf('PF-KPI-TARGET', '# Card\n\n## KPIs\n\nReduce monthly fraud losses by 20% within two quarters.\n'), 'pass@5');
    assert.equal(outcomeOf('PF-KPI-TARGET', '# Card\n\n## Goals\n\nOur goal is to improve retention.\n'), 'fail:error@5');
    assert.equal(outcomeOf('PF-KPI-TARGET', '# Card\n\nA model.\n'), 'fail:error@null');
  });

  it('PF-OBJECTIVE fails at the sentence that says the objective is missing', () => {
    assert.equal(outcomeOf('PF-OBJECTIVE', '# Card\n\n## Business objective\n\nThe business objective is TBD.\n'), 'fail:error@5');
  });

  it('PF-SCOPE-IN accepts a filled Uses section and rejects a placeholder one', () => {
    assert.equal(outcomeOf('PF-SCOPE-IN', '# Card\n\n## Uses\n\n### Direct Use\n\nClassifies support tickets by urgency.\n'), 'pass@3');
    assert.equal(outcomeOf('PF-SCOPE-IN', '# Card\n\n## Uses\n\n### Direct Use\n\n[More Information Needed]\n'), 'fail:warning@3');
  });

  it('PF-LICENSE reads Hugging Face metadata', () => {
    assert.equal(outcomeOf('PF-LICENSE', '---\nlicense: apache-2.0\n---\n# Card\n'), 'pass@1');
    assert.equal(outcomeOf('PF-LICENSE', '# Card\n\nNothing here.\n'), 'fail:info@null');
  });
});
