/** Line-join and paragraph rules of the PDF reader (src/readers/pdf/text.ts) on synthetic lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, splitParagraphs, Vocabulary, type PLine } from '../../../src/readers/pdf/text.js';

/** A line of a 200 pt wide column set at 12 pt with 6 pt average glyphs. */
function line(text: string, at: number, opts: { free?: number; indent?: number; cross?: boolean; bold?: boolean; size?: number } = {}): PLine {
  const l: PLine = {
    text,
    free: opts.free ?? Math.max(0, 200 - [...text].length * 6),
    charWidth: 6,
    base: 100 + at * 13.8,
    size: opts.size ?? 12,
    indent: opts.indent ?? 0,
  };
  if (opts.cross) l.cross = true;
  if (opts.bold !== undefined) l.bold = opts.bold;
  return l;
}

function vocab(...texts: string[]): Vocabulary {
  const v = new Vocabulary();
  for (const t of texts) v.addLine(t);
  return v;
}

describe('joinLines', () => {
  it('drops a line-end hyphen when the part before is no word and the whole word is known', () => {
    const v = vocab('забезпечення інформаційної підтримки громади');
    expect(joinLines([line('Забезпечення інфор-', 0, { free: 2 }), line('маційної підтримки', 1)], v)).toBe('Забезпечення інформаційної підтримки');
  });

  it('keeps the hyphen of a compound broken after it', () => {
    const v = vocab('розвиток системи громади міста');
    expect(joinLines([line('Розвиток інформаційно-', 0, { free: 2 }), line('аналітичної системи', 1)], v)).toBe('Розвиток інформаційно-аналітичної системи');
    expect(joinLines([line('партнерства: влада-', 0, { free: 2 }), line('громадяни-бізнес.', 1)], v)).toBe('партнерства: влада-громадяни-бізнес.');
  });

  it('keeps a hyphen before a digit or a capital without a space', () => {
    expect(joinLines([line('на 2026-', 0, { free: 1 }), line('2027 роки', 1)], vocab())).toBe('на 2026-2027 роки');
  });

  it('mends an emergency break of an over-long word and a web address', () => {
    const v = vocab('ХМКП «Хмельницькінфоцентр», управління економіки');
    expect(joinLines([line('«Хмельницькінфоце', 0, { free: 3 }), line('нтр»', 1)], v)).toBe('«Хмельницькінфоцентр»');
    expect(joinLines([line('https://mycity.khm.g', 0, { free: 2 }), line('ov.ua', 1)], vocab())).toBe('https://mycity.khm.gov.ua');
  });

  it('does not glue whole words that merely fill a narrow line', () => {
    const v = vocab('та компанії з досвідом', 'розпочато у вересні');
    expect(joinLines([line('Консультанти', 0, { free: 3 }), line('компанії «Дабл-ю Ес»', 1)], v)).toBe('Консультанти компанії «Дабл-ю Ес»');
    expect(joinLines([line('розпочато', 0, { free: 4 }), line('в березні 2021 р.', 1)], v)).toBe('розпочато в березні 2021 р.');
  });

  it('never loses or reorders letters (only spaces and line-end hyphens change)', () => {
    const word = fc.stringMatching(/^[а-яіїєґА-ЯІЇЄҐ«»’.,-]{1,12}$/u);
    const text = fc.array(word, { minLength: 1, maxLength: 5 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(text, fc.integer({ min: 0, max: 150 })), { minLength: 1, maxLength: 6 }), (rows) => {
        const lines = rows.map(([t, free], i) => line(t, i, { free }));
        const v = vocab(...rows.map(([t]) => t));
        const out = joinLines(lines, v);
        const strip = (s: string) => s.replace(/[\s-]/gu, '');
        expect(strip(out)).toBe(strip(rows.map(([t]) => t).join('')));
      }),
      { numRuns: 300 },
    );
  });
});

describe('splitParagraphs', () => {
  const pitch = 1.15;

  it('starts a paragraph where the next line’s first word would have fitted on the line before', () => {
    const lines = [line('ХМКП «Хмельницькінфоцентр»', 0, { free: 80 }), line('управління архітектури та', 1, { free: 50 }), line('містобудування', 2)];
    expect(splitParagraphs(lines, pitch, vocab(), false).map((p) => p.map((l) => l.text))).toEqual([
      ['ХМКП «Хмельницькінфоцентр»'],
      ['управління архітектури та', 'містобудування'],
    ]);
  });

  it('starts a paragraph at extra vertical space and at a bullet', () => {
    const gap = line('Друга частина', 2);
    gap.base += 6;
    const lines = [line('Перша частина тексту', 0, { free: 0 }), line('закінчується тут.', 1), gap, line('· пункт списку', 3)];
    expect(splitParagraphs(lines, pitch, vocab(), true).map((p) => p.length)).toEqual([2, 1, 1]);
  });

  it('ends a paragraph at a page break only after a finished sentence', () => {
    const v = vocab();
    const a = line('державній адміністрації;', 0, { free: 5 });
    expect(splitParagraphs([a, line('Громадська рада при', 1, { cross: true })], pitch, v, true)).toHaveLength(1);
    const b = line('та участь громадян.', 0, { free: 5 });
    expect(splitParagraphs([b, line('До якої галузевої сфери', 1, { cross: true })], pitch, v, true)).toHaveLength(2);
  });

  it('treats a first-line indent as the start of a paragraph in free text', () => {
    const lines = [line('кінець попереднього абзацу,', 0, { free: 2 }), line('Новий абзац з відступом', 1, { indent: 30, free: 2 })];
    expect(splitParagraphs(lines, pitch, vocab(), true)).toHaveLength(2);
    expect(splitParagraphs(lines, pitch, vocab(), false)).toHaveLength(1);
  });
});

describe('issue #10: emergency breaks, quotes, headings and font changes', () => {
  it('mends a word or number too wide for a narrow cell, broken where its line was full', () => {
    const v = vocab('н реалізації 5 та');
    expect(joinLines([line('Термі', 0, { free: 5.7 }), line('н', 1), line('реалізації', 2)], v)).toBe('Термін реалізації');
    expect(joinLines([line('02.202', 0, { free: 4.2 }), line('5-', 1, { free: 4 }), line('03.202', 2, { free: 4.2 }), line('5', 3)], v)).toBe('02.2025-03.2025');
    expect(joinLines([line('«Хмельницькінфо', 0, { free: 2 }), line('центр»', 1)], v)).toBe('«Хмельницькінфоцентр»');
    // a whole word after a lone word that fills its line stays a separate word
    expect(joinLines([line('Хмельницька', 0, { free: 2 }), line('обласна рада', 1)], v)).toBe('Хмельницька обласна рада');
    expect(joinLines([line('розпочато', 0, { free: 2 }), line('в березні', 1)], v)).toBe('розпочато в березні');
    // a number that merely fills a line among other words is not glued to the next one
    expect(joinLines([line('у 2026', 0, { free: 2 }), line('2027 роках', 1)], v)).toBe('у 2026 2027 роках');
  });

  it('mends a quoted name broken where its line was full, whatever the remainder, and only a quoted one word', () => {
    const v = vocab('ХМКП та КП у місті');
    // «Хмельницькін» / «фоцентр»»: a remainder of seven letters, closing the quote the line opened
    expect(joinLines([line('«Хмельницькін', 0, { free: 2 }), line('фоцентр», управління', 1)], v)).toBe('«Хмельницькінфоцентр», управління');
    expect(joinLines([line('«Київжитлоспец', 0, { free: 3 }), line('експлуатація»', 1)], v)).toBe('«Київжитлоспецексплуатація»');
    // a quoted name of two words wraps between them: the line was not full
    expect(joinLines([line('«Агенція', 0, { free: 40 }), line('розвитку»', 1)], v)).toBe('«Агенція розвитку»');
    // a full line, but the next word does not close the quote: two words of a longer name
    expect(joinLines([line('«Агенція', 0, { free: 2 }), line('розвитку міста»', 1)], v)).toBe('«Агенція розвитку міста»');
    // a half that is a word of the document elsewhere is a word, not a half
    expect(joinLines([line('«Агенція', 0, { free: 2 }), line('розвитку»', 1)], vocab('КУ Агенція міста', 'план розвитку громади'))).toBe('«Агенція розвитку»');
  });

  it('keeps a lone word that fills its line apart from the next word when the text says it is a whole word', () => {
    // «майна» ends a line after another word elsewhere: a word, not the rest of «комунального»
    expect(joinLines([line('комунального', 0, { free: 2 }), line('майна,', 1)], vocab('нерухоме комунальне майна'))).toBe('комунального майна,');
    // «даних» likewise, though no line has it between two words
    expect(joinLines([line('Оприлюднення', 0, { free: 2 }), line('даних про рух', 1)], vocab('набори відкритих даних'))).toBe('Оприлюднення даних про рух');
    // «комунального» ends as a complete word form (-ого) and a word of three letters or more follows
    expect(joinLines([line('комунального', 0, { free: 2 }), line('майна,', 1)], vocab())).toBe('комунального майна,');
    // a first half that starts a line of several words elsewhere is a word
    expect(joinLines([line('перехід', 0, { free: 2 }), line('даних', 1)], vocab('перехід на нове'))).toBe('перехід даних');
    // a remainder of four letters or fewer too: «Аналітичний» ends as a complete word form
    expect(joinLines([line('Аналітичний', 0, { free: 2 }), line('звіт оприлюднено', 1)], vocab())).toBe('Аналітичний звіт оприлюднено');
    // still mended: a remainder of a few letters that is no word, after a half that is none either
    expect(joinLines([line('«Хмельницькінфоце', 0, { free: 3 }), line('нтр»', 1)], vocab('майна даних'))).toBe('«Хмельницькінфоцентр»');
  });

  it('joins a line ending in a slash between words without a space, as after a hyphen', () => {
    expect(joinLines([line('програми мікрогрантів/', 0, { free: 20 }), line('пільг для бізнесу', 1)], vocab())).toBe('програми мікрогрантів/пільг для бізнесу');
    expect(joinLines([line('у 2025/', 0, { free: 20 }), line('2026 навчальному році', 1)], vocab())).toBe('у 2025/2026 навчальному році');
    // a slash standing alone keeps its spaces
    expect(joinLines([line('дані /', 0, { free: 20 }), line('відомості', 1)], vocab())).toBe('дані / відомості');
  });

  it('puts no space before a closing quote or after an opening one carried onto another line', () => {
    const v = vocab();
    expect(joinLines([line('ХКП «Спецкомунтранс', 0, { free: 3 }), line('»', 1)], v)).toBe('ХКП «Спецкомунтранс»');
    expect(joinLines([line('ХКП «Спецкомунтранс»', 0, { free: 3 }), line('», відділ', 1)], v)).toBe('ХКП «Спецкомунтранс»», відділ');
    expect(joinLines([line('ХКП «', 0, { free: 3 }), line('Спецкомунтранс»', 1)], v)).toBe('ХКП «Спецкомунтранс»');
  });

  it('starts a paragraph at a commitment, task or section heading and where the font changes', () => {
    const v = vocab();
    const paras = (lines: PLine[]) => splitParagraphs(lines, 1.15, v, true).map((p) => joinLines(p, v));
    // a full title line followed at single spacing by a heading that would not have fitted
    expect(paras([line('План дій з відкритості на 2026-2027 роки для громади міста', 0, { free: 2 }), line('Зобов’язання 4. Прозоре поводження з відходами', 1)])).toEqual([
      'План дій з відкритості на 2026-2027 роки для громади міста',
      'Зобов’язання 4. Прозоре поводження з відходами',
    ]);
    expect(paras([line('Опис завдання займає весь рядок до самого краю', 0, { free: 2 }), line('2. Друге завдання', 1)])).toHaveLength(2);
    expect(paras([line('Розділ', 0, { free: 2 }), line('Розділ II. Заходи', 1)])).toHaveLength(2);
    // bold heading above plain text, and a larger title above body text
    expect(paras([line('Завдання для виконання в поточному році громадою', 0, { free: 2, bold: true }), line('текст опису', 1, { bold: false })])).toHaveLength(2);
    expect(paras([line('Великий заголовок документа на всю ширину', 0, { free: 2, size: 16 }), line('основний текст', 1)])).toHaveLength(2);
    // a heading word inside a sentence broken after a comma, a preposition or a hyphen is no heading
    expect(paras([line('відповідно до вимог, визначених у пункті,', 0, { free: 2 }), line('Завдання 2 цього плану', 1)])).toHaveLength(1);
    // same font, no heading: one paragraph
    expect(paras([line('Проведення громадських обговорень на всю ширину', 0, { free: 2, bold: false }), line('проєкту рішення', 1, { bold: false })])).toHaveLength(1);
  });
});

describe('issue #10: words broken in narrow cells, measured with the fonts’ glyph widths', () => {
  /** A cell line with measured widths: its first word's width, a space, its first glyph. */
  const measured = (text: string, at: number, free: number, firstWidth: number): PLine => ({
    ...line(text, at, { free }),
    firstWidth,
    spaceWidth: 3,
    firstGlyph: 6,
  });

  it('joins a word broken at two different places in the document, whatever the remainder’s length', () => {
    const v = vocab('Департамент фінансів області', 'Управління цифрової трансформації');
    v.addBreak('облдержадмініс', 'трації');
    v.addBreak('облдержадмін', 'істрації');
    expect(joinLines([measured('облдержадмініс', 0, 2, 80), measured('трації', 1, 100, 30)], v)).toBe('облдержадміністрації');
    expect(joinLines([measured('облдержадмін', 0, 2, 70), measured('істрації', 1, 100, 40)], v)).toBe('облдержадміністрації');
    // found broken at one place only: a long remainder is a word of its own
    const once = vocab('Департамент фінансів області');
    once.addBreak('облдержадмініс', 'трації');
    expect(joinLines([measured('облдержадмініс', 0, 2, 80), measured('трації', 1, 100, 30)], once)).toBe('облдержадмініс трації');
  });

  it('joins a one-letter remainder ending the cell or seen whole elsewhere, not a one-letter word inside a phrase', () => {
    const v = vocab('Публікація звітів на порталі', 'дані моніторингу щодня');
    expect(joinLines([measured('щомісяц', 0, 2, 40), measured('я', 1, 150, 6)], v)).toBe('щомісяця');
    expect(joinLines([measured('моніторинг', 0, 2, 60), measured('у щодня', 1, 100, 6)], v)).toBe('моніторингу щодня');
    expect(joinLines([measured('оприлюднен', 0, 2, 60), measured('о та оновлюється', 1, 100, 6)], v)).toBe('оприлюднено та оновлюється');
    expect(joinLines([measured('розпочато', 0, 2, 50), measured('в березні 2021 р.', 1, 100, 6)], v)).toBe('розпочато в березні 2021 р.');
  });

  it('does not take a line for full when the next line’s first letter would have fitted', () => {
    const v = vocab('зовсім інший текст документа');
    expect(joinLines([measured('«Хмельницькінфо', 0, 2, 30), measured('центр»', 1, 100, 30)], v)).toBe('«Хмельницькінфоцентр»');
    expect(joinLines([measured('«Хмельницькінфо', 0, 8, 30), measured('центр»', 1, 100, 30)], v)).toBe('«Хмельницькінфо центр»');
  });

  it('ends a cell paragraph where the next word, measured, fits with a space; not where it does not', () => {
    const v = vocab();
    const a = measured('управління адміністративних послуг', 0, 60.4, 0);
    expect(splitParagraphs([a, measured('виконавчі органи', 1, 100, 50.7)], 1.15, v, false)).toHaveLength(2);
    expect(splitParagraphs([a, measured('виконавчі органи', 1, 100, 58)], 1.15, v, false)).toHaveLength(1);
  });
});
