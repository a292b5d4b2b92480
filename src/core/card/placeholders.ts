/**
 * Unfilled template text counts as missing, not as content: a card full of
 * "[More Information Needed]" says nothing.
 */
const PLACEHOLDER_TOKENS =
  /\[more information needed\]|\bmore information needed\b|\{\{[^}]*\}\}|\[(?:optional|todo|tbd|insert[^\]]*|your [^\]]*|add [^\]]*|fill[^\]]*)\]|<(?:your|insert|add)[^>]*>|\b(?:todo|tbd|tbc|fixme|xxx)\b|\blorem ipsum\b[^.]*\.?|\bn\/a\b/gi;

/** Sentences the Hugging Face model card template ships with; a card that keeps them has not filled the section. */
const TEMPLATE_SENTENCES = [
  'provide a quick summary of what the model is/does',
  'provide a longer summary of what this model is',
  'this is the model card of a 🤗 transformers model that has been pushed on the hub',
  'this model card has been automatically generated',
  'use the code below to get started with the model',
  'this section is meant to convey',
  'this section addresses questions around',
  'users (both direct and downstream) should be made aware of the risks, biases and limitations of the model',
  'carbon emissions can be estimated using the machine learning impact calculator',
  'if there is a paper or blog post introducing the model',
  'explain how the model was trained',
  'lorem ipsum',
];

const LABEL_ONLY = /^[\s\-–—*>#|]*([\p{L}\p{N} ()/&,'’.-]{1,60})?[:：]?[\s\-–—*|.]*$/u;

/** True when the text, once placeholder tokens are removed, is nothing but a label such as "Developed by:". */
/** Cheap first look: text without any of these cannot be a placeholder (grouped by first letter: fewer alternatives tried per position). */
const MAYBE_PLACEHOLDER = /[[{<]|t(?:odo|b[dc]|his (?:section|model card|is the model card))|fixme|xxx|lorem|n\/a|i(?:nformation needed|f there is a paper)|provide a|u(?:se the code below|sers \(both)|carbon emissions can|explain how/i;

export function isPlaceholderText(text: string): boolean {
  if (!MAYBE_PLACEHOLDER.test(text)) return false;
  const lower = text.toLowerCase();
  if (TEMPLATE_SENTENCES.some((sentence) => lower.includes(sentence))) return true;
  const stripped = text.replace(PLACEHOLDER_TOKENS, '');
  if (stripped.length === text.length) return false;
  const rest = stripped.trim();
  if (rest.length === 0) return true;
  // "Developed by: [More Information Needed]" keeps only its label.
  return /[:：]\s*[\-–—.]*\s*$/.test(rest) && LABEL_ONLY.test(rest);
}
