import { describe, expect, it } from 'vitest';
import { editDistance } from '../../src/util/text.js';

describe('editDistance (Levenshtein)', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('термін', 'термін')).toBe(0);
    expect(editDistance('', 'абв')).toBe(3);
    expect(editDistance('почато', 'початок')).toBe(1);
    expect(editDistance('Мо п/п', '№ п/п')).toBe(2);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is symmetric', () => {
    expect(editDistance('реалізації', 'реалізацій')).toBe(editDistance('реалізацій', 'реалізації'));
  });
});
