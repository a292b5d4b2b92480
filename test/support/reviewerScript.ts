/**
 * A scripted "model" for the local Azure OpenAI server: it reads each chat request the chain sends
 * and answers in the schema that request asks for, the way a real deployment would, with answers
 * of realistic size. Tests override what a given gate says to drive the grounding rules.
 */

export interface ScriptedGate {
  status?: 'Pass' | 'Conditional' | 'Fail';
  findings?: { title: string; severity: 'error' | 'warning' | 'info'; quote: string | null; recommendation: string }[];
  keyRisk?: string;
  mitigation?: string;
}

export interface ChatRequestBody {
  messages: { role: string; content: string }[];
  response_format?: { json_schema?: { name?: string } };
}

/** Which agent a request is for: "dispatcher", "formatter" or the gate number. */
export function agentOf(body: ChatRequestBody): 'dispatcher' | 'formatter' | number {
  const name = body.response_format?.json_schema?.name;
  if (name === 'card_brief') return 'dispatcher';
  if (name === 'final_recommendation') return 'formatter';
  // The task is the last user message, or the one before a correction request.
  const task = body.messages.filter((message) => message.role === 'user' && /Review Gate \d/.test(message.content)).at(-1)?.content ?? '';
  const gate = /Review Gate (\d)/.exec(task);
  if (!gate) throw new Error('request is for no known agent');
  return Number(gate[1]);
}

/** The card text between the delimiters, as the chain sent it. */
export function cardOf(body: ChatRequestBody): string {
  const block = body.messages.map((message) => message.content).join('\n');
  const match = /<model_card[^>]*>\n([\s\S]*?)\n<\/model_card>/.exec(block);
  return match ? match[1] : '';
}

/** A realistic answer for the agent the request is for; `gates` overrides what chosen gates say. */
export function scriptedAnswer(body: ChatRequestBody, gates: Readonly<Record<number, ScriptedGate>> = {}): string {
  const agent = agentOf(body);
  if (agent === 'dispatcher') {
    return JSON.stringify({
      modelType: 'Gradient-boosted classifier scoring applications, as the card describes it.',
      useCase: 'Prioritises cases for human review; the card states the decision it supports.',
      users: 'Operations analysts use the scores; applicants are affected by them.',
      dataSources: 'The internal records and labels the card lists under training data.',
      kpis: 'The KPIs and targets stated in the card.',
      constraints: 'Latency and regulatory constraints as stated in the card.',
    });
  }
  if (agent === 'formatter') {
    return JSON.stringify({
      executiveSummary: 'The scripted formatter summarises the seven gates: the blockers found by the checks and by the gate agents decide the recommendation, and the conditional gates need mitigation plans with owners before launch.',
      rationale: 'The recommendation follows the gate statuses: any failed gate is a blocker.',
    });
  }
  const override = gates[agent] ?? {};
  const line = quotableLine(cardOf(body), agent);
  const findings = override.findings ?? [
    { title: `Gate ${agent}: the card's evidence here is thinner than the headline claims.`, severity: 'info' as const, quote: line, recommendation: 'Add the measurements behind the claim, with their dates and owners, so reviewers can verify it.' },
    { title: `Gate ${agent}: no owner is named for keeping this section current after launch.`, severity: 'info' as const, quote: null, recommendation: 'Name the role that keeps this section current and review it at each release.' },
  ];
  return JSON.stringify({
    status: override.status ?? 'Pass',
    summary: `Gate ${agent} reviewed against the card and the deterministic findings. The card states the essentials for this gate; the agent notes where the evidence is thin and what a reviewer should ask for before sign-off.`,
    findings,
    keyRisk: override.keyRisk ?? `Gate ${agent}: evidence may go stale after launch.`,
    mitigation: override.mitigation ?? 'Review this section at the 30-day post-launch review.',
    owner: 'ML engineer',
  });
}

/** A real, reasonably long line of the card to quote (a different one per gate). */
export function quotableLine(card: string, salt: number): string | null {
  const lines = card.split('\n').map((line) => line.trim()).filter((line) => line.length >= 40 && !/^[#|`<>-]/.test(line) && !line.includes('[redacted]'));
  if (lines.length === 0) return null;
  const sentence = lines[(salt * 7) % lines.length].replace(/\*\*|`/g, '');
  return sentence.length > 100 ? sentence.slice(0, 100) : sentence;
}
