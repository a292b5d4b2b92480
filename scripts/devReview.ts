/** Developer aid: prints every check's outcome for one card (npm run build && node out/scripts/devReview.js CARD [GATE_ID]). */
import { readCardFile } from '../src/core/card/readCard';
import { reviewCard } from '../src/core/review/reviewCard';

async function main(): Promise<void> {
  const [path, onlyGate] = process.argv.slice(2);
  const card = await readCardFile(path);
  const review = reviewCard(card);
  for (const gate of review.gates) {
    if (onlyGate && gate.id !== onlyGate) continue;
    console.log(`\n${gate.number}. ${gate.title}: ${gate.status}`);
    for (const item of gate.evidence) console.log(`   pass  ${item.checkId} (line ${item.line})`);
    for (const id of gate.skipped) console.log(`   skip  ${id}`);
    for (const finding of gate.findings) console.log(`   ${finding.severity.padEnd(5)} ${finding.checkId} (line ${finding.line}): ${finding.message}`);
  }
  console.log(`\n${review.recommendation} (maturity ${review.maturityLevel}, ${review.elapsedMs} ms)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
