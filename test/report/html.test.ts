import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, esc, planMessages } from '../../src/report/index.js';
import { planDomain, renderTimeline } from '../../src/report/timeline.js';
import { fixture, runCli, tempDir } from '../helpers.js';
import { planWithMessages, seedPlan, TODAY, warningsDoc } from './plans.js';

describe('report HTML builder', () => {
  it('is deterministic: the same plans and today give the same bytes', () => {
    const a = buildReport([{ plan: planWithMessages() }], { today: TODAY });
    const b = buildReport([{ plan: planWithMessages() }], { today: TODAY });
    expect(a).toBe(b);
    expect(buildReport([{ plan: planWithMessages() }], { today: '2027-01-01' })).not.toBe(a);
  });

  it('is self-contained: no scripts, no external resources, lang="uk", a CSP that forbids the network', () => {
    const html = buildReport([{ plan: planWithMessages() }], { today: TODAY });
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="uk">')).toBe(true);
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import/i);
    expect(html).not.toMatch(/\s(src|srcset)=/i);
    expect(html).toContain(`default-src 'none'`);
    // The only URL is the SVG namespace; url() only points inside the page.
    expect([...html.matchAll(/https?:\/\/[^\s"'<)]+/g)].map((m) => m[0])).toEqual(
      [...html.matchAll(/xmlns="(http:\/\/www\.w3\.org\/2000\/svg)"/g)].map((m) => m[1]),
    );
    for (const m of html.matchAll(/url\(([^)]*)\)/g)) expect(m[1]!.startsWith('#')).toBe(true);
  });

  it('escapes every text and keeps Ukrainian letters exactly (NFC, apostrophes)', () => {
    const plan = planWithMessages();
    const m = plan.commitments[0]!.measures[0]!;
    m.title = 'Захід <script>alert("x")</script> & «Обʼєднання» — ’їжак’ й ї';
    const html = buildReport([{ plan }], { today: TODAY });
    expect(html).not.toContain('<script>alert');
    expect(html).toContain(esc(m.title));
    expect(html).toContain('Захід &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «Обʼєднання» — ’їжак’ й ї');
    expect(html).toContain('&lt;b&gt;Разом&lt;/b&gt; &amp; &quot;усього&quot;');
    expect(html.normalize('NFC')).toBe(html);
    expect(html).not.toContain('\u0306'); // no decomposed й
    expect(html).toContain(plan.decision.authority!);
  });

  it('lists every message once, grouped by severity, linked to and from the measure it concerns', () => {
    const plan = planWithMessages();
    const html = buildReport([{ plan }], { today: TODAY });
    const items = [...html.matchAll(/<li id="p1-w(\d+)" class="s-(\w+)" data-code="([^"]+)"/g)];
    expect(items.map((i) => i[3]).sort()).toEqual(plan.messages.map((w) => w.code).sort());
    const severities = items.map((i) => i[2]);
    expect(severities).toEqual([...severities].sort((a, b) => ['error', 'warning', 'info'].indexOf(a!) - ['error', 'warning', 'info'].indexOf(b!)));
    const measure = plan.commitments[1]!.measures[0]!;
    const anchor = `p1-${measure.id.replace('.', '-')}`;
    // The measure row links to its two messages; each message links back to the row.
    const row = html.slice(html.indexOf(`<tr id="${anchor}"`), html.indexOf('</tr>', html.indexOf(`<tr id="${anchor}"`)));
    expect(row).toContain('class="flagged"');
    expect(row).toContain('href="#p1-w1"');
    expect(row).toContain('href="#p1-w3"');
    expect(html).toContain(`<li id="p1-w1" class="s-warning" data-code="term-unparsed" data-severity="warning" data-measure="${measure.id}">`);
    expect(html).toContain(`href="#${anchor}"`);
    // Places in Ukrainian, source text shown.
    expect(html).toContain(`таблиця ${measure.location.table}, рядок ${measure.location.row}, стовпець «термін»`);
    expect(html).toContain('сторінка 2, рядок тексту 40');
    expect(html).toContain(`<blockquote class="src">${esc(measure.term.raw!)}</blockquote>`);
  });

  it('summarises the decision and the plan', () => {
    const plan = seedPlan();
    const html = buildReport([{ plan }], { today: TODAY });
    expect(html).toContain('<dt>Номер</dt><dd>1417</dd>');
    expect(html).toContain('<dt>Дата</dt><dd>09.10.2025</dd>');
    expect(html).toContain('<dt>Період плану</dt><dd>01.01.2026 – 31.12.2027</dd>');
    expect(html).toContain(`<dt>Файл джерела</dt><dd>${esc(plan.source.file)}`);
    const measures = plan.commitments.reduce((n, c) => n + c.measures.length, 0);
    expect(html.match(/<tr id="p1-C\d+-M\d+"/g)).toHaveLength(measures);
    expect(html).toContain('<th scope="col">Захід</th>');
    expect(html.match(/<caption/g)!.length).toBe(plan.commitments.length + 1);
  });

  it('timeline: one bar per dated measure at its dates; today marked; axis covers period and terms', () => {
    const plan = seedPlan();
    const domain = planDomain(plan)!;
    expect(domain.start <= plan.plan.period.start!).toBe(true);
    const svg = renderTimeline(plan, domain, { prefix: 'p1', today: TODAY, flagged: new Set() });
    const bars = [...svg.matchAll(/data-measure="([^"]+)" data-start="([^"]+)" data-end="([^"]+)"/g)];
    const dated = plan.commitments.flatMap((c) => c.measures).filter((m) => m.term.start && m.term.end);
    expect(bars.map((b) => [b[1], b[2], b[3]])).toEqual(dated.map((m) => [m.id, m.term.start, m.term.end]));
    expect(svg).toContain(`class="tl-today" data-date="${TODAY}"`);
    expect(renderTimeline(plan, domain, { prefix: 'p1', today: '2030-01-01', flagged: new Set() })).not.toContain('tl-today"');
  });

  it('executor load counts measures per executor and per month', () => {
    const plan = seedPlan();
    const html = buildReport([{ plan }], { today: TODAY });
    const section = html.slice(html.indexOf('id="p1-load"'), html.indexOf('id="p1-review"'));
    const rows = [...section.matchAll(/<tr><th scope="row">([^<]+)<\/th><td class="total">(\d+)<\/td>/g)];
    const byId = new Map<string, { name: string; n: number }>();
    for (const c of plan.commitments) {
      for (const m of c.measures) {
        for (const id of new Set((m.executors.length ? m.executors : c.leadExecutors).map((e) => e.id))) {
          const e = [...m.executors, ...c.leadExecutors].find((x) => x.id === id)!;
          const entry = byId.get(id) ?? { name: e.name, n: 0 };
          entry.n += 1;
          byId.set(id, entry);
        }
      }
    }
    const counts = new Map([...byId.values()].map((e) => [e.name, e.n]));
    expect(rows.length).toBe(counts.size);
    for (const r of rows) expect(Number(r[2])).toBe(counts.get(r[1]!.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&')));
    // Sorted by load, heaviest first.
    const totals = rows.map((r) => Number(r[2]));
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
  });

  it('rejects a malformed today', () => {
    expect(() => buildReport([], { today: '15.11.2026' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('review messages adapter', () => {
  it('severity from the message; measure by id in the reason or by table row', () => {
    const plan = planWithMessages();
    const messages = planMessages(plan);
    const m = plan.commitments[1]!.measures[0]!;
    expect(messages.map((x) => [x.code, x.severity, x.measureId])).toEqual([
      ['term-unparsed', 'warning', m.id],
      ['row-unmapped', 'warning', null],
      ['party-suspicious', 'warning', m.id],
      ['docx-notes-ignored', 'warning', null],
      ['commitment-repeated', 'warning', null],
      ['layout-lost', 'error', null],
    ]);
    expect(messages[0]!.reason).not.toMatch(/^C\d/);
    expect(messages[0]!.source).toBe(m.term.raw);
    expect(messages[1]!.source).toBe('<b>Разом</b> & "усього"');
    expect(messages[5]!.place).toEqual({ file: plan.source.file, page: 2, line: 40 });
    expect(messages[4]!.commitmentId).toBe(plan.commitments[0]!.id);
  });
});

describe('ogp-extract report', () => {
  it('document input: the pipeline warnings are listed; same --today gives the same bytes', async () => {
    const dir = tempDir();
    const a = join(dir, 'a.html');
    const b = join(dir, 'b.html');
    const runA = await runCli('report', warningsDoc, '-o', a, '--today', TODAY);
    const runB = await runCli('report', warningsDoc, '-o', b, '--today', TODAY, '-q');
    expect(runA.code).toBe(0);
    expect(runB.code).toBe(0);
    expect(runA.stderr).toMatch(/term-unparsed/);
    const html = readFileSync(a, 'utf8');
    expect(readFileSync(b, 'utf8')).toBe(html);
    expect(html).toContain('data-code="term-unparsed"');
    expect(html).toContain('data-code="term-reversed"');
    expect(html).toContain('рядки тексту 54–57');
  });

  it('plan JSON and a dataset folder: the plans come back; a dataset says it carries no messages', async () => {
    const dir = tempDir();
    const planFile = join(dir, 'plan.json');
    const extract = await runCli('extract', warningsDoc, '-o', planFile, '-q');
    expect(extract.code).toBe(0);
    const exported = await runCli('export', planFile, '--out-dir', join(dir, 'dataset'), '-q');
    expect(exported.code).toBe(0);
    const run = await runCli('report', planFile, join(dir, 'dataset'), '--today', TODAY);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('План 1 з 2');
    expect(run.stdout).toContain('прочитано з JSON плану');
    expect(run.stdout).toContain('прочитано з набору даних');
    expect(run.stdout).toContain('Набір даних не зберігає повідомлень видобування');
    expect(run.stdout.match(/<tr id="p1-C\d+-M\d+"/g)!.length).toBe(run.stdout.match(/<tr id="p2-C\d+-M\d+"/g)!.length);
  });

  it('a bad input is named in one line and in the report; the rest still runs; exit 1', async () => {
    const dir = tempDir();
    const out = join(dir, 'r.html');
    const run = await runCli('report', join(dir, 'missing.docx'), warningsDoc, '-o', out, '--today', TODAY, '-q');
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n').filter((l) => l.startsWith('error:'))).toEqual([`error: ${join(dir, 'missing.docx')}: file not found`]);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Не вдалося прочитати');
    expect(html).toContain('data-code="term-unparsed"');
  });

  it('a plan with an error message (lost layout) is reported, and the exit code is 1', async () => {
    const run = await runCli('report', fixture('txt', 'khmelnytskyi-2020-open-data-roadmap.txt'), '--today', TODAY, '-q');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/layout-lost/);
    // The error is listed first (the header-field warnings of the same document come after it).
    expect(run.stdout).toMatch(/<ol class="review"><li id="p1-w\d+" class="s-error" data-code="layout-lost"/);
    expect(run.stdout).toContain('У плані не знайдено жодного зобов’язання');
  });

  it('--today must be a real date', async () => {
    const run = await runCli('report', warningsDoc, '--today', '2026-02-30');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--today must be a date YYYY-MM-DD/);
  });
});
