import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { gateStatus, recommendationOf, worseStatus } from '../src/core/review/status';
import type { Finding } from '../src/core/review/types';

const finding = (severity: Finding['severity']): Finding => ({ checkId: 'XX-TEST', severity, message: 'm', line: null, endLine: null });

describe('gate status rules', () => {
  it('fails on any error, is conditional on warnings, passes otherwise', () => {
    assert.equal(gateStatus([finding('warning'), finding('error')], 5), 'Fail');
    assert.equal(gateStatus([finding('warning'), finding('info')], 5), 'Conditional');
    assert.equal(gateStatus([finding('info')], 5), 'Pass');
    assert.equal(gateStatus([], 3), 'Pass');
  });

  it('never passes a gate without evidence', () => {
    assert.equal(gateStatus([], 0), 'Fail');
    assert.equal(gateStatus([finding('info')], 0), 'Fail');
  });

  it('derives the recommendation from the worst gate', () => {
    assert.equal(recommendationOf(['Pass', 'Pass']), 'Go');
    assert.equal(recommendationOf(['Pass', 'Conditional']), 'Conditional Go');
    assert.equal(recommendationOf(['Conditional', 'Fail', 'Pass']), 'No-Go');
  });

  it('worseStatus only ever lowers', () => {
    assert.equal(worseStatus('Pass', 'Fail'), 'Fail');
    assert.equal(worseStatus('Fail', 'Pass'), 'Fail');
    assert.equal(worseStatus('Conditional', 'Pass'), 'Conditional');
  });
});
