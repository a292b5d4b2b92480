import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;
type StateBlock = InstanceType<typeof MarkdownIt.prototype.block.State>;

/**
 * markdown-it as the card reader uses it: raw HTML kept as html blocks (never rendered), and
 * only the block phase run. Inline markup is reduced to reader-visible text by inlineText,
 * which costs a fraction of markdown-it's inline phase and keeps what the checks need.
 */
export const blockParser = new MarkdownIt({ html: true, linkify: false });
blockParser.core.ruler.disable(['inline', 'text_join']);

const StockStateBlock = blockParser.block.State;
const stockToken: Token = new (new StockStateBlock('', blockParser, {}, []).Token)('', '', 0);

/**
 * markdown-it 15's bundled Token constructor sets each field through a transpiler helper
 * (_defineProperty), which costs over half of its block phase. The reader's tokens are built
 * by a plain constructor instead: the same fields, in the same order, on Token's prototype.
 */
function CardToken(this: Token, type: string, tag: string, nesting: Token['nesting']): void {
  this.map = null;
  this.level = 0;
  this.children = null;
  this.content = '';
  this.markup = '';
  this.info = '';
  this.block = true;
  this.hidden = false;
  this.type = type;
  this.tag = tag;
  this.attrs = null;
  this.nesting = nesting;
  this.meta = null;
}
CardToken.prototype = Object.getPrototypeOf(stockToken) as Token;
const newToken = CardToken as unknown as new (type: string, tag: string, nesting: Token['nesting']) => Token;

/** StateBlock whose push() is the stock one (level bookkeeping included) with the plain token constructor. */
class CardStateBlock extends StockStateBlock {
  override push(type: string, tag: string, nesting: Token['nesting']): Token {
    const token = new newToken(type, tag, nesting);
    if (nesting < 0) this.level--;
    token.level = this.level;
    if (nesting > 0) this.level++;
    this.tokens.push(token);
    return token;
  }

  /**
   * The stock getLines slices every line and joins the slices. When no line gives up indent (each
   * starts where the previous one ended), the same text is one slice of the source.
   */
  override getLines(begin: number, end: number, indent: number, keepLastLF: boolean): string {
    if (begin >= end) return '';
    const start = this.bMarks[begin];
    let next = start;
    for (let line = begin; line < end; line++) {
      const first = this.bMarks[line];
      // With an indent to remove, a line that starts with indent gives some up (tabs expanded): the stock code does that.
      const givesUpIndent = indent > 0 && (this.tShift[line] > 0 || isSpaceOrTab(this.src.charCodeAt(first)));
      if (first !== next || givesUpIndent) return super.getLines(begin, end, indent, keepLastLF);
      next = line + 1 < end || keepLastLF ? this.eMarks[line] + 1 : this.eMarks[line];
    }
    return this.src.slice(start, next);
  }
}

function isSpaceOrTab(code: number): boolean {
  return code === 0x20 || code === 0x09;
}

/**
 * The stock StateBlock constructor also sets its fields through _defineProperty and reads the
 * source one character at a time to mark lines; this one sets the same fields plainly and finds
 * line ends with indexOf, reading only each line's indent (same marks, see markLines).
 */
function PlainStateBlock(this: StateBlock, src: string, md: StateBlock['md'], env: StateBlock['env'], tokens: Token[]): void {
  this.bMarks = [];
  this.eMarks = [];
  this.tShift = [];
  this.sCount = [];
  this.bsCount = [];
  this.blkIndent = 0;
  this.line = 0;
  this.lineMax = 0;
  this.tight = false;
  this.listIndent = -1;
  this.parentType = 'root';
  this.level = 0;
  this.Token = stockToken.constructor as StateBlock['Token'];
  this.src = src;
  this.md = md;
  this.env = env;
  this.tokens = tokens;
  markLines(this, src);
}
PlainStateBlock.prototype = CardStateBlock.prototype;
blockParser.block.State = PlainStateBlock as unknown as typeof StockStateBlock;

/**
 * Line marks as markdown-it computes them: begin, end (the newline or the source end), indent in
 * characters and in columns (tabs to the next multiple of 4). A last line of nothing but spaces
 * and tabs, without a newline, is not a line, as in the stock constructor.
 */
function markLines(state: StateBlock, src: string): void {
  const length = src.length;
  let start = 0;
  while (start < length) {
    let pos = start;
    let indent = 0;
    let offset = 0;
    for (; pos < length; pos++) {
      const code = src.charCodeAt(pos);
      if (code === 0x20) offset++;
      else if (code === 0x09) offset += 4 - (offset % 4);
      else break;
      indent++;
    }
    if (pos === length) break;
    const newline = src.indexOf('\n', pos);
    const end = newline < 0 ? length : newline;
    state.bMarks.push(start);
    state.eMarks.push(end);
    state.tShift.push(indent);
    state.sCount.push(offset);
    state.bsCount.push(0);
    start = end + 1;
  }
  state.bMarks.push(length);
  state.eMarks.push(length);
  state.tShift.push(0);
  state.sCount.push(0);
  state.bsCount.push(0);
  state.lineMax = state.bMarks.length - 1;
}

const CARRIAGE_RETURN = /\r\n?/g;
const NUL = /\0/g;

/**
 * The block tokens blockParser.parse gives, with lines before `firstLine` (front matter) read as
 * blank lines. The core chain is run by hand: normalize only when there is something to normalize,
 * the block phase, then strip_references; its other rules are off in the reader's configuration.
 */
export function readBlockTokens(src: string, firstLine = 0): Token[] {
  const tokens: Token[] = [];
  let text = src.includes('\r') ? src.replace(CARRIAGE_RETURN, '\n') : src;
  if (text.includes('\0')) text = text.replace(NUL, '\uFFFD');
  if (text.length === 0) return tokens;
  const env: StateBlock['env'] = {};
  const state = new blockParser.block.State(text, blockParser, env, tokens);
  blockParser.block.tokenize(state, firstLine, state.lineMax);
  return env.references === undefined ? tokens : tokens.filter((token) => token.type !== 'reference_definition');
}
