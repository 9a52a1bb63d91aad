/** The decision header in the forms councils write it (issue #10 item 1). */
import { describe, expect, it } from 'vitest';
import { cutTitle, extractDecision, nameCase, parseDateNumberLine, type Para } from '../../src/extract/header.js';

const paras = (...texts: string[]): Para[] => texts.map((text, block) => ({ text, block }));

describe('decision header', () => {
  it('authority in capitals on one line, date and number without «від»', () => {
    const { decision } = extractDecision(
      paras('ВИКОНАВЧИЙ КОМІТЕТ ХМЕЛЬНИЦЬКОЇ МІСЬКОЇ РАДИ', 'РІШЕННЯ', '03.02.2026 № 45', 'Про затвердження плану', 'ВИРІШИВ:'),
    );
    expect(decision).toEqual({ authority: 'Виконавчий комітет Хмельницької міської ради', type: 'рішення', number: '45', date: '2026-02-03', title: 'Про затвердження плану' });
  });

  it('a mayor issues «розпорядження»: the mayor is the authority, not the council named above', () => {
    const { decision } = extractDecision(paras('ПРИЛУЦЬКА МІСЬКА РАДА', 'ПРИЛУЦЬКИЙ МІСЬКИЙ ГОЛОВА', 'Р О З П О Р Я Д Ж Е Н Н Я', '3 лютого 2026 року № 45-р', 'Про план заходів'));
    expect(decision.authority).toBe('Прилуцький міський голова');
    expect(decision.type).toBe('розпорядження');
    expect(decision.number).toBe('45-р');
    expect(decision.date).toBe('2026-02-03');
  });

  it('a state administration, «наказ» and «постанова» are read', () => {
    expect(extractDecision(paras('КИЇВСЬКА МІСЬКА ДЕРЖАВНА АДМІНІСТРАЦІЯ', 'РОЗПОРЯДЖЕННЯ')).decision.authority).toBe('Київська міська державна адміністрація');
    expect(extractDecision(paras('НАКАЗ')).decision.type).toBe('наказ');
    expect(extractDecision(paras('П О С Т А Н О В А')).decision.type).toBe('постанова');
  });

  it('the title stops where the body begins, in the same paragraph or the next', () => {
    expect(cutTitle('Про затвердження Плану дій на 2026-2027 роки Виконавчий комітет міської ради ВИРІШИВ: 1. Затвердити План')).toBe('Про затвердження Плану дій на 2026-2027 роки');
    expect(cutTitle('Про затвердження Плану дій Керуючись Законом України, виконавчий комітет ВИРІШИВ:')).toBe('Про затвердження Плану дій');
    const { decision } = extractDecision(paras('РІШЕННЯ', 'Про затвердження Плану дій\nВідповідно до закону міська рада ВИРІШИЛА: 1. Затвердити План.'));
    expect(decision.title).toBe('Про затвердження Плану дій');
  });

  it('date/number lines', () => {
    expect(parseDateNumberLine('03.02.2026 № 45-р')).toEqual({ date: '2026-02-03', number: '45-р' });
    expect(parseDateNumberLine('«03» лютого 2026 р. № 12')).toEqual({ date: '2026-02-03', number: '12' });
    expect(parseDateNumberLine('від ________ № ____')).toEqual({ date: null, number: null });
    expect(parseDateNumberLine('Разом № 5')).toBeNull();
  });

  it('names in capitals keep place adjectives capitalised', () => {
    expect(nameCase('ЧЕРНІВЕЦЬКА ОБЛАСНА ДЕРЖАВНА АДМІНІСТРАЦІЯ')).toBe('Чернівецька обласна державна адміністрація');
    expect(nameCase('ВИКОНАВЧИЙ КОМІТЕТ КИЇВСЬКОЇ МІСЬКОЇ РАДИ')).toBe('Виконавчий комітет Київської міської ради');
  });
});
