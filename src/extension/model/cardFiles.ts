/** Which files are model cards: one definition for the Explorer menu, the workspace search and the status bar. */

/** MODEL_CARD.md, model_card.md, model-card.md, *.modelcard.md, README.md, Model Card Toolkit JSON. */
export const CARD_FILE_NAME = /^(MODEL_CARD|model_card|model-card)\.md$|\.modelcard\.(md|json)$|^README\.md$|^model_card[^/]*\.json$/;

/** The same names as a glob for workspace.findFiles (matches the CLI's folder search). */
export const CARD_FILE_GLOB = '**/{MODEL_CARD.md,model_card.md,model-card.md,*.modelcard.md,README.md,model_card*.json,*.modelcard.json}';

export const CARD_SEARCH_EXCLUDE = '**/{node_modules,.git,workflow_outputs,out,dist}/**';

export function isModelCardName(fileName: string): boolean {
  return CARD_FILE_NAME.test(fileName);
}

/** A README.md is a model card only when it carries Hugging Face metadata (YAML front matter); other READMEs are project docs. */
export function isCardForWorkspaceReview(fileName: string, text: string): boolean {
  if (!isModelCardName(fileName)) return false;
  return fileName !== 'README.md' || /^\uFEFF?---\r?\n/.test(text);
}

/** The card-name test as a when-clause regular expression (package.json menus). */
export function cardFileWhenClause(): string {
  return `resourceFilename =~ /${CARD_FILE_NAME.source.replace(/\//g, '\\/')}/`;
}
