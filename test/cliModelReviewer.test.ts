import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startMockAzureOpenAI, type MockAzureOpenAI } from './support/mockAzureOpenAI';
import { agentOf, scriptedAnswer, type ChatRequestBody } from './support/reviewerScript';
import { REPO_ROOT } from './support/cards';

const CLI = join(REPO_ROOT, 'out', 'src', 'cli', 'main.js');
const CARD = join(REPO_ROOT, 'examples', 'thorough', 'MODEL_CARD.md');
let server: MockAzureOpenAI;

before(async () => {
  server = await startMockAzureOpenAI({ deployments: ['gpt-4o'], models: ['llama3.1'] });
  server.setScript((request) => ({ kind: 'answer', content: scriptedAnswer(request.body as ChatRequestBody) }));
});
after(() => server.close());

/** Runs the CLI asynchronously (the mock server lives in this process), with only the given variables. */
function cli(args: string[], env: Record<string, string>): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? '', ...env }, encoding: 'utf8', timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

describe('model-readiness review --reviewer', () => {
  it('azure: runs the chain from the SDK environment variables and prints the model review as JSON', async () => {
    const first = server.requests.length;
    const result = await cli(['review', CARD, '--reviewer', 'azure', '--format', 'json'], { AZURE_OPENAI_ENDPOINT: server.azureEndpoint, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o', AZURE_OPENAI_API_KEY: server.apiKey, OPENAI_API_VERSION: '2024-10-21' });
    assert.equal(result.status, 0, result.stderr);
    const review = JSON.parse(result.stdout) as { mode: string; modelReview: { gatesReviewed: number }; gates: { agent: { reviewed: boolean } }[] };
    assert.equal(review.mode, 'azure');
    assert.equal(review.modelReview.gatesReviewed, 7);
    const requests = server.requests.slice(first);
    assert.deepEqual(requests.map((request) => agentOf(request.body as ChatRequestBody)), ['dispatcher', 1, 2, 3, 4, 5, 6, 7, 'formatter']);
    assert.ok(requests.every((request) => request.apiVersion === '2024-10-21' && request.auth.kind === 'api-key'));
    assert.match(result.stderr, /gate 7\/7 Deployment & Monitoring: Pass \(model reviewed\)/);
    assert.ok(!result.stdout.includes(server.apiKey) && !result.stderr.includes(server.apiKey), 'the key leaked');
  });

  it('flags override the environment: --endpoint and --deployment', async () => {
    const result = await cli(['review', CARD, '--reviewer', 'azure', '--endpoint', server.azureEndpoint, '--deployment', 'gpt-4o', '--quiet'], { AZURE_OPENAI_ENDPOINT: 'https://elsewhere.invalid', AZURE_OPENAI_DEPLOYMENT: 'other', AZURE_OPENAI_API_KEY: server.apiKey });
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /Mode: azure: Azure OpenAI gpt-4o at 127\.0\.0\.1:\d+ .*7\/7 gates reviewed by the model/);
    assert.equal(result.stderr, '');
  });

  it('openai: an OpenAI-compatible endpoint from OPENAI_BASE_URL and OPENAI_MODEL', async () => {
    const result = await cli(['review', CARD, '--reviewer', 'openai', '--format', 'json', '--quiet'], { OPENAI_BASE_URL: server.openaiBaseUrl, OPENAI_MODEL: 'llama3.1', OPENAI_API_KEY: server.apiKey });
    assert.equal(result.status, 0, result.stderr);
    assert.equal((JSON.parse(result.stdout) as { mode: string }).mode, 'openai');
  });

  it('rejected credentials: the review still completes offline for every gate, and says why', async () => {
    const result = await cli(['review', CARD, '--reviewer', 'azure', '--format', 'json'], { AZURE_OPENAI_ENDPOINT: server.azureEndpoint, AZURE_OPENAI_DEPLOYMENT: 'gpt-4o', AZURE_OPENAI_API_KEY: 'wrong-key-123' });
    assert.equal(result.status, 0);
    const review = JSON.parse(result.stdout) as { recommendation: string; gates: { agent: { reviewed: boolean; fallbackReason: string } }[] };
    assert.equal(review.recommendation, 'Go');
    assert.equal(review.gates.length, 7);
    assert.ok(review.gates.every((gate) => !gate.agent.reviewed && /credentials \(401\)/.test(gate.agent.fallbackReason)));
    assert.match(result.stderr, /rejected the credentials/);
    assert.ok(!result.stderr.includes('wrong-key-123') && !result.stdout.includes('wrong-key-123'));
  });

  it('missing configuration is a usage error (exit 2) that names what to set', async () => {
    const result = await cli(['review', CARD, '--reviewer', 'azure'], {});
    assert.equal(result.status, 2);
    assert.match(result.stderr, /AZURE_OPENAI_ENDPOINT.*AZURE_OPENAI_DEPLOYMENT/);
    const openai = await cli(['review', CARD, '--reviewer', 'openai'], {});
    assert.equal(openai.status, 2);
    assert.match(openai.stderr, /OPENAI_MODEL/);
  });

  it('model flags without a model reviewer are a usage error', async () => {
    const result = await cli(['review', CARD, '--endpoint', 'https://x.openai.azure.com'], {});
    assert.equal(result.status, 2);
    assert.match(result.stderr, /--endpoint configures the model reviewer; add --reviewer azure/);
  });
});
