/**
 * English messages of the command line, keyed by message key. `{name}` is a placeholder filled at run time.
 * src/i18n/uk.ts has the same keys with the same placeholders (test/i18n keeps them complete).
 *
 * Keys: `help.*` commander's headings; `cli.*`/`<command>.*` descriptions, errors and summaries;
 * `prefix.*` line prefixes; `place.*` parts of a location; `code.*` extraction warning codes;
 * `issue.*` validate issue codes (a short explanation shown before the details).
 */
export const en = {
  // commander
  'help.usage': 'Usage:',
  'help.arguments': 'Arguments:',
  'help.options': 'Options:',
  'help.commands': 'Commands:',
  'help.globalOptions': 'Global Options:',
  'help.help': 'display help for command',
  'help.version': 'output the version number',
  'help.lang': 'language of messages and help: en or uk (default: from LC_ALL / LC_MESSAGES / LANG)',
  'help.afterError': '(run with --help for usage)',
  'help.command': 'display help for command',
  'help.default': 'default',
  'help.optionsPlaceholder': 'options',
  'help.commandPlaceholder': 'command',

  'cli.description':
    'Extract commitments, measures, executors and terms from OGP action plans (DOCX, PDF, TXT) and publish them as open data',
  'cli.usageError': '{message} (run with --help for usage)',
  'cli.internalError': 'internal error: {message}',
  'cli.badLang': '--lang: unknown language {lang} (use en, uk)',

  // commander's own errors (matched by their English text)
  'commander.missingArgument': "missing required argument '{name}'",
  'commander.missingOption': "required option '{flags}' not specified",
  'commander.optionArgumentMissing': "option '{flags}' argument missing",
  'commander.unknownOption': "unknown option '{option}'",
  'commander.unknownCommand': "unknown command '{command}'",
  'commander.tooManyArguments': 'too many arguments{forCommand}: expected {expected}, got {received}',

  'prefix.error': 'error:',
  'prefix.warning': 'warning:',
  'prefix.info': 'info:',
  'prefix.note': 'note:',

  'place.page': 'page {n}',
  'place.line': 'line {n}',
  'place.table': 'table {n}',
  'place.row': 'row {n}',
  'place.column': 'column {name}',

  // extract
  'extract.description': 'extract the action plan of each document (DOCX, PDF, TXT, HTML) as JSON',
  'extract.inputs': 'documents to read (format detected from content)',
  'extract.output': 'write the plan JSON to FILE (one input only)',
  'extract.outDir': 'write one <input-basename>.json per input into DIR',
  'extract.pretty': 'indent the JSON for reading',
  'extract.executors': 'executors directory CSV (name, aliases, edrpou) to attach ЄДРПОУ codes',
  'extract.quiet': 'do not print warnings',

  // export
  'export.description': 'export plans (documents or plan JSON) as one open dataset: CSV/JSON tables, CSVW, datapackage.json, passport',
  'export.inputs': 'documents (DOCX, PDF, TXT, HTML) or plan JSON files (one plan or an array of plans)',
  'export.outDir': 'directory to write the dataset into',
  'export.format': 'table formats, comma separated: csv, json, xlsx (xlsx alone: only dataset.xlsx)',
  'export.xlsx': 'also write dataset.xlsx: one sheet per table with Ukrainian headers, for review in Excel',
  'export.passport': 'passport file (YAML or JSON) with the fixed passport elements',
  'export.excel': 'start CSV files with a UTF-8 BOM for Microsoft Excel (not for publication)',
  'export.nullValue': 'text written for a missing optional value',
  'export.executors': 'executors directory CSV (name, aliases, edrpou) for document inputs',
  'export.quiet': 'do not print extraction warnings',
  'export.wrote': 'wrote {files} to {dir} (plans: {plans}, commitments: {commitments}, measures: {measures}, parties: {parties})',
  'export.layoutLost': 'the plan table layout was lost; no commitments can be exported from this document',
  'export.nothingWrittenFix': 'nothing written to {dir}: fix the inputs above',
  'export.nothingWritten': 'nothing written to {dir}',
  'export.noPassport': 'no --passport given: passport.json and register.csv were not written',
  'export.noCommitments': 'plan {uid} ({file}) has no commitments',
  'export.excelNote':
    '--excel: every CSV file starts with a UTF-8 byte order mark (BOM) so Microsoft Excel shows Cyrillic text; the national rules (Постанова КМУ № 835) require UTF-8 without BOM, so publish an export made without --excel',
  'export.stale': '{path} was not written by this export and is not part of the dataset',

  // validate
  'validate.description':
    'check dataset files against their structure descriptions (datapackage.json, CSVW *.schema.json, 835-rec *.schema.csv, JSON Schema) and the passport; exit 0 valid, 1 invalid, 2 usage',
  'validate.inputs': 'folders, datapackage.json files, CSV or JSON files',
  'validate.schema': 'one structure description for every given data file (CSVW schema.json, schema.csv, Table Schema or JSON Schema)',
  'validate.format': 'output: text, json or github (workflow annotations)',
  'validate.maxErrors': 'stop collecting issues for a file after N',
  'validate.error': 'error',
  'validate.warning': 'warning',
  'validate.note': 'note',
  'validate.truncated': 'stopped collecting after {issues} (--max-errors {limit})',
  'validate.valid': '✔ {files} valid',
  'validate.validWithWarnings': '✔ {files} valid ({warnings})',
  'validate.invalid': '✖ {errors} in {filesIn}',
  'validate.invalidWithWarnings': '✖ {errors}, {warnings} in {filesIn}',
  'validate.details': 'details',
  'validate.excelCsv':
    'looks like a CSV re-saved by Microsoft Excel ({traits}); the file is not checked: export it again with ogp-extract, or in Excel save it as «CSV UTF-8 (comma delimited)»',
  'validate.excel.semicolons': 'semicolon-separated',
  'validate.excel.windows1251': 'Windows-1251 encoding',
  'validate.excel.bom': 'byte order mark',

  // nouns with their plural forms (English: one|other; Ukrainian: one|few|many)
  'noun.file': 'file|files',
  'noun.error': 'error|errors',
  'noun.warning': 'warning|warnings',
  'noun.issue': 'issue|issues',
  'noun.fileIn': 'file|files',
  'noun.fileFrom': 'file|files',
  'noun.plan': 'plan|plans',

  // passport init
  'passport.description': 'dataset passport (паспорт набору даних) helpers',
  'passport.init.description':
    'write a passport YAML to fill in: every element with a Ukrainian comment, values inferred from the plans filled in',
  'passport.init.from': 'plans (documents or plan JSON) to infer the title, keywords, period and publisher from',
  'passport.init.output': "file to write ('-' for standard output)",
  'passport.init.force': 'overwrite an existing file',
  'passport.init.exists': '{file} exists: give another -o FILE, or --force to overwrite it',
  'passport.init.wrote': 'wrote {file}: fill in the empty elements ({missing}), then run: ogp-extract export <plans> --out-dir data --passport {file}',
  'passport.init.inferred': 'read {plans} from {inputs}; filled from them: {elements}',
  'passport.init.noPlans': 'no --from plans: title, description and keywords are generic; check them',

  // report
  'report.description': 'write one self-contained HTML page to review plans before publishing (summary, measures, timeline, executor load, warnings)',
  'report.inputs': 'documents (DOCX, PDF, TXT, HTML), plan JSON files, or exported dataset folders',
  'report.output': 'write the HTML to FILE (default: standard output)',
  'report.today': "the date marked on the timeline, YYYY-MM-DD (default: today's UTC date); fix it for identical output",
  'report.executors': 'executors directory CSV (name, aliases, edrpou) for document inputs',
  'report.quiet': 'do not print extraction warnings',
  'report.todayInvalid': '--today must be a date YYYY-MM-DD, got {value}',
  'report.wrote': 'wrote {file} (plans: {plans}, failed inputs: {failed})',
  // library errors (recognised by their English text)
  'error.fileNotFound': 'file not found',
  'error.isDirectory': 'is a directory',
  'error.permissionDenied': 'permission denied',
  'error.fileEmpty': 'file is empty',
  'error.missingElement': 'missing mandatory element «{name}» ({key})',
  'error.unknownElement': 'unknown passport element {key}',
  'error.mustBeDate': '{element} must be a date YYYY-MM-DD: {value}',
  'error.notEmail': '{element} is not an e-mail address: {value}',
  'error.mustBeLink': '{element} must start with http:// or https://: {value}',
  'error.mustBeOneOf': '{element} must be one of {list}: {value}',
  'error.edrpou': '{element} must be an 8-digit ЄДРПОУ code written as text: {value}',
  'error.edrpouQuote': '(in YAML put the code in quotes, e.g. "04060714", so leading zeros are kept)',

  // extraction warning codes
  'code.term-unparsed': 'a term could not be read as dates; its text is kept, dates are empty',
  'code.term-reversed': 'a term starts after it ends; dates are empty',
  'code.term-recurring': 'a recurring term: the dates are the plan period',
  'code.row-unmapped': 'a table row could not be attached to a commitment or measure',
  'code.row-incomplete': 'a table row has fewer cells than the header; the missing cells are empty',
  'code.column-unknown': 'a column whose header has no known meaning; its values are not extracted',
  'code.table-skipped': 'a table that is not a plan table (no measure, executor, term or result header)',
  'code.commitment-implicit': 'plan table rows before any commitment heading; grouped under one commitment named after the plan',
  'code.plan-period-derived': 'the document states no plan period; it is taken from the span of the measures’ terms',
  'code.plan-period-missing': 'the document states no plan period and no measure has dated terms',
  'code.commitment-repeated': 'a commitment with measure tables in more than one place; their measures are joined',
  'code.layout-lost': 'the table layout was lost in conversion: give the original DOCX or PDF',
  'code.scanned-page': 'a PDF page has no text layer (scanned)',
  'code.docx-textbox-ignored': 'a text box is not read as plan text',
  'code.docx-notes-ignored': 'footnotes or endnotes are not read as plan text',
  'code.docx-altchunk-ignored': 'embedded foreign content (altChunk) is not read',
  'code.docx-numbering-format': 'an automatic numbering format shown approximately (as decimal numbers)',
  'code.docx-vmerge-orphan': 'a vertically merged cell continues nothing above it; read as its own cell',
  'code.other': 'warning {code}',

  // validate issue codes
  'issue.source-error': 'the file cannot be read as a data file',
  'issue.encoding-error': 'the file is not UTF-8',
  'issue.bom': 'the file starts with a byte order mark (BOM)',
  'issue.schema-error': 'the structure description is unusable or questionable',
  'issue.blank-header': 'a header cell is empty',
  'issue.duplicate-label': 'a header label repeats',
  'issue.missing-label': 'a field of the description has no column',
  'issue.extra-label': 'a column is not in the description',
  'issue.blank-row': 'an empty row',
  'issue.extra-cell': 'a row has more cells than the header',
  'issue.missing-cell': 'a row has fewer cells than the header',
  'issue.type-error': 'a value has the wrong type',
  'issue.constraint-error': 'a value breaks a rule of its column',
  'issue.unique-error': 'a value repeats in a unique column',
  'issue.primary-key': 'a primary key repeats',
  'issue.foreign-key': 'a reference to a row that does not exist',
  'issue.whitespace': 'extra spaces around or inside a value',
  'issue.date-range': 'a start date after the end date',
  'issue.json-schema': 'a JSON value breaks its JSON Schema',
  'issue.passport': 'a passport element is missing or invalid',
} as const;

export type MessageKey = keyof typeof en;
