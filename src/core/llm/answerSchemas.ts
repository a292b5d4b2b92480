import Ajv, { type ValidateFunction } from 'ajv';

/**
 * The JSON every agent must answer with. Written for strict structured outputs
 * (`response_format: json_schema, strict: true`): every property required,
 * `additionalProperties: false`, nullable fields as type unions.
 */

const text = (description: string) => ({ type: 'string', description }) as const;

export const BRIEF_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['modelType', 'useCase', 'users', 'dataSources', 'kpis', 'constraints'],
  properties: {
    modelType: text('What kind of model this is (task, architecture, base model), as the card states it.'),
    useCase: text('The business use case and the decisions the model drives.'),
    users: text('Who uses the predictions and who is affected by them.'),
    dataSources: text('The training and evaluation data sources the card names.'),
    kpis: text('The KPIs, targets and acceptance thresholds the card states, or "not stated".'),
    constraints: text('Latency, cost, regulatory or deployment constraints the card states, or "not stated".'),
  },
} as const;

const FINDING_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['title', 'severity', 'quote', 'recommendation'],
  properties: {
    title: text('One sentence: what is wrong or missing.'),
    severity: { type: 'string', enum: ['error', 'warning', 'info'], description: 'error = blocker (gate Fail), warning = gap (gate Conditional), info = note.' },
    quote: { type: ['string', 'null'], description: 'A verbatim excerpt of the model card that shows the problem, or null when the problem is something the card does not say.' },
    recommendation: text('What the team should do about it.'),
  },
} as const;

export const GATE_ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['status', 'summary', 'findings', 'keyRisk', 'mitigation', 'owner'],
  properties: {
    status: { type: 'string', enum: ['Pass', 'Conditional', 'Fail'] },
    summary: text('Two to four sentences on the gate, grounded in the card.'),
    findings: { type: 'array', items: FINDING_SCHEMA },
    keyRisk: text('The single most important risk for this gate.'),
    mitigation: text('The suggested mitigation for that risk.'),
    owner: text('The role that owns the mitigation, e.g. Data engineer.'),
  },
} as const;

export const FORMATTER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['executiveSummary', 'rationale'],
  properties: {
    executiveSummary: text('Three to five sentences for the people who sign off the release.'),
    rationale: text('Why the recommendation is what it is, naming the gates that decide it.'),
  },
} as const;

export interface Brief {
  modelType: string;
  useCase: string;
  users: string;
  dataSources: string;
  kpis: string;
  constraints: string;
}

export interface ModelFinding {
  title: string;
  severity: 'error' | 'warning' | 'info';
  quote: string | null;
  recommendation: string;
}

export interface GateAnswer {
  status: 'Pass' | 'Conditional' | 'Fail';
  summary: string;
  findings: ModelFinding[];
  keyRisk: string;
  mitigation: string;
  owner: string;
}

export interface FormatterAnswer {
  executiveSummary: string;
  rationale: string;
}

/** What each agent is asked for: the schema name sent to the service, the schema and its validator. */
export interface AnswerContract<T> {
  name: string;
  schema: object;
  validate: ValidateFunction<T>;
}

const ajv = new Ajv({ allErrors: true, strict: false });

function contract<T>(name: string, schema: object): AnswerContract<T> {
  return { name, schema, validate: ajv.compile<T>(schema) };
}

export const BRIEF_CONTRACT = contract<Brief>('card_brief', BRIEF_SCHEMA);
export const GATE_ANSWER_CONTRACT = contract<GateAnswer>('gate_review', GATE_ANSWER_SCHEMA);
export const FORMATTER_CONTRACT = contract<FormatterAnswer>('final_recommendation', FORMATTER_SCHEMA);

/** The validation errors as one line the model can act on when asked to answer again. */
export function describeErrors(validate: ValidateFunction): string {
  return (validate.errors ?? []).map((error) => `${error.instancePath || '(root)'} ${error.message ?? 'is invalid'}`).join('; ');
}
