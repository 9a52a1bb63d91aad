import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { download } from '../../src/batch/download.js';
import { fixture, runCli, tempDir } from '../helpers.js';

let server: Server;
let base = '';
const pdf = readFileSync(fixture('pdf', 'kyiv-2025-2026-action-plan.pdf'));

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/rishennia/kyiv-plan.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': pdf.length });
      res.end(pdf);
    } else if (req.url === '/slow') {
      setTimeout(() => res.end('late'), 5000);
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('http(s) inputs (loopback server)', () => {
  it('a published decision by URL: extracted like the file, output named after the URL', async () => {
    const dir = tempDir();
    const run = await runCli('extract', `${base}/rishennia/kyiv-plan.pdf`, `${base}/missing.pdf`, '--out-dir', dir);
    expect(run.code).toBe(1);
    const plan = JSON.parse(readFileSync(join(dir, 'kyiv-plan.json'), 'utf8'));
    const local = JSON.parse((await runCli('extract', fixture('pdf', 'kyiv-2025-2026-action-plan.pdf'))).stdout);
    expect(plan.source.file).toBe('kyiv-plan.pdf');
    expect(plan.commitments).toEqual(local.commitments);
    expect(run.stderr).toContain(`error: ${base}/missing.pdf: cannot download: HTTP 404 Not Found`);
  });

  it('size limit and time-out', async () => {
    await expect(download(`${base}/rishennia/kyiv-plan.pdf`, { maxBytes: 1000, timeoutMs: 5000 })).rejects.toThrow('larger than the download limit');
    await expect(download(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow('download timed out');
  });
});
