/**
 * Executors/partners: splitting, canonical identity, ids, directory, transliteration.
 * Every splitting case is taken verbatim from the seed plans in fixtures/txt/
 * (each case first checks that its text really occurs in the seed).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  PartyDirectory,
  PartyRegistry,
  partyId,
  splitParties,
  transliterate,
  type PartyMention,
} from '../../src/normalize/parties.js';
import { transliterate as transliterateDirect } from '../../src/normalize/translit.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const seed = (name: string): string => readFileSync(`${root}fixtures/txt/${name}`, 'utf8');
const fixture = (name: string): string => readFileSync(`${root}fixtures/executors/${name}`, 'utf8');

const KH2026 = seed('khmelnytskyi-2026-2027-action-plan.txt');
const KH2021 = seed('khmelnytskyi-2021-2022-action-plan.txt');
const KYIV = seed('kyiv-2025-2026-action-plan.txt');

/** The cell text as it occurs in the seed (fails when it does not). */
function cell(doc: string, text: string): string {
  expect(doc.includes(text), `not in the seed: ${text}`).toBe(true);
  return text;
}

const names = (ms: PartyMention[]): string[] => ms.map((m) => m.name);

// Kyiv bodies, as written in the seed.
const KMDA = '(Київської міської державної адміністрації)';
const DSK = `Департамент суспільних комунікацій виконавчого органу Київської міської ради ${KMDA}`;
const DON = `Департамент освіти і науки виконавчого органу Київської міської ради ${KMDA}`;
const DOKS = `Департамент охорони культурної спадщини виконавчого органу Київської міської ради ${KMDA}`;
const DIKT = `Департамент інформаційно-комунікаційних технологій виконавчого органу Київської міської ради ${KMDA}`;
const DIKT_SHORT = 'Департамент інформаційно-комунікаційних технологій виконавчого органу Київської міської ради';
const KNP_BARE = `Комунальне некомерційне підприємство виконавчого органу Київської міської ради ${KMDA}`;
const KNP = `${KNP_BARE} «Центр комунікації»`;
const NDI = 'Комунальна науково-дослідна установа «Науково-дослідний інститут соціально-економічного розвитку міста»';
const KSU = 'Київський столичний університет імені Бориса Грінченка';
const IPO = 'Інститут післядипломної освіти Київського столичного університету імені Бориса Грінченка';
const GIOC = 'Комунальне підприємство «Головний інформаційно-обчислювальний центр»';
const RDA = (district: string): string => `${district} районна в місті Києві державна адміністрація`;

/** Executors cells of the Kyiv annex tables, keyed «annex.row». Continuation rows are joined with a space. */
function kyivCells(): Map<string, string[]> {
  const cells = new Map<string, string[]>();
  let annex: number | null = null;
  let last: string | null = null;
  for (const line of KYIV.split('\n')) {
    const head = /^Додаток (\d) до плану/.exec(line);
    if (head) {
      annex = Number(head[1]);
      last = null;
      continue;
    }
    if (annex === null) continue;
    if (line.startsWith('Київський міський голова')) {
      annex = null;
      continue;
    }
    const fields = line.split('\t');
    const executors = fields[2]?.trim() ?? '';
    const row = /^(\d+)$/.exec(fields[0] ?? '');
    if (row && executors !== '') {
      last = `${annex}.${row[1]}`;
      cells.set(last, paragraphsOf(executors));
    } else if (fields[0] === '' && executors !== '' && last !== null) {
      // a row continued on the next page: the caller joins it to the cell's last paragraph
      const paras = cells.get(last) as string[];
      const more = paragraphsOf(executors);
      paras[paras.length - 1] = `${paras[paras.length - 1]} ${more[0]}`;
      paras.push(...more.slice(1));
    }
  }
  return cells;
}

/** «<p>A</p> <p>B</p>» → [A, B]; plain text → [text]. */
function paragraphsOf(text: string): string[] {
  if (!text.includes('<p>')) return [text];
  return [...text.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1] as string);
}

describe('splitParties — Khmelnytskyi 2026–2027 (every executors cell)', () => {
  const cases: [string, string[]][] = [
    ['ХМКП «Хмельницькінфоцентр», управління архітектури та містобудування', ['ХМКП «Хмельницькінфоцентр»', 'управління архітектури та містобудування']],
    ['Управління архітектури та містобудування, управління економіки', ['Управління архітектури та містобудування', 'управління економіки']],
    // the seed writes a no-break space after «КУ» here
    ['Управління економіки, КУ\u00A0«Агенція розвитку Хмельницького»', ['Управління економіки', 'КУ «Агенція розвитку Хмельницького»']],
    [
      'КУ\u00A0«Агенція розвитку Хмельницького», управління огранізаційно-інформаційної роботи та контролю',
      ['КУ «Агенція розвитку Хмельницького»', 'управління огранізаційно-інформаційної роботи та контролю'],
    ],
    ['КУ «Агенція розвитку Хмельницького»', ['КУ «Агенція розвитку Хмельницького»']],
    ['КУ «Агенція розвитку Хмельницького», ХМКП «Хмельницькінфоцентр»', ['КУ «Агенція розвитку Хмельницького»', 'ХМКП «Хмельницькінфоцентр»']],
    [
      'ХМКП «Хмельницькінфоцентр», управління з питань екології та контролю за благоустроєм, департамент інфраструктури міста',
      ['ХМКП «Хмельницькінфоцентр»', 'управління з питань екології та контролю за благоустроєм', 'департамент інфраструктури міста'],
    ],
    ['ХМКП «Хмельницькінфоцентр», управління культури та туризму', ['ХМКП «Хмельницькінфоцентр»', 'управління культури та туризму']],
    [
      'ХМКП «Хмельницькінфоцентр», департамент освіти та науки, управління культури та туризму',
      ['ХМКП «Хмельницькінфоцентр»', 'департамент освіти та науки', 'управління культури та туризму'],
    ],
    ['ХКП «Спецкомунтранс», департамент інфраструктури міста', ['ХКП «Спецкомунтранс»', 'департамент інфраструктури міста']],
    ['ХКП «Спецкомунтранс» ', ['ХКП «Спецкомунтранс»']],
    [
      'ХКП «Спецкомунтранс», управління з питань екології та контролю за благоустроєм',
      ['ХКП «Спецкомунтранс»', 'управління з питань екології та контролю за благоустроєм'],
    ],
  ];
  for (const [text, expected] of cases) {
    it(text.trim(), () => {
      const got = splitParties([cell(KH2026, text)]);
      expect(names(got)).toEqual(expected);
      expect(got.every((m) => m.kind === 'body' && !m.byAgreement && m.contact === null)).toBe(true);
    });
  }

  it('a trailing comma at a line end separates («…громади,» ⏎ «ХМКП …»)', () => {
    const text = cell(KH2026, 'Управління культури та туризму, старости Хмельницької міської територіальної громади,\nХМКП «Хмельницькінфоцентр»');
    const expected = ['Управління культури та туризму', 'старости Хмельницької міської територіальної громади', 'ХМКП «Хмельницькінфоцентр»'];
    // as two paragraphs (the reader keeps the line break) and as one text with a newline
    for (const paragraphs of [text.split('\n'), [text]]) {
      const got = splitParties(paragraphs);
      expect(names(got)).toEqual(expected);
      expect(got.map((m) => m.kind)).toEqual(['body', 'collective', 'body']);
    }
  });
});

describe('splitParties — Khmelnytskyi 2021–2022 (every executors and partners cell)', () => {
  it('executors with a lower-case collective', () => {
    const got = splitParties([cell(KH2021, 'ХМКП «Хмельницькінфоцентр», управління адміністративних послуг, виконавчі органи міської ради')]);
    expect(names(got)).toEqual(['ХМКП «Хмельницькінфоцентр»', 'управління адміністративних послуг', 'виконавчі органи міської ради']);
    expect(got.map((m) => m.kind)).toEqual(['body', 'body', 'collective']);
  });

  it('six executors in one cell', () => {
    const text = cell(
      KH2021,
      'ХМКП «Хмельницькінфоцентр», департамент інфраструктури, департамент освіти та науки, управління культури та туризму, управління капітального будівництва, управління молоді та спорту',
    );
    expect(names(splitParties([text]))).toEqual([
      'ХМКП «Хмельницькінфоцентр»',
      'департамент інфраструктури',
      'департамент освіти та науки',
      'управління культури та туризму',
      'управління капітального будівництва',
      'управління молоді та спорту',
    ]);
  });

  it('simple executors cells', () => {
    expect(names(splitParties([cell(KH2021, 'Виконавчий комітет міської ради, ХМКП «Хмельницькінфоцентр»')]))).toEqual([
      'Виконавчий комітет міської ради',
      'ХМКП «Хмельницькінфоцентр»',
    ]);
    expect(names(splitParties([cell(KH2021, 'Управління економіки ')]))).toEqual(['Управління економіки']);
    expect(names(splitParties([cell(KH2021, 'ХКП “Спецкомунтранс”')]))).toEqual(['ХКП «Спецкомунтранс»']);
    expect(names(splitParties([cell(KH2021, 'ХМКП «Хмельницькінфоцентр», департамент освіти та науки, управління культури та туризму')]))).toEqual([
      'ХМКП «Хмельницькінфоцентр»',
      'департамент освіти та науки',
      'управління культури та туризму',
    ]);
    const got = splitParties([
      cell(KH2021, 'Управління культури та туризму, виконавчий комітет міської ради, старости Хмельницької міської територіальної громади '),
    ]);
    expect(names(got)).toEqual([
      'Управління культури та туризму',
      'виконавчий комітет міської ради',
      'старости Хмельницької міської територіальної громади',
    ]);
    expect(got.map((m) => m.kind)).toEqual(['body', 'body', 'collective']);
  });

  it('partner «(за згодою)» with typographic quotes', () => {
    const got = splitParties([cell(KH2021, 'Громадська організація “Хмельницька ініціатива” (за згодою)')]);
    expect(got).toEqual([{ name: 'Громадська організація «Хмельницька ініціатива»', kind: 'body', byAgreement: true, contact: null }]);
  });

  it('a private person with role descriptions stays one party', () => {
    const text = cell(
      KH2021,
      'Громадська організація “Хмельницька ініціатива” (за згодою), Андрій Гнап, CEO / Data Analyst Waste Ukraine Analytics, експерт з відкритих даних (за згодою), залучення донорських організацій та проєктів ',
    );
    expect(splitParties([text])).toEqual([
      { name: 'Громадська організація «Хмельницька ініціатива»', kind: 'body', byAgreement: true, contact: null },
      {
        name: 'Андрій Гнап, CEO / Data Analyst Waste Ukraine Analytics, експерт з відкритих даних',
        kind: 'person',
        byAgreement: true,
        contact: null,
      },
      { name: 'залучення донорських організацій та проєктів', kind: 'other', byAgreement: false, contact: null },
    ]);
  });

  it('an unclosed outer quote does not swallow the rest; a relative clause stays with its noun', () => {
    const text = cell(KH2021, 'ГО «ІАЦ "Хмельницькі ініціативи" (за згодою), бізнес, який надає площадки та техніку для проведення навчань');
    expect(splitParties([text])).toEqual([
      { name: 'ГО «ІАЦ «Хмельницькі ініціативи»', kind: 'body', byAgreement: true, contact: null },
      { name: 'бізнес, який надає площадки та техніку для проведення навчань', kind: 'collective', byAgreement: false, contact: null },
    ]);
  });

  it('partners: abbreviation and a company in quotes with a dotted abbreviation', () => {
    const got = splitParties([cell(KH2021, 'ЄБРР, Консультанти компанії «Дабл-ю Ес Аткінс Інтернешнел Лтд.»')]);
    expect(names(got)).toEqual(['ЄБРР', 'Консультанти компанії «Дабл-ю Ес Аткінс Інтернешнел Лтд.»']);
    expect(names(splitParties([cell(KH2021, 'Хмельницька обласна рада')]))).toEqual(['Хмельницька обласна рада']);
    expect(names(splitParties([cell(KH2021, 'ХМКП «Хмельницькінфоцентр»')]))).toEqual(['ХМКП «Хмельницькінфоцентр»']);
  });

  it('a person in brackets after a body is its contact', () => {
    const text = cell(KH2021, 'ХМКП «Хмельницькінфоцентр» (Матвійчук С.В.), КУ «Агенція розвитку Хмельницького» (Герасимчук Л. О.)');
    expect(splitParties([text])).toEqual([
      { name: 'ХМКП «Хмельницькінфоцентр»', kind: 'body', byAgreement: false, contact: 'Матвійчук С.В.' },
      { name: 'КУ «Агенція розвитку Хмельницького»', kind: 'body', byAgreement: false, contact: 'Герасимчук Л. О.' },
    ]);
  });
});

describe('splitParties — Kyiv 2025–2026 (every executors cell of the five annex tables)', () => {
  const expected: Record<string, string[]> = {
    '1.1': [DSK, DON],
    '1.2': [DSK, DON, NDI],
    '1.3': [DSK, DON, KSU, IPO],
    '1.4': [DSK, DON, KNP, KSU, IPO],
    '1.5': [DSK, DON, KNP, KSU, IPO],
    '1.6': [KNP, KSU, IPO, DON],
    '1.7': [DSK, DON, KSU, IPO, 'Районні в місті Києві державні адміністрації'],
    '2.1': [DOKS, NDI],
    '2.2': [DOKS, DIKT, GIOC],
    '2.3': [DOKS, GIOC],
    '2.4': [GIOC],
    '2.5': [DOKS, GIOC],
    '2.6': [DOKS, GIOC],
    '2.7': [DOKS, GIOC],
    '2.8': [DSK, DOKS],
    '3.1': [DIKT, GIOC],
    '3.2': [KNP, DIKT, GIOC],
    '3.3': [DIKT_SHORT, GIOC],
    '3.4': [GIOC],
    '3.5': [GIOC],
    '3.6': [GIOC],
    '3.7': [DSK, DIKT, KNP],
    '4.1': [DSK],
    '4.2': [DSK, KNP],
    '4.3': [DSK],
    '4.4': [DSK, KNP],
    '4.5': [DSK],
    '4.6': ['Київська міська рада', DSK],
    '4.7': [DSK, KNP_BARE],
    '4.8': [DSK, KNP],
    '4.9': [DSK],
    '5.1': [DSK, KNP, RDA('Подільська'), RDA('Святошинська')],
    '5.2': [KNP],
    '5.3': [KNP],
    '5.4': [DSK, KNP, RDA('Дарницька'), RDA('Деснянська')],
    '5.5': [KNP],
    '5.6': [KNP],
    '5.7': [KNP, DSK],
  };
  const cells = kyivCells();

  it('finds every annex row in the seed', () => {
    expect([...cells.keys()].sort()).toEqual(Object.keys(expected).sort());
  });
  for (const [key, want] of Object.entries(expected)) {
    it(`annex ${key.replace('.', ', row ')}`, () => {
      const got = splitParties(cells.get(key) ?? []);
      expect(names(got)).toEqual(want);
      const kinds = got.map((m) => (m.name.startsWith('Районні') ? 'collective' : 'body'));
      expect(got.map((m) => m.kind)).toEqual(kinds);
    });
  }

  it('a name cut by a page break arrives whole when the caller joins the rows', () => {
    const joined = `${cell(KYIV, 'Департамент охорони культурної спадщини виконавчого органу Київської міської ради (Київської міської державної')} адміністрації) Департамент інформаційно-комунікаційних технологій виконавчого органу Київської міської ради (Київської міської державної адміністрації) Комунальне підприємство «Головний інформаційно-обчислювальний центр»`;
    expect(names(splitParties([joined]))).toEqual([DOKS, DIKT, GIOC]);
  });

  it('…and when the two halves arrive as separate paragraphs', () => {
    const first = 'Департамент охорони культурної спадщини виконавчого органу Київської міської ради (Київської міської державної';
    const second = cell(KYIV, 'адміністрації) Департамент інформаційно-комунікаційних технологій виконавчого органу Київської міської ради (Київської міської державної адміністрації) Комунальне підприємство «Головний інформаційно-обчислювальний центр»');
    expect(names(splitParties([first, second]))).toEqual([DOKS, DIKT, GIOC]);
  });

  it('partners paragraphs separated by semicolons (nested and unbalanced quotes)', () => {
    const p1 = cell(
      KYIV,
      'громадська організація «Місцевий осередок молодіжної організації «Пласт – Національна скаутська організація України» «Станиця Київ Пласту – Національної скаутської організації України»; Київська міська молодіжна рада при Київській міській раді; громадська організація «Інститут розвитку, спільноті та євроінтеграції»; громадська організація «Батьки SOS».',
    );
    expect(names(splitParties([p1]))).toEqual([
      'громадська організація «Місцевий осередок молодіжної організації «Пласт – Національна скаутська організація України» «Станиця Київ Пласту – Національної скаутської організації України»',
      'Київська міська молодіжна рада при Київській міській раді',
      'громадська організація «Інститут розвитку, спільноті та євроінтеграції»',
      'громадська організація «Батьки SOS»',
    ]);
    const p2 = cell(
      KYIV,
      'громадська організація «Київ. Стратегія 2025»; громадська організація «Україна Інкогніта»; громадська організація «Історична платформа»; Громадська рада при виконавчому органі Київської міської ради (Київській міській державній адміністрації); Київський міський центр народної творчості та культурологічних досліджень.',
    );
    expect(names(splitParties([p2]))).toEqual([
      'громадська організація «Київ. Стратегія 2025»',
      'громадська організація «Україна Інкогніта»',
      'громадська організація «Історична платформа»',
      'Громадська рада при виконавчому органі Київської міської ради (Київській міській державній адміністрації)',
      'Київський міський центр народної творчості та культурологічних досліджень',
    ]);
    const p3 = cell(
      KYIV,
      'громадська організація «Асоціація громадських просторів України»; Громадська рада при Подільській районній в місті Києві державній адміністрації; Громадська рада при Святошинській районній в місті Києві державній адміністрації; Громадська рада при Дарницькій районній в місті Києві державній адміністрації; Громадська рада при Деснянській районній в місті Києві державній адміністрації.',
    );
    const got = splitParties([p3]);
    expect(got).toHaveLength(5);
    expect(got.every((m) => m.kind === 'body')).toBe(true);
    const p4 = cell(KYIV, 'громадська організація «Всеукраїнська Асоціація Центрів надання адміністративних послуг»; громадська організація «Наукова асоціація кібербезпеки України»;');
    expect(names(splitParties([p4]))).toEqual([
      'громадська організація «Всеукраїнська Асоціація Центрів надання адміністративних послуг»',
      'громадська організація «Наукова асоціація кібербезпеки України»',
    ]);
  });

  it('lead executors written with semicolons', () => {
    const text = cell(
      KYIV,
      'Департамент освіти і науки виконавчого органу Київської міської ради (Київської міської державної адміністрації); Департамент суспільних комунікацій виконавчого органу Київської міської ради (Київської міської державної адміністрації); Київський столичний університет імені Бориса Грінченка; Інститут післядипломної освіти Київського столичного університету імені Бориса Грінченка.',
    );
    expect(names(splitParties([text]))).toEqual([DON, DSK, KSU, IPO]);
  });
});

describe('splitParties — normalisation', () => {
  it('quotes, apostrophes and spaces', () => {
    expect(names(splitParties(['  ГО\u00A0"Київ\u2019s  Hub" ', 'КП „Зелене місто“', "управління з питань сім'ї"]))).toEqual([
      'ГО «Київ’s Hub»',
      'КП «Зелене місто»',
      'управління з питань сім’ї',
    ]);
  });
  it('a lone «(за згодою)» paragraph applies to the previous party; dashes are no party', () => {
    expect(splitParties(['Хмельницька обласна рада', '(за згодою)', '—'])).toEqual([
      { name: 'Хмельницька обласна рада', kind: 'body', byAgreement: true, contact: null },
    ]);
  });
  it('never splits at «та»; a leading «та» after a comma is dropped', () => {
    expect(names(splitParties(['управління культури та туризму, та управління економіки']))).toEqual([
      'управління культури та туризму',
      'управління економіки',
    ]);
  });
  it('contacts: initials either side or a full name; Latin or lower-case brackets stay in the name', () => {
    expect(splitParties(['управління економіки (С. В. Матвійчук)', 'ГО «Х» (Сергій Матвійчук)'])).toEqual([
      { name: 'управління економіки', kind: 'body', byAgreement: false, contact: 'С. В. Матвійчук' },
      { name: 'ГО «Х»', kind: 'body', byAgreement: false, contact: 'Сергій Матвійчук' },
    ]);
    expect(names(splitParties(['Ініціатива «Партнерство «Відкритий Уряд» (Open Government Partnership)']))).toEqual([
      'Ініціатива «Партнерство «Відкритий Уряд» (Open Government Partnership)',
    ]);
  });
  it('other «за згодою» spellings', () => {
    const got = splitParties(['Хмельницька обласна рада (за погодженням)', 'ГО «Х» за згодою', 'ГО «У» ( за  згодою )']);
    expect(got.map((m) => [m.name, m.byAgreement])).toEqual([
      ['Хмельницька обласна рада', true],
      ['ГО «Х»', true],
      ['ГО «У»', true],
    ]);
  });
  it('a capitalised name after a legal-form noun is not a new body', () => {
    expect(names(splitParties(['громадська організація Київська ініціатива']))).toEqual(['громадська організація Київська ініціатива']);
    expect(names(splitParties(['Київська міська рада Департамент освіти']))).toEqual(['Київська міська рада', 'Департамент освіти']);
  });
  it('people listed one after another stay separate', () => {
    const got = splitParties(['Іван Петренко, Марія Коваль, експертка з доступності (за згодою)']);
    expect(got.map((m) => [m.name, m.kind, m.byAgreement])).toEqual([
      ['Іван Петренко', 'person', false],
      ['Марія Коваль, експертка з доступності', 'person', true],
    ]);
  });
  it('list bullets and numbers are not part of a name; quantified groups are collectives', () => {
    const got = splitParties(['– управління економіки;', '2) ХМКП «Хмельницькінфоцентр»', 'усі виконавчі органи міської ради']);
    expect(got.map((m) => [m.name, m.kind])).toEqual([
      ['управління економіки', 'body'],
      ['ХМКП «Хмельницькінфоцентр»', 'body'],
      ['усі виконавчі органи міської ради', 'collective'],
    ]);
  });
  it('empty cell → no parties', () => {
    expect(splitParties([])).toEqual([]);
    expect(splitParties(['', '  '])).toEqual([]);
  });
});

const body = (name: string, extra: Partial<PartyMention> = {}): PartyMention => ({
  name,
  kind: 'body',
  byAgreement: false,
  contact: null,
  ...extra,
});

describe('PartyRegistry', () => {
  it('quotes, first-letter case and spaces do not change identity; the link keeps the name as written, the registry the first form', () => {
    const reg = new PartyRegistry();
    const a = reg.resolve(body('ХКП “Спецкомунтранс”'));
    const b = reg.resolve(body('ХКП «Спецкомунтранс»'));
    const c = reg.resolve(body('управління культури та туризму'));
    const d = reg.resolve(body('Управління  культури\u00A0та туризму '));
    expect(a.id).toBe('khkp-spetskomuntrans');
    expect(b).toEqual(a);
    expect(d.id).toBe(c.id);
    expect(d.name).toBe('Управління культури та туризму');
    expect(reg.all()).toHaveLength(2);
    expect(reg.all().find((p) => p.id === c.id)!.name).toBe('управління культури та туризму');
  });

  it('«(за згодою)» and the contact are per mention; the registry entry remembers them', () => {
    const reg = new PartyRegistry();
    const a = reg.resolve(body('Громадська організація “Хмельницька ініціатива”', { byAgreement: true }));
    const b = reg.resolve(body('Громадська організація «Хмельницька ініціатива» (за згодою)'));
    expect(b.id).toBe(a.id);
    expect(a.byAgreement).toBe(true);
    expect(b.byAgreement).toBe(false);
    const c = reg.resolve(body('ХМКП «Хмельницькінфоцентр»', { contact: 'Матвійчук С.В.' }));
    expect(c.contact).toBe('Матвійчук С.В.');
    const all = reg.all();
    expect(all.map((p) => p.id)).toEqual([...all.map((p) => p.id)].sort());
    expect(all.find((p) => p.id === a.id)?.byAgreement).toBe(true);
    expect(all.find((p) => p.id === c.id)?.contact).toBe('Матвійчук С.В.');
  });

  it('КУ ↔ Комунальна установа only when the document writes both (2026 seed)', () => {
    const short = body('КУ «Агенція розвитку Хмельницького»');
    const long = body('Комунальна установа «Агенція розвитку Хмельницького»');
    const qualified = body('комунальна установа Хмельницької міської ради «Агенція розвитку Хмельницького»');
    // The id depends on the body alone: the same even where the document does not define КУ.
    const plain = new PartyRegistry();
    expect(plain.resolve(short).id).toBe(plain.resolve(long).id);

    const reg = new PartyRegistry();
    reg.learnAbbreviations(KH2026);
    const a = reg.resolve(short);
    expect(reg.resolve(long).id).toBe(a.id);
    expect(reg.resolve(qualified).id).toBe(a.id);
    expect(reg.resolve(long).name).toBe('Комунальна установа «Агенція розвитку Хмельницького»');
    expect(reg.all().map((p) => p.name)).toContain('КУ «Агенція розвитку Хмельницького»');
    expect(a.id).toBe('ku-ahentsiia-rozvytku-khmelnytskoho');
  });

  it('a «(далі – КУ «…»)» definition', () => {
    const reg = new PartyRegistry();
    reg.learnAbbreviations(
      'Координацію здійснює комунальна установа Хмельницької міської ради «Агенція розвитку Хмельницького» (далі – КУ «Агенція розвитку Хмельницького»).',
    );
    expect(reg.resolve(body('Комунальна установа «Агенція розвитку Хмельницького»')).id).toBe(
      reg.resolve(body('КУ «Агенція розвитку Хмельницького»')).id,
    );
  });

  it('ХМКП / ХКП from the 2021 seed (expansions written in the instrumental case)', () => {
    const reg = new PartyRegistry();
    reg.learnAbbreviations(KH2021);
    expect(reg.resolve(body('Хмельницьке міське комунальне підприємство «Хмельницькінфоцентр»')).id).toBe(
      reg.resolve(body('ХМКП «Хмельницькінфоцентр»')).id,
    );
    expect(reg.resolve(body('Хмельницьке комунальне підприємство «Спецкомунтранс»')).id).toBe(
      reg.resolve(body('ХКП “Спецкомунтранс”')).id,
    );
    // ЄБРР is defined in the text: «Європейським банком реконструкції та розвитку (ЄБРР)»
    expect(reg.resolve(body('Європейський банк реконструкції та розвитку')).id).toBe(reg.resolve(body('ЄБРР')).id);
    // the 2021 text writes «КУ «Агенція …»» and «комунальною установою «Агенція …»», so КУ is confirmed
    expect(reg.resolve(body('Комунальна установа «Інша»')).id).toBe(reg.resolve(body('КУ «Інша»')).id);
    // the Kyiv text never writes КУ or ЄБРР: a written-out legal form still gives the body's one id (ids depend on
    // the body alone), a whole-name abbreviation is not invented
    const kyiv = new PartyRegistry();
    kyiv.learnAbbreviations(KYIV);
    expect(kyiv.resolve(body('Комунальна установа «Інша»')).id).toBe(kyiv.resolve(body('КУ «Інша»')).id);
    expect(kyiv.resolve(body('Європейський банк реконструкції та розвитку')).id).not.toBe(kyiv.resolve(body('ЄБРР')).id);
  });

  it('Kyiv: one department with and without «(Київської міської державної адміністрації)»', () => {
    const reg = new PartyRegistry();
    for (const paragraphs of kyivCells().values()) for (const m of splitParties(paragraphs)) reg.resolve(m);
    expect(reg.resolve(body(DIKT_SHORT)).id).toBe(reg.resolve(body(DIKT)).id);
    expect(reg.resolve(body(KNP_BARE)).id).not.toBe(reg.resolve(body(KNP)).id);
    const all = reg.all();
    expect(all.map((p) => p.name).sort()).toEqual(
      [DSK, DON, DOKS, DIKT, KNP_BARE, KNP, NDI, KSU, IPO, GIOC, 'Київська міська рада', 'Районні в місті Києві державні адміністрації']
        .concat(['Подільська', 'Святошинська', 'Дарницька', 'Деснянська'].map(RDA))
        .sort(),
    );
    expect(new Set(all.map((p) => p.id)).size).toBe(all.length);
  });

  it('an abbreviation learned after a body was registered does not split its identity (batch)', () => {
    const reg = new PartyRegistry();
    const first = reg.resolve(body('Комунальна установа «Агенція розвитку Хмельницького»'));
    reg.learnAbbreviations(KH2026);
    expect(reg.resolve(body('Комунальна установа «Агенція розвитку Хмельницького»')).id).toBe(first.id);
    expect(reg.resolve(body('КУ «Агенція розвитку Хмельницького»')).id).toBe(first.id);
    expect(reg.all()).toHaveLength(1);
  });

  it('rejects an empty name', () => {
    expect(() => new PartyRegistry().resolve(body('  '))).toThrow(/empty party name/);
  });

  it('ids are deterministic across registries and batches', () => {
    const run = (): string[] => {
      const reg = new PartyRegistry();
      reg.learnAbbreviations(KH2021);
      for (const t of ['ХМКП «Хмельницькінфоцентр» (Матвійчук С.В.), КУ «Агенція розвитку Хмельницького» (Герасимчук Л. О.)']) {
        for (const m of splitParties([t])) reg.resolve(m);
      }
      return reg.all().map((p) => JSON.stringify(p));
    };
    expect(run()).toEqual(run());
  });
});

describe('properties', () => {
  // Names from the seeds that begin with an organisation head word, so they can also be written run-on.
  const runOnSafe = [DSK, DON, DOKS, DIKT, KNP, NDI, KSU, IPO, GIOC, RDA('Дарницька'), 'Київська міська рада'];
  const commaSafe = [
    ...runOnSafe,
    'ХМКП «Хмельницькінфоцентр»',
    'управління архітектури та містобудування',
    'КУ «Агенція розвитку Хмельницького»',
    'старости Хмельницької міської територіальної громади',
    'громадська організація «Інститут розвитку, спільноті та євроінтеграції»',
    'Громадська рада при Подільській районній в місті Києві державній адміністрації',
    'виконавчі органи міської ради',
    'ЄБРР',
  ];
  const joinWith = (list: string[], seps: string[]): string[] => {
    const paragraphs: string[] = [list[0] as string];
    list.slice(1).forEach((n, i) => {
      const sep = seps[i % seps.length] as string;
      if (sep.endsWith('¶')) {
        paragraphs[paragraphs.length - 1] += sep.slice(0, -1); // «…громади,» ⏎ «ХМКП …»
        paragraphs.push(n);
      } else paragraphs[paragraphs.length - 1] += `${sep}${n}`;
    });
    return paragraphs;
  };

  it('names joined by commas, semicolons and paragraph breaks come back unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...commaSafe), { minLength: 1, maxLength: 6 }),
        fc.array(fc.constantFrom(', ', '; ', ',', ' ; ', '¶', ',¶'), { minLength: 1, maxLength: 5 }),
        (list, seps) => {
          expect(names(splitParties(joinWith(list, seps)))).toEqual(list);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('Kyiv-style run-on names come back unchanged', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...runOnSafe), { minLength: 1, maxLength: 6 }), (list) => {
        expect(names(splitParties([list.join(' ')]))).toEqual(list);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws; every name is non-empty text of the cell; output is deterministic', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: fc.constantFrom(...'Аа Іі,;()«»"“”„Бб за згодою Київська Департамент 1.-'.split('')) }), { maxLength: 4 }), (paragraphs) => {
        const a = splitParties(paragraphs);
        expect(splitParties(paragraphs)).toEqual(a);
        for (const m of a) {
          expect(m.name.trim()).not.toBe('');
          expect(m.name).toBe(m.name.trim());
        }
      }),
      { numRuns: 500 },
    );
  });

  it('partyId always satisfies the schema pattern and length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (name) => {
        const id = partyId(name);
        expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(id.length).toBeLessThanOrEqual(67);
        expect(partyId(name)).toBe(id);
      }),
      { numRuns: 500 },
    );
  });
});

describe('partyId', () => {
  it('short names: transliterated slug', () => {
    expect(partyId('ХМКП «Хмельницькінфоцентр»')).toBe('khmkp-khmelnytskinfotsentr');
    expect(partyId('Управління культури та туризму')).toBe('upravlinnia-kultury-ta-turyzmu');
    expect(partyId('Київська міська рада (за згодою)')).toBe('kyivska-miska-rada');
    expect(partyId('управління з питань сім’ї')).toBe(partyId("Управління з питань сім'ї"));
  });

  it('long names: cut at a word boundary ≤ 60 chars + 6 hex of sha256(canonical key)', () => {
    const a = partyId(DSK);
    const b = partyId(DON);
    for (const id of [a, b]) {
      expect(id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*-[0-9a-f]{6}$/);
      expect(id.length).toBeLessThanOrEqual(67);
      expect(id.slice(0, -7).length).toBeLessThanOrEqual(60);
    }
    expect(a).not.toBe(b);
    const key = 'департамент суспільних комунікацій виконавчого органу київської міської ради';
    expect(a.slice(-6)).toBe(createHash('sha256').update(key).digest('hex').slice(0, 6));
    expect(a.startsWith('departament-suspilnykh-komunikatsii-vykonavchoho-orhanu-')).toBe(true);
  });

  it('ids depend on the body alone: a written-out legal form is the abbreviation, in any case, in any registry', () => {
    expect(partyId(KNP)).toMatch(/^knp-vykonavchoho-orhanu-kyivskoi-miskoi-rady-tsentr-[0-9a-f]{6}$/);
    expect(partyId('Громадська організація «Батьки SOS»')).toBe('ho-batky-sos');
    expect(partyId('ГО «Батьки SOS»')).toBe('ho-batky-sos');
    expect(partyId('громадською організацією “Батьки SOS”')).toBe('ho-batky-sos');
    expect(partyId('Комунальне підприємство «Електроавтотранс»')).toBe('kp-elektroavtotrans');
    // «комунальне некомерційне підприємство» is КНП, not КП
    expect(partyId('Комунальне некомерційне підприємство «Лікарня»')).toBe('knp-likarnia');
    // not a legal form at the start: unchanged
    expect(partyId('Управління економіки')).toBe('upravlinnia-ekonomiky');
    expect(partyId('управління економіки')).toBe('upravlinnia-ekonomiky');
    // the same in a fresh registry, in a registry that learnt the abbreviation, in any order
    for (const learn of ['', KH2026]) {
      for (const order of [['ГО «Батьки SOS»', 'Громадська організація «Батьки SOS»'], ['Громадська організація «Батьки SOS»', 'ГО «Батьки SOS»']]) {
        const reg = new PartyRegistry();
        if (learn) reg.learnAbbreviations(learn);
        const ids = order.map((n) => reg.resolve(body(n)).id);
        expect(ids).toEqual(['ho-batky-sos', 'ho-batky-sos']);
        expect(reg.all()).toHaveLength(1);
      }
    }
  });
});

describe('PartyDirectory', () => {
  it('matches names and aliases by canonical key and sets ЄДРПОУ (leading zeros kept)', () => {
    const dir = PartyDirectory.fromCsv(fixture('sample-directory.csv'), 'sample-directory.csv');
    expect(dir.match('київська міська рада')?.edrpou).toBe('22883141');
    expect(dir.match('ТУ “Приклад”')?.edrpou).toBe('00012345');
    expect(dir.match('ХМКП "Хмельницькінфоцентр"')?.name).toBe('Хмельницьке міське комунальне підприємство «Хмельницькінфоцентр»');
    expect(dir.match('Невідома установа')).toBeNull();

    const reg = new PartyRegistry({ directory: dir });
    const a = reg.resolve(body('КМР'));
    const b = reg.resolve(body('Київська міська рада'));
    expect(b.id).toBe(a.id);
    expect(a.edrpou).toBe('22883141');
    expect(a.name).toBe('КМР');
    expect(reg.resolve(body('ХМКП «Хмельницькінфоцентр»')).edrpou).toBeNull();
    expect(reg.resolve(body('Хмельницьке міське комунальне підприємство «Хмельницькінфоцентр»')).id).toBe(
      reg.resolve(body('ХМКП «Хмельницькінфоцентр»')).id,
    );
  });

  it.each([
    ['bad-edrpou.csv', /^bad-edrpou\.csv: line 3: ЄДРПОУ must be 8 digits, got "0012345"$/],
    ['bad-header.csv', /^bad-header\.csv: line 1: header must have columns name,aliases,edrpou/],
    ['bad-duplicate.csv', /^bad-duplicate\.csv: line 3: .*already names «?"?Київська міська рада/],
    ['bad-empty-name.csv', /^bad-empty-name\.csv: line 3: name is empty$/],
  ])('rejects %s', (file, message) => {
    expect(() => PartyDirectory.fromCsv(fixture(file), file)).toThrow(message);
  });

  it('rejects malformed CSV with the file and line', () => {
    expect(() => PartyDirectory.fromCsv('name,aliases,edrpou\n"unterminated,x,12345678\n', 'x.csv')).toThrow(/^x\.csv: line \d+: /);
    expect(() => PartyDirectory.fromCsv('name,aliases,edrpou\nA,B\n', 'y.csv')).toThrow(/^y\.csv: line 2: /);
  });
});

describe('transliterate (КМУ № 55, 27.01.2010)', () => {
  // Examples from the official table of the resolution.
  const table: [string, string][] = [
    ['Згорани', 'Zghorany'],
    ['Розгон', 'Rozghon'],
    ['Юрій', 'Yurii'],
    ['Їжакевич', 'Yizhakevych'],
    ['Знам’янка', 'Znamianka'],
    ["Знам'янка", 'Znamianka'],
    ['Щербухи', 'Shcherbukhy'],
    ['Алушта', 'Alushta'],
    ['Андрій', 'Andrii'],
    ['Борщагівка', 'Borshchahivka'],
    ['Вінниця', 'Vinnytsia'],
    ['Гадяч', 'Hadiach'],
    ['Ґалаґан', 'Galagan'],
    ['Донецьк', 'Donetsk'],
    ['Рівне', 'Rivne'],
    ['Єнакієве', 'Yenakiieve'],
    ['Гаєвич', 'Haievych'],
    ['Короп’є', 'Koropie'],
    ['Житомир', 'Zhytomyr'],
    ['Закарпаття', 'Zakarpattia'],
    ['Михайленко', 'Mykhailenko'],
    ['Іващенко', 'Ivashchenko'],
    ['Кадиївка', 'Kadyivka'],
    ['Мар’їне', 'Marine'],
    ['Йосипівка', 'Yosypivka'],
    ['Стрий', 'Stryi'],
    ['Олексій', 'Oleksii'],
    ['Київ', 'Kyiv'],
    ['Маковецький', 'Makovetskyi'],
    ['Луцьк', 'Lutsk'],
    ['Любов', 'Liubov'],
    ['Ніжин', 'Nizhyn'],
    ['Одеса', 'Odesa'],
    ['Соломія', 'Solomiia'],
    ['Троць', 'Trots'],
    ['Ужгород', 'Uzhhorod'],
    ['Уляна', 'Uliana'],
    ['Харків', 'Kharkiv'],
    ['Христина', 'Khrystyna'],
    ['Біла Церква', 'Bila Tserkva'],
    ['Чернівці', 'Chernivtsi'],
    ['Шевченко', 'Shevchenko'],
    ['Гоща', 'Hoshcha'],
    ['Корюківка', 'Koriukivka'],
    ['Яготин', 'Yahotyn'],
    ['Костянтин', 'Kostiantyn'],
    ['Феодосія', 'Feodosiia'],
  ];
  it.each(table)('%s → %s', (uk, latin) => {
    expect(transliterate(uk)).toBe(latin);
  });
  it('word-initial rules apply after spaces, hyphens and quotes; capitals stay capitals', () => {
    expect(transliterate('Юрій Їжакевич-Яковенко')).toBe('Yurii Yizhakevych-Yakovenko');
    expect(transliterate('«Європа»')).toBe('«Yevropa»');
    expect(transliterate('ЩЕРБУХИ')).toBe('SHCHERBUKHY');
    expect(transliterate('ЗГОРАНИ')).toBe('ZGHORANY');
    expect(transliterate('Data 2025, №5')).toBe('Data 2025, №5');
    expect(transliterateDirect).toBe(transliterate);
  });
});

describe('line breaks inside one paragraph (issue #10 item 9)', () => {
  const names = (text: string) => splitParties([text]).map((p) => p.name);
  it('a break between two complete names separates them, whatever their head word', () => {
    expect(names('Департамент освіти міської ради\nМолодіжна рада при міському голові')).toEqual(['Департамент освіти міської ради', 'Молодіжна рада при міському голові']);
    expect(names('ХМКП «Хмельницькінфоцентр»\nуправління адміністративних послуг\nвиконавчі органи міської ради')).toEqual([
      'ХМКП «Хмельницькінфоцентр»',
      'управління адміністративних послуг',
      'виконавчі органи міської ради',
    ]);
    expect(names('Виконавчий комітет міської ради\nстарости Хмельницької міської територіальної громади')).toEqual([
      'Виконавчий комітет міської ради',
      'старости Хмельницької міської територіальної громади',
    ]);
  });
  it('a name wrapped onto the next line stays whole', () => {
    expect(names('Департамент суспільних комунікацій виконавчого органу Київської міської ради\n(Київської міської державної адміністрації)')).toEqual([
      'Департамент суспільних комунікацій виконавчого органу Київської міської ради (Київської міської державної адміністрації)',
    ]);
    expect(names('управління з питань екології та контролю\nза благоустроєм')).toEqual(['управління з питань екології та контролю за благоустроєм']);
    expect(names('Комунальне підприємство\n«Головний інформаційно-обчислювальний центр»')).toEqual(['Комунальне підприємство «Головний інформаційно-обчислювальний центр»']);
    expect(names('Департамент освіти і науки виконавчого\nоргану Київської міської ради')).toEqual(['Департамент освіти і науки виконавчого органу Київської міської ради']);
  });
});

describe('commas of an enumeration inside one name', () => {
  const names = (text: string) => splitParties([text]).map((p) => p.name);
  it('«X освіти, молоді та спорту …» is one body: the lower-case tail ends the enumeration with «та/і/й»', () => {
    expect(names('Відділ освіти, молоді та спорту селищної ради')).toEqual(['Відділ освіти, молоді та спорту селищної ради']);
    expect(names('Департамент будівництва, містобудування і архітектури облдержадміністрації')).toEqual([
      'Департамент будівництва, містобудування і архітектури облдержадміністрації',
    ]);
    expect(names('Департамент будівництва, містобудування, архітектури та житлово-комунального господарства, Управління економіки')).toEqual([
      'Департамент будівництва, містобудування, архітектури та житлово-комунального господарства',
      'Управління економіки',
    ]);
  });
  it('a semicolon always separates; a lower-case group of its own is not a tail', () => {
    expect(names('Відділ освіти, молоді та спорту селищної ради; КЗ «Баришівський будинок культури»')).toEqual([
      'Відділ освіти, молоді та спорту селищної ради',
      'КЗ «Баришівський будинок культури»',
    ]);
    expect(names('Департамент фінансів, районні військові адміністрації')).toEqual(['Департамент фінансів', 'районні військові адміністрації']);
    expect(names('Управління освіти, органи місцевого самоврядування та громадські організації')).toEqual([
      'Управління освіти',
      'органи місцевого самоврядування та громадські організації',
    ]);
    expect(names('Фінансове управління; молоді та спорту відділ')).toEqual(['Фінансове управління', 'молоді та спорту відділ']);
  });
});

describe('run-on names in lower case (a PDF cell whose line breaks are lost)', () => {
  const names = (text: string) => splitParties([text]).map((p) => p.name);
  it('a lower-case head word after a closed quote, and a plural group, start new names', () => {
    expect(names('ХМКП «Хмельницькінфоцентр» управління адміністративних послуг виконавчі органи міської ради')).toEqual([
      'ХМКП «Хмельницькінфоцентр»',
      'управління адміністративних послуг',
      'виконавчі органи міської ради',
    ]);
    expect(names('Департамент фінансів районні військові адміністрації')).toEqual(['Департамент фінансів', 'районні військові адміністрації']);
  });
  it('genitive and instrumental forms, and names that go on after a quote in the genitive, stay whole', () => {
    expect(names('Центр підтримки молоді міста Києва')).toEqual(['Центр підтримки молоді міста Києва']);
    expect(names('Департамент фінансів обласної державної адміністрації')).toEqual(['Департамент фінансів обласної державної адміністрації']);
    expect(names('Відділ взаємодії з правоохоронними органами')).toEqual(['Відділ взаємодії з правоохоронними органами']);
    expect(names('КП «Житлоінвест» міської ради')).toEqual(['КП «Житлоінвест» міської ради']);
    expect(names('Управління у справах сім’ї та молоді виконавчі органи')).toEqual(['Управління у справах сім’ї та молоді', 'виконавчі органи']);
  });
});

describe('run-on names: a capitalised nominative adjective before its noun begins a name', () => {
  const names = (text: string) => splitParties([text]).map((p) => p.name);
  it('splits «… розвитку Молодіжна рада …» and «… економіки Юридичний відділ»', () => {
    expect(names('Відділ цифрового розвитку Молодіжна рада при міському голові')).toEqual(['Відділ цифрового розвитку', 'Молодіжна рада при міському голові']);
    expect(names('Управління економіки Юридичний відділ')).toEqual(['Управління економіки', 'Юридичний відділ']);
  });
  it('keeps proper names and oblique-case adjectives inside a name', () => {
    expect(names('Київський столичний університет імені Бориса Грінченка')).toEqual(['Київський столичний університет імені Бориса Грінченка']);
    expect(names('Громадська спілка Ліга сучасних журналістів')).toEqual(['Громадська спілка Ліга сучасних журналістів']);
    expect(names('Управління Держпраці у Хмельницькій області')).toEqual(['Управління Держпраці у Хмельницькій області']);
  });
});
