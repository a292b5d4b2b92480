import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { quote } from '../src/core/checks/helpers';
import type { Hit } from '../src/core/evidence/evidence';

const hitWith = (sentence: string) => ({ sentence }) as Hit;

describe('quote', () => {
  it('collapses every whitespace run to one space, exactly as /\\s+/g would', () => {
    const samples = ['one two', 'wrapped\nline', 'tab\tand  two spaces', ' lead and trail ', 'nbsp\u00a0here', 'mixed \n\t  run', 'a\r\nb', '', ' ', '\n'];
    for (const sentence of samples) assert.equal(quote(hitWith(sentence), 500), sentence.replace(/\s+/g, ' '));
  });
});
