/** npm run bench: every benchmark, each in its own process so neither warms the other's JIT; fails if any target is missed. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const BENCHES = ['reviewVsParse.js', 'tokenEconomy.js'];

let failed = 0;
for (const bench of BENCHES) {
  const result = spawnSync(process.execPath, [join(__dirname, bench)], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
  process.stdout.write('\n');
}
process.exitCode = failed > 0 ? 1 : 0;
