import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface CorpusCard {
  name: string;
  text: string;
}

/** The shipped example cards plus deterministic variants: sections reordered, dropped and duplicated. */
export function buildCorpus(examplesDir: string, size: number): CorpusCard[] {
  const bases = readdirSync(examplesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => readdirSync(join(examplesDir, entry.name)).filter((file) => file !== 'expected.json').map((file) => ({ name: `${entry.name}/${file}`, text: readFileSync(join(examplesDir, entry.name, file), 'utf8') })))
    .filter((card) => !card.name.endsWith('.json'));
  const cards: CorpusCard[] = [];
  let seed = 1;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  for (let i = 0; cards.length < size; i++) {
    const base = bases[i % bases.length];
    cards.push({ name: `${base.name}#${i}`, text: i < bases.length ? base.text : vary(base.text, random) });
  }
  return cards;
}

function vary(text: string, random: () => number): string {
  const sections = text.split(/\n(?=## )/);
  const [head, ...rest] = sections;
  const kept = rest.filter(() => random() > 0.2);
  for (let i = kept.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [kept[i], kept[j]] = [kept[j], kept[i]];
  }
  if (kept.length > 0 && random() > 0.5) kept.push(kept[Math.floor(random() * kept.length)]);
  return [head, ...kept].join('\n');
}
