import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { CardError, parseCard, parseCardText, type ModelCard } from '../core';

export interface LoadedCard {
  card: ModelCard;
  /** Hash of the text as the editor sees it, to tell later whether the card changed. */
  textHash: string;
}

export function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function cardKey(uri: vscode.Uri): string {
  return uri.toString();
}

export function cardName(uri: vscode.Uri): string {
  return basename(uri.path);
}

export function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const key = cardKey(uri);
  return vscode.workspace.textDocuments.find((document) => cardKey(document.uri) === key);
}

/** The card as the user sees it: an open editor's buffer (saved or not), otherwise the file's bytes. Throws CardError. */
export async function loadCard(uri: vscode.Uri): Promise<LoadedCard> {
  const path = vscode.workspace.asRelativePath(uri, false);
  const document = openDocument(uri);
  if (document) return { card: parseCardText(path, document.getText()), textHash: hashText(document.getText()) };
  let bytes: Uint8Array;
  try {
    bytes = await vscode.workspace.fs.readFile(uri);
  } catch (error) {
    throw new CardError(path, error instanceof vscode.FileSystemError && error.code === 'FileNotFound' ? 'no such file' : `cannot be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return { card: parseCard(path, bytes), textHash: hashText(new TextDecoder('utf-8').decode(bytes)) };
}

/** Hash of the card's current text, from the open editor or the disk; null when it cannot be read. */
export async function currentTextHash(uri: vscode.Uri): Promise<string | null> {
  const document = openDocument(uri);
  if (document) return hashText(document.getText());
  try {
    return hashText(new TextDecoder('utf-8').decode(await vscode.workspace.fs.readFile(uri)));
  } catch {
    return null;
  }
}
