import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHECKS } from '../../src/core';
import { generatedManifest } from '../../scripts/generateManifest';
import { CARD_FILE_NAME, isCardForWorkspaceReview, isModelCardName } from '../../src/extension/model/cardFiles';
import { COMMANDS, REVIEWER_TARGET_SETTINGS, SETTINGS } from '../../src/extension/model/contributions';
import { resolveOutputFolder } from '../../src/extension/model/outputFolder';
import { REPO_ROOT } from '../support/cards';

const packageText = readFileSync(join(REPO_ROOT, 'package.json'), 'utf8');
const manifest = JSON.parse(packageText);

describe('package.json contributions', () => {
  it('commands, menus and settings are generated from the registries and current (npm run manifest)', () => {
    assert.equal(packageText, generatedManifest(packageText));
    const ignored = manifest.contributes.configuration.properties['modelReadiness.diagnostics.ignoredChecks'];
    assert.deepEqual(ignored.items.enum, CHECKS.map((check) => check.id));
  });

  it('every contributed command has its handler in the one registry, with the fixed ids', () => {
    const contributed = manifest.contributes.commands.map((command: { command: string }) => command.command).sort();
    assert.deepEqual(contributed, Object.values(COMMANDS).map((command) => command.id).sort());
    assert.ok(contributed.includes('modelReadiness.review') && contributed.includes('modelReadiness.exportReport'));
    assert.equal(manifest.contributes.commands.find((command: { command: string }) => command.command === 'modelReadiness.review').title, 'Review Model Card');
    assert.equal(manifest.contributes.commands.find((command: { command: string }) => command.command === 'modelReadiness.review').category, 'Model Readiness');
  });

  it('activates only on its commands, view and panel; declares workspace trust; targets VS Code 1.100', () => {
    assert.ok(manifest.activationEvents.length > 0);
    assert.ok(manifest.activationEvents.every((event: string) => /^on(Command:modelReadiness\.|View:modelReadiness\.gates$|WebviewPanel:modelReadiness\.gateReview$)/.test(event)), manifest.activationEvents.join(', '));
    assert.equal(manifest.engines.vscode, '^1.100.0');
    assert.equal(manifest.devDependencies['@types/vscode'], '1.100.0');
    assert.equal(manifest.capabilities.untrustedWorkspaces.supported, 'limited');
    assert.deepEqual(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations, [SETTINGS.outputFolder, ...REVIEWER_TARGET_SETTINGS], 'a workspace can aim neither reports nor the card and the API key elsewhere');
    assert.equal(manifest.contributes.views.modelReadiness[0].id, 'modelReadiness.gates');
    assert.equal(manifest.contributes.views.modelReadiness[0].name, 'Gate Review');
    assert.match(manifest.contributes.viewsWelcome[0].contents, /\(command:modelReadiness\.review\)/);
  });

  it('the Explorer menu appears for model card names only', () => {
    const when: string = manifest.contributes.menus['explorer/context'][0].when;
    const regex = new RegExp(/=~ \/(.+)\/$/.exec(when)![1].replace(/\\\//g, '/'));
    assert.equal(regex.source, CARD_FILE_NAME.source);
    for (const name of ['MODEL_CARD.md', 'model_card.md', 'model-card.md', 'fraud.modelcard.md', 'README.md', 'model_card.json', 'model_card_v2.json', 'churn.modelcard.json']) assert.ok(isModelCardName(name), name);
    for (const name of ['notes.md', 'package.json', 'MODEL_CARD.md.bak', 'readme.txt', 'my_model_card.md']) assert.ok(!isModelCardName(name), name);
  });

  it('a workspace review takes a README.md only when it carries Hugging Face metadata', () => {
    assert.ok(isCardForWorkspaceReview('README.md', '---\nlicense: mit\n'));
    assert.ok(!isCardForWorkspaceReview('README.md', '# My project\n'));
    assert.ok(isCardForWorkspaceReview('MODEL_CARD.md', '# Anything'));
  });

  it('.vscodeignore ships bundles and docs, never sources, tests or dependencies', () => {
    const ignore = readFileSync(join(REPO_ROOT, '.vscodeignore'), 'utf8').split('\n').filter((line) => line && !line.startsWith('#'));
    assert.equal(ignore[0], '**');
    assert.ok(ignore.slice(1).every((line) => line.startsWith('!') && !/src|test|node_modules|\.ts$/.test(line)), ignore.join(' '));
  });
});

describe('report output folder', () => {
  it('stays inside the workspace folder', () => {
    assert.deepEqual(resolveOutputFolder('/ws', 'workflow_outputs'), { folder: '/ws/workflow_outputs' });
    assert.deepEqual(resolveOutputFolder('/ws', 'reports/gates'), { folder: '/ws/reports/gates' });
    for (const setting of ['../elsewhere', '/etc', 'a/../../b', '   ']) assert.ok('problem' in resolveOutputFolder('/ws', setting), setting);
  });
});
