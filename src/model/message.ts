/**
 * The one message type every stage reports with (as vfile's VFileMessage):
 * readers, extract, normalize, datasets and validate push `Message`s; the CLI only formats them.
 *
 * - `code` is stable and machine-readable (scripts rely on it);
 * - `severity` decides the CLI prefix (`error:`, `warning:`, `info:`) and the exit code (any error → 1);
 * - `reason` is one line of text that does not repeat the place;
 * - `place` says where: file, page, table, row, column, line (all optional);
 * - `related` is a second place the message concerns (e.g. the first of two repeated commitments);
 * - `cause` keeps the original exception of an unexpected failure. It is never serialised
 *   (a non-enumerable property), and the CLI shows it with `--debug`;
 * - `text` (never serialised either) is the catalogue key and placeholders the reason was made from, so the CLI
 *   can say it in the user's language (validate's reasons; `renderText`).
 *
 * The carrier is a `Result<T>` (as mammoth's `Result{value, messages}`): a value and the messages
 * produced while making it. A plan carries its own messages in `plan.messages`.
 */
import type { MessageSchema, Place, Severity } from './message-schema.js';
import type { z } from 'zod';

export type { Place, Severity } from './message-schema.js';

export type Message = z.infer<typeof MessageSchema> & {
  /** The original exception (never serialised). */
  readonly cause?: unknown;
  /** The catalogue text the reason was made from (never serialised): a front end says it in its language. */
  readonly text?: MessageText;
};

/** A list of placeholders, joined by the catalogue's separator `sep.<by>`. */
export interface TextList {
  readonly list: readonly TextParam[];
  readonly by: 'comma' | 'or' | 'semicolonOr';
}
export type TextParam = string | number | MessageText | TextList;
/** A catalogue entry and its placeholders; a placeholder may itself be a catalogue text or a list. */
export interface MessageText {
  readonly key: string;
  readonly params: Readonly<Record<string, TextParam>>;
}

/** Fill a catalogue text from `templates` (key → template with `{name}` placeholders), recursively. */
export function renderText(text: MessageText, templates: Readonly<Record<string, string>>): string {
  const param = (p: TextParam): string => {
    if (typeof p === 'string') return p;
    if (typeof p === 'number') return String(p);
    if ('list' in p) return p.list.map(param).join(templates[`sep.${p.by}`] ?? ', ');
    return renderText(p, templates);
  };
  const template = templates[text.key];
  if (template === undefined) throw new Error(`no catalogue text ${text.key}`);
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in text.params ? param(text.params[name]!) : m));
}

/** A value and the messages produced while making it. */
export interface Result<T> {
  value: T;
  messages: Message[];
}

/** What `placeOf` reads from a doc-tree node (any unist node with `data.page`). */
export interface PlacedNode {
  position?: { start: { line: number } } | undefined;
  data?: { page?: number } | undefined;
}

/** Drop undefined members, so a place serialises with only what is known. */
function compact(place: Place): Place {
  const out: Place = {};
  for (const key of Object.keys(place) as (keyof Place)[]) {
    const value = place[key];
    if (value !== undefined && value !== null) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/**
 * The place of a doc-tree node: its line (unist position) and page (`data.page`), plus what only the
 * caller knows (table and row index, column role, file). Explicit `extra` members win.
 */
export function placeOf(node?: PlacedNode | null, extra: Place = {}): Place {
  const place: Place = {};
  const line = node?.position?.start.line;
  if (line) place.line = line;
  if (node?.data?.page) place.page = node.data.page;
  return compact({ ...place, ...extra });
}

export interface MessageOptions {
  related?: Place | undefined;
  cause?: unknown;
  text?: MessageText | undefined;
}

/** Create a message. `cause` is attached non-enumerably so JSON and zod never see it. */
export function createMessage(
  severity: Severity,
  code: string,
  reason: string,
  place: Place = {},
  options: MessageOptions = {},
): Message {
  const message: Message = { code, severity, reason, place: compact(place) };
  if (options.related) message.related = compact(options.related);
  if (options.cause !== undefined) Object.defineProperty(message, 'cause', { value: options.cause, enumerable: false });
  if (options.text !== undefined) Object.defineProperty(message, 'text', { value: options.text, enumerable: false });
  return message;
}

/** `to` with `from`'s cause and catalogue text (or `text`), which are not enumerable: an object spread drops them. */
function keepHidden(from: Message, to: Message, text: MessageText | undefined = from.text): Message {
  if (from.cause !== undefined) Object.defineProperty(to, 'cause', { value: from.cause, enumerable: false });
  if (text !== undefined) Object.defineProperty(to, 'text', { value: text, enumerable: false });
  return to;
}

/** The same message at another place, its cause and catalogue text kept. */
export function atPlace(message: Message, place: Place): Message {
  return keepHidden(message, { ...message, place });
}

/** Catalogue texts cross worker threads beside the messages (structured cloning drops them): one per message, or null. */
export function messageTexts(messages: readonly Message[]): (MessageText | null)[] {
  return messages.map((m) => m.text ?? null);
}

/** The messages with their catalogue texts put back (`messageTexts` of the same list). */
export function withTexts(messages: readonly Message[], texts: readonly (MessageText | null)[] | undefined): Message[] {
  return messages.map((m, i) => {
    const text = texts?.[i];
    return !text || m.text !== undefined ? m : keepHidden(m, { ...m }, text);
  });
}

export const error = (code: string, reason: string, place?: Place, options?: MessageOptions): Message =>
  createMessage('error', code, reason, place, options);
export const warning = (code: string, reason: string, place?: Place, options?: MessageOptions): Message =>
  createMessage('warning', code, reason, place, options);
export const info = (code: string, reason: string, place?: Place, options?: MessageOptions): Message =>
  createMessage('info', code, reason, place, options);

/** True when any message is an error (the exit code is then 1). */
export function hasErrors(messages: readonly Message[]): boolean {
  return messages.some((m) => m.severity === 'error');
}
