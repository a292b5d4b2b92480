/**
 * Writes the commands, menus and settings of package.json from src/extension/model/contributions.ts
 * (settings enums come from the gate and check registries). With --check, fails when package.json is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandContributions, configurationContribution, menuContributions } from '../src/extension/model/contributions';

const PACKAGE_JSON = join(__dirname, '..', '..', 'package.json');

export function generatedManifest(current: string): string {
  const manifest = JSON.parse(current) as { contributes?: Record<string, unknown> };
  manifest.contributes = { ...manifest.contributes, commands: commandContributions(), menus: menuContributions(), configuration: configurationContribution() };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function main(): void {
  const current = readFileSync(PACKAGE_JSON, 'utf8');
  const next = generatedManifest(current);
  if (current === next) return;
  if (process.argv.includes('--check')) {
    console.error('package.json contributes (commands, menus, configuration) is out of date; run "npm run manifest".');
    process.exit(1);
  }
  writeFileSync(PACKAGE_JSON, next);
}

if (require.main === module) main();
