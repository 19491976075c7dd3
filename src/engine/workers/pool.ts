// A small pool of worker threads for the per-source stage: tasks go to the
// workers in order, each worker holding up to two; the pool is shared by the
// loader and the analyser of a run, ended by the analyser when done (or by
// itself once idle for a moment), and never keeps the process alive.
// Workers start from worker.js next to this module (the built package) or, when
// running from sources under tsx or vitest, worker.ts with tsx's loader registered.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Task } from './tasks.js';

/** JSON text per item of a task (see tasks.ts). */
type TaskResult = readonly string[];

/** Runs tasks on worker threads. */
export interface WorkerPool {
  /** Number of workers. */
  readonly size: number;
  /** Run a task on the next worker with room. Rejects when a worker fails (the pool then closes). */
  run(task: Task): Promise<TaskResult>;
}

/**
 * Heap limits of a worker: a bounded old generation keeps each worker's memory low
 * (a batch needs little). The young generation is 64 MB: with 16 MB, the per-source
 * work's short-lived objects (sentences, tokens, compromise's terms) were collected
 * so often that garbage collection took 6.5% of the worker's time (4.1% now, the
 * 1,000 rewrites); the workers end before matching, so the process's peak is not
 * theirs. A worker that runs out ends with an error and its batch is done on the main thread.
 */
const WORKER_LIMITS = { maxYoungGenerationSizeMb: 64, maxOldGenerationSizeMb: 512 };

/** How long an idle pool waits for more work before its workers end. */
const IDLE_MS = 250;

interface Job {
  readonly task: Task;
  readonly resolve: (result: TaskResult) => void;
  readonly reject: (error: Error) => void;
}

interface Slot {
  readonly worker: Worker;
  /** Tasks sent to this worker and not yet answered, oldest first. */
  readonly jobs: Job[];
}

interface SharedPool extends WorkerPool {
  readonly closed: () => boolean;
  readonly close: () => void;
}

let shared: SharedPool | undefined;

/** Tasks finished on worker threads and workers that failed, in this process. */
const stats = { tasks: 0, failures: 0 };

/**
 * How many tasks worker threads have finished and how many workers failed in
 * this process (whether threads were used at all, for tests and the bench).
 */
export function poolStats(): { readonly tasks: number; readonly failures: number } {
  return { ...stats };
}

/**
 * Where a worker starts: worker.js beside this module, or worker.ts under tsx
 * (tests and scripts run the TypeScript sources). Undefined when neither exists.
 */
export function workerEntry(): { readonly url: URL; readonly script?: string } | undefined {
  const compiled = new URL('./worker.js', import.meta.url);
  if (existsSync(fileURLToPath(compiled))) return { url: compiled };
  const source = new URL('./worker.ts', import.meta.url);
  if (!existsSync(fileURLToPath(source))) return undefined;
  // `--import tsx` in a worker's execArgv is not honoured on Node 20: register tsx's
  // loader from a small bootstrap, then load the TypeScript entry.
  let api: string;
  try {
    // The ESM build of tsx's API (resolving gives the CommonJS one, whose register() fails in a worker).
    const commonjs = createRequire(import.meta.url).resolve('tsx/esm/api');
    const esm = path.join(path.dirname(commonjs), 'index.mjs');
    api = pathToFileURL(existsSync(esm) ? esm : commonjs).href;
  } catch {
    return undefined;
  }
  const script = `import(${JSON.stringify(api)}).then((api) => { (api.register ?? api.default.register)(); return import(${JSON.stringify(source.href)}); });`;
  return { url: source, script };
}

/**
 * End the shared pool now (its workers' memory goes back before the next stage),
 * instead of after it has been idle for a moment.
 */
export function closeWorkerPool(): void {
  shared?.close();
  shared = undefined;
}

/**
 * The shared pool with `size` workers (an idle pool of another size is ended and
 * a new one started), or undefined when workers cannot start here.
 *
 * @param size Number of workers (at least 1).
 */
export function workerPool(size: number): WorkerPool | undefined {
  if (shared && !shared.closed() && shared.size === size) return shared;
  const entry = workerEntry();
  if (!entry) return undefined;
  shared = createPool(size, entry);
  return shared;
}

/** Tasks sent ahead to each worker, so it never waits for a busy main thread to send the next. */
const IN_FLIGHT = 2;

function createPool(size: number, entry: { readonly url: URL; readonly script?: string }): SharedPool {
  const queue: Job[] = [];
  const slots: Slot[] = [];
  let closed = false;
  let idleTimer: NodeJS.Timeout | undefined;

  const close = () => {
    closed = true;
    if (idleTimer) clearTimeout(idleTimer);
    const error = new Error('worker pool closed');
    for (const slot of slots) {
      for (const job of slot.jobs.splice(0)) job.reject(error);
      void slot.worker.terminate();
    }
    for (const job of queue.splice(0)) job.reject(error);
  };

  const fail = (slot: Slot, error: Error) => {
    stats.failures++;
    for (const job of slot.jobs.splice(0)) job.reject(error);
    // One broken worker means the entry or the environment is broken: stop the pool,
    // and let callers do the remaining work themselves.
    close();
  };

  const dispatch = () => {
    if (closed) return;
    for (const slot of slots) {
      while (slot.jobs.length < IN_FLIGHT && queue.length > 0) {
        const job = queue.shift()!;
        slot.jobs.push(job);
        slot.worker.ref();
        slot.worker.postMessage(job.task);
      }
    }
    const busy = slots.some((slot) => slot.jobs.length > 0);
    if (busy) {
      if (idleTimer) clearTimeout(idleTimer);
      idleTimer = undefined;
    } else if (!idleTimer) {
      idleTimer = setTimeout(close, IDLE_MS);
      idleTimer.unref();
    }
  };

  for (let index = 0; index < size; index++) {
    const worker = entry.script
      ? new Worker(entry.script, { eval: true, resourceLimits: WORKER_LIMITS })
      : new Worker(entry.url, { resourceLimits: WORKER_LIMITS });
    const slot: Slot = { worker, jobs: [] };
    // A worker answers its tasks in the order it got them.
    worker.on('message', (message: { result?: TaskResult; error?: string }) => {
      const job = slot.jobs.shift();
      if (slot.jobs.length === 0) worker.unref();
      if (message.error !== undefined) job?.reject(new Error(message.error));
      else {
        stats.tasks++;
        job?.resolve(message.result ?? []);
      }
      dispatch();
    });
    worker.on('error', (error) => fail(slot, error));
    worker.on('exit', (code) => {
      if (!closed) fail(slot, new Error(`worker stopped with exit code ${code}`));
    });
    worker.unref();
    slots.push(slot);
  }

  return {
    size,
    closed: () => closed,
    close,
    run(task) {
      if (closed) return Promise.reject(new Error('worker pool closed'));
      return new Promise<TaskResult>((resolve, reject) => {
        queue.push({ task, resolve, reject });
        dispatch();
      });
    },
  };
}
