import type { Review } from '../core/review/types';
import { RECOMMENDATION_ICON, STATUS_ICON } from '../core/report/disclaimers';

/** One line per card for batch runs: recommendation, then each gate's status in order. */
export function renderBatchSummary(reviews: readonly Review[], failures: number): string {
  const lines = reviews.map((review) => `${RECOMMENDATION_ICON[review.recommendation]} ${review.recommendation.padEnd(14)} ${review.gates.map((gate) => STATUS_ICON[gate.status]).join(' ')}  ${review.card}`);
  const count = (recommendation: Review['recommendation']) => reviews.filter((review) => review.recommendation === recommendation).length;
  lines.push('', `${reviews.length} card(s) reviewed: ${count('Go')} Go, ${count('Conditional Go')} Conditional Go, ${count('No-Go')} No-Go${failures > 0 ? `; ${failures} unreadable` : ''}.`);
  lines.push('Gate order: 🎯 Problem Framing · 📊 Data · 🧱 Features · 📈 Performance · ⚖️ Responsible AI · 🛡️ Security · 🚀 Deployment');
  return `${lines.join('\n')}\n`;
}

/** Progress for long batches, on stderr only: a live counter on a terminal, every 10% otherwise. */
export function progressReporter(total: number, stream: NodeJS.WriteStream): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / 10));
  return (done) => {
    if (stream.isTTY) {
      stream.write(`\rreviewed ${done}/${total}${done === total ? '\n' : ''}`);
    } else if (done % step === 0 || done === total) {
      stream.write(`reviewed ${done}/${total}\n`);
    }
  };
}
