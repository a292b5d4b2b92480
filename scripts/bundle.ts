/** Bundles the extension host code (dist/extension.js) and, separately, the webview (dist/webview/). */
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');

async function main(): Promise<void> {
  const production = process.argv.includes('--production');
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(join(DIST, 'webview'), { recursive: true });
  await Promise.all([
    build({
      entryPoints: [join(ROOT, 'src', 'extension', 'extension.ts')],
      outfile: join(DIST, 'extension.js'),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      // jsonc-parser's UMD entry requires its modules dynamically; its ES module entry bundles cleanly.
      mainFields: ['module', 'main'],
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
    build({
      entryPoints: [join(ROOT, 'webview', 'main.ts')],
      outfile: join(DIST, 'webview', 'main.js'),
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ]);
  copyFileSync(join(ROOT, 'webview', 'main.css'), join(DIST, 'webview', 'main.css'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
