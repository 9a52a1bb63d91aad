/**
 * The layout matrix (fixtures/layouts): every layout, as DOCX and as PDF, scored field by field
 * against the expected plan written from the content. Fails below 0.98 overall or below 0.95 on
 * any single layout. The score table is printed (and kept in the README, «Extraction accuracy»).
 * Regenerate the fixtures: nice node fixtures/layouts/make-layouts.mjs (needs LibreOffice).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';
import { type ExpectedLayout, scorePlan } from './layout-score.js';

const layouts = readdirSync(fixture('layouts', 'expected'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))
  .sort();

interface Row {
  layout: string;
  format: string;
  ok: number;
  total: number;
  misses: string[];
}

async function score(layout: string, format: 'docx' | 'pdf'): Promise<Row> {
  const exp = JSON.parse(readFileSync(fixture('layouts', 'expected', `${layout}.json`), 'utf8')) as ExpectedLayout;
  try {
    const { plan } = await extractFile(fixture('layouts', format, `${layout}.${format}`));
    return { layout, format, ...scorePlan(plan, exp) };
  } catch (error) {
    const total = 7 + exp.commitments.reduce((n, c) => n + 2 + 5 * c.measures.length, 0);
    return { layout, format, ok: 0, total, misses: [`extraction failed: ${(error as Error).message}`] };
  }
}

describe('layout matrix: extraction accuracy on layouts the extractor was not tuned for', () => {
  it(`${layouts.length} layouts × DOCX and PDF: ≥ 0.98 overall, ≥ 0.95 per layout`, async () => {
    expect(layouts.length).toBeGreaterThanOrEqual(12);
    const rows: Row[] = [];
    for (const layout of layouts) for (const format of ['docx', 'pdf'] as const) rows.push(await score(layout, format));
    const pct = (ok: number, total: number): string => (ok / total).toFixed(3);
    const lines = ['| layout | DOCX | PDF |', '|---|---|---|'];
    for (const layout of layouts) {
      const [d, p] = [rows.find((r) => r.layout === layout && r.format === 'docx')!, rows.find((r) => r.layout === layout && r.format === 'pdf')!];
      lines.push(`| ${layout} | ${pct(d.ok, d.total)} (${d.ok}/${d.total}) | ${pct(p.ok, p.total)} (${p.ok}/${p.total}) |`);
    }
    const ok = rows.reduce((n, r) => n + r.ok, 0);
    const total = rows.reduce((n, r) => n + r.total, 0);
    lines.push(`| **overall** | | **${pct(ok, total)}** (${ok}/${total}) |`);
    console.log(lines.join('\n'));
    for (const r of rows) if (r.misses.length) console.log(`${r.layout}.${r.format}:\n  ${r.misses.slice(0, 12).join('\n  ')}`);
    const failing = rows.filter((r) => r.ok / r.total < 0.95).map((r) => `${r.layout}.${r.format} ${pct(r.ok, r.total)}`);
    expect(failing).toEqual([]);
    expect(ok / total).toBeGreaterThanOrEqual(0.98);
  }, 120_000);
});
