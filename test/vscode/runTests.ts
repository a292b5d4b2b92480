/**
 * The e2e scenarios through the VS Code API in desktop VS Code (`npm run test:vscode`): @vscode/test-electron
 * downloads VS Code 1.100, opens a copy of the examples and runs suite.ts inside the extension host.
 * CI here runs the code-server suite instead (desktop VS Code cannot be downloaded on this network).
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO_ROOT = join(__dirname, '..', '..', '..');

async function main(): Promise<void> {
  const workspace = mkdtempSync(join(tmpdir(), 'mrr-vscode-'));
  for (const example of ['mediocre', 'thorough', 'near-empty', 'unsafe-content']) cpSync(join(REPO_ROOT, 'examples', example), join(workspace, example), { recursive: true });
  await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3',
    extensionDevelopmentPath: REPO_ROOT,
    extensionTestsPath: join(__dirname, 'suite.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
