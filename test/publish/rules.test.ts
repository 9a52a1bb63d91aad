import { describe, expect, it } from 'vitest';
import { ckanName, ckanNameProblem, ckanTag, licenseId, updateFrequency } from '../../src/publish/rules.js';
import { ACCRUAL_PERIODICITIES } from '../../src/model/national.js';
import { createHash } from 'node:crypto';
import { sameContent } from '../../src/publish/publish.js';

describe('CKAN rules', () => {
  it('a valid identifier is the name itself', () => {
    expect(ckanName('khm-ogp-action-plans')).toBe('khm-ogp-action-plans');
    expect(ckanName('plan_2026')).toBe('plan_2026');
  });
  it('other identifiers are transliterated (КМУ № 55), lower case, 2–100 of a-z0-9-_', () => {
    expect(ckanName('Плани дій Хмельницької громади')).toBe('plany-dii-khmelnytskoi-hromady');
    expect(ckanName('Згода Євген Їжак')).toBe('zghoda-yevhen-yizhak');
    expect(ckanName('KHM OGP 2026')).toBe('khm-ogp-2026');
    const long = ckanName('Дуже '.repeat(40));
    expect(long.length).toBeLessThanOrEqual(100);
    expect(ckanNameProblem(long)).toBeNull();
    expect(() => ckanName('№')).toThrow(/--name/);
  });
  it('name rules follow name_validator', () => {
    expect(ckanNameProblem('a')).toMatch(/at least 2/);
    expect(ckanNameProblem('x'.repeat(101))).toMatch(/at most 100/);
    expect(ckanNameProblem('Плани')).toMatch(/lowercase alphanumeric/);
    expect(ckanNameProblem('new')).toMatch(/cannot be used/);
  });
  it('tags: an apostrophe is cleaned, other punctuation refused with the characters named', () => {
    expect(ckanTag('зобов’язання')).toEqual({ tag: 'зобовязання' });
    expect(ckanTag("об'єднана громада")).toEqual({ tag: 'обєднана громада' });
    expect(ckanTag('OGP Local')).toEqual({ tag: 'OGP Local' });
    expect(ckanTag('план дій (2026)')).toMatchObject({ problem: expect.stringMatching(/\( \)/) });
    expect(ckanTag('a')).toMatchObject({ problem: expect.stringMatching(/shorter than 2/) });
  });
  it('every periodicity of Постанова 835 has a data.gov.ua update_frequency code', () => {
    for (const p of ACCRUAL_PERIODICITIES) expect(updateFrequency(p)).not.toBe('unscheduled');
    expect(updateFrequency('Щокварталу')).toBe('once a quarter');
  });
  it('licences', () => {
    expect(licenseId('cc-by-4.0')).toBe('CC-BY-4.0');
    expect(licenseId('GPL')).toBeNull();
  });
  it('a recorded hash means the same content in SHA-256, SHA-1 or MD5, with or without a prefix', () => {
    const bytes = Buffer.from('uid,title\n1,Захід\n');
    const hex = (a: string): string => createHash(a).update(bytes).digest('hex');
    for (const a of ['sha256', 'sha1', 'md5']) {
      expect(sameContent(hex(a), bytes), a).toBe(true);
      expect(sameContent(`${a}:${hex(a).toUpperCase()}`, bytes), a).toBe(true);
      expect(sameContent(hex(a), Buffer.concat([bytes, Buffer.from(' ')])), a).toBe(false);
    }
    expect(sameContent(undefined, bytes)).toBe(false);
    expect(sameContent('', bytes)).toBe(false);
    expect(sameContent(hex('sha256').slice(0, 60), bytes)).toBe(false);
  });
});
