/**
 * npm run bench, part 2 — the model reviewer's token economy, measured in one run by driving the
 * real chain (real openai SDK) against the local Azure OpenAI server with answers of realistic size:
 *  1. what gate 7's prompt carries from gates 1–6, against the size of their full answers
 *     (the naive chain that appends every earlier answer in full is 100%); target ≤ 60%;
 *  2. the share of gates 2–7's prompt tokens that sit in the prefix they share with gate 1
 *     (what Azure's prompt cache can serve); target ≥ 80%.
 * Tokens are counted with gpt-tokenizer (o200k_base, the GPT-4o family's encoding).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { encode } from 'gpt-tokenizer';
import { readCardFile } from '../src/core/card/readCard';
import { reviewCardWithModel } from '../src/core/llm/chain';
import { REVIEWER_DEFAULTS } from '../src/core/llm/config';
import { startMockAzureOpenAI, type RecordedRequest } from '../test/support/mockAzureOpenAI';
import { agentOf, cardOf, quotableLine, type ChatRequestBody } from '../test/support/reviewerScript';

const ROOT = join(__dirname, '..', '..');
const CARRIED_TARGET = 0.6;
const PREFIX_TARGET = 0.8;
const FINDINGS_PER_ANSWER = 5;

type Message = ChatRequestBody['messages'][number];

/** A gate answer the size real deployments give for this schema: a paragraph of summary, five findings with quotes and recommendations. */
function realisticGateAnswer(body: ChatRequestBody, gate: number): string {
  const card = cardOf(body);
  const findings = Array.from({ length: FINDINGS_PER_ANSWER }, (_, index) => ({
    title: `Gate ${gate}, point ${index + 1}: the card states the practice but not the measurement, the owner or the date that would let a reviewer verify it before release.`,
    severity: index === 0 ? 'warning' : 'info',
    quote: index % 2 === 0 ? quotableLine(card, gate * 10 + index) : null,
    recommendation: 'Add the measured values with their evaluation dates, name the accountable owner, and link the run or dashboard that produced them so the claim can be checked at sign-off and again after launch.',
  }));
  return JSON.stringify({
    status: 'Conditional',
    summary: `The card covers the main outputs expected for gate ${gate}, and the deterministic checks found the criteria they look for. Reading it as a reviewer, several statements are claims without the measurements behind them, and ownership after launch is implicit. None of this blocks release on its own, but each point should be closed with a dated measurement and a named owner before sign-off.`,
    findings,
    keyRisk: `Gate ${gate}: claims in the card are not backed by dated measurements, so drift after launch would go unnoticed.`,
    mitigation: 'Attach the evaluation runs and name the owner who re-checks them at the 30-day review.',
    owner: 'ML engineer',
  });
}

function tokens(text: string): number {
  return encode(text).length;
}

/** The prompt as one token sequence, the way the service sees the messages in order. */
function promptTokens(messages: readonly Message[]): number[] {
  return encode(messages.map((message) => `${message.role}\n${message.content}`).join('\n\n'));
}

function sharedPrefix(a: readonly number[], b: readonly number[]): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

interface CardEconomy {
  card: string;
  cardTokens: number;
  carried: number;
  fullAnswers: number;
  prefixShares: number[];
  /** Over gates 2–7 together: shared-prefix tokens / prompt tokens. */
  prefixShare: number;
  cachedShare: number;
}

async function measure(path: string, server: Awaited<ReturnType<typeof startMockAzureOpenAI>>): Promise<CardEconomy> {
  const first = server.requests.length;
  const card = await readCardFile(path);
  await reviewCardWithModel(card, { config: { ...REVIEWER_DEFAULTS, provider: 'azure', endpoint: server.azureEndpoint, model: 'gpt-4o', auth: { kind: 'key', apiKey: server.apiKey }, retryBaseMs: 1 } });
  const requests = server.requests.slice(first);
  const byAgent = (agent: number) => requests.find((request) => agentOf(request.body as ChatRequestBody) === agent)!;
  const gateRequests = [1, 2, 3, 4, 5, 6, 7].map(byAgent);
  const answers = gateRequests.slice(0, 6).map((request, index) => realisticGateAnswer(request.body as ChatRequestBody, index + 1));
  const gate7Task = (gateRequests[6].body as ChatRequestBody).messages.at(-1)!.content;
  const earlierBlock = gate7Task.slice(gate7Task.indexOf('Earlier gates'), gate7Task.lastIndexOf('\n\nReview Gate'));
  const gate1 = promptTokens((gateRequests[0].body as ChatRequestBody).messages);
  const prompts = gateRequests.slice(1).map((request) => promptTokens((request.body as ChatRequestBody).messages));
  const shared = prompts.map((prompt) => sharedPrefix(prompt, gate1));
  const prefixShares = prompts.map((prompt, index) => shared[index] / prompt.length);
  const prefixShare = shared.reduce((sum, value) => sum + value, 0) / prompts.reduce((sum, prompt) => sum + prompt.length, 0);
  const later = gateRequests.slice(1) as RecordedRequest[];
  return {
    card: path.slice(ROOT.length + 1),
    cardTokens: tokens(card.text),
    carried: tokens(earlierBlock),
    fullAnswers: tokens(answers.join('\n')),
    prefixShares,
    prefixShare,
    cachedShare: later.reduce((sum, request) => sum + request.cachedTokens, 0) / later.reduce((sum, request) => sum + request.promptTokens, 0),
  };
}

async function main(): Promise<void> {
  const server = await startMockAzureOpenAI({ deployments: ['gpt-4o'] });
  server.setScript((request) => {
    const body = request.body as ChatRequestBody;
    const agent = agentOf(body);
    if (typeof agent === 'number') return { kind: 'answer', content: realisticGateAnswer(body, agent) };
    if (agent === 'dispatcher') return { kind: 'answer', content: JSON.stringify({ modelType: 'As stated in the card, in one or two sentences that name the task, the architecture and the base model.', useCase: 'The business use case and the decisions the model drives, as the card states them, in one or two sentences.', users: 'The users of the predictions and the people affected by them, as the card names them.', dataSources: 'The training and evaluation datasets the card lists, with their owners where stated.', kpis: 'The KPIs with their targets and acceptance thresholds, as the card states them.', constraints: 'Latency, cost and regulatory constraints from the card.' }) };
    return { kind: 'answer', content: JSON.stringify({ executiveSummary: 'Summary.', rationale: 'Rationale.' }) };
  });
  const examples = join(ROOT, 'examples');
  const cards = readdirSync(examples).flatMap((folder) => readdirSync(join(examples, folder)).filter((file) => file !== 'expected.json').map((file) => join(examples, folder, file)));
  try {
    const results: CardEconomy[] = [];
    for (const card of cards) results.push(await measure(card, server));
    const pct = (value: number) => `${(value * 100).toFixed(0)}%`;
    console.log(`Model reviewer token economy (${results.length} example cards, ${FINDINGS_PER_ANSWER} findings per gate answer, o200k_base tokens)\n`);
    console.log('   card                                   card tok   gate 7 carries / full answers 1–6   gates 2–7 in prefix shared with gate 1 (worst gate)   cached by server');
    for (const result of results) {
      const carried = result.carried / result.fullAnswers;
      console.log(`   ${result.card.padEnd(38)} ${String(result.cardTokens).padStart(8)}  ${String(result.carried).padStart(6)} / ${String(result.fullAnswers).padEnd(6)} = ${pct(carried).padStart(4)}              ${pct(result.prefixShare).padStart(4)} (${pct(Math.min(...result.prefixShares))})                                   ${pct(result.cachedShare)}`);
    }
    const worstCarried = Math.max(...results.map((result) => result.carried / result.fullAnswers));
    const worstPrefix = Math.min(...results.map((result) => result.prefixShare));
    console.log(`\n3. What gate 7's prompt carries from gates 1–6: at most ${pct(worstCarried)} of their full answers (naive chain 100%; target ≤ ${pct(CARRIED_TARGET)}) ${worstCarried <= CARRIED_TARGET ? 'MET' : 'MISSED'}`);
    console.log(`4. Prompt tokens of gates 2–7 in the prefix shared with gate 1: at least ${pct(worstPrefix)} on every card (target ≥ ${pct(PREFIX_TARGET)}) ${worstPrefix >= PREFIX_TARGET ? 'MET' : 'MISSED'}`);
    if (worstCarried > CARRIED_TARGET || worstPrefix < PREFIX_TARGET) process.exitCode = 1;
  } finally {
    await server.close();
  }
}

void main();
