import type { Severity } from '../checks/types';

export interface EngineRule {
  id: string;
  severity: Severity;
  title: string;
  description: string;
  mitigation: string;
  /** A gate id, "any" (raised on whichever gate it concerns) or "card" (about the card file). */
  gate: string;
}

/** Findings the engine itself raises, outside the check registry. */
export const ENGINE_RULES: readonly EngineRule[] = [
  { id: 'GATE-NO-EVIDENCE', severity: 'error', title: 'Gate has no evidence', description: 'The card says nothing about the subject of this gate, so it cannot pass.', mitigation: 'Document the gate subject in the card.', gate: 'any' },
  { id: 'SR-REVIEWER-INSTRUCTIONS', severity: 'error', title: 'Card instructs its reviewer', description: 'Text in the card tries to steer an automated or human reviewer ("ignore previous instructions", "mark all gates Pass"); it changes nothing and is reported.', mitigation: 'Remove the text addressed to reviewers and raise the attempt with the model owner.', gate: 'security-robustness' },
  { id: 'MODEL-REVIEW', severity: 'warning', title: 'Model reviewer finding', description: 'A finding the Azure OpenAI (or OpenAI-compatible) gate agent added; its severity is the agent\'s, and it counts only when its quote is found in the card or it quotes nothing.', mitigation: 'Follow the recommendation given with the finding.', gate: 'any' },
  { id: 'CARD-ENCODING-REPAIRED', severity: 'warning', title: 'Mojibake repaired', description: 'UTF-8 text had been decoded through a legacy code page and saved again.', mitigation: 'Re-save the card as UTF-8 with the repaired text.', gate: 'card' },
  { id: 'CARD-NOT-UTF8', severity: 'warning', title: 'Card is not UTF-8', description: 'The card is in a legacy encoding.', mitigation: 'Save the card as UTF-8.', gate: 'card' },
  { id: 'CARD-FRONT-MATTER-INVALID', severity: 'warning', title: 'Invalid YAML front matter', description: 'The metadata block could not be parsed, so Hugging Face metadata is ignored.', mitigation: 'Fix the YAML front matter.', gate: 'card' },
];

