/**
 * The report in a real browser: headless Chromium from Debian (`apt-get install chromium`), driven by playwright-core
 * (no browser is downloaded). One browser per file. Screenshots are kept in .vitest/artifacts/.
 * Where Chromium is not installed the tests are skipped and say why.
 */
import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, loadReportInput, planMessages, TIMELINE, type ReportEntry } from '../../src/report/index.js';
import { dayNumber } from '../../src/report/calendar.js';
import { fixture, root } from '../helpers.js';
import { TODAY, warningsDoc } from './plans.js';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
const chromiumPath = CANDIDATES.find((p) => existsSync(p));
const skipReason = chromiumPath ? '' : ` — SKIPPED: Chromium not installed (looked for ${CANDIDATES.join(', ')}; apt-get install chromium)`;
if (!chromiumPath) console.warn(`report browser tests skipped: Chromium not installed (looked for ${CANDIDATES.join(', ')})`);

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const artifacts = join(root, '.vitest', 'artifacts');

describe.skipIf(!chromiumPath)(`report in headless Chromium${skipReason}`, () => {
  let context: BrowserContext;
  let page: Page;
  let entries: ReportEntry[];
  let url: string;
  let smallUrl: string;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    const { chromium } = await import('playwright-core');
    entries = [];
    for (const input of [warningsDoc, fixture('pdf', 'national-layout.pdf'), fixture('docx', 'kyiv-2025-2026-action-plan.docx')]) {
      entries.push(...(await loadReportInput(input)));
    }
    const dir = mkdtempSync(join(tmpdir(), 'ogp-report-'));
    const file = join(dir, 'report.html');
    writeFileSync(file, buildReport(entries, { today: TODAY }));
    url = `file://${file}`;
    // Screenshots: the first two plans (a full-page shot of the 38-measure plan at phone width is needlessly tall).
    writeFileSync(join(dir, 'small.html'), buildReport(entries.slice(0, 2), { today: TODAY }));
    smallUrl = `file://${join(dir, 'small.html')}`;
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: chromiumPath!,
      args: ARGS,
      headless: true,
      viewport: { width: 1280, height: 900 },
      offline: true,
    });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
    page.on('request', (r) => {
      if (!r.url().startsWith('file:')) consoleErrors.push(`network request: ${r.url()}`);
    });
    await page.goto(url);
    mkdirSync(artifacts, { recursive: true });
  });

  afterAll(async () => {
    await context?.close();
  });

  it('renders with no console errors and no network requests', async () => {
    await expect(page.title()).resolves.toMatch(/Перевірка планів дій/);
    expect(await page.getAttribute('html', 'lang')).toBe('uk');
    expect(consoleErrors).toEqual([]);
  });

  it('timeline: one bar per dated measure, at its dates on the axis scale', async () => {
    for (const [i, { plan }] of entries.entries()) {
      const svg = page.locator(`#p${i + 1}-timeline svg.timeline`);
      const dated = plan.commitments.flatMap((c) => c.measures).filter((m) => m.term.start && m.term.end);
      if (dated.length === 0) {
        expect(await svg.count()).toBe(0);
        continue;
      }
      const geometry = await svg.evaluate((el) => {
        const box = (e: Element) => e.getBoundingClientRect();
        const svgBox = box(el);
        const first = el.querySelector('line.tl-tick')!;
        const end = el.querySelector('line.tl-tick[data-edge="end"]')!;
        return {
          scale: svgBox.width / Number(el.getAttribute('viewBox')!.split(' ')[2]),
          start: first.getAttribute('data-date')!,
          end: end.getAttribute('data-date')!,
          x0: box(first).left,
          x1: box(end).left,
          bars: [...el.querySelectorAll('rect.tl-bar')].map((b) => ({
            id: b.getAttribute('data-measure')!,
            start: b.getAttribute('data-start')!,
            end: b.getAttribute('data-end')!,
            left: box(b).left,
            width: box(b).width,
          })),
        };
      });
      expect(geometry.bars.map((b) => b.id)).toEqual(dated.map((m) => m.id));
      const pxPerDay = (geometry.x1 - geometry.x0) / (dayNumber(geometry.end) + 1 - dayNumber(geometry.start));
      for (const [j, bar] of geometry.bars.entries()) {
        const m = dated[j]!;
        expect([bar.start, bar.end]).toEqual([m.term.start, m.term.end]);
        const left = geometry.x0 + (dayNumber(m.term.start!) - dayNumber(geometry.start)) * pxPerDay;
        const width = Math.max((dayNumber(m.term.end!) + 1 - dayNumber(m.term.start!)) * pxPerDay, TIMELINE.minBarWidth * geometry.scale);
        expect(Math.abs(bar.left - left), `${m.id} left`).toBeLessThan(1);
        expect(Math.abs(bar.width - width), `${m.id} width`).toBeLessThan(1);
      }
      // Today's line sits at today's date on the same scale, when today is inside the axis.
      const today = page.locator(`#p${i + 1}-timeline line.tl-today`);
      if (TODAY >= geometry.start && TODAY <= geometry.end) {
        const tx = (await today.boundingBox())!;
        const expected = geometry.x0 + (dayNumber(TODAY) - dayNumber(geometry.start)) * pxPerDay;
        expect(Math.abs(tx.x + tx.width / 2 - expected)).toBeLessThan(1.5);
      } else {
        expect(await today.count()).toBe(0);
      }
    }
  });

  it('the review list matches the plan messages, and every in-page link has a target', async () => {
    for (const [i, { plan }] of entries.entries()) {
      const shown = await page.$$eval(`#p${i + 1}-review li[data-code]`, (items) =>
        items.map((li) => [li.getAttribute('data-severity'), li.getAttribute('data-code'), li.getAttribute('data-measure')]),
      );
      const order = ['error', 'warning', 'info'];
      const expected = planMessages(plan)
        .sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.index - b.index)
        .map((m) => [m.severity, m.code, m.measureId]);
      expect(shown).toEqual(expected);
      expect(shown.length).toBe(plan.messages.length);
    }
    const missing = await page.$$eval('a[href^="#"]', (links) =>
      links.map((a) => a.getAttribute('href')!.slice(1)).filter((id) => !document.getElementById(id)),
    );
    expect(missing).toEqual([]);
  });

  it('keyboard: the first Tab reaches the skip link; tables have header scopes and captions', async () => {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Перейти до змісту');
    const bad = await page.$$eval('table', (tables) =>
      tables.filter((t) => !t.querySelector('caption') || [...t.querySelectorAll('th')].some((th) => !th.getAttribute('scope'))).length,
    );
    expect(bad).toBe(0);
  });

  it('text contrast is at least WCAG AA (4.5:1; 3:1 for large text) against its background', async () => {
    const failures = await page.evaluate(() => {
      const parse = (c: string): number[] | null => {
        const m = /rgba?\(([^)]+)\)/.exec(c);
        if (!m) return null;
        const v = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
        return v.length === 4 && v[3] === 0 ? null : v.slice(0, 3);
      };
      const lum = ([r, g, b]: number[]) =>
        [r!, g!, b!].map((x) => {
          const c = x / 255;
          return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
        }).reduce((a, c, i) => a + c * [0.2126, 0.7152, 0.0722][i]!, 0);
      const out: string[] = [];
      const seen = new Set<string>();
      for (const el of document.querySelectorAll<HTMLElement>('main *, header *')) {
        if (el.closest('svg') || ![...el.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
        const style = getComputedStyle(el);
        if (style.visibility === 'hidden' || style.display === 'none' || el.getBoundingClientRect().width <= 1) continue;
        const fg = parse(style.color)!;
        let bg: number[] | null = null;
        for (let e: HTMLElement | null = el; e && !bg; e = e.parentElement) bg = parse(getComputedStyle(e).backgroundColor);
        bg ??= [255, 255, 255];
        const [a, b] = [lum(fg), lum(bg)].sort((x, y) => y - x);
        const ratio = (a! + 0.05) / (b! + 0.05);
        const size = parseFloat(style.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
        const key = `${style.color}|${bg.join(',')}|${large}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (ratio < (large ? 3 : 4.5)) out.push(`${el.tagName}.${el.className}: ${ratio.toFixed(2)}`);
      }
      return out;
    });
    expect(failures).toEqual([]);
  });

  it('screenshots at desktop and phone width (kept in .vitest/artifacts); no page-wide sideways scroll on a phone', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(smallUrl);
    await page.screenshot({ path: join(artifacts, 'report-desktop.png'), fullPage: true });
    await page.locator('#p1-timeline').screenshot({ path: join(artifacts, 'report-timeline.png') });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(smallUrl);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(artifacts, 'report-phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.pdf({ path: join(artifacts, 'report-print.pdf'), preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ media: 'screen' });
    for (const f of ['report-desktop.png', 'report-phone.png', 'report-print.pdf']) expect(existsSync(join(artifacts, f))).toBe(true);
    expect(consoleErrors).toEqual([]);
  });
});
