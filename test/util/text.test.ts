/** One text cleaner (src/util/text.ts) and one id rule for decision numbers (plan id of the model = plan uid of the dataset). */
import { describe, expect, it } from 'vitest';
import { planUid } from '../../src/datasets/records.js';
import { planId } from '../../src/normalize/plan.js';
import { decisionKey } from '../../src/normalize/translit.js';
import { displayTerm } from '../../src/normalize/terms.js';
import { normaliseText } from '../../src/normalize/parties/text.js';
import { cleanLine, cleanLines, cleanOrNull } from '../../src/util/text.js';
import type { ActionPlan } from '../../src/model/schema.js';

const MESSY = ' Управління\u00A0освіти\u200B\n  та\u2028науки\u00AD \r\n\r\n\tміської ради [bookmark: _Toc1] ';

describe('text cleaning: the names say what is kept', () => {
  it('cleanLine makes one line; cleanLines keeps the line breaks between non-empty lines', () => {
    expect(cleanLine(MESSY)).toBe('Управління освіти та науки міської ради');
    expect(cleanLines(MESSY)).toBe('Управління освіти\nта\nнауки\nміської ради');
  });

  it('cleanOrNull says which of them it is, and gives null when nothing is left', () => {
    expect(cleanOrNull(MESSY, 'one line')).toBe(cleanLine(MESSY));
    expect(cleanOrNull(MESSY, 'keep line breaks')).toBe(cleanLines(MESSY));
    for (const empty of [null, undefined, '', ' \u00A0\n\u200B ']) {
      expect(cleanOrNull(empty, 'one line')).toBeNull();
      expect(cleanOrNull(empty, 'keep line breaks')).toBeNull();
    }
  });

  it('letters are kept exactly (NFC), and cleaning a cleaned text changes nothing', () => {
    const decomposed = 'Йосипівка'.normalize('NFD');
    expect(cleanLine(decomposed)).toBe('Йосипівка'.normalize('NFC'));
    for (const s of [MESSY, '[book\u200Bmark: x]a', '[bookm[bookmark: x]ark: y] b', 'a\u0085b']) {
      expect(cleanLine(cleanLine(s))).toBe(cleanLine(s));
      expect(cleanLines(cleanLines(s))).toBe(cleanLines(s));
    }
  });

  it('terms and party names clean white space by the same rule', () => {
    expect(displayTerm(' IV\u00A0квартал\n2026\u200B року ')).toBe(cleanLine(' IV\u00A0квартал\n2026\u200B року '));
    expect(normaliseText('Управління\u00A0освіти\u00AD\nміської ради')).toBe('Управління освіти міської ради');
  });
});

describe('decision numbers in ids: one rule', () => {
  const plan = (number: string | null, date: string | null, file = 'plan.docx'): ActionPlan =>
    ({ id: planId({ number, date }, file), decision: { number, date } }) as unknown as ActionPlan;

  it.each([
    ['12-р', '12-r'],
    ['№ 1417', '1417'],
    ['15/3', '15-3'],
    ['№ 45-ІІ', '45-II'],
    ['  7 / 2 ', '7-2'],
  ])('«%s» → %s in the plan id and the plan uid', (number, key) => {
    expect(decisionKey(number)).toBe(key);
    const p = plan(number, '2025-10-09');
    expect(p.id).toBe(`${key}-2025-10-09`);
    expect(planUid(p)).toBe(p.id);
  });

  it('without a number or a date the uid is the plan id (a slug of the file name)', () => {
    const p = plan(null, '2025-10-09', 'План дій 2026.docx');
    expect(planUid(p)).toBe(p.id);
    expect(p.id).toBe('plan-dii-2026');
  });
});
