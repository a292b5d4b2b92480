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
    assert.equal(outcomeOf('PF-SCOPE-IN', '# Card\n\n## Uses\n\n### Direct Use\n\nClassifies support tickets by urgency.\n'), 'pass@7');
    assert.equal(outcomeOf('PF-SCOPE-IN', '# Card\n\n## Uses\n\n### Direct Use\n\nSupport tickets, by urgency.\n'), 'pass@3');
    assert.equal(outcomeOf('PF-SCOPE-IN', '# Card\n\n## Uses\n\n### Direct Use\n\n[More Information Needed]\n'), 'fail:warning@3');
  });

  it('PF-MODEL-DETAILS takes a version number ("v2.1") for a version, unless the sentence negates it', () => {
    assert.equal(outcomeOf('PF-MODEL-DETAILS', '# Card\n\n## Model Details\n\nA gradient-boosted classifier, v2.1.\n'), 'pass@5');
    assert.equal(outcomeOf('PF-MODEL-DETAILS', '# Card\n\n## Model Details\n\nA gradient-boosted classifier. No v2 yet.\n'), 'fail:warning@3');
  });

  it('PF-LICENSE reads Hugging Face metadata', () => {
    assert.equal(outcomeOf('PF-LICENSE', '---\nlicense: apache-2.0\n---\n# Card\n'), 'pass@1');
    assert.equal(outcomeOf('PF-LICENSE', '# Card\n\nNothing here.\n'), 'fail:info@null');
  });

  it('PF-ACCEPTANCE accepts a metric held to a bound, and rejects a goal without one', () => {
    assert.equal(outcomeOf('PF-ACCEPTANCE', '# Card\n\n## KPIs\n\n- Primary KPI: WAPE ≤ 22% on a 4-week horizon.\n'), 'pass@5');
    assert.equal(outcomeOf('PF-ACCEPTANCE', '# Card\n\n## Overview\n\nKeep recall at or above 0.93 on the evaluation set.\n'), 'pass@5');
    assert.equal(outcomeOf('PF-ACCEPTANCE', '# Card\n\n## KPIs\n\nWe want a better WAPE.\n'), 'fail:error@3');
  });

  it('PF-KPI-DEFINED accepts a measurable goal without the word KPI', () => {
    assert.equal(outcomeOf('PF-KPI-DEFINED', '# Card\n\nThe project goal is to replace two of three inspection stations while keeping recall at 0.93.\n'), 'pass@3');
    assert.equal(outcomeOf('PF-KPI-DEFINED', '# Card\n\nOur goal is happier customers.\n'), 'fail:error@null');
  });

  it('PF-KPI-BASELINE reads "from X to Y" targets as a baseline', () => {
    assert.equal(outcomeOf('PF-KPI-BASELINE', '# Card\n\nKPI: cut re-routed tickets from 23% to <= 10%.\n'), 'pass@3');
    assert.equal(outcomeOf('PF-KPI-BASELINE', '# Card\n\nKPI: re-routed tickets <= 10%.\n'), 'fail:warning@null');
  });

  it('PF-USERS wants the people who use the predictions, not the data subjects', () => {
    // "no customer data" does not say the card has no users.
    assert.equal(outcomeOf('PF-USERS', '# Card\n\n## Data\n\nThe model uses no customer data.\n'), 'fail:warning@null');
    assert.equal(outcomeOf('PF-USERS', '# Card\n\n## Uses\n\nReplenishment planners use it to set order quantities.\n'), 'pass@5');
  });
});
