// Entry of a worker thread: of the per-source stage, runs each task it is sent
// (see tasks.ts) and posts back the result or the error's message; of a pair
// shard (pair-shard.ts), keeps the profiles and takes chunks of pairs, answering
// through shared memory.

import { parentPort } from 'node:worker_threads';
import { isPairShardMessage, onPairShardMessage, type PairShardMessage } from './pair-shard.js';
import { runTask, type Task } from './tasks.js';

parentPort?.on('message', (message: Task | PairShardMessage) => {
  if (isPairShardMessage(message)) {
    onPairShardMessage(message);
    return;
  }
  try {
    parentPort!.postMessage({ result: runTask(message) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});
