import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

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
}
blockParser.block.State = CardStateBlock;

