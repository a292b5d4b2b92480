import { mayMatch, requiredLiterals } from '../evidence/requiredLiterals';
import { lineAtOffset, lineStartOffsets } from '../text/offsets';

/**
 * Credentials that must never appear in a model card, as a data table (kind, pattern), and the
 * scanner that finds them on the card's raw lines (code blocks, HTML and front matter included).
 * A finding names the kind and the line only: the secret value is never returned.
 */

export interface SecretPattern {
  /** What the credential is, as a finding names it ("AWS access key ID"). */
  kind: string;
  /** Global, with indices; group 1 is the secret value (checked for placeholders, never shown). */
  pattern: RegExp;
  /** The value must look random: a generic `password=`-style assignment, or a vendor prefix that ordinary words can share. */
  random?: boolean;
}

/** Key names whose value is a credential in a generic `name = value` assignment. */
const GENERIC_NAMES = 'password|passwd|pwd|secret|api[_-]?key|apikey|access[_-]?key|private[_-]?key|token';
/** `name = value`, `name: value`, `"name": "value"`, `name := value`, `name => value`. */
const ASSIGN = `["']?[ \\t]*[:=]{1,2}>?[ \\t]*["']?`;

/** Specific vendors first: when two patterns overlap, the first one names the finding. */
export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { kind: 'AWS access key ID', pattern: /\b((?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16})(?![A-Z0-9])/dg },
  { kind: 'AWS secret access key', pattern: new RegExp(`aws_?secret_?(?:access_?)?key(?:_id)?${ASSIGN}([A-Za-z0-9/+=]{40})(?![A-Za-z0-9/+=])`, 'dgi') },
  { kind: 'Azure storage account key (connection string)', pattern: /AccountKey=([A-Za-z0-9+/=]{20,})/dgi },
  { kind: 'Azure Service Bus / Event Hubs shared access key', pattern: /SharedAccessKey=([A-Za-z0-9+/=]{20,})/dgi },
  { kind: 'Azure OpenAI / Cognitive Services key', pattern: new RegExp(`(?:azure[_-]?openai[_-]?(?:api[_-]?)?key|ocp-apim-subscription-key|api-key)${ASSIGN}([a-f0-9]{32})(?![a-z0-9])`, 'dgi') },
  { kind: 'Anthropic API key', pattern: /(?<![A-Za-z0-9_-])(sk-ant-[A-Za-z0-9_-]{20,})/dg, random: true },
  { kind: 'OpenAI API key', pattern: /(?<![A-Za-z0-9_-])(sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,})/dg, random: true },
  { kind: 'GitHub token', pattern: /\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255})(?![A-Za-z0-9_])/dg },
  { kind: 'GitHub fine-grained token', pattern: /\b(github_pat_[A-Za-z0-9_]{22,255})/dg },
  { kind: 'Hugging Face token', pattern: /(?<![A-Za-z0-9_])(hf_[A-Za-z0-9]{30,})(?![A-Za-z0-9_])/dg, random: true },
  { kind: 'Slack token', pattern: /\b(xox[abposr]-[A-Za-z0-9-]{15,})/dg },
  { kind: 'Slack webhook URL', pattern: /(https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9_/]{20,})/dg },
  { kind: 'Google API key', pattern: /\b(AIza[0-9A-Za-z_-]{35})(?![0-9A-Za-z_-])/dg },
  // Only with key material (base64 or a PEM header) after the marker, so prose that names the marker is not a key.
  { kind: 'private key block', pattern: /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----(?:\\n|\r?\n|[ \t])*([A-Za-z0-9+/=]{16,}|[A-Za-z-]+: )/dg },
  { kind: 'JSON Web Token', pattern: /\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})/dg },
  // Starts at "://" (fast to find); the lookbehind then requires a database scheme before it.
  {
    kind: 'database URL with an embedded password',
    pattern: /:\/\/(?<=\b(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver|oracle|clickhouse|snowflake|jdbc:[a-z]+)(?:\+[a-z0-9]+)?:\/\/)[^\s:@/"'`]+:([^\s@/"'`]+)@/dgi,
  },
  { kind: 'hard-coded credential', pattern: new RegExp(`(?:${GENERIC_NAMES})[a-z0-9_-]*${ASSIGN}([^\\s"'\`,;]+)`, 'dgi'), random: true },
];

/** Literals each pattern's matches need (requiredLiterals), by index in SECRET_PATTERNS. */
const REQUIRED = SECRET_PATTERNS.map(({ pattern }) => requiredLiterals(pattern));

/** Obvious stand-ins: `<your-key>`, `${OPENAI_API_KEY}`, `sk-...`, `xxxx`, `YOUR_API_KEY`, `****`, env lookups. */
const PLACEHOLDER_VALUE = /x{4,}|\*{3,}|•{3,}|\.{3}|…|<[^>]*>|\$\{|\$\(|\{\{|%\(|^\$[a-z_]|your[_-]?|replace[_-]?me|placeholder|redacted|changeme|insert[_-]|^\[.*\]$|process\.env|os\.environ|getenv|secretref|keyvault\(/i;
const PLACEHOLDER_WORD = /^(password|passwd|your-password|secret|token|none|null|empty|required|string)$/i;
const ENV_VAR_NAME = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/;
const CALL_OR_INDEX = /^[\w.]+\s*[([]/;
const REPEATED = /^(.)\1+$/;
const TRAILING_PUNCTUATION = /[)\]}*.>!?]+$/;
const LOWER = /[a-z]/;
const UPPER = /[A-Z]/;
const DIGIT = /\d/;
/** Generic name for the generic pattern's finding, from the key name that was assigned. */
const GENERIC_KIND: readonly [RegExp, string][] = [
  [/pass|pwd/i, 'hard-coded password'],
  [/private/i, 'hard-coded private key'],
  [/secret/i, 'hard-coded secret'],
  [/api[_-]?key|apikey/i, 'hard-coded API key'],
  [/access[_-]?key/i, 'hard-coded access key'],
  [/token/i, 'hard-coded token'],
];

export function isPlaceholderSecret(value: string): boolean {
  const trimmed = value.replace(TRAILING_PUNCTUATION, '');
  return (
    trimmed.length === 0 ||
    PLACEHOLDER_VALUE.test(value) ||
    PLACEHOLDER_WORD.test(trimmed) ||
    ENV_VAR_NAME.test(trimmed) ||
    CALL_OR_INDEX.test(trimmed) ||
    REPEATED.test(trimmed) ||
    trimmed.includes('://')
  );
}

/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** A literal that looks generated rather than a word: 10+ characters, two of lower/upper/digit, 3+ bits per character. */
export function looksRandom(value: string): boolean {
  const trimmed = value.replace(TRAILING_PUNCTUATION, '');
  if (trimmed.length < 10) return false;
  const classes = Number(LOWER.test(trimmed)) + Number(UPPER.test(trimmed)) + Number(DIGIT.test(trimmed));
  return classes >= 2 && shannonEntropy(trimmed) >= 3;
}

export interface SecretSpan {
  kind: string;
  /** Offset of the whole match in the scanned text. */
  start: number;
  end: number;
  /** Offsets of the secret value (group 1). */
  valueStart: number;
  valueEnd: number;
}

/** Every credential in a text, in text order, one per occurrence (overlapping matches reported once). */
export function scanSecrets(text: string): SecretSpan[] {
  const spans: SecretSpan[] = [];
  let lower: string | undefined;
  for (let index = 0; index < SECRET_PATTERNS.length; index++) {
    const { kind, pattern, random } = SECRET_PATTERNS[index];
    // Most lines hold no vendor prefix: skipping a pattern is far cheaper than running it (its code is cold).
    if (!mayMatch(REQUIRED[index], pattern.ignoreCase ? (lower ??= text.toLowerCase()) : text)) continue;
    pattern.lastIndex = 0;
    for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      const value = match[1] ?? match[0];
      const [valueStart, valueEnd] = match.indices?.[1] ?? [match.index, match.index + match[0].length];
      if (isPlaceholderSecret(value)) continue;
      if (random && !looksRandom(value)) continue;
      const start = match.index;
      const end = start + match[0].length;
      if (spans.some((span) => span.start < end && start < span.end)) continue;
      spans.push({ kind: kind === 'hard-coded credential' ? genericKind(match[0]) : kind, start, end, valueStart, valueEnd });
    }
  }
  return spans.sort((a, b) => a.start - b.start);
}

export interface SecretFinding {
  kind: string;
  /** 1-based line of the card. */
  line: number;
}

/**
 * Credentials on the card's lines (every line: code, HTML, front matter), one finding per occurrence.
 * Only lines that could hold one are scanned: a run of 20+ token characters, an assignment with a
 * value of 10+ characters, a URL, or a key-block marker (and the line after it).
 */
export function findSecrets(lines: readonly string[]): SecretFinding[] {
  const kept: number[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (!mayHoldSecret(lines[index])) continue;
    if (kept[kept.length - 1] !== index) kept.push(index);
    if (lines[index].includes('-----BEGIN') && index + 1 < lines.length) kept.push(index + 1);
  }
  if (kept.length === 0) return [];
  const text = kept.map((index) => lines[index]).join('\n');
  const spans = scanSecrets(text);
  if (spans.length === 0) return [];
  const starts = lineStartOffsets(text);
  return spans.map((span) => ({ kind: span.kind, line: kept[lineAtOffset(starts, span.start) - 1] + 1 }));
}

/** Characters of tokens, keys and base64: A-Z a-z 0-9 _ + / = . - */
const TOKEN_CHAR = new Uint8Array(128);
for (const char of 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_+/=.-') TOKEN_CHAR[char.charCodeAt(0)] = 1;
/** Characters that end an assigned literal: space, tab, quotes, backtick, comma, semicolon. */
const VALUE_END = new Uint8Array(128);
for (const char of ' \t"\'`,;') VALUE_END[char.charCodeAt(0)] = 1;
/** Every vendor token in the table is at least this long (AKIA + 16, xoxb- + 15); shorter runs are ordinary words. */
const MIN_TOKEN_RUN = 20;
/** looksRandom() needs 10 characters, so a shorter assigned literal cannot be a generic credential. */
const MIN_ASSIGNED = 10;
const EQUALS = 61;
const SPACE = 32;
const TAB = 9;
const QUOTE = 34;
const APOSTROPHE = 39;
const GREATER = 62;

/** Every key name an assignment pattern needs (GENERIC_NAMES, the AWS and Azure key names) contains one of these. */
const KEY_NAME_PART = /pass|pwd|secret|key|token/i;

/** Cheap pass: can this line hold any credential the patterns look for? */
function mayHoldSecret(line: string): boolean {
  // Database URLs can carry a short password; key blocks put the key material on the next line.
  return hasTokenRun(line) || hasKeyAssignment(line) || line.includes('://') || line.includes('-----BEGIN');
}

/** An assigned literal long enough for a generic credential, on a line that names a key ("max_depth=6, n_estimators=400" does not). */
function hasKeyAssignment(line: string): boolean {
  return (hasAssignedLiteral(line, ':') || hasAssignedLiteral(line, '=')) && KEY_NAME_PART.test(line);
}

/** A run of MIN_TOKEN_RUN token characters; probes the run's last character and skips ahead (Boyer-Moore style). */
function hasTokenRun(line: string): boolean {
  let start = 0;
  while (start + MIN_TOKEN_RUN <= line.length) {
    let probe = start + MIN_TOKEN_RUN - 1;
    while (probe >= start && isTokenChar(line.charCodeAt(probe))) probe--;
    if (probe < start) return true;
    start = probe + 1;
  }
  return false;
}

function isTokenChar(code: number): boolean {
  return code < 128 && TOKEN_CHAR[code] === 1;
}

function hasAssignedLiteral(line: string, operator: string): boolean {
  for (let at = line.indexOf(operator); at >= 0; at = line.indexOf(operator, at + 1)) if (assignedLength(line, at + 1) >= MIN_ASSIGNED) return true;
  return false;
}

/** Length of the literal after an assignment operator (spaces, quotes and "=>" skipped). */
function assignedLength(line: string, from: number): number {
  let i = from;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== QUOTE && code !== APOSTROPHE && code !== EQUALS && code !== GREATER) break;
  }
  const start = i;
  for (; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code < 128 && VALUE_END[code] === 1) break;
  }
  return i - start;
}

/** The text with every credential value replaced by "[redacted]", for quoting the card safely. */
export function redactSecrets(text: string): string {
  if (!mayHoldSecret(text)) return text;
  const spans = scanSecrets(text);
  let out = text;
  for (let i = spans.length - 1; i >= 0; i--) out = `${out.slice(0, spans[i].valueStart)}[redacted]${out.slice(spans[i].valueEnd)}`;
  return out;
}

const KEY_BLOCK_BEGIN = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const KEY_BLOCK_END = /-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;

/**
 * The card's lines with every credential replaced by "[redacted]", for text that leaves the machine
 * (a model reviewer's prompt): single-line credentials as in redactSecrets, and the body lines of a
 * private key block, which no single line shows to be a key. Line count and numbering are kept.
 */
export function redactSecretLines(lines: readonly string[]): string[] {
  let inKeyBlock = false;
  return lines.map((line) => {
    if (inKeyBlock) {
      if (KEY_BLOCK_END.test(line)) {
        inKeyBlock = false;
        return line.slice(line.search(KEY_BLOCK_END));
      }
      return '[redacted]';
    }
    if (KEY_BLOCK_BEGIN.test(line) && !KEY_BLOCK_END.test(line)) {
      inKeyBlock = true;
      const marker = line.match(KEY_BLOCK_BEGIN)!;
      return `${line.slice(0, marker.index! + marker[0].length)}${line.length > marker.index! + marker[0].length ? ' [redacted]' : ''}`;
    }
    return redactSecrets(line);
  });
}

function genericKind(assignment: string): string {
  const name = assignment.split(/[:=]/, 1)[0];
  return GENERIC_KIND.find(([pattern]) => pattern.test(name))?.[1] ?? 'hard-coded credential';
}
