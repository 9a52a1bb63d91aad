/** Line-join and paragraph rules of the PDF reader (src/readers/pdf/text.ts) on synthetic lines. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines, splitParagraphs, Vocabulary, type PLine } from '../../../src/readers/pdf/text.js';

/** A line of a 200 pt wide column set at 12 pt with 6 pt average glyphs. */
function line(text: string, at: number, opts: { free?: number; indent?: number; cross?: boolean } = {}): PLine {
  const l: PLine = {
    text,
    free: opts.free ?? Math.max(0, 200 - [...text].length * 6),
    charWidth: 6,
    base: 100 + at * 13.8,
    size: 12,
    indent: opts.indent ?? 0,
  };
  if (opts.cross) l.cross = true;
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
