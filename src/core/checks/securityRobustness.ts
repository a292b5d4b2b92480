import type { Topic } from '../card/topics';
import type { Block, ModelCard } from '../card/types';
import type { Evidence, Hit } from '../evidence/evidence';
import { absentOrMissing, documented, quote } from './helpers';
import { findSecrets } from './secretPatterns';
import { fail, pass, skip, type CheckDefinition } from './types';

const DESIGN = 'Gate review design, Gate 6 outputs';
const SECURITY: readonly Topic[] = ['security', 'limitations', 'deployment'];
/** Where request validation is described: security and serving sections, or the input/preprocessing description. */
const VALIDATION_TOPICS: readonly Topic[] = ['security', 'deployment', 'monitoring', 'features', 'limitations'];

// Searched patterns start every alternative with \b and a literal word, so the evidence word index
// can skip blocks that cannot match (see evidence/prefilter.ts).
const THREAT_MODEL = /\b(threat model(s|ing|led|ling)?|stride|attack (surface|trees?|scenarios?|vectors?)|threats? (considered|identified|include|assessed|covered)|adversarial (threats?|risks?)|security risk assessment)\b/;
const EVASION = /\b(evasion|evad(e|es|ing)|adversarial (examples?|inputs?|perturbations?)|input manipulation|gaming|spoof(ing|ed)?|jailbreak\w*|prompt injection)\b/;
const POISONING = /\b(poison\w*|label (manipulation|flipping|tampering)|tamper\w* with (the )?(training|labels?)|backdoor\w*|trojan\w*)\b/;
// Lookbehinds keep "model"/"data" out of the index keys: nearly every block of a card says "model".
const PRIVACY_ATTACKS = /\b((?<=(model|data) )extraction|extraction attacks?|(?<=model )(inversion|stealing)|inversion attacks?|membership inference|attribute inference)\b/;
const MODEL_THEFT = /\bmodel theft\b/;
const ADVERSARIAL_TESTING = /\b(adversarial (test\w*|evaluation|robustness|attacks?|examples?|training|scenarios?)|red[- ]team\w*|robustness (test\w*|evaluation|checks?)|perturbation (test\w*|analysis)|fuzz(ing|ed)?|attack simulation|simulated (attacks?|poisoning|evasion)|(evasion|poisoning) (scenarios|tests?|was simulated)|textattack|foolbox|cleverhans|garak|pyrit)\b/;
const SUPPLY_CHAIN = /\b(pinned|pin(s|ning)? (all )?(dependencies|versions|packages)|lock ?files?|requirements\.lock|poetry\.lock|package-lock\.json|conda-lock|require-hashes|sbom|software bill of materials|cyclonedx|spdx|dependency (scan\w*|audit\w*|review)|vulnerability scan\w*|trivy|grype|snyk|dependabot|pip-audit|osv-scanner|supply[- ]chain (review|controls?|security|scan\w*))\b/;
const BASE_MODEL = /\b(fine[- ]?tuned|finetuned|pre[- ]?trained|base model|foundation model)\b/;
const BASE_PROVENANCE = /\b((base|pre[- ]?trained|foundation) model (provenance|revision|commit|checksum)|provenance of the (base|pre[- ]?trained))\b/;
const PROVENANCE = /\b(revision|commit|sha-?256|checksums?|hash(es)?|pinned|mirror(ed)?|verified|provenance|signed|signature|internal (model )?registry|modelscan|picklescan|scanned)\b/;
const INTEGRITY = /\b(checksums?|sha-?(256|384|512|1)|md5|digests?|signed(?![- ]off)|signatures?|signing|cosign|sigstore|slsa|attestations?|integrity (checks?|verification|controls?)|immutable (artifacts?|registry|storage))\b/;
/** Serialization formats named as words; file extensions are matched separately (they do not start a word). */
const FORMAT_WORD = /\b(pickle[ds]?|cloudpickle|joblib|torch\.load|pytorch_model\.bin|safetensors|onnx|gguf|saved_?model|tflite|pmml)\b/;
const PICKLE_EXTENSION = /\.(pkl|pickle|pth?|ckpt|joblib)\b/;
/** The same extensions matched from their first letter: index keys make "is there any?" nearly free (PICKLE_EXTENSION has none). */
const PICKLE_EXTENSION_WORD = /\b(?<=\.)(pkl|pickle|pth?|ckpt|joblib)\b/;
const PICKLE = /(\.(pkl|pickle|pth?|ckpt|joblib)\b|\b(pickle[ds]?|cloudpickle|joblib|torch\.load|pytorch_model\.bin)\b)/;
const SAFE_FORMAT = /\b(safetensors|onnx|gguf|saved_?model|tflite|pmml|weights_only ?= ?true)\b/;
const SECRETS_MANAGEMENT = /\b(vault|secrets? manager|key ?vault|kms|key management|secret (store|scanning)|(secrets?|credentials?|api keys?|tokens?) (are |is )?(stored|kept|managed|injected|rotated|loaded|live) (in|via|from|through|by)|environment variables?|gitleaks|trufflehog|detect-secrets|rotat(ed|ion) (of )?(keys|credentials|secrets))\b/;
const INPUT_VALIDATION = /\b(input (validation|checks?|filtering|sanitization|guardrails?)|validat(e|es|ed|ing) (all |incoming |every )?(inputs?|requests?|payloads?|schemas?)|(inputs?|requests?|payloads?|queries) (are|is) (validated|sanitized|sanitised|checked|filtered|rejected)|(schema|request|payload) validation|validated against (a |the )?(json |request |input |pydantic )?schema|sanitiz\w+|sanitis\w+|(reject|drop)s? (malformed|invalid|out-of-range)|invalid (requests?|inputs?) (are|get|is))\b/;
const ACCESS_CONTROL = /\b(access control|rbac|role-based access|abac|iam[- ](roles?|polic(y|ies)|restricted|auth\w*|permissions?)|(authentication|authenticated) (is )?(required|callers?|clients?|requests?|via|with)|authori[sz]ation (policy|policies|checks?|required)|authori[sz]ed (callers?|clients?|services?|users? only)|mtls|mutual tls|oauth\w*|api keys? (required|per client)|least[- ]privilege|private (endpoint|network|link)|vpc|network polic\w+)\b/;
const RATE_LIMIT = /\b(rate[- ]limit\w*|throttl\w*|quotas?|request limits?|abuse (monitoring|detection|prevention)|usage (caps?|limits?)|query budgets?|ddos)\b/;
const LLM = /\b(llms?|large language models?|generative|genai|gpt-?\d\w*|chatgpt|chatbots?|text[- ]generation|system prompts?|retrieval[- ]augmented|instruction[- ]tuned)\b/;
const LLM_PIPELINES = /^(text-generation|text2text-generation|conversational|image-text-to-text|visual-question-answering|summarization|translation)$/;
const PROMPT_INJECTION = /\b(prompt injection|indirect injection|jailbreak\w*|guardrails?|output (filter\w*|moderation)|content (filter\w*|moderation)|llm guard|prompt shields?|system prompt (protection|hardening|isolation))\b/;
const PRIVACY = /\b(pii|personally identifiable|personal (data|information)|anonymi[sz]\w*|pseudonymi[sz]\w*|deidentif\w*|(pan|pii|identifiers?) (is|are) (tokeni[sz]ed|masked|hashed|encrypted|removed)|masked|masking|redact\w*|differential privacy|dpia|gdpr|hipaa|ccpa|membership inference|encrypt\w* at rest|retention (policy|period)|deleted after \d+ (days|weeks|months))\b/;
const NO_PERSONAL_DATA = /\b((uses?|contains?|includes?|has|with|involves?) no (\w+ )?(or )?(personal|pii|customer|user)\b|no (personal|pii|customer|user)\w* (data|information)? ?(is|are|was|were) (used|collected|stored|processed))/;
const VOWEL_START = /^[aeiou]/i;

function isLlm(evidence: Evidence): Hit | 'metadata' | undefined {
  const tag = evidence.metadata?.pipelineTag;
  if (tag && LLM_PIPELINES.test(tag.toLowerCase())) return 'metadata';
  return evidence.find(LLM);
}

interface Mention {
  line: number;
  endLine: number;
  /** The card's sentence, for prose; null for code. */
  sentence: string | null;
}

interface Formats {
  pickle?: Mention;
  safe?: Mention;
}

/**
 * The first pickle-based artifact the card distributes or loads (prose or code, unless the sentence
 * says it was converted to a safe format) and the first safe format it names; computed once per review.
 */
function serializationFormats(evidence: Evidence): Formats {
  return evidence.derived('security-robustness/serialization-formats', () => findFormats(evidence));
}

function findFormats(evidence: Evidence): Formats {
  const card = evidence.card;
  const formats: Formats = {};
  // The hits start at the dot, where negation and sentence are read; the keyed twin only says whether there are any.
  const extensions = evidence.findAny(PICKLE_EXTENSION_WORD) ? evidence.findAll(PICKLE_EXTENSION) : [];
  const prose = [...evidence.findAll(FORMAT_WORD), ...extensions].filter((hit) => !hit.negated).sort((a, b) => a.line - b.line);
  for (const hit of prose) {
    const mention = { line: hit.line, endLine: hit.endLine, sentence: quote(hit) };
    if (SAFE_FORMAT.test(hit.sentence.toLowerCase())) formats.safe ??= mention;
    else formats.pickle ??= mention;
  }
  const pickleCode = firstInCode(card, PICKLE);
  if (pickleCode && (!formats.pickle || pickleCode.line < formats.pickle.line)) formats.pickle = pickleCode;
  formats.safe ??= firstInCode(card, SAFE_FORMAT);
  return formats;
}

/** First match of a pattern in the card's code blocks (not part of the prose haystack). */
function firstInCode(card: ModelCard, pattern: RegExp): Mention | undefined {
  for (const block of card.blocks) {
    if (block.kind !== 'code') continue;
    const index = block.text.toLowerCase().search(pattern);
    if (index >= 0) {
      const line = lineAt(block, index);
      return { line, endLine: line, sentence: null };
    }
  }
  return undefined;
}

function describe(mention: Mention): string {
  return mention.sentence ? `"${mention.sentence}"` : `the code at line ${mention.line}`;
}

/** Gate 6 — Security & Robustness: is the model hard to attack, its supply chain sound and its card free of secrets? */
export const securityRobustnessChecks: CheckDefinition[] = [
  {
    id: 'SR-SECRETS-EMBEDDED',
    gate: 'security-robustness',
    title: 'No credentials embedded in the card',
    description: 'A credential published in a model card is leaked to everyone who can read the card or its history.',
    severity: 'error',
    source: `${DESIGN} (credential and secret safeguards); failure mode "secrets hardcoded in code"; OWASP LLM Top 10 2025 LLM02 (Sensitive Information Disclosure)`,
    mitigation: 'Revoke and rotate every exposed credential now, remove it from the card and the repository history, and load credentials at runtime from a secret manager.',
    run: ({ card }) => {
      const found = findSecrets(card.lines);
      if (found.length === 0) return skip();
      return found.map((secret) =>
        fail(`The card embeds ${article(secret.kind)} ${secret.kind} in plain text (value withheld); treat it as leaked.`, secret.line),
      );
    },
  },
  {
    id: 'SR-THREAT-MODEL',
    gate: 'security-robustness',
    title: 'Threat model documented',
    description: 'Without a threat model nobody has decided which attacks the model must withstand, so no control can be judged sufficient.',
    severity: 'error',
    source: `${DESIGN} (threat model); failure mode "no threat model or adversarial assessment"; OWASP Machine Learning Security Top 10 (ML01-ML10); NIST AI RMF MEASURE 2.7 (security and resilience evaluated and documented)`,
    mitigation: 'Write a threat model (e.g. STRIDE) naming attackers, assets and attacks: evasion, poisoning, model extraction/inversion, membership inference and, for LLMs, prompt injection.',
    run: (context) =>
      documented(context, {
        pattern: THREAT_MODEL,
        missing: 'No threat model is documented.',
        anchor: ['security', 'limitations'],
      }),
  },
  {
    id: 'SR-THREAT-COVERAGE',
    gate: 'security-robustness',
    title: 'Threat model covers evasion and poisoning',
    description: 'Evasion (manipulated inputs) and poisoning (manipulated training data) are the two attacks every production model faces.',
    severity: 'warning',
    source: `${DESIGN} (threat model: evasion, poisoning); OWASP Machine Learning Security Top 10 ML01 (Input Manipulation) and ML02 (Data Poisoning)`,
    mitigation: 'Extend the threat model with evasion (crafted or gamed inputs) and poisoning (tampered training data or labels) and the controls for each.',
    run: ({ evidence }) => {
      const evasion = evidence.find(EVASION, { topics: ['security'] }) ?? evidence.find(EVASION, { topics: SECURITY });
      const poisoning = evidence.find(POISONING, { topics: ['security'] }) ?? evidence.find(POISONING, { topics: SECURITY });
      if (evasion && poisoning) return pass(evasion.line);
      const model = evidence.find(THREAT_MODEL);
      if (!model && !evasion && !poisoning) return skip();
      const gap = !evasion && !poisoning ? 'covers neither evasion nor poisoning' : !evasion ? 'does not cover evasion (manipulated inputs)' : 'does not cover poisoning (tampered training data or labels)';
      const at = model ?? evasion ?? poisoning!;
      return fail(`The threat model ${gap}.`, at.line, { endLine: at.endLine });
    },
  },
  {
    id: 'SR-THREAT-PRIVACY-ATTACKS',
    gate: 'security-robustness',
    title: 'Extraction, inversion and membership inference considered',
    description: 'Query access alone can let an attacker copy the model or learn who was in its training data.',
    severity: 'info',
    source: `${DESIGN} (threat model); OWASP Machine Learning Security Top 10 ML03 (Model Inversion), ML04 (Membership Inference), ML05 (Model Theft)`,
    mitigation: 'Assess model extraction, model inversion and membership inference, and note the controls (rate limits, coarse outputs, access control, differential privacy).',
    run: ({ evidence }) => {
      const hit = evidence.find(PRIVACY_ATTACKS) ?? evidence.find(MODEL_THEFT);
      if (hit) return pass(hit.line);
      const model = evidence.find(THREAT_MODEL);
      if (!model) return skip();
      return fail('The threat model does not consider model extraction, model inversion or membership inference.', model.line, { endLine: model.endLine });
    },
  },
  {
    id: 'SR-ADVERSARIAL-TESTING',
    gate: 'security-robustness',
    title: 'Adversarial robustness tested',
    description: 'A threat model is a hypothesis until attacks have been tried against the model and their effect measured.',
    severity: 'warning',
    source: `${DESIGN} (threat model, adversarial risks); failure mode "no threat model or adversarial assessment"; NIST AI RMF MEASURE 2.7 (security and resilience evaluated)`,
    mitigation: 'Run adversarial tests for the threats in the threat model (evasion, perturbation, poisoning simulation or red teaming) and report the measured impact.',
    run: (context) =>
      documented(context, {
        pattern: ADVERSARIAL_TESTING,
        missing: 'No adversarial robustness testing is reported.',
        anchor: ['security', 'evaluation'],
      }),
  },
  {
    id: 'SR-SUPPLY-CHAIN',
    gate: 'security-robustness',
    title: 'Dependencies pinned, SBOM and scanning',
    description: 'Unpinned, unscanned dependencies let a compromised package reach the model and its serving stack.',
    severity: 'warning',
    source: `${DESIGN} (supply chain risks: dependencies); OWASP Machine Learning Security Top 10 ML06 (AI Supply Chain Attacks); OWASP LLM Top 10 2025 LLM03 (Supply Chain); ML Test Score, Monitor 1 (dependency changes result in notification)`,
    mitigation: 'Pin dependencies with hashes (lock file), generate an SBOM in CI and scan it and the images for known vulnerabilities before release.',
    run: (context) =>
      documented(context, {
        pattern: SUPPLY_CHAIN,
        missing: 'No supply-chain controls (pinned dependencies, SBOM, vulnerability scanning) are documented.',
        anchor: ['security', 'deployment'],
      }),
  },
  {
    id: 'SR-BASE-MODEL-PROVENANCE',
    gate: 'security-robustness',
    title: 'Base model provenance',
    description: 'A fine-tuned model inherits whatever was in its pretrained base; an unpinned base can change or be swapped under the same name.',
    severity: 'warning',
    source: `${DESIGN} (supply chain risks: model artifacts); OWASP Machine Learning Security Top 10 ML06 (AI Supply Chain Attacks) and ML07 (Transfer Learning Attack); OWASP LLM Top 10 2023 LLM05 (Supply Chain Vulnerabilities); EU AI Act Annex IV 2(a) (pre-trained systems and tools used)`,
    mitigation: 'Name the base model source, pin its exact revision (commit or checksum), and record that it was scanned or mirrored into a controlled registry.',
    run: ({ evidence }) => {
      const mentions = evidence.findAll(BASE_MODEL).filter((hit) => !hit.negated);
      const baseModel = evidence.metadata?.baseModel;
      if (mentions.length === 0 && !baseModel) return skip();
      const proven = mentions.find((hit) => PROVENANCE.test(hit.sentence.toLowerCase())) ?? evidence.find(BASE_PROVENANCE);
      if (proven) return pass(proven.line);
      const named = baseModel ? ` (${baseModel})` : '';
      if (mentions.length > 0) {
        return fail(`The model builds on pretrained weights${named} but the card does not pin their revision or verify their source: "${quote(mentions[0])}".`, mentions[0].line, { endLine: mentions[0].endLine });
      }
      return fail(`The model builds on the base model${named} but the card does not pin its revision or verify its source.`, evidence.metadata?.line ?? null);
    },
  },
  {
    id: 'SR-ARTIFACT-INTEGRITY',
    gate: 'security-robustness',
    title: 'Artifact integrity verified',
    description: 'Checksums or signatures verified at load are what stop a tampered model file from being served.',
    // Warning by default: adding checksums to the registry can be done in parallel with the release.
    // Error when the card distributes pickle-based weights: loading an unverified pickle runs arbitrary code.
    severity: 'warning',
    source: `${DESIGN} (model and artifact integrity controls); failure mode "model artifacts not integrity-checked"; OWASP Machine Learning Security Top 10 ML06 (AI Supply Chain Attacks) and ML10 (Model Poisoning)`,
    mitigation: 'Record a SHA-256 checksum (or a cosign/Sigstore signature) for every model artifact at training time and verify it before the artifact is loaded.',
    run: ({ evidence }) => {
      const hit = evidence.find(INTEGRITY);
      if (hit) return pass(hit.line);
      const pickle = serializationFormats(evidence).pickle;
      if (pickle) {
        return fail(`Pickle-based model artifacts are used (${describe(pickle)}) with no checksum or signature verification; loading a tampered pickle executes arbitrary code.`, pickle.line, {
          endLine: pickle.endLine,
          severity: 'error',
        });
      }
      return absentOrMissing(evidence.findAbsence(INTEGRITY), `Model artifacts are not integrity-checked: `, 'No integrity control (checksum or signature verified at load) is documented for the model artifacts.', evidence.anchor('security', 'deployment', 'model-details'));
    },
  },
  {
    id: 'SR-ARTIFACT-FORMAT',
    gate: 'security-robustness',
    title: 'Safe serialization format',
    description: 'Pickle-based formats (.pkl, joblib, .pt/.bin) run code when loaded; safetensors or ONNX only hold weights.',
    severity: 'warning',
    source: `${DESIGN} (model and artifact integrity controls); OWASP Machine Learning Security Top 10 ML06 (AI Supply Chain Attacks)`,
    mitigation: 'Publish the weights as safetensors (or ONNX), or load them with torch.load(weights_only=True), and scan pickle files (picklescan/modelscan) until they are converted.',
    run: ({ evidence }) => {
      const { pickle, safe } = serializationFormats(evidence);
      if (pickle) return fail(`The model is distributed or loaded in a pickle-based format, which executes code on load: ${describe(pickle)}.`, pickle.line, { endLine: pickle.endLine });
      return safe ? pass(safe.line) : skip();
    },
  },
  {
    id: 'SR-SECRETS-MANAGEMENT',
    gate: 'security-robustness',
    title: 'Secrets kept in a secret manager',
    description: 'Serving and training need credentials; they must come from a managed store, not from code or config files.',
    severity: 'warning',
    source: `${DESIGN} (credential and secret safeguards); failure mode "secrets hardcoded in code"; OWASP LLM Top 10 2025 LLM02 (Sensitive Information Disclosure)`,
    mitigation: 'State where credentials live (Vault, AWS Secrets Manager, Azure Key Vault), how they are rotated, and that secret scanning (e.g. gitleaks) runs in CI.',
    run: (context) =>
      documented(context, {
        pattern: SECRETS_MANAGEMENT,
        missing: 'The card does not say how credentials and secrets are stored and rotated.',
        anchor: ['security', 'deployment'],
      }),
  },
  {
    id: 'SR-INPUT-VALIDATION',
    gate: 'security-robustness',
    title: 'Input validation and sanitization',
    description: 'Unvalidated inputs are the entry point for evasion, injection and malformed-request failures.',
    severity: 'warning',
    source: `${DESIGN} (hardening actions); failure mode "no input validation or sanitization"; OWASP Machine Learning Security Top 10 ML01 (Input Manipulation)`,
    mitigation: 'Validate every request against a schema (types, ranges, allowed values), sanitize free text, and define what happens to rejected inputs.',
    run: (context) =>
      documented(context, {
        pattern: INPUT_VALIDATION,
        topics: VALIDATION_TOPICS,
        missing: 'No input validation or sanitization is documented.',
        anchor: ['security', 'deployment', 'features'],
      }),
  },
  {
    id: 'SR-ACCESS-CONTROL',
    gate: 'security-robustness',
    title: 'Access control on the model endpoint',
    description: 'Who may call the model decides who can probe, extract or abuse it.',
    severity: 'warning',
    source: `${DESIGN} (runtime abuse scenarios, hardening actions); OWASP Machine Learning Security Top 10 ML05 (Model Theft); OWASP LLM Top 10 2023 LLM10 (Model Theft)`,
    mitigation: 'Put the endpoint behind authentication and role-based authorization (e.g. mTLS or IAM, least-privilege service accounts) and restrict access to the model artifacts.',
    run: (context) =>
      documented(context, {
        pattern: ACCESS_CONTROL,
        missing: 'No authentication or access control for the model endpoint or artifacts is documented.',
        anchor: ['security', 'deployment'],
      }),
  },
  {
    id: 'SR-RATE-LIMIT',
    gate: 'security-robustness',
    title: 'Rate limiting and abuse monitoring',
    description: 'Unlimited querying enables model extraction, denial of service and cost abuse.',
    severity: 'warning',
    source: `${DESIGN} (runtime abuse scenarios); OWASP Machine Learning Security Top 10 ML05 (Model Theft); OWASP LLM Top 10 2025 LLM10 (Unbounded Consumption)`,
    mitigation: 'Set per-client rate limits or quotas on the endpoint and monitor for abusive query patterns (probing, scraping, volume spikes).',
    run: (context) =>
      documented(context, {
        pattern: RATE_LIMIT,
        missing: 'No rate limiting or abuse monitoring is documented for the serving endpoint.',
        anchor: ['security', 'deployment'],
      }),
  },
  {
    id: 'SR-PROMPT-INJECTION',
    gate: 'security-robustness',
    title: 'Prompt injection addressed (LLMs)',
    description: 'For a language-model application, prompt injection is the primary attack: text can override instructions and exfiltrate data.',
    // Error: for an LLM, a threat model without prompt injection misses the first OWASP LLM risk.
    severity: 'error',
    source: `${DESIGN} (runtime abuse scenarios); OWASP LLM Top 10 2025 LLM01 (Prompt Injection)`,
    mitigation: 'Assess direct and indirect prompt injection, isolate system prompts, filter inputs and outputs (guardrails), and limit what tools and data the model can reach.',
    run: ({ evidence }) => {
      const llm = isLlm(evidence);
      if (!llm) return skip();
      const hit = evidence.find(PROMPT_INJECTION);
      if (hit) return pass(hit.line);
      const line = llm === 'metadata' ? evidence.metadata?.line ?? null : llm.line;
      const absence = evidence.findAbsence(PROMPT_INJECTION);
      if (absence) return fail(`The card describes a language-model application but prompt injection is not addressed: "${quote(absence)}".`, absence.line, { endLine: absence.endLine });
      return fail('The card describes a language-model application but does not address prompt injection or output filtering.', evidence.anchor('security') ?? line);
    },
  },
  {
    id: 'SR-DATA-PRIVACY',
    gate: 'security-robustness',
    title: 'Training data privacy',
    description: 'Personal data in training sets can leak through the model and must be minimized and protected.',
    severity: 'warning',
    source: `${DESIGN} (hardening actions); OWASP Machine Learning Security Top 10 ML04 (Membership Inference); EU AI Act Annex IV 2(d) (data requirements); NIST AI RMF MEASURE 2.10 (privacy risk)`,
    mitigation: 'State whether training data contains personal data and how it is protected (masking, tokenization, access control, retention), with a DPIA where required.',
    run: ({ evidence }) => {
      const hit = evidence.find(PRIVACY);
      if (hit) return pass(hit.line);
      const none = evidence.findAny(NO_PERSONAL_DATA);
      if (none) return pass(none.line);
      return absentOrMissing(evidence.findAbsence(PRIVACY), `Training-data privacy is not addressed: `, 'The card does not say whether the training data holds personal data or how it is protected.', evidence.anchor('training-data', 'security'));
    },
  },
];

function article(kind: string): string {
  return VOWEL_START.test(kind) ? 'an' : 'a';
}

/** Line of an offset inside a block's text. */
function lineAt(block: Block, offset: number): number {
  let line = block.line;
  for (let i = 0; i < offset; i++) if (block.text.charCodeAt(i) === 10) line++;
  return Math.min(line, block.endLine);
}
