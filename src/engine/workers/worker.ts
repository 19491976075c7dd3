// Entry of a worker thread of the per-source stage: runs each task it is sent
// (see tasks.ts) and posts back the result or the error's message.

import { parentPort } from 'node:worker_threads';
import { runTask, type Task } from './tasks.js';

parentPort?.on('message', (task: Task) => {
  try {
    parentPort!.postMessage({ result: runTask(task) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
