/** Worker thread of the batch pool: runs one file at a time (see task.ts) and answers with its result. */
import { parentPort } from 'node:worker_threads';
import { runTask, type TaskRequest } from './task.js';

parentPort?.on('message', (request: TaskRequest) => {
  void runTask(request).then((result) => parentPort?.postMessage(result));
});
parentPort?.postMessage({ ready: true });
