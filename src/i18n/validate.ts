/**
 * The `validate` text report in the current language: the library's formatText with the words of the language.
 * Every reason is said from the catalogue (src/i18n/validate-reasons.ts) it was made from. Codes, positions and
 * the JSON / GitHub outputs are the same in both languages.
 */
import { renderText } from '../model/message.js';
import { ENGLISH_WORDS, formatText, type TextWords } from '../validate/format.js';
import type { ValidationMessage, ValidationReport } from '../validate/types.js';
import { count, getLang, t, type Lang } from './index.js';
import { VALIDATE_REASONS } from './validate-reasons.js';

/** The reason of a validate message in `lang` (its English reason when it carries no catalogue text). */
export function validateReason(m: ValidationMessage, lang: Lang = getLang()): string {
  return m.text ? renderText(m.text, VALIDATE_REASONS[lang]) : m.reason;
}

function words(lang: Lang): TextWords {
  if (lang === 'en') return ENGLISH_WORDS;
  return {
    error: t('validate.error', {}, lang),
    warning: t('validate.warning', {}, lang),
    note: t('validate.note', {}, lang),
    reason: (m) => validateReason(m, lang),
    truncated: (_file, limit) => t('validate.truncated', { issues: count(limit, 'noun.issue', lang), limit }, lang),
    summary: ({ files, errors, warnings }, valid) => {
      const params = {
        files: count(files, 'noun.file', lang),
        filesIn: count(files, 'noun.fileIn', lang),
        errors: count(errors, 'noun.error', lang),
        warnings: count(warnings, 'noun.warning', lang),
      };
      if (valid) return t(warnings ? 'validate.validWithWarnings' : 'validate.valid', params, lang);
      return t(warnings ? 'validate.invalidWithWarnings' : 'validate.invalid', params, lang);
    },
  };
}

export function formatTextIn(report: ValidationReport, options: { color?: boolean } = {}, lang: Lang = getLang()): string {
  return formatText(report, { ...options, words: words(lang) });
}
