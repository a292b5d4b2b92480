import { parseArgs } from 'node:util';
import type { ReviewerOverrides } from '../core/llm/environment';
import { DEFAULT_OUTPUT_FOLDER, DEFAULT_REPORT_FORMATS, REPORT_FORMATS, type ReportFormat } from '../core/report/writeReports';

export const OUTPUT_FORMATS = ['text', 'json', 'markdown', 'sarif'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];
export const FAIL_ON = ['no-go', 'conditional'] as const;
export const REVIEWERS = ['offline', 'azure', 'openai'] as const;
export type ReviewerChoice = (typeof REVIEWERS)[number];
export type FailOn = (typeof FAIL_ON)[number];

export interface ReviewCommand {
  kind: 'review';
  cards: string[];
  format: OutputFormat;
  /** Folder to write reports into, or null to write none. */
  out: string | null;
  reportFormats: ReportFormat[];
  failOn: FailOn;
  quiet: boolean;
  jobs: number | null;
  reviewer: ReviewerChoice;
  /** Flags that override the reviewer's environment variables. */
  reviewerOverrides: ReviewerOverrides;
}

export type Command = ReviewCommand | { kind: 'help' } | { kind: 'version' } | { kind: 'checks'; format: 'text' | 'json' | 'markdown' };

export class UsageError extends Error {}

export const USAGE = `Usage: model-readiness review <card|dir|glob...> [options]
       model-readiness checks [--format text|markdown|json]

Reviews model cards (Markdown, Hugging Face README.md, Model Card Toolkit JSON) through seven
production-readiness gates and recommends Go, Conditional Go or No-Go. Offline and deterministic
by default; --reviewer azure|openai adds the model reviewer's chain of gate agents.

Options:
  --format text|json|markdown|sarif   what to print on stdout (default: text)
  --out DIR                           also write reports into DIR (never overwrites)
  --save                              write reports into ./workflow_outputs (same as --out workflow_outputs)
  --report-formats LIST               formats written by --out/--save, comma separated:
                                      txt,md,json,sarif,html (default: txt,md)
  --fail-on no-go|conditional         exit 1 when a card is No-Go (default), or not Go
  --jobs N                            worker threads for large batches (default: CPU count)
  --quiet                             no progress on stderr
  --reviewer offline|azure|openai     who reviews (default: offline, the deterministic checks)
      azure:  AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT, OPENAI_API_VERSION, and
              AZURE_OPENAI_API_KEY (without it: Microsoft Entra ID, e.g. after az login)
      openai: OPENAI_BASE_URL (e.g. http://localhost:11434/v1), OPENAI_MODEL, OPENAI_API_KEY
  --endpoint URL --deployment NAME --api-version V --auth entra|key
                                      override the Azure variables
  --base-url URL --model NAME         override the OpenAI-compatible variables
  --stream                            stream the model's answers (SSE)
  --timeout SECONDS                   per model request (default: 120)
  --retry-after-cap SECONDS           longest 429 retry-after wait honoured (default: 120)
  -h, --help                          this help
  -v, --version                       print the version

Exit codes: 0 recommendation clears --fail-on, 1 it does not, 2 bad usage or unreadable input.`;

/** Parses argv (without node and script). Throws UsageError with a one-line reason. */
export function parseCommand(argv: string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        out: { type: 'string' },
        save: { type: 'boolean' },
        'report-formats': { type: 'string' },
        'fail-on': { type: 'string' },
        jobs: { type: 'string' },
        quiet: { type: 'boolean' },
        reviewer: { type: 'string' },
        endpoint: { type: 'string' },
        deployment: { type: 'string' },
        'api-version': { type: 'string' },
        auth: { type: 'string' },
        'base-url': { type: 'string' },
        model: { type: 'string' },
        stream: { type: 'boolean' },
        timeout: { type: 'string' },
        'retry-after-cap': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };
  const [command, ...rest] = positionals;
  if (command === undefined) throw new UsageError('missing command; try "model-readiness review MODEL_CARD.md"');
  if (command === 'checks') {
    const format = values.format ?? 'text';
    if (format !== 'text' && format !== 'json' && format !== 'markdown') throw new UsageError(`checks: --format must be text, markdown or json, not "${format}"`);
    return { kind: 'checks', format };
  }
  if (command !== 'review') throw new UsageError(`unknown command "${command}"; the commands are review and checks`);
  if (rest.length === 0) throw new UsageError('review: give at least one model card (a file, a folder or a glob)');
  if (values.out !== undefined && values.save) throw new UsageError('use either --out DIR or --save, not both');
  const modelFlags = (['endpoint', 'deployment', 'api-version', 'auth', 'base-url', 'model', 'stream', 'timeout', 'retry-after-cap'] as const).filter((flag) => values[flag] !== undefined);
  if (modelFlags.length > 0 && (values.reviewer ?? 'offline') === 'offline') throw new UsageError(`--${modelFlags[0]} configures the model reviewer; add --reviewer azure or --reviewer openai`);
  return {
    kind: 'review',
    cards: rest,
    format: oneOf('--format', values.format ?? 'text', OUTPUT_FORMATS),
    out: values.out ?? (values.save ? DEFAULT_OUTPUT_FOLDER : null),
    reportFormats: parseReportFormats(values['report-formats']),
    failOn: oneOf('--fail-on', values['fail-on'] ?? 'no-go', FAIL_ON),
    quiet: values.quiet ?? false,
    jobs: parseJobs(values.jobs),
    reviewer: oneOf('--reviewer', values.reviewer ?? 'offline', REVIEWERS),
    reviewerOverrides: {
      endpoint: values.endpoint,
      deployment: values.deployment,
      apiVersion: values['api-version'],
      auth: values.auth === undefined ? undefined : oneOf('--auth', values.auth, ['entra', 'key'] as const),
      baseUrl: values['base-url'],
      model: values.model,
      stream: values.stream,
      timeoutMs: parseSeconds('--timeout', values.timeout),
      retryAfterCapMs: parseSeconds('--retry-after-cap', values['retry-after-cap']),
    },
  };
}

function parseSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) throw new UsageError(`${flag} must be a number of seconds from 1 to 3600, not "${value}"`);
  return seconds * 1000;
}

function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be one of ${allowed.join(', ')}, not "${value}"`);
}

function parseReportFormats(value: string | undefined): ReportFormat[] {
  if (value === undefined) return [...DEFAULT_REPORT_FORMATS];
  const formats = value.split(',').map((item) => item.trim()).filter(Boolean);
  if (formats.length === 0) throw new UsageError('--report-formats needs at least one format');
  return [...new Set(formats.map((format) => oneOf('--report-formats', format, REPORT_FORMATS)))];
}

function parseJobs(value: string | undefined): number | null {
  if (value === undefined) return null;
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 64) throw new UsageError(`--jobs must be a whole number from 1 to 64, not "${value}"`);
  return jobs;
}
