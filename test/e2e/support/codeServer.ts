/** Installs and runs code-server (the real VS Code web build) on a loopback port, with our .vsix installed. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..', '..');

export interface CodeServer {
  url: string;
  userDataDir: string;
  stop(): Promise<void>;
  log(): string;
}

/** Runs test/e2e/install-code-server.sh (apt packages + code-server, cached) and returns the package folder. */
export function installCodeServer(): string {
  const result = spawnSync('bash', [join(REPO_ROOT, 'test', 'e2e', 'install-code-server.sh')], { encoding: 'utf8', timeout: 20 * 60_000 });
  if (result.status !== 0) throw new Error(`install-code-server.sh failed (${result.status}): ${result.stderr}`);
  return result.stdout.trim().split('\n').pop()!;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export function installVsix(codeServerPackage: string, extensionsDir: string, vsix: string, configFile: string): void {
  const result = spawnSync(process.execPath, [join(codeServerPackage, 'out', 'node', 'entry.js'), '--config', configFile, '--extensions-dir', extensionsDir, '--install-extension', vsix], { encoding: 'utf8', timeout: 120_000 });
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) throw new Error(`installing ${vsix} failed: ${result.stdout}\n${result.stderr}`);
}

const USER_SETTINGS = {
  'workbench.colorTheme': 'Default Dark Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'security.workspace.trust.enabled': false,
  'markdown.validate.enabled': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'telemetry.telemetryLevel': 'off',
  'chat.commandCenter.enabled': false,
  'files.autoSave': 'off',
};

/** Starts code-server on a free loopback port with a fresh profile; resolves once /healthz answers. */
export async function startCodeServer(codeServerPackage: string, vsix: string, workspace: string, settings: Record<string, unknown> = {}): Promise<CodeServer> {
  const root = mkdtempSync(join(tmpdir(), 'mrr-code-server-'));
  const userDataDir = join(root, 'user-data');
  const extensionsDir = join(root, 'extensions');
  const configFile = join(root, 'config.yaml');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  mkdirSync(extensionsDir);
  writeFileSync(configFile, '');
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...settings }, null, 2));
  installVsix(codeServerPackage, extensionsDir, vsix, configFile);
  const port = await freePort();
  const args = [join(codeServerPackage, 'out', 'node', 'entry.js'), '--config', configFile, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', workspace];
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => child.exitCode === null && process.kill(-child.pid!, 'SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return { url: `${url}/?folder=${encodeURIComponent(workspace)}`, userDataDir, stop, log: () => output };
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`code-server did not answer on ${url} within 60 s:\n${output}`);
}
