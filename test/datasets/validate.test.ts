import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportDatasets, writeDataset, type ExportOptions } from '../../src/datasets/index.js';
import { formatText, validatePaths } from '../../src/validate/index.js';
import type { ActionPlan } from '../../src/model/schema.js';
import { fixturePassport, loadFixturePlans, seedPlanFiles, withTmpDir } from './helpers.js';

async function validateExport(plans: ActionPlan[], options: ExportOptions): Promise<void> {
  await withTmpDir(async (dir) => {
    const out = join(dir, 'dataset');
    const { files } = exportDatasets(plans, options);
    await writeDataset(out, files);
    const report = await validatePaths([out], { cwd: dir });
    expect(report.messages.filter((e) => e.severity === 'error'), formatText(report)).toEqual([]);
    expect(report.valid).toBe(true);
    // every data file and the passport were checked
    const data = [...files.keys()].filter((n) => !/\.schema\.(csv|json)$/.test(n) && n !== 'datapackage.json');
    expect(data.length).toBeGreaterThan(8);
    for (const name of data) expect(report.files, name).toContain(`dataset/${name}`);
  });
}

describe('ogp-extract validate accepts the export', () => {
  it('of the fixture plans with a passport', async () => {
    await validateExport(await loadFixturePlans(), { passport: await fixturePassport() });
  });

  it('with a custom null marker and CSV only', async () => {
    await validateExport(await loadFixturePlans(), { passport: await fixturePassport(), nullValue: 'NA', formats: ['csv'] });
  });

  it('with JSON tables only', async () => {
    await validateExport(await loadFixturePlans(), { passport: await fixturePassport(), formats: ['json'] });
  });

  it('of the three seed plans', async () => {
    const files = await seedPlanFiles();
    expect(files.length).toBe(3);
    await validateExport(await loadFixturePlans(files), { passport: await fixturePassport() });
  });

  it('and reports a broken export (the check can fail)', async () => {
    await withTmpDir(async (dir) => {
      const { files } = exportDatasets(await loadFixturePlans(), { passport: await fixturePassport() });
      const broken = new Map(files);
      broken.set('parties.csv', files.get('parties.csv')!.replace(',33641522', ',3364152'));
      broken.set('measures.csv', files.get('measures.csv')!.replace(',2026-03-01,', ',2026-13-01,'));
      await writeDataset(join(dir, 'dataset'), broken);
      const report = await validatePaths([join(dir, 'dataset')], { cwd: dir });
      expect(report.valid).toBe(false);
      const where = report.messages.map((e) => `${e.place.file}:${(e.place.column ?? null)}`);
      expect(where).toContain('dataset/parties.csv:edrpou');
      expect(where).toContain('dataset/measures.csv:startDate');
    });
  });
});
