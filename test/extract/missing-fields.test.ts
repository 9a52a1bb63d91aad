/** Every field the document does not give is a warning with its place, never a silent null (issue #10). */
import { describe, expect, it } from 'vitest';
import { extractPlan } from '../../src/extract/index.js';
import { decisionWarnings, extractDecision, headerPlace, type Para } from '../../src/extract/header.js';
import { commitmentWarnings, normalizePlan } from '../../src/normalize/plan.js';
import type { Commitment } from '../../src/model/schema.js';
import { htmlToTree } from '../../src/readers/html.js';

const paras = (...texts: string[]): Para[] => texts.map((text, i) => ({ text, block: i, line: i + 1, page: 1 }));

describe('decision fields', () => {
  it('a complete header gives no warning', () => {
    const p = paras('ВИКОНАВЧИЙ КОМІТЕТ ХМЕЛЬНИЦЬКОЇ МІСЬКОЇ РАДИ', 'РІШЕННЯ', '03.02.2026 № 45', 'Про затвердження плану', 'ВИРІШИВ:');
    const { decision, resolvedAt, blank } = extractDecision(p);
    expect(decisionWarnings(decision, headerPlace(p, resolvedAt), blank)).toEqual([]);
  });

  it('each missing field is one warning at the header block (first line to the line before «ВИРІШИВ:»)', () => {
    const p = paras('РІШЕННЯ', 'Про затвердження плану заходів', 'ВИРІШИВ:', '1. Затвердити план.');
    const { decision, resolvedAt, blank } = extractDecision(p);
    const messages = decisionWarnings(decision, headerPlace(p, resolvedAt), blank);
    expect(messages.map((m) => m.code)).toEqual(['decision-no-authority', 'decision-no-number', 'decision-no-date']);
    for (const m of messages) {
      expect(m.severity).toBe('warning');
      expect(m.place).toEqual({ line: 1, endLine: 2, page: 1 });
    }
  });

  it('a number and date left blank say the document is a draft', () => {
    const p = paras('КИЇВСЬКА МІСЬКА РАДА', 'РІШЕННЯ', 'від ____________ № ________', 'Про затвердження плану', 'ВИРІШИЛА:');
    const { decision, resolvedAt, blank } = extractDecision(p);
    expect(blank).toEqual(['number', 'date']);
    const messages = decisionWarnings(decision, headerPlace(p, resolvedAt), blank);
    expect(messages.map((m) => m.code)).toEqual(['decision-no-number', 'decision-no-date']);
    expect(messages.every((m) => /draft/.test(m.reason))).toBe(true);
  });

  it('extractPlan reports them with the plan title', () => {
    const raw = extractPlan(
      htmlToTree(
        `<html><body><p>Зобов’язання 1. Тест</p><table><tr><th>Заходи</th><th>Виконавці</th><th>Строк</th></tr>
        <tr><td>Захід</td><td>Управління</td><td>2026 рік</td></tr></table></body></html>`,
        [],
      ),
    );
    expect(raw.messages.map((m) => m.code)).toEqual([
      'decision-no-authority',
      'decision-no-type',
      'decision-no-number',
      'decision-no-date',
      'decision-no-title',
      'plan-no-title',
    ]);
  });
});

describe('commitment fields', () => {
  const commitment = (id: string, over: Partial<Commitment> = {}): Commitment => ({
    id,
    number: id.slice(1),
    title: `Зобов’язання ${id}`,
    problem: 'Проблема',
    goal: 'Мета',
    sectors: ['Сфера'],
    ogpValues: ['Прозорість'],
    leadExecutors: [{ id: 'p1', name: 'Управління', kind: 'body', byAgreement: false, contact: null } as never],
    partners: [{ id: 'p2', name: 'ГО', kind: 'ngo', byAgreement: true, contact: null } as never],
    expectedResult: 'Результат',
    measures: [{} as never],
    location: { line: Number(id.slice(1)) * 10 },
    ...over,
  });

  it('a complete commitment gives no warning', () => {
    expect(commitmentWarnings([commitment('C1'), commitment('C2')])).toEqual([]);
  });

  it('a field one commitment lacks is a warning at that commitment', () => {
    const messages = commitmentWarnings([commitment('C1'), commitment('C2', { problem: null, partners: [] })]);
    expect(messages.map((m) => [m.code, m.place])).toEqual([
      ['commitment-no-problem', { line: 20 }],
      ['commitment-no-partners', { line: 20 }],
    ]);
    expect(messages[0]!.reason).toMatch(/^C2: commitment 2 /);
  });

  it('a field no commitment states is one warning for the plan, from the first to the last commitment', () => {
    const messages = commitmentWarnings([commitment('C1', { goal: null }), commitment('C2', { goal: null }), commitment('C3', { goal: null })]);
    expect(messages).toEqual([
      expect.objectContaining({ code: 'commitment-no-goal', place: { line: 10 }, related: { line: 30 } }),
    ]);
    expect(messages[0]!.reason).toMatch(/3: C1–C3\) states the long-term goal/);
  });

  it('normalizePlan adds them to the plan messages, with the file', () => {
    const raw = extractPlan(
      htmlToTree(
        `<html><body><p>Зобов’язання 1. Тест</p><p>Проблема: немає даних.</p><table><tr><th>Заходи</th><th>Виконавці</th><th>Строк</th><th>Результат</th></tr>
        <tr><td>Захід</td><td>Управління освіти</td><td>2026 рік</td><td>Дані</td></tr></table></body></html>`,
        [],
      ),
    );
    const plan = normalizePlan(raw, { file: 'x.html', format: 'html', sha256: '0'.repeat(64) });
    const codes = plan.messages.filter((m) => m.code.startsWith('commitment-no-')).map((m) => m.code);
    expect(codes).toEqual([
      'commitment-no-goal',
      'commitment-no-sectors',
      'commitment-no-values',
      'commitment-no-lead-executors',
      'commitment-no-partners',
      'commitment-no-result',
    ]);
    expect(plan.messages.every((m) => m.place.file === 'x.html')).toBe(true);
  });
});
