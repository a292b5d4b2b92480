import { load as loadYaml, YAMLException } from 'js-yaml';
import type { CardMetadata, CardNotice, ModelIndexResult } from './types';

const FRONT_MATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

export interface FrontMatterSplit {
  metadata: CardMetadata | null;
  /** Number of lines the front matter occupies, so the body keeps its real line numbers. */
  lineCount: number;
  notices: CardNotice[];
}

/** Splits and parses YAML front matter (Hugging Face metadata). Invalid YAML is a notice, not a crash. */
export function readFrontMatter(text: string): FrontMatterSplit {
  const match = FRONT_MATTER.exec(text);
  if (!match) return { metadata: null, lineCount: 0, notices: [] };
  const lineCount = match[0].split('\n').length - (match[0].endsWith('\n') ? 1 : 0);
  let raw: unknown;
  try {
    // js-yaml: a full YAML 1.2 parser, several times faster than the alternatives on front matter.
    raw = loadYaml(match[1], { json: true });
  } catch (error) {
    const reason = error instanceof YAMLException ? error.reason : String(error);
    const line = error instanceof YAMLException && error.mark ? error.mark.line + 2 : 1;
    return { metadata: null, lineCount, notices: [{ kind: 'front-matter-invalid', message: `The YAML front matter could not be parsed (line ${line}): ${reason}.`, line }] };
  }
  if (!isRecord(raw)) return { metadata: null, lineCount, notices: [] };
  return { metadata: toMetadata(raw, 1, lineCount), lineCount, notices: [] };
}

export function toMetadata(raw: Record<string, unknown>, line: number, endLine: number): CardMetadata {
  return {
    raw,
    line,
    endLine,
    license: asString(raw.license),
    datasets: asStringList(raw.datasets),
    metrics: asStringList(raw.metrics),
    baseModel: asStringList(raw.base_model)[0],
    pipelineTag: asString(raw.pipeline_tag),
    libraryName: asString(raw.library_name),
    modelIndex: readModelIndex(raw['model-index']),
    co2EqEmissions: raw.co2_eq_emissions,
  };
}

function readModelIndex(value: unknown): ModelIndexResult[] {
  const results: ModelIndexResult[] = [];
  for (const entry of asArray(value)) {
    if (!isRecord(entry)) continue;
    for (const result of asArray(entry.results)) {
      if (!isRecord(result)) continue;
      const task = isRecord(result.task) ? asString(result.task.type) ?? asString(result.task.name) : undefined;
      const dataset = isRecord(result.dataset) ? asString(result.dataset.name) ?? asString(result.dataset.type) : undefined;
      const split = isRecord(result.dataset) ? asString(result.dataset.split) : undefined;
      const metrics = asArray(result.metrics)
        .filter(isRecord)
        .map((metric) => ({
          type: asString(metric.type) ?? asString(metric.name) ?? 'unknown',
          value: typeof metric.value === 'number' || typeof metric.value === 'string' ? metric.value : null,
          name: asString(metric.name),
        }));
      results.push({ task, dataset, split, metrics });
    }
  }
  return results;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function asStringList(value: unknown): string[] {
  return asArray(value).map(asString).filter((item): item is string => item !== undefined);
}
