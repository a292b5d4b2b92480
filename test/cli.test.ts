import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { EXAMPLES, REPO_ROOT } from './support/cards';

const CLI = join(REPO_ROOT, 'out', 'src', 'cli', 'main.js');

function run(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('model-readiness CLI', () => {
  it('prints the gate review for one card and exits 1 on No-Go', () => {
    const { code, stdout, stderr } = run(['review', 'examples/near-empty/model-card.md']);
    assert.equal(code, 1);
    assert.match(stdout, /GATE TABLE/);
    assert.match(stdout, /Overall Recommendation: No-Go/);
    assert.equal(stderr, '');
  });

  it('--format json prints one review object; several cards print an array in input order', () => {
    const single = run(['review', 'examples/thorough/MODEL_CARD.md', '--format', 'json']);
    const review = JSON.parse(single.stdout);
    assert.equal(review.card, 'examples/thorough/MODEL_CARD.md');
    assert.equal(review.gates.length, 7);
    const order = ['examples/near-empty/model-card.md', 'examples/thorough/MODEL_CARD.md', 'examples/toolkit-json/model_card.json'];
    const many = run(['review', ...order, '--format', 'json']);
    assert.deepEqual(JSON.parse(many.stdout).map((item: { card: string }) => item.card), order);
  });

  it('--fail-on decides the exit code from the recommendation', () => {
    const thorough = run(['review', 'examples/thorough/MODEL_CARD.md', '--format', 'json']);
    const recommendation = JSON.parse(thorough.stdout).recommendation as string;
    assert.equal(thorough.code, recommendation === 'No-Go' ? 1 : 0);
    const strict = run(['review', 'examples/thorough/MODEL_CARD.md', '--fail-on', 'conditional', '--format', 'json']);
    assert.equal(strict.code, recommendation === 'Go' ? 0 : 1);
  });

  it('exits 2 with a one-line message naming the file for unreadable input, no stack trace', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mrr-cli-'));
    await writeFile(join(folder, 'weights.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    for (const [file, problem] of [
      [join(folder, 'missing.md'), 'no such file'],
      [join(folder, 'weights.md'), 'binary file'],
    ]) {
      const { code, stdout, stderr } = run(['review', file]);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes(file) && stderr.includes(problem), stderr);
      assert.ok(!/\n\s+at /.test(stderr), `stack trace leaked: ${stderr}`);
    }
  });

  it('exits 2 on bad usage with the reason and the usage text', () => {
    for (const args of [['review'], ['review', 'x.md', '--format', 'yaml'], ['review', 'x.md', '--bogus'], ['frobnicate']]) {
      const { code, stdout, stderr } = run(args);
      assert.equal(code, 2, args.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^model-readiness: .+\n\nUsage:/);
    }
  });

  it('--out writes TXT and Markdown reports and never overwrites them', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mrr-out-'));
    run(['review', 'examples/mediocre/model_card.md', '--out', folder]);
    run(['review', 'examples/mediocre/model_card.md', '--out', folder, '--report-formats', 'txt,md,json,sarif,html']);
    const files = (await readdir(folder)).sort();
    assert.equal(files.filter((file) => file.endsWith('.txt')).length, 2, files.join(', '));
    assert.equal(files.filter((file) => file.endsWith('.md')).length, 2);
    for (const extension of ['json', 'sarif', 'html']) assert.equal(files.filter((file) => file.endsWith(`.${extension}`)).length, 1);
    assert.ok(files.every((file) => /^ml_production_gate_review_\d{8}_\d{6}(_\d+)?\.(txt|md|json|sarif|html)$/.test(file)), files.join(', '));
  });

  it('reviews a folder of cards (a model zoo) over worker threads, same results as one by one, progress only on stderr', async () => {
    const zoo = await mkdtemp(join(tmpdir(), 'mrr-zoo-'));
    const sources = ['thorough/MODEL_CARD.md', 'mediocre/model_card.md', 'near-empty/model-card.md', 'huggingface-sentiment/README.md', 'toolkit-json/model_card.json'];
    for (let i = 0; i < 40; i++) {
      const source = sources[i % sources.length];
      const folder = join(zoo, `model-${String(i).padStart(2, '0')}`);
      await mkdir(folder);
      await copyFile(join(EXAMPLES, source), join(folder, source.split('/')[1]));
    }
    const batch = run(['review', zoo, '--format', 'json', '--jobs', '2']);
    assert.equal(batch.code, 1);
    const reviews = JSON.parse(batch.stdout) as Array<{ card: string; recommendation: string; gates: Array<{ status: string }> }>;
    assert.equal(reviews.length, 40);
    assert.deepEqual(reviews.map((review) => review.card), [...reviews.map((review) => review.card)].sort());
    assert.match(batch.stderr, /reviewed 40\/40/);
    for (const review of reviews.slice(0, 5)) {
      const alone = JSON.parse(run(['review', review.card, '--format', 'json']).stdout);
      assert.equal(alone.recommendation, review.recommendation);
      assert.deepEqual(alone.gates.map((gate: { status: string }) => gate.status), review.gates.map((gate) => gate.status));
    }
  });

  it('--format sarif prints SARIF 2.1.0 for CI', () => {
    const { stdout } = run(['review', 'examples/mediocre/model_card.md', '--format', 'sarif']);
    const sarif = JSON.parse(stdout);
    assert.equal(sarif.version, '2.1.0');
    assert.ok(sarif.runs[0].results.length > 0);
  });

  it('lists the check catalogue', () => {
    const { code, stdout } = run(['checks', '--format', 'json']);
    assert.equal(code, 0);
    const checks = JSON.parse(stdout) as Array<{ id: string }>;
    assert.ok(checks.some((check) => check.id === 'PF-KPI-TARGET'));
  });
});
