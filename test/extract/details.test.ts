/** Focused checks of what the whole-output comparison would hide in a large diff. */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

const load = async (name: string) => (await extractFile(fixture('txt', `${name}.txt`))).plan;

describe('decision header', () => {
  it('Khmelnytskyi 2026: executive committee decision 1417 of 2025-10-09', async () => {
    const plan = await load('khmelnytskyi-2026-2027-action-plan');
    expect(plan.decision).toMatchObject({
      authority: 'Виконавчий комітет Хмельницької міської ради',
      type: 'рішення',
      number: '1417',
      date: '2025-10-09',
    });
    expect(plan.plan.period).toEqual({ start: '2026-01-01', end: '2027-12-31' });
  });

  it('Khmelnytskyi 2021: blanks in the decision, number and date from the annex', async () => {
    const plan = await load('khmelnytskyi-2021-2022-action-plan');
    expect(plan.decision.number).toBe('784');
    expect(plan.decision.date).toBe('2021-08-12');
    expect(plan.decision.title).toBe(
      'Про затвердження Плану дій із впровадження Ініціативи «Партнерство «Відкритий Уряд» на 2021-2022 роки',
    );
    expect(plan.plan.title).toBe('План дій із впровадження Ініціативи «Партнерство «Відкритий Уряд» на 2021-2022 роки');
  });

  it('Kyiv: «№ _____» gives null, the id falls back to the file name', async () => {
    const plan = await load('kyiv-2025-2026-action-plan');
    expect(plan.decision.number).toBeNull();
    expect(plan.decision.date).toBeNull();
    expect(plan.decision.authority).toBe('Київська міська рада');
    expect(plan.id).toBe('kyiv-2025-2026-action-plan');
    expect(plan.plan.period).toEqual({ start: '2025-01-01', end: '2026-12-31' });
    expect(plan.plan.title).toBe(
      'План дій із впровадження у місті Києві Ініціативи «Партнерство «Відкритий Уряд» у 2025-2026 роках',
    );
  });
});

describe('commitments', () => {
  it('labelled paragraphs become fields', async () => {
    const c = (await load('khmelnytskyi-2026-2027-action-plan')).commitments[3]!;
    expect(c.title).toBe('Формування екологічної відповідальності громади через відкриті ініціативи сталого споживання');
    expect(c.sectors).toEqual(['Муніципальне управління', 'громадський простір', 'навколишнє середовище та клімат']);
    expect(c.ogpValues).toEqual(['Громадська підзвітність', 'технології/ інновації для прозорості та підзвітності']);
    expect(c.goal).toMatch(/^Рух до кліматичної нейтральності міста Хмельницького до 2050 року/);
  });

  it('Kyiv states commitments twice: body and annex merge into one', async () => {
    const plan = await load('kyiv-2025-2026-action-plan');
    const c5 = plan.commitments[4]!;
    expect(c5.title).toBe(
      'Забезпечити розширення мережі муніципальних відкритих громадських просторів «Vcentri HUB» у місті Києві та підвищення ефективності їх роботи як платформи діалогу та партнерства у форматі «влада-громада»',
    );
    expect(c5.measures).toHaveLength(7);
    expect(c5.problem).toMatch(/^Мережа муніципальних відкритих громадських просторів/);
    expect(c5.leadExecutors.map((p) => p.name)).toEqual([
      // the link keeps the name as written in this commitment's label (in lower case there)
      'комунальне некомерційне підприємство виконавчого органу Київської міської ради (Київської міської державної адміністрації) «Центр комунікації»',
    ]);
    expect(c5.partners.every((p) => p.byAgreement)).toBe(true);
    // the result list stays with its items, the monitoring section after it does not leak in
    expect(plan.commitments[1]!.expectedResult).toMatch(/забезпечить:\n- належну систематизацію/);
    expect(c5.expectedResult).not.toMatch(/Моніторинг та звітування/);
  });

  it('a label broken over a page joins its continuation', async () => {
    const c4 = (await load('kyiv-2025-2026-action-plan')).commitments[3]!;
    expect(c4.leadExecutors.map((p) => p.name)).toEqual([
      'Департамент суспільних комунікацій виконавчого органу Київської міської ради (Київської міської державної адміністрації)',
    ]);
  });
});

describe('table rows', () => {
  it('rows continued after a page break merge into the row above (Kyiv)', async () => {
    const plan = await load('kyiv-2025-2026-action-plan');
    const m = plan.commitments[4]!.measures[1]!;
    expect(m.title).toBe(
      'Проведення капітального ремонту та облаштування відкритих громадських просторів «Vcentri HUB» у Подільському та Святошинському районах міста Києва',
    );
    expect(m.executors.map((p) => p.name)).toEqual([
      'Комунальне некомерційне підприємство виконавчого органу Київської міської ради (Київської міської державної адміністрації) «Центр комунікації»',
    ]);
    expect(m.result).toBe(
      'Проведено капітальний ремонт та облаштовано відкриті громадські просторів «Vcentri HUB» у Подільському та Святошинському районах міста Києва',
    );
    expect(m.location).toMatchObject({ line: 287, endLine: 289, table: 5, row: 3 });
    // the stray continuation row after the last step belongs to that step
    const last = plan.commitments[0]!.measures[6]!;
    expect(last.executors.map((p) => p.name)).toContain('Районні в місті Києві державні адміністрації');
  });

  it('a blank line inside a row and a cell continued on an untabbed line (Khmelnytskyi 2021)', async () => {
    const m = (await load('khmelnytskyi-2021-2022-action-plan')).commitments[2]!.measures[1]!;
    expect(m.term).toMatchObject({ start: '2021-08-01', end: '2022-11-30', precision: 'month' });
    expect(m.partners.map((p) => p.name)).toEqual(['ХМКП «Хмельницькінфоцентр»']);
    expect(m.result).toMatch(/^В бібліотеках створені простори/);
  });

  it('a status word in the term is kept in raw and ignored for dates', async () => {
    const m = (await load('khmelnytskyi-2026-2027-action-plan')).commitments[3]!.measures[1]!;
    expect(m.term).toMatchObject({
      raw: 'січень (уже розпочато) 2026 – липень 2026',
      start: '2026-01-01',
      end: '2026-07-31',
      precision: 'month',
    });
  });

  it('signature blocks never leak into cells', async () => {
    const plan = await load('khmelnytskyi-2026-2027-action-plan');
    const text = JSON.stringify(plan.commitments);
    expect(text).not.toMatch(/КРИВАК|МОЩАНЕЦЬ|Заступник міського голови/);
    const kyiv = JSON.stringify((await load('kyiv-2025-2026-action-plan')).commitments);
    expect(kyiv).not.toMatch(/КЛИЧКО|Київський міський голова/);
  });
});
