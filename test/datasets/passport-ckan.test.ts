import { describe, expect, it } from 'vitest';
import { buildPassport, ExportError, exportDatasets, type PassportContext } from '../../src/datasets/index.js';
import type { Message } from '../../src/model/message.js';
import { fixturePassport, loadFixturePlans } from './helpers.js';

const context: PassportContext = { formats: ['CSV', 'JSON'], structureFiles: ['datapackage.json', 'plans.schema.json'], latestDecisionDate: '2025-10-09' };

async function base(): Promise<Record<string, unknown>> {
  return { ...((await fixturePassport()) as Record<string, unknown>) };
}

function problemsOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return (error as ExportError).problems.join('\n');
  }
  throw new Error('expected an ExportError');
}

describe('passport: licence, date and time, CKAN rules checked at export', () => {
  it('license defaults to CC BY 4.0 and goes to datapackage.json licenses; an unknown one is refused', async () => {
    expect(buildPassport(await base(), context).license).toBe('CC-BY-4.0');
    expect(buildPassport({ ...(await base()), license: 'cc0-1.0' }, context).license).toBe('CC0-1.0');
    const p = { ...(await base()), license: 'GPL-3.0' };
    expect(problemsOf(() => buildPassport(p, context))).toMatch(/«умови використання \(ліцензія\)» \(license\) must be one of CC-BY-4.0/);
    const result = exportDatasets(await loadFixturePlans(), { passport: { ...(await base()), license: 'ODbL-1.0' } });
    const pkg = JSON.parse(result.files.get('datapackage.json')!) as { licenses: { name: string }[] };
    expect(pkg.licenses).toEqual([{ name: 'ODbL-1.0', path: 'https://opendatacommons.org/licenses/odbl/1-0/', title: 'Open Data Commons Open Database License 1.0' }]);
  });

  it('issued / modified / temporal accept a date or a date and time («дата і час»)', async () => {
    const p = buildPassport({ ...(await base()), issued: '2025-10-20T09:30', modified: '2025-10-21T10:00:00+03:00' }, context);
    expect(p.issued).toBe('2025-10-20T09:30');
    expect(p.modified).toBe('2025-10-21T10:00:00+03:00');
    // YAML gives an unquoted date-time as a Date: the time is kept, a bare date stays a date.
    expect(buildPassport({ ...(await base()), issued: new Date('2025-10-20T07:30:00Z') }, context).issued).toBe('2025-10-20T07:30:00Z');
    expect(buildPassport({ ...(await base()), issued: new Date('2025-10-20') }, context).issued).toBe('2025-10-20');
    const bad = { ...(await base()), issued: '20.10.2025 09:30' };
    expect(problemsOf(() => buildPassport(bad, context))).toMatch(/must be a date YYYY-MM-DD or a date and time/);
  });

  it('structure lists links or file names, and includes register.schema.json in an export', async () => {
    const p = buildPassport({ ...(await base()), structure: ['https://data.gov.ua/dataset/x/resource/1/download/plans.schema.json', 'plans.schema.json'] }, context);
    expect(p.structure).toHaveLength(2);
    const bad = { ...(await base()), structure: ['див. сайт'] };
    expect(problemsOf(() => buildPassport(bad, context))).toMatch(/structure.*must list links/);
    const result = exportDatasets(await loadFixturePlans(), { passport: await base() });
    const doc = JSON.parse(result.files.get('passport.json')!) as { structure: string[] };
    for (const name of [...result.files.keys()].filter((n) => n.endsWith('.schema.json'))) expect(doc.structure).toContain(name);
  });

  it('CKAN rules: a keyword with other punctuation is refused, an apostrophe cleaned with a note, purpose ≤ 512', async () => {
    const notes: Message[] = [];
    buildPassport(await base(), context, 'passport.yaml', notes);
    expect(notes.map((m) => [m.code, m.severity, m.reason])).toEqual([
      ['ckan-tag-cleaned', 'info', 'keyword «зобов’язання» becomes the CKAN tag «зобовязання» (CKAN tags cannot hold an apostrophe)'],
    ]);
    const badTag = { ...(await base()), keywords: ['план дій (2026)', 'OGP'] };
    expect(problemsOf(() => buildPassport(badTag, context))).toMatch(/keyword «план дій \(2026\)» has characters a CKAN tag cannot have \(\( \)\)/);
    const long = { ...(await base()), purpose: 'п'.repeat(513) };
    expect(problemsOf(() => buildPassport(long, context))).toMatch(/longer than 512 characters \(513\), the limit of data\.gov\.ua/);
  });

  it('CKAN rules: an identifier that is not a CKAN name gets a note with the transliterated name', async () => {
    const notes: Message[] = [];
    buildPassport({ ...(await base()), identifier: 'Плани дій Хмельницький' }, context, 'p', notes);
    expect(notes.map((m) => m.reason).join('\n')).toMatch(/publish will use «plany-dii-khmelnytskyi»/);
    const result = exportDatasets(await loadFixturePlans(), { passport: { ...(await base()), identifier: 'Плани дій Хмельницький' } });
    expect((JSON.parse(result.files.get('datapackage.json')!) as { name: string }).name).toBe('plany-dii-khmelnytskyi');
    const sign = { ...(await base()), identifier: '№' };
    expect(problemsOf(() => buildPassport(sign, context))).toMatch(/cannot be a CKAN dataset name/);
  });
});
