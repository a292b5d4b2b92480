import { stat } from 'node:fs/promises';
import { isDynamicPattern, glob } from 'tinyglobby';

/** File names that are model cards when a folder is given. */
export const CARD_FILE_GLOBS = ['**/MODEL_CARD.md', '**/model_card.md', '**/model-card.md', '**/*.modelcard.md', '**/README.md', '**/model_card*.json', '**/*.modelcard.json'];
const IGNORED = ['**/node_modules/**', '**/.git/**', '**/workflow_outputs/**', '**/out/**', '**/dist/**'];

export interface ResolvedCards {
  files: string[];
  /** True when any argument was a folder or glob, so the caller answers with a list even for one card. */
  expanded: boolean;
  /** Arguments that matched nothing, with the reason. */
  problems: Array<{ input: string; problem: string }>;
}

/** Expands files, folders and globs into card paths, in argument order, without duplicates. */
export async function resolveCards(inputs: readonly string[]): Promise<ResolvedCards> {
  const files: string[] = [];
  const seen = new Set<string>();
  const problems: ResolvedCards['problems'] = [];
  let expanded = false;
  const add = (file: string) => {
    if (!seen.has(file)) {
      seen.add(file);
      files.push(file);
    }
  };
  for (const input of inputs) {
    const kind = await pathKind(input);
    if (kind === 'file') add(input);
    else if (kind === 'dir') {
      expanded = true;
      const found = (await glob(CARD_FILE_GLOBS, { cwd: input, ignore: IGNORED })).sort();
      if (found.length === 0) problems.push({ input, problem: 'folder contains no model cards (MODEL_CARD.md, model_card.md, README.md, *.modelcard.md, model_card*.json)' });
      found.forEach((file) => add(joinPosix(input, file)));
    } else if (isDynamicPattern(input)) {
      expanded = true;
      const found = (await glob([input], { ignore: IGNORED })).sort();
      if (found.length === 0) problems.push({ input, problem: 'no file matches this pattern' });
      found.forEach(add);
    } else add(input); // Missing files are reported by the reader with the file's name.
  }
  return { files, expanded, problems };
}

async function pathKind(path: string): Promise<'file' | 'dir' | 'none'> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'dir' : 'file';
  } catch {
    return 'none';
  }
}

function joinPosix(folder: string, file: string): string {
  return folder.endsWith('/') ? `${folder}${file}` : `${folder}/${file}`;
}
