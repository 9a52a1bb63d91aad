import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const [file, width, ...ids] = process.argv.slice(2);
const ctx = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'chr-')), { executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'], viewport: { width: Number(width), height: 900 } });
const page = await ctx.newPage();
let i = 0;
for (const id of ids) { await page.goto('file://' + file + (id === 'top' ? '' : '#' + id)); await page.screenshot({ path: `/tmp/rep/v${i++}.png` }); }
await ctx.close();
