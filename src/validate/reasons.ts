/**
 * Making validate's messages: every reason comes from the catalogue (src/i18n/validate-reasons.ts), rendered in
 * English for the library and kept as `text` so the CLI can say it in the user's language.
 */
import { createMessage, renderText, type MessageText, type Place, type TextList, type TextParam } from '../model/message.js';
import { validateReasonsEn, type ValidateReasonKey } from '../i18n/validate-reasons.js';
import type { IssueCode, Severity, ValidationMessage } from './types.js';

/** A catalogue text of validate. */
export function say(key: ValidateReasonKey, params: Readonly<Record<string, TextParam>> = {}): MessageText {
  return { key, params };
}

/** Placeholders joined by `, ` (or ` or `, `; or `) in the language of the output. */
export function list(items: readonly TextParam[], by: TextList['by'] = 'comma'): TextList {
  return { list: items, by };
}

/** The English reason of a catalogue text. */
export function english(text: MessageText): string {
  return renderText(text, validateReasonsEn);
}

/** A validate message at `place` (which names at least the file). */
export function finding(
  code: IssueCode,
  text: MessageText,
  place: Place & { file: string },
  severity: Severity = 'error',
): ValidationMessage {
  return createMessage(severity, code, english(text), place, { text }) as ValidationMessage;
}
