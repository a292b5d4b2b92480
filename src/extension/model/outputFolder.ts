import { isAbsolute, relative, resolve } from 'node:path';

/** The report folder inside the workspace folder, or a message saying why the setting cannot be used. */
export function resolveOutputFolder(workspaceFolder: string, setting: string): { folder: string } | { problem: string } {
  const value = setting.trim();
  if (value.length === 0) return { problem: 'modelReadiness.outputFolder is empty; set it to a folder inside the workspace, e.g. workflow_outputs' };
  const folder = resolve(workspaceFolder, value);
  const inside = relative(workspaceFolder, folder);
  if (inside.startsWith('..') || isAbsolute(inside)) return { problem: `modelReadiness.outputFolder "${value}" points outside the workspace folder ${workspaceFolder}; reports are written only inside the workspace` };
  return { folder };
}
