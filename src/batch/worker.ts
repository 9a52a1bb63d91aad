/** Worker thread of the batch pool: runs one file at a time (see task.ts) and answers with its result. */
import { parentPort } from 'node:worker_threads';
import { useInThreadDocx } from '../readers/docx/worker.js';
import { runTask, type TaskRequest } from './task.js';

// This thread is the file's isolation (time limit, heap limit: pool.ts): DOCX parts are parsed here, not in a
// second worker per file, so the whole file — read, unzip, XML, extract, normalise — runs end to end in one thread.
useInThreadDocx();

parentPort?.on('message', (request: TaskRequest) => {
  void runTask(request).then((result) => parentPort?.postMessage(result));
});
parentPort?.postMessage({ ready: true });
