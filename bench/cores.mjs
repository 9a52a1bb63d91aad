#!/usr/bin/env node
/**
 * How much a second core gives a JavaScript job on this machine, with no ogp-extract or pdf.js code: a fixed load
 * (sorting 200,000 objects and a JSON round trip, twelve times) run once alone, then as two processes at once. On
 * dedicated cores two copies take as long as one (speed-up 2×); on cores that share caches, memory bandwidth or a
 * physical core, each runs slower when both do. `npm run bench` reports it beside the `--jobs` figures.
 *
 *   node bench/cores.mjs            # prints one JSON line: alone and together (wall s), speed-up of two jobs
 *   node bench/cores.mjs --load     # runs the load once (what each process runs)
 */
import { spawnSync } from 'node:child_process';

if (process.argv.includes('--load')) {
  let sum = 0;
  let seed = 835;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let round = 0; round < 12; round++) {
    const items = [];
    for (let i = 0; i < 200_000; i++) items.push({ key: random(), name: `x${i}` });
    items.sort((a, b) => a.key - b.key);
    sum += JSON.parse(JSON.stringify(items.slice(0, 20_000))).length;
  }
  process.stdout.write(`${sum}\n`);
} else {
  const self = new URL(import.meta.url).pathname;
  const time = (script) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('sh', ['-c', script], { stdio: 'ignore' });
    if (r.status !== 0) throw new Error(`failed: ${script}`);
    return Number(process.hrtime.bigint() - t0) / 1e9;
  };
  const one = `node ${JSON.stringify(self)} --load`;
  const alone = Math.min(time(one), time(one));
  const together = Math.min(time(`${one} & ${one}; wait`), time(`${one} & ${one}; wait`));
  process.stdout.write(`${JSON.stringify({ alone: +alone.toFixed(2), together: +together.toFixed(2), speedUp: +((2 * alone) / together).toFixed(2) })}\n`);
}
