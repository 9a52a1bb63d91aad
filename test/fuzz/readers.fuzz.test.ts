/**
 * Seeded, time-bounded fuzzing of every reader: mutations of the fixtures' bytes (bit flips,
 * random bytes, truncation, deleted/duplicated/zeroed ranges, bytes spliced from another
 * fixture) go through the readers with OCR off (the image path is covered up to its refusal);
 * every fourth input goes through the whole extraction (`extractBuffer`: format detection → reader
 * → extract → normalize → schema).
 *
 * Every input must end, within a per-input time limit, either with a plan or with an
 * `InputError`: the error the CLI prints as one line naming the file, with exit code 1. Any other
 * exception (a TypeError, a RangeError, a schema violation) or a multi-line message is a bug;
 * the failing seed and index are printed so it can be replayed (FUZZ_SEED, FUZZ_ONLY).
 *
 * The run stops at FUZZ_COUNT inputs per reader or when its share of FUZZ_SECONDS is used up,
 * whichever is first (defaults: 1000 per reader, 50 s in all), so CI time stays bounded on slow
 * machines; the number of inputs actually tried is printed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractBuffer, InputError } from '../../src/pipeline.js';
import { readDocument } from '../../src/readers/index.js';
import { random } from '../../fixtures/scripts/random.mjs';

const SEED = Number(process.env.FUZZ_SEED ?? 835);
const COUNT = Number(process.env.FUZZ_COUNT ?? 1000);
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 50);
const PER_INPUT_MS = 10_000;

const corpus: Record<string, string[]> = {
  txt: ['fixtures/txt/khmelnytskyi-2026-2027-action-plan.txt', 'fixtures/txt/khmelnytskyi-coordination-council-news.txt'],
  docx: ['fixtures/docx/split-table.docx', 'fixtures/docx/vmerge-executors.docx'],
  pdf: ['fixtures/pdf/split-table.pdf', 'fixtures/pdf/vmerge-executors.pdf'],
  html: ['fixtures/html/khmelnytskyi-2026-2027-action-plan.html', 'fixtures/html/spans-windows-1251.html'],
  image: ['fixtures/ocr/scanned-page.png', 'fixtures/ocr/scanned-page.jpg'],
};


function mutate(input: Uint8Array, other: Uint8Array, rnd: () => number): Uint8Array {
  const int = (n: number): number => Math.floor(rnd() * Math.max(1, n));
  let b: Uint8Array = new Uint8Array(input);
  const steps = 1 + int(4);
  for (let s = 0; s < steps; s++) {
    const at = int(b.length);
    const len = 1 + int(rnd() < 0.8 ? 16 : 4096);
    switch (int(7)) {
      case 0: // bit flips
        for (let k = 0; k < len && at + k < b.length; k++) if (rnd() < 0.3) b[at + k] = b[at + k]! ^ (1 << int(8));
        break;
      case 1: // random bytes
        for (let k = 0; k < len && at + k < b.length; k++) b[at + k] = int(256);
        break;
      case 2: // truncate
        b = b.slice(0, Math.max(1, at));
        break;
      case 3: // delete a range
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + len))]);
        break;
      case 4: // duplicate a range
        b = Buffer.concat([b.subarray(0, Math.min(b.length, at + len)), b.subarray(at, Math.min(b.length, at + len)), b.subarray(Math.min(b.length, at + len))]);
        break;
      case 5: // zero a range
        b.fill(0, at, Math.min(b.length, at + len));
        break;
      default: {
        // splice bytes of another fixture
        const from = int(other.length);
        const piece = other.subarray(from, Math.min(other.length, from + len));
        b = Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]);
      }
    }
  }
  return b.length > 0 ? b : new Uint8Array([0]);
}

type Outcome = { kind: 'plan' } | { kind: 'error'; message: string } | { kind: 'bug'; detail: string };

/** A crash inside a reader rather than a reasoned refusal. */
const CRASH = [TypeError, RangeError, ReferenceError];

/**
 * Every fourth input goes through the whole extraction; the others through the reader only
 * (`readDocument`, several times faster), where a TypeError, RangeError or ReferenceError is a
 * crash even though the pipeline would wrap it into a one-line InputError.
 */
async function attempt(bytes: Uint8Array, name: string, full: boolean): Promise<Outcome> {
  if (!full) {
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<Outcome>((resolve) => {
      timer = setTimeout(() => resolve({ kind: 'bug', detail: `no answer within ${PER_INPUT_MS} ms` }), PER_INPUT_MS);
    });
    const work = readDocument(bytes, { file: name, ocr: 'off' }).then(
      (): Outcome => ({ kind: 'plan' }),
      (error: unknown): Outcome => {
        if (!(error instanceof Error) || CRASH.some((C) => error instanceof C)) return { kind: 'bug', detail: `${(error as Error)?.stack ?? String(error)}` };
        const message = error.message.split('\n')[0]!.trim();
        return message === '' ? { kind: 'bug', detail: 'empty message' } : { kind: 'error', message };
      },
    );
    const out = await Promise.race([work, limit]);
    clearTimeout(timer);
    if (out.kind !== 'bug' && performance.now() - started > PER_INPUT_MS) return { kind: 'bug', detail: `took ${Math.round(performance.now() - started)} ms` };
    return out;
  }
  return attemptFull(bytes, name);
}

async function attemptFull(bytes: Uint8Array, name: string): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<Outcome>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'bug', detail: `no answer within ${PER_INPUT_MS} ms` }), PER_INPUT_MS);
  });
  const work = extractBuffer(bytes, name, { ocr: 'off' }).then(
    (): Outcome => ({ kind: 'plan' }),
    (error: unknown): Outcome => {
      if (!(error instanceof InputError)) return { kind: 'bug', detail: `${(error as Error)?.constructor?.name}: ${(error as Error)?.stack ?? String(error)}` };
      if (error.message.includes('\n') || error.message.trim() === '') return { kind: 'bug', detail: `not one line: ${JSON.stringify(error.message)}` };
      return { kind: 'error', message: error.message };
    },
  );
  const started = performance.now();
  const out = await Promise.race([work, limit]);
  clearTimeout(timer);
  // a synchronous stall cannot be interrupted in-process; it shows here (and as the test's timeout)
  if (out.kind !== 'bug' && performance.now() - started > PER_INPUT_MS) return { kind: 'bug', detail: `took ${Math.round(performance.now() - started)} ms` };
  return out;
}

describe(`fuzzing the readers (seed ${SEED}, up to ${COUNT} inputs per reader, ${SECONDS} s)`, () => {
  const readers = Object.keys(corpus);
  for (const [r, reader] of readers.entries()) {
    it(`${reader}: every mutated input gives a plan or a one-line input error, in time`, async () => {
      const files = corpus[reader]!.map((f) => new Uint8Array(readFileSync(f)));
      const others = Object.values(corpus).flat().map((f) => new Uint8Array(readFileSync(f)));
      const rnd = random(SEED * 31 + r);
      const deadline = performance.now() + (SECONDS * 1000) / readers.length;
      const only = process.env.FUZZ_ONLY === undefined ? undefined : Number(process.env.FUZZ_ONLY);
      const bugs: string[] = [];
      const tally = { plan: 0, error: 0 };
      let n = 0;
      for (; n < COUNT && performance.now() < deadline; n++) {
        const base = files[n % files.length]!;
        const other = others[Math.floor(rnd() * others.length)]!;
        const bytes = mutate(base, other, rnd);
        if (only !== undefined && n !== only) continue;
        const out = await attempt(bytes, `fuzz-${reader}-${n}`, n % 4 === 0);
        if (out.kind === 'bug') bugs.push(`#${n}: ${out.detail.split('\n').slice(0, 4).join(' | ')}`);
        else tally[out.kind]++;
      }
      console.log(`fuzz ${reader}: ${n} inputs (${tally.plan} plans, ${tally.error} one-line errors, ${bugs.length} bugs); replay: FUZZ_SEED=${SEED} FUZZ_ONLY=<#>`);
      expect(bugs).toEqual([]);
    }, (SECONDS / readers.length) * 1000 + 2 * PER_INPUT_MS + 30_000);
  }
});
