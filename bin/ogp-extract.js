#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in dist/ (built by `npm install` through the prepare script).
// `extract` and `export` start their first worker thread before the CLI loads, so both load at once
// (src/batch/spawn.ts); nothing else runs before the CLI.
import { startEarly } from '../dist/cli/argv.js';

startEarly(process.argv.slice(2));
const { main } = await import('../dist/cli/index.js');

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`ogp-extract: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 1;
  },
);
