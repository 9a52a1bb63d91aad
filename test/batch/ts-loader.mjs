/**
 * Test/dev only: lets worker threads and child processes run the TypeScript sources (Node 20 has no
 * type stripping). `node --import ./test/batch/ts-loader.mjs src/...ts`. `.js` specifiers that name a
 * `.ts` source resolve to it; `.ts` files are transpiled with the project's own TypeScript (cached on disk).
 * The compiled package (dist/) never uses this.
 */
import { register } from 'node:module';

register(new URL('./ts-hooks.mjs', import.meta.url));
