import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { findSecrets, isPlaceholderSecret, redactSecrets, SECRET_PATTERNS } from '../src/core/checks/secretPatterns';
import { EXAMPLES, exampleGate, markdownCard, outcomeOf, failureMessages } from './support/cards';

const card = (body: string) => `# Model Card\n\n${body}`;
const section = (heading: string, body: string) => card(`## ${heading}\n\n${body}\n`);

/** Messages of every finding of one check on a card text. */
describe('security & robustness registry', () => {
  it('has one credential pattern per kind, each global with indices', () => {
    const kinds = SECRET_PATTERNS.map((pattern) => pattern.kind);
    assert.equal(new Set(kinds).size, kinds.length);
    for (const { pattern } of SECRET_PATTERNS) assert.ok(pattern.global && pattern.hasIndices, pattern.source);
  });
});

describe('SR-SECRETS-EMBEDDED', () => {
  /** [name, config line, kind named in the finding, the secret value that must never be echoed] */
  const positives: [string, string, string, string][] = [
    ['AWS access key ID', 'aws_access_key_id = AKIAQ3EGRTZ7LMNOPQRS', 'AWS access key ID', 'AKIAQ3EGRTZ7LMNOPQRS'],
    ['AWS secret key', 'AWS_SECRET_ACCESS_KEY="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"', 'AWS secret access key', 'Zx8kP2mQ9vL4nR7tY1wE5uI3oA6sD0fG2hJ4kL8q'],
    ['Azure storage', 'DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=Qm9ndXNLZXlGb3JUZXN0aW5nT25seTEyMzQ1Njc4OTA=;EndpointSuffix=core.windows.net', 'Azure storage account key', 'Qm9ndXNLZXlGb3JUZXN0aW5nT25seTEyMzQ1Njc4OTA='],
    ['Azure Service Bus', 'Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=root;SharedAccessKey=k3YpL9mN2qR5tV8wX1zA4bC7dE0fG3hJ6kM9nP2qR5s=', 'Azure Service Bus', 'k3YpL9mN2qR5tV8wX1zA4bC7dE0fG3hJ6kM9nP2qR5s='],
    ['Azure OpenAI', 'AZURE_OPENAI_API_KEY=3f9a2b7c4d1e8f6a0b5c9d2e7f1a4b8c', 'Azure OpenAI', '3f9a2b7c4d1e8f6a0b5c9d2e7f1a4b8c'],
    ['OpenAI', 'client = OpenAI(api_key="sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ")', 'OpenAI API key', 'sk-proj-Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ'],
    ['GitHub', 'token ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 in CI', 'GitHub token', 'ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8'],
    ['GitHub fine-grained', 'GH=github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123', 'GitHub fine-grained token', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123'],
    ['Hugging Face', 'huggingface-cli login --token hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567', 'Hugging Face token', 'hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567'],
    ['Slack', 'SLACK=xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp', 'Slack token', 'xoxb-1234567890-0987654321-AbCdEfGhIjKlMnOp'],
    ['Google', 'maps key AIzaSyD3kL9mN2qR5tV8wX1zA4bC7dE0fG3hJ6k', 'Google API key', 'AIzaSyD3kL9mN2qR5tV8wX1zA4bC7dE0fG3hJ6k'],
    ['JWT', 'Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmcmF1ZC1tbCJ9.c2lnbmF0dXJlLXRlc3Q', 'JSON Web Token', 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJmcmF1ZC1tbCJ9.c2lnbmF0dXJlLXRlc3Q'],
    ['database URL', 'DATABASE_URL=postgres://ml_user:Tr0ub4dor3@db.internal:5432/features', 'database URL', 'Tr0ub4dor3'],
    ['database URL with a short password', 'postgres://user:pass@host/db', 'database URL', ':pass@'],
    ['generic password', 'db_password: "N7q!xR2v$Lm9pK4w"', 'hard-coded password', 'N7q!xR2v$Lm9pK4w'],
    ['generic api key', '"api_key": "d8F3kL0qZ7mP2xV9"', 'hard-coded API key', 'd8F3kL0qZ7mP2xV9'],
  ];
  for (const [name, line, kind, secret] of positives) {
    it(`flags ${name} with its kind and line, never echoing the value`, () => {
      const text = card(`## Configuration\n\n\`\`\`ini\n${line}\n\`\`\`\n`);
      assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', text), 'fail:error@6');
      const [message] = failureMessages('SR-SECRETS-EMBEDDED', text);
      assert.ok(message.includes(kind), message);
      assert.ok(!message.includes(secret), `message echoes the secret: ${message}`);
      assert.ok(!message.includes(secret.slice(0, 6)) && !message.includes(secret.slice(-6)), `message echoes part of the secret: ${message}`);
    });
  }

  it('flags a private key block only when key material follows the marker', () => {
    const key = card('```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7xq3kL9mN2qR5tV8wX1zA4bC7dE0fG3hJ6k\n-----END RSA PRIVATE KEY-----\n```\n');
    assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', key), 'fail:error@4');
    assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', card('Never paste a `-----BEGIN PRIVATE KEY-----` block into a card.\n')), 'skip');
  });

  it('reports one finding per occurrence, including several on one line, in HTML and in front matter', () => {
    const text = '---\nhf_token: hf_AbCdEfGhIjKlMnOpQrStUvWxYz01234567\n---\n# Card\n\n<!-- AKIAQ3EGRTZ7LMNOPQRS -->\n\nKeys: AKIAQ3EGRTZ7LMNOPQRS and AKIAZZ3EGRTZ7LMNOPQR.\n';
    assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', text), 'fail:error@2,fail:error@6,fail:error@8,fail:error@8');
  });

  it('does not report the same credential twice when a vendor pattern and the generic one overlap', () => {
    const text = card('```\nOPENAI_API_KEY=sk-Ab3dE5gH7jK9mN1pQ3sT5vX7zB9dF1hJ\nAWS_ACCESS_KEY_ID=AKIAQ3EGRTZ7LMNOPQRS\n```\n');
    assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', text), 'fail:error@4,fail:error@5');
    assert.deepEqual(findSecrets(markdownCard(text).lines).map((secret) => secret.kind), ['OpenAI API key', 'AWS access key ID']);
  });

  it('ignores obvious placeholders and environment references', () => {
    const placeholders = [
      'OPENAI_API_KEY=<your-key>',
      'api_key: ${OPENAI_API_KEY}',
      'export OPENAI_API_KEY=sk-...',
      'OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'api_key = "YOUR_API_KEY"',
      'api_key = os.environ["OPENAI_API_KEY"]',
      'password: ****',
      'token = $HF_TOKEN',
      'AWS_SECRET_ACCESS_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'postgres://user:${DB_PASSWORD}@db:5432/app',
      'postgres://user:<password>@db:5432/app',
      'hf_token: hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'password = "hunter2"',
      'tokenizer: distilbert-base-uncased-finetuned',
      'secret: kv/data/fraud-ml/prod',
      'secret: https://vault.internal/v1/fraud-ml',
    ];
    for (const line of placeholders) assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', card(`\`\`\`\n${line}\n\`\`\`\n`)), 'skip', line);
  });

  it('does not mistake prose, hashes, base64 images or package names for credentials', () => {
    const text = card(
      [
        '- **Secrets:** bureau API keys are kept in AWS Secrets Manager; none are in code.',
        '- Artifact SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08',
        '- We use scikit-learn and task-specific risk-adjusted-scoring-heuristics.',
        '![chart](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAwAAAAICAAAAADoj0EtAAAAG0lEQVR42mPQ0PgPBwzoHDifIAfCR3CACIUDAFchP7eWbMFzAAAAAElFTkSuQmCC)',
      ].join('\n'),
    );
    assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', text), 'skip');
  });

  it('finds an assignment separated by a tab', () => {
    assert.equal(outcomeOf('SR-SECRETS-EMBEDDED', card('```\nclient_secret:\t"Qx7vN2mK9pL4rT8w"\n```\n')), 'fail:error@4');
  });

  it('never quotes a credential in another check\'s message, even when the sentence is shortened', () => {
    for (const filler of ['', 'x'.repeat(70), 'the scorer runs nightly on the shared cluster and writes results']) {
      const text = section('Privacy', `No PII handling is documented and ${filler} the job uses key AKIAQ3EGRTZ7LMNOPQRS inline.`);
      const [found] = failureMessages('SR-DATA-PRIVACY', text);
      assert.match(found, /No PII handling is documented/);
      assert.ok(!found.includes('AKIAQ3'), found);
    }
  });

  it('withholds credentials in the sentences that documented-style checks quote', () => {
    const [found] = failureMessages('SR-RATE-LIMIT', section('Security', 'No rate limiting is configured for key AKIAQ3EGRTZ7LMNOPQRS.'));
    assert.match(found, /No rate limiting is configured for key \[redacted\]/);
  });

  it('placeholder and redaction helpers behave', () => {
    assert.equal(isPlaceholderSecret('<your-key>'), true);
    assert.equal(isPlaceholderSecret('OPENAI_API_KEY'), true);
    assert.equal(isPlaceholderSecret('Zx8kP2mQ9vL4nR7tY1wE'), false);
    const redacted = redactSecrets('key AKIAQ3EGRTZ7LMNOPQRS here');
    assert.equal(redacted, 'key [redacted] here');
  });
});

describe('SR-THREAT-MODEL', () => {
  it('passes on a documented threat model', () => {
    assert.equal(outcomeOf('SR-THREAT-MODEL', section('Security', 'A STRIDE threat model (SEC-TM-7) covers evasion and poisoning.')), 'pass@5');
  });
  it('fails at the sentence that says there is none, at the heading, or with no heading', () => {
    assert.equal(outcomeOf('SR-THREAT-MODEL', section('Security', 'No threat model has been written yet.')), 'fail:error@5');
    assert.equal(outcomeOf('SR-THREAT-MODEL', section('Security', 'The endpoint uses TLS.')), 'fail:error@3');
    assert.equal(outcomeOf('SR-THREAT-MODEL', card('A model.\n')), 'fail:error@null');
  });
  it('does not count a placeholder', () => {
    assert.equal(outcomeOf('SR-THREAT-MODEL', section('Threat Model', '[More Information Needed]')), 'fail:error@3');
  });
});

describe('SR-THREAT-COVERAGE', () => {
  it('passes when evasion and poisoning are both covered', () => {
    assert.equal(outcomeOf('SR-THREAT-COVERAGE', section('Security', '- Threat model: evasion by gaming income.\n- Poisoning of training labels.')), 'pass@5');
  });
  it('names what is missing', () => {
    const text = section('Security', 'Threat model: evasion by crafted transactions.');
    assert.equal(outcomeOf('SR-THREAT-COVERAGE', text), 'fail:warning@5');
    assert.match(failureMessages('SR-THREAT-COVERAGE', text)[0], /poisoning/);
  });
  it('skips when there is no threat content at all (SR-THREAT-MODEL reports that)', () => {
    assert.equal(outcomeOf('SR-THREAT-COVERAGE', section('Security', 'TLS everywhere.')), 'skip');
  });
});

describe('SR-THREAT-PRIVACY-ATTACKS', () => {
  it('passes on extraction, inversion or membership inference', () => {
    assert.equal(outcomeOf('SR-THREAT-PRIVACY-ATTACKS', section('Security', 'Model extraction through repeated queries is limited by coarse scores.')), 'pass@5');
  });
  it('accepts "model theft" but not feature extraction', () => {
    assert.equal(outcomeOf('SR-THREAT-PRIVACY-ATTACKS', section('Security', 'Threat model: model theft via the public API.')), 'pass@5');
    assert.equal(outcomeOf('SR-THREAT-PRIVACY-ATTACKS', section('Security', 'Threat model: evasion. Feature extraction uses a CNN.')), 'fail:info@5');
  });
  it('fails as info at the threat model that omits them, skips without one', () => {
    assert.equal(outcomeOf('SR-THREAT-PRIVACY-ATTACKS', section('Security', 'Threat model: evasion and poisoning.')), 'fail:info@5');
    assert.equal(outcomeOf('SR-THREAT-PRIVACY-ATTACKS', card('Nothing.\n')), 'skip');
  });
});

describe('SR-ADVERSARIAL-TESTING', () => {
  it('passes on red teaming or adversarial tests', () => {
    assert.equal(outcomeOf('SR-ADVERSARIAL-TESTING', section('Robustness', 'The red team ran 1,400 evasion scenarios in staging.')), 'pass@5');
  });
  it('fails when testing is absent or only planned', () => {
    assert.equal(outcomeOf('SR-ADVERSARIAL-TESTING', section('Robustness', 'Adversarial testing has not been performed.')), 'fail:warning@5');
    assert.equal(outcomeOf('SR-ADVERSARIAL-TESTING', section('Security', 'TLS.')), 'fail:warning@3');
  });
});

describe('SR-SUPPLY-CHAIN', () => {
  it('passes on pinned dependencies or an SBOM', () => {
    assert.equal(outcomeOf('SR-SUPPLY-CHAIN', section('Security', 'Dependencies are pinned in `poetry.lock`; an SBOM is generated in CI.')), 'pass@5');
  });
  it('fails when there is no SBOM', () => {
    assert.equal(outcomeOf('SR-SUPPLY-CHAIN', section('Security', 'There is no SBOM yet.')), 'fail:warning@5');
    assert.equal(outcomeOf('SR-SUPPLY-CHAIN', card('Nothing.\n')), 'fail:warning@null');
  });
});

describe('SR-BASE-MODEL-PROVENANCE', () => {
  it('passes when the base model revision is pinned', () => {
    assert.equal(outcomeOf('SR-BASE-MODEL-PROVENANCE', card('Fine-tuned from `bert-base-uncased` pinned at revision 86b5e09.\n')), 'pass@3');
  });
  it('fails at the base-model mention when its source is not pinned', () => {
    assert.equal(outcomeOf('SR-BASE-MODEL-PROVENANCE', card('A DistilBERT model fine-tuned on SST-2.\n')), 'fail:warning@3');
    assert.equal(outcomeOf('SR-BASE-MODEL-PROVENANCE', '---\nbase_model: distilbert-base-uncased\n---\n# Card\n\nA classifier.\n'), 'fail:warning@1');
  });
  it('skips when the model is trained from scratch', () => {
    assert.equal(outcomeOf('SR-BASE-MODEL-PROVENANCE', card('A LightGBM model trained on transactions.\n')), 'skip');
  });
});

describe('SR-ARTIFACT-INTEGRITY', () => {
  it('passes on checksums or signatures', () => {
    assert.equal(outcomeOf('SR-ARTIFACT-INTEGRITY', section('Artifact Integrity', 'Artifacts carry SHA-256 checksums verified at load.')), 'pass@5');
  });
  it('is a warning when nothing is said, an error when unverified pickle weights are distributed', () => {
    assert.equal(outcomeOf('SR-ARTIFACT-INTEGRITY', section('Security', 'TLS.')), 'fail:warning@3');
    assert.equal(outcomeOf('SR-ARTIFACT-INTEGRITY', card('Download `model.pkl` from the share and load it with joblib.\n')), 'fail:error@3');
  });
  it('does not take a governance sign-off for a signature', () => {
    assert.equal(outcomeOf('SR-ARTIFACT-INTEGRITY', section('Security', 'The release was signed off by the risk committee.')), 'fail:warning@3');
  });
});

describe('SR-ARTIFACT-FORMAT', () => {
  it('passes on safetensors, fails on pickle formats, skips when no format is named', () => {
    assert.equal(outcomeOf('SR-ARTIFACT-FORMAT', card('The checkpoint is 268 MB (safetensors, fp32).\n')), 'pass@3');
    assert.equal(outcomeOf('SR-ARTIFACT-FORMAT', card('Weights ship as `model.pt` on the release page.\n')), 'fail:warning@3');
    assert.match(outcomeOf('SR-ARTIFACT-FORMAT', card('## Usage\n\n```python\nmodel = torch.load("model.pt")\n```\n')), /^fail:warning@\d+$/);
    assert.equal(outcomeOf('SR-ARTIFACT-FORMAT', card('A model.\n')), 'skip');
  });
  it('reads a file extension in its sentence: negated, or converted to a safe format', () => {
    assert.equal(outcomeOf('SR-ARTIFACT-FORMAT', card('We do not ship model.pkl files.\n')), 'skip');
    assert.equal(outcomeOf('SR-ARTIFACT-FORMAT', card('Weights: model.pkl, converted to safetensors.\n')), 'pass@3');
  });
  it('does not count a sentence that converts away from pickle', () => {
    assert.equal(outcomeOf('SR-ARTIFACT-FORMAT', card('Weights were converted from pickle to safetensors.\n')), 'pass@3');
  });
});

describe('SR-SECRETS-MANAGEMENT', () => {
  it('passes on a secret manager', () => {
    assert.equal(outcomeOf('SR-SECRETS-MANAGEMENT', section('Secrets', 'No credentials are stored in code. Service credentials live in HashiCorp Vault.')), 'pass@5');
  });
  it('fails when not described', () => {
    assert.equal(outcomeOf('SR-SECRETS-MANAGEMENT', section('Security', 'TLS.')), 'fail:warning@3');
    assert.equal(outcomeOf('SR-SECRETS-MANAGEMENT', section('Security', 'Secret management: TBD.')), 'fail:warning@3');
  });
});

describe('SR-INPUT-VALIDATION', () => {
  it('passes on schema validation', () => {
    assert.equal(outcomeOf('SR-INPUT-VALIDATION', section('Security', 'Requests are validated against a JSON schema (types, ranges).')), 'pass@5');
  });
  it('fails when absent or negated', () => {
    assert.equal(outcomeOf('SR-INPUT-VALIDATION', section('Security', 'There is no input validation.')), 'fail:warning@5');
    assert.equal(outcomeOf('SR-INPUT-VALIDATION', card('Inputs longer than 128 tokens are truncated.\n')), 'fail:warning@null');
  });
});

describe('SR-ACCESS-CONTROL', () => {
  it('passes on authentication, RBAC or IAM restrictions', () => {
    assert.equal(outcomeOf('SR-ACCESS-CONTROL', section('Deployment', 'The endpoint requires mTLS and role-based access control.')), 'pass@5');
    assert.equal(outcomeOf('SR-ACCESS-CONTROL', section('Access Control', 'IAM-restricted endpoint; only the decision engine may call it.')), 'pass@5');
  });
  it('ignores authorization and authentication in the payments sense', () => {
    assert.equal(outcomeOf('SR-ACCESS-CONTROL', section('Overview', 'Scores each card authorization request; 3-D Secure authentication challenges risky ones.')), 'fail:warning@null');
  });
});

describe('SR-RATE-LIMIT', () => {
  it('passes on rate limiting, fails without', () => {
    assert.equal(outcomeOf('SR-RATE-LIMIT', section('Security', 'Rate limit of 200 requests/s per client.')), 'pass@5');
    assert.equal(outcomeOf('SR-RATE-LIMIT', section('Security', 'No rate limiting is configured.')), 'fail:warning@5');
  });
});

describe('SR-PROMPT-INJECTION', () => {
  it('skips models that are not language-model applications', () => {
    assert.equal(outcomeOf('SR-PROMPT-INJECTION', card('A fraud classifier. Customers get an SMS prompt to confirm.\n')), 'skip');
  });
  it('passes for an LLM app that addresses prompt injection', () => {
    assert.equal(outcomeOf('SR-PROMPT-INJECTION', card('An LLM support assistant.\n\n## Security\n\nPrompt injection is mitigated with guardrails and output filtering.\n')), 'pass@7');
  });
  it('fails as an error for an LLM app that does not', () => {
    assert.equal(outcomeOf('SR-PROMPT-INJECTION', card('An LLM support assistant.\n\n## Security\n\nTLS.\n')), 'fail:error@5');
    assert.equal(outcomeOf('SR-PROMPT-INJECTION', '---\npipeline_tag: text-generation\n---\n# Card\n\nA model.\n'), 'fail:error@1');
  });
});

describe('SR-DATA-PRIVACY', () => {
  it('passes on PII protection or an explicit no-personal-data statement', () => {
    assert.equal(outcomeOf('SR-DATA-PRIVACY', section('Privacy', 'PII is masked with Presidio before training.')), 'pass@5');
    assert.equal(outcomeOf('SR-DATA-PRIVACY', section('Data', 'The model uses no customer or personal data.')), 'pass@5');
  });
  it('fails when not addressed', () => {
    assert.equal(outcomeOf('SR-DATA-PRIVACY', section('Training Data', 'Movie reviews.')), 'fail:warning@3');
    assert.equal(outcomeOf('SR-DATA-PRIVACY', section('Training Data', 'PII handling is not yet documented.')), 'fail:warning@5');
  });
});

describe('security & robustness on the example cards', () => {
  it('unsafe-content fails for its four embedded credentials and the missing threat model, without echoing them', async () => {
    const gate = await exampleGate('unsafe-content', 'security-robustness');
    const secrets = gate.findings.filter((finding) => finding.checkId === 'SR-SECRETS-EMBEDDED');
    assert.deepEqual(
      secrets.map((finding) => `${finding.severity}@${finding.line}`),
      ['error@35', 'error@36', 'error@37', 'error@40'],
    );
    assert.match(secrets[0].message, /AWS access key ID/);
    assert.match(secrets[2].message, /Azure storage account key/);
    assert.match(secrets[3].message, /OpenAI API key/);
    assert.ok(gate.findings.some((finding) => finding.checkId === 'SR-THREAT-MODEL' && finding.severity === 'error'));
    const raw = readFileSync(join(EXAMPLES, 'unsafe-content', 'MODEL_CARD.md'), 'utf8');
    const values = [...raw.matchAll(/=(AKIA\w+|wJalr\S+|sk-\S+)|AccountKey=([^;]+)/g)].map((match) => match[1] ?? match[2]);
    assert.equal(values.length, 4);
    for (const finding of gate.findings) for (const value of values) assert.ok(!finding.message.includes(value.slice(0, 8)), finding.message);
  });

  it('thorough and skewed-overfit pass on their own evidence lines', async () => {
    const thorough = await exampleGate('thorough', 'security-robustness');
    const lines = Object.fromEntries(thorough.evidence.map((item) => [item.checkId, item.line]));
    assert.equal(lines['SR-THREAT-MODEL'], 272);
    assert.equal(lines['SR-ARTIFACT-INTEGRITY'], 288);
    assert.equal(lines['SR-SECRETS-MANAGEMENT'], 292);
    assert.equal(lines['SR-INPUT-VALIDATION'], 296);
    const skewed = await exampleGate('skewed-overfit', 'security-robustness');
    assert.equal(skewed.evidence.find((item) => item.checkId === 'SR-THREAT-MODEL')?.line, 69);
  });
});
