/**
 * Language of the command line: Ukrainian when `--lang uk`, or when LC_ALL / LC_MESSAGES / LANG (the first
 * one set, as POSIX orders them) starts with `uk`; English otherwise. Codes (warning and issue codes, exit
 * codes, JSON and GitHub outputs) are the same in both: scripts rely on them.
 *
 * One catalogue per language (en.ts, uk.ts), keyed by message key, `{name}` placeholders.
 */
import { Help, type Command, type Option } from 'commander';
import { en, type MessageKey } from './en.js';
import { uk } from './uk.js';
import { renderText, type MessageText } from '../model/message.js';

export type Lang = 'en' | 'uk';
export const LANGS: readonly Lang[] = ['en', 'uk'];
export type { MessageKey };

export const CATALOGUES: Record<Lang, Record<MessageKey, string>> = { en, uk };

let current: Lang = 'en';

export function setLang(lang: Lang): void {
  current = lang;
}

export function getLang(): Lang {
  return current;
}

/** `--lang X` / `--lang=X` in argv (the last one wins), or undefined. */
export function langArgument(argv: readonly string[]): string | undefined {
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') break;
    if (a === '--lang') value = argv[i + 1];
    else if (a.startsWith('--lang=')) value = a.slice('--lang='.length);
  }
  return value;
}

/**
 * Language from the environment: the first of LC_ALL, LC_MESSAGES, LANG that is set and non-empty; when none
 * is, the `systemLocale` (the CLI passes the Windows display locale there, where these variables are not set).
 */
export function envLang(env: Readonly<Record<string, string | undefined>>, systemLocale?: string): Lang {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
    const v = env[name];
    if (v) return /^uk/i.test(v) ? 'uk' : 'en';
  }
  return systemLocale && /^uk/i.test(systemLocale) ? 'uk' : 'en';
}

/** The Windows user locale (e.g. uk-UA) as Node's ICU sees it; undefined elsewhere (Unix uses the variables). */
export function systemLocale(): string | undefined {
  return process.platform === 'win32' ? Intl.DateTimeFormat().resolvedOptions().locale : undefined;
}

/** A `--lang` value as a language: `uk`, `uk_UA.UTF-8`, `en`, `en-GB` …; null when unknown. */
export function parseLang(value: string): Lang | null {
  const v = value.trim().toLowerCase();
  if (/^uk([-_.@]|$)/.test(v)) return 'uk';
  if (/^(en|c|posix)([-_.@]|$)/.test(v)) return 'en';
  return null;
}

/** Fill `{name}` placeholders. */
export function format(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** The message `key` in the current language (or `lang`). */
export function t(key: MessageKey, params?: Readonly<Record<string, string | number>>, lang: Lang = current): string {
  return format(CATALOGUES[lang][key], params);
}

/** Plural category: English one|other; Ukrainian one|few|many (1, 21 файл; 2–4, 22 файли; 5–20, 11–14 файлів). */
export function pluralIndex(lang: Lang, n: number): number {
  if (lang === 'en') return n === 1 ? 0 : 1;
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return 0;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return 1;
  return 2;
}

/** `3 files` / `3 файли`: a number with the noun `key` (forms separated by `|`) in the right form. */
export function count(n: number, key: MessageKey, lang: Lang = current): string {
  const forms = CATALOGUES[lang][key].split('|');
  return `${n} ${forms[Math.min(pluralIndex(lang, n), forms.length - 1)]}`;
}

/** Is there a catalogue entry for this key? */
export function hasKey(key: string): key is MessageKey {
  return key in en;
}

/** Texts quoted in a message («…»): the data it names (Ukrainian text of the document, kept as written). */
export function quotedData(message: string): string[] {
  return [...message.matchAll(/«([^«»]*(?:«[^«»]*»[^«»]*)*)»/g)].map((m) => `«${m[1]}»`);
}

/**
 * An extraction warning in the current language. English: the library's message as it is. Ukrainian: the
 * catalogue's explanation of the code, followed by the document text the message quotes.
 */
export function warningMessage(code: string, message: string, lang: Lang = current): string {
  if (lang === 'en') return message;
  const key = `code.${code}`;
  const base = hasKey(key) ? t(key, {}, lang) : t('code.other', { code }, lang);
  const data = quotedData(message);
  return data.length ? `${base}: ${data.join(' ')}` : base;
}

/** What the export reports (codes of src/datasets/export.ts) → catalogue keys. */
const EXPORT_CODES: Readonly<Record<string, MessageKey>> = {
  'plan-empty': 'export.noCommitments',
  'passport-missing': 'export.noPassport',
  'excel-bom': 'export.excelNote',
};

/**
 * The reason of a message (src/model/message.ts) in the current language. English: the library's reason as it
 * is. Ukrainian: the export's own texts, or the catalogue's explanation of an extraction code with the document
 * text the reason quotes.
 */
/** Export notes whose library text names an option: the CLI's text (catalogue) names the flag, in English too. */
const FLAG_NOTES: ReadonlySet<string> = new Set(['passport-missing', 'excel-bom']);

export function messageReason(message: { code: string; reason: string; text?: MessageText | undefined }, lang: Lang = current): string {
  if (lang === 'en' && !FLAG_NOTES.has(message.code)) return message.reason;
  // A message made from a catalogue text (its `text`) is said whole in the user's language.
  if (message.text && message.text.key in CATALOGUES[lang]) return renderText(message.text, CATALOGUES[lang]);
  const key = EXPORT_CODES[message.code];
  if (key) return t(key, { uid: /^plan (\S+) /.exec(message.reason)?.[1] ?? '' }, lang);
  return warningMessage(message.code, message.reason, lang);
}

/**
 * The catalogue text an error of the library was made from (`text` of OutputError, src/io/atomic.ts; the
 * `texts` of an ExportError are read one by one), or undefined.
 */
export function errorText(error: unknown): MessageText | undefined {
  const text = (error as { text?: unknown } | null)?.text;
  return text && typeof text === 'object' && typeof (text as MessageText).key === 'string' ? (text as MessageText) : undefined;
}

/**
 * English texts of errors that reach the CLI as plain strings, with no catalogue text: an InputError's reason
 * comes back from a worker thread as a string (src/batch: only JSON crosses the thread), and a few commands
 * (publish, report, passport) print an output error's line. These are the library's own words (src/io/atomic.ts
 * causes, src/pipeline.ts), recognised here until those routes carry the key. Each regex's named groups are the
 * placeholders. The passport's errors are not here: they always come with their catalogue text.
 */
const ERROR_PATTERNS: readonly [RegExp, MessageKey][] = [
  [/\bcannot write (?<path>\S+): /g, 'error.cannotWrite'],
  [/\bthe file system is read-only\b/g, 'error.readOnly'],
  [/\bno space left on the device\b/g, 'error.noSpace'],
  [/\bdisk quota exceeded\b/g, 'error.quota'],
  [/\bit is a folder\b(?!;)/g, 'error.itIsFolder'],
  [/\ba part of the path is a file, not a folder\b/g, 'error.notAFolder'],
  [/\bthe folder cannot be created there\b/g, 'error.cannotCreateFolder'],
  [/\ba file cannot be created in that folder\b/g, 'error.cannotCreateFile'],
  [/\bthe name is too long\b/g, 'error.nameTooLong'],
  [/\bfile not found\b/g, 'error.fileNotFound'],
  [/\bis a directory\b/g, 'error.isDirectory'],
  [/\bpermission denied\b/g, 'error.permissionDenied'],
  [/\bfile is empty\b/g, 'error.fileEmpty'],
];

/**
 * An error line of the library in the current language. English: the line as it is. Other languages: from
 * the catalogue text `keyed` the library made it from, when given; else the parts ERROR_PATTERNS recognise.
 */
export function errorMessage(text: string, lang: Lang = current, keyed?: MessageText): string {
  if (lang === 'en') return text;
  if (keyed) return renderText(keyed, CATALOGUES[lang]);
  let out = text;
  for (const [re, key] of ERROR_PATTERNS) {
    out = out.replace(re, (...args: unknown[]) => {
      const groups = (args.at(-1) ?? {}) as Record<string, string>;
      return t(key, typeof groups === 'object' ? groups : {}, lang);
    });
  }
  return out;
}

/** Commander's own English error lines, in the current language (unknown ones are left as they are). */
export function commanderError(text: string, lang: Lang = current): string {
  if (lang === 'en') return text;
  const patterns: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^error: missing required argument '([^']+)'/, (m) => t('commander.missingArgument', { name: m[1]! }, lang)],
    [/^error: required option '([^']+)' not specified/, (m) => t('commander.missingOption', { flags: m[1]! }, lang)],
    [/^error: option '([^']+)' argument missing/, (m) => t('commander.optionArgumentMissing', { flags: m[1]! }, lang)],
    [/^error: unknown option '([^']+)'/, (m) => t('commander.unknownOption', { option: m[1]! }, lang)],
    [/^error: unknown command '([^']+)'/, (m) => t('commander.unknownCommand', { command: m[1]! }, lang)],
    [
      /^error: too many arguments( for '[^']+')?\. Expected (\d+) arguments? but got (\d+)\./,
      (m) => t('commander.tooManyArguments', { forCommand: m[1] ?? '', expected: m[2]!, received: m[3]! }, lang),
    ],
  ];
  return text
    .split('\n')
    .map((line) => {
      for (const [re, make] of patterns) {
        const m = re.exec(line);
        if (m) return `${t('prefix.error', {}, lang)} ${make(m)}${line.slice(m[0].length)}`;
      }
      if (line === '(run with --help for usage)') return t('help.afterError', {}, lang);
      return line;
    })
    .join('\n');
}

const HELP_TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.globalOptions',
};

/** Commander's help: option default values and the `[options]` / `[command]` of usage lines, in the current language. */
export function helpOverrides(): {
  styleTitle: (title: string) => string;
  optionDescription?: (option: Option) => string;
  commandUsage?: (command: Command) => string;
  subcommandTerm?: (command: Command) => string;
} {
  if (current === 'en') return { styleTitle: helpTitle };
  const help = new Help();
  return {
    styleTitle: helpTitle,
    // commander's suffix after the description: "(default: x)", "(choices: "a", "b")", "(choices: …, default: …)"
    optionDescription: (option) => {
      const full = help.optionDescription(option);
      const base = option.description ?? '';
      const suffix = full.startsWith(base) ? full.slice(base.length) : full;
      const translated = suffix
        .replace(/(\(|, )choices: /g, `$1${t('help.choices')}: `)
        .replace(/(\(|, )default: /g, `$1${t('help.default')}: `);
      return full.startsWith(base) ? base + translated : translated;
    },
    commandUsage: (command) =>
      help
        .commandUsage(command)
        .replace('[options]', `[${t('help.optionsPlaceholder')}]`)
        .replace('[command]', `[${t('help.commandPlaceholder')}]`),
    subcommandTerm: (command) => help.subcommandTerm(command).replace('[options]', `[${t('help.optionsPlaceholder')}]`),
  };
}

/** Commander's help headings (`Usage:`, `Options:` …) in the current language. */
export function helpTitle(title: string): string {
  const key = HELP_TITLES[title];
  return key ? t(key) : title;
}
