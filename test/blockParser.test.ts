import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { blockParser, readBlockTokens } from '../src/core/card/blockParser';

/** markdown-it's own block phase, as the reader configures it but with the stock token constructor. */
const stock = new MarkdownIt({ html: true, linkify: false });
stock.core.ruler.disable(['inline', 'text_join']);

const EXAMPLES = join(__dirname, '..', '..', 'examples');
const exampleTexts = readdirSync(EXAMPLES).flatMap((dir) =>
  readdirSync(join(EXAMPLES, dir))
    .filter((file) => file.endsWith('.md'))
    .map((file) => readFileSync(join(EXAMPLES, dir, file), 'utf8')),
);

/** Every field of every token, in order, with the class the token answers to. */
function snapshot(tokens: MarkdownIt.Token[]): unknown[] {
  return tokens.map((token) => ({ fields: Object.entries(token), isToken: token.attrGet('x') === null && typeof token.attrJoin === 'function' }));
}

describe('the reader block parser', () => {
  it('gives the same tokens, field by field and in the same order, as the stock block phase on every example card', () => {
    assert.ok(exampleTexts.length >= 6);
    for (const text of exampleTexts) assert.deepEqual(snapshot(blockParser.parse(text, {})), snapshot(stock.parse(text, {})));
  });

  it('gives the same tokens as the stock block phase on random markdown (lists, tables, quotes, fences, html)', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('# T\n', '## Data\n', '- item\n', '  - nested\n', '1. one\n', '> quote\n', '```py\nx = 1\n```\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', '<div>\n', '---\n', '\n\n', 'text *em* `code`\n', '[ref]: http://x\n', '\t- tab item\n', '   continued\n', '\tindented\n', '>  > nested\n', '1. one\n   more\n', ' \t mixed\n'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        assert.deepEqual(snapshot(blockParser.parse(text, {})), snapshot(stock.parse(text, {})));
      }),
      { numRuns: 2000 },
    );
  });

  it('builds its block state with the stock fields and line marks (indents, tabs, blank and whitespace-only last lines)', () => {
    type State = InstanceType<typeof stock.block.State>;
    const marks = (state: State) => ({ fields: Object.keys(state), lines: [state.bMarks, state.eMarks, state.tShift, state.sCount, state.bsCount, state.lineMax] });
    const stateOf = (parser: typeof stock, text: string) => marks(new parser.block.State(text, parser, {}, []));
    for (const text of exampleTexts) assert.deepEqual(stateOf(blockParser, text), stateOf(stock, text));
    fc.assert(
      fc.property(fc.array(fc.constantFrom(' ', '\t', '\n', '\r', 'a', '-'), { maxLength: 60 }), (chars) => {
        const text = chars.join('');
        assert.deepEqual(stateOf(blockParser, text), stateOf(stock, text));
      }),
      { numRuns: 1000 },
    );
  });

  it('reads the same block tokens as the parse pipeline, with lines before the first line read as blank', () => {
    const piece = fc.oneof(fc.string(), fc.constantFrom('# T\n', '- item\n', '| a | b |\n|---|---|\n| 1 | 2 |\n', '[ref]: http://x\n', '\r\n', '\r', '\0', '---\n', 'key: value\n', '\n'));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.nat(6), (pieces, skipped) => {
        const text = pieces.join('');
        assert.deepEqual(snapshot(readBlockTokens(text)), snapshot(blockParser.parse(text, {})));
        const lines = text.replace(/\r\n?/g, '\n').split('\n');
        const firstLine = Math.min(skipped, lines.length - 1);
        const blanked = '\n'.repeat(firstLine) + lines.slice(firstLine).join('\n');
        assert.deepEqual(snapshot(readBlockTokens(text, firstLine)), snapshot(blockParser.parse(blanked, {})));
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the token methods markdown-it plugins rely on', () => {
    const [heading] = blockParser.parse('# Title\n', {});
    heading.attrSet('id', 'title');
    heading.attrJoin('id', 'x');
    assert.equal(heading.attrGet('id'), 'title x');
  });
});
