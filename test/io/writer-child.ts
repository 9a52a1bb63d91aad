/** Child for atomic.test.ts: rewrites one file over and over with whole contents A or B until killed. */
import { writeFileAtomic } from '../../src/io/atomic.js';

const [target, sizeText] = process.argv.slice(2);
const size = Number(sizeText);
const a = 'a'.repeat(size);
const b = 'b'.repeat(size);
let i = 0;
for (;;) {
  await writeFileAtomic(target!, i % 2 === 0 ? a : b);
  if (i === 0) process.stdout.write('ready\n');
  i += 1;
}
