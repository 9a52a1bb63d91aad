#!/usr/bin/env node
/**
 * Producer matrix: the Word fixtures (fixtures/docx, fixtures/layouts/docx) printed to PDF by another producer
 * — LibreOffice exports each to HTML, Chromium prints that to PDF — and read back: does the PDF give what the DOCX
 * gives (decision, commitments, measures with title, term, executors and result)? Every producer lays text out
 * its own way (narrow columns, one glyph at a time, lists instead of Word numbering), so this measures how well
 * the reading generalises beyond the LibreOffice PDFs the fixtures were made with. Needs soffice and chromium
 * (Debian: libreoffice-writer-nogui, chromium); `npm run build` first. Never used by tests.
 *
 *   node bench/producers.mjs [out-dir]
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(new URL('..', import.meta.url).pathname);
const out = process.argv[2] ? resolve(process.argv[2]) : mkdtempSync(join(tmpdir(), 'ogp-producers-'));
mkdirSync(out, { recursive: true });
const { extractFile } = await import(pathToFileURL(join(root, 'dist/pipeline.js')).href);

const docs = ['fixtures/docx', 'fixtures/layouts/docx'].flatMap((dir) =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.docx'))
    .sort()
    .map((f) => join(root, dir, f)),
);

/** What must not depend on the producer (the id aside: a plan without a decision number is named after its file). */
async function essentials(path) {
  try {
    const { plan } = await extractFile(path);
    return {
      commitments: plan.commitments.map((c) => ({
        title: c.title,
        measures: c.measures.map((m) => ({ title: m.title, start: m.term?.start ?? null, end: m.term?.end ?? null, executors: m.executors.map((p) => p.id), result: m.result })),
      })),
    };
  } catch (error) {
    return { error: String(error.message).split('\n')[0] };
  }
}
const count = (e) => (e.error ? e.error : `${e.commitments.length} / ${e.commitments.reduce((s, c) => s + c.measures.length, 0)}`);
/** Measures (by position) whose fields all agree. */
function agreeing(a, b) {
  if (a.error || b.error) return 0;
  const ma = a.commitments.flatMap((c) => c.measures);
  const mb = b.commitments.flatMap((c) => c.measures);
  return ma.filter((m, i) => JSON.stringify(m) === JSON.stringify(mb[i])).length;
}

const profile = join(out, 'chromium-profile');
const rows = [];
for (const docx of docs) {
  const name = basename(docx, '.docx');
  execFileSync('soffice', ['--headless', '--convert-to', 'html', '--outdir', out, docx], { stdio: 'ignore' });
  const pdf = join(out, `${name}.pdf`);
  execFileSync(
    'chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--no-pdf-header-footer', `--print-to-pdf=${pdf}`, pathToFileURL(join(out, `${name}.html`)).href],
    { stdio: 'ignore' },
  );
  const a = await essentials(docx);
  const b = await essentials(pdf);
  const total = a.error ? 0 : a.commitments.reduce((s, c) => s + c.measures.length, 0);
  rows.push({ name, docx: count(a), pdf: count(b), measuresAgreeing: `${agreeing(a, b)} / ${total}`, same: JSON.stringify(a) === JSON.stringify(b) ? 'yes' : 'no' });
}
console.log('| document | DOCX commitments / measures | Chromium PDF | measures agreeing | identical |');
console.log('| --- | --- | --- | --- | --- |');
for (const r of rows) console.log(`| ${r.name} | ${r.docx} | ${r.pdf} | ${r.measuresAgreeing} | ${r.same} |`);
console.log(`\n${rows.filter((r) => r.same === 'yes').length} of ${rows.length} identical; PDFs in ${out}`);
