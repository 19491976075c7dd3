// pair-shard: the comparison of a run's candidate pairs shared between this thread
// and one worker thread. The worker gets a copy of the claims' match profiles
// when the shard starts (the codec's rows as strings, read back there while
// this thread goes on building the blocking index); then each batch of pairs that `PairGraph.score` hands over
// (pair-batch.ts) is cut into chunks in shared memory that both threads take,
// first come first served, each writing the numbers of its chunks. Comparing a
// pair is pure, so the numbers do not depend on who took which chunk: the result
// is that of one thread. This thread waits for the worker's chunks without giving
// up its turn (Atomics.wait: the core's clustering is synchronous); chunks a worker
// that failed or stalls never finishes are done here.

import { availableParallelism } from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import { comparePairBatch, type PairComparer } from '../../core/match/pair-batch.js';
import type { MatchProfile } from '../../core/match/pair.js';
import { GramTable, type MatchModel } from '../../core/match/similarity.js';
import { decodeProfiles, encodeProfiles } from '../codec.js';
import { TermsMemo } from '../terms-memo.js';
import { workerEntry } from './pool.js';
import threadSettings from '../../data/threads.json' with { type: 'json' };

/** Pairs per chunk: small enough to balance the two threads, large enough that taking one costs nothing beside it. */
const CHUNK = 128;

/** A chunk the worker took and has not finished for this long is done here (the worker stopped or is starved). */
const STALL_MS = 10_000;

/** Slots of the control array. */
const NEXT = 0;
const DONE = 1;

/** A message to a worker of the shard (see worker.ts). */
export type PairShardMessage =
  /** The profiles as `encodeProfiles` rows in slices (`texts`), or a structured clone of them when they cannot be stored so. */
  | { readonly kind: 'pair-profiles'; readonly texts?: readonly string[]; readonly profiles?: readonly MatchProfile[] }
  | {
      readonly kind: 'pair-run';
      readonly model: MatchModel;
      readonly count: number;
      readonly pairs: Int32Array;
      readonly out: Float64Array;
      readonly control: Int32Array;
      readonly finished: Int32Array;
    };

/** A shard of a run: its comparer for `cluster()`, and the end of its worker. */
export interface PairShard {
  readonly compare: PairComparer;
  readonly close: () => void;
  /** Settles once the worker holds the profiles (for tests: a batch before then is done here alone). */
  readonly ready: Promise<void>;
}

/** Chunks of pairs compared in this process: all of them, and those a worker did. */
const stats = { chunks: 0, workerChunks: 0 };

/** How many chunks of pairs shards compared in this process, and how many of them on a worker (tests, the bench). */
export function pairShardStats(): { readonly chunks: number; readonly workerChunks: number } {
  return { ...stats };
}

/** When `threads: 'auto'` starts a shard: by the run's number of claims (src/data/threads.json). */
export interface AutoShardRange {
  /** Fewest claims: below, a worker's start costs more than it saves. */
  readonly minClaims: number;
  /** Most claims: above, the worker's copy of the profiles would take the run past its memory target. */
  readonly maxClaims: number;
}

/** The range of `threads: 'auto'` (src/data/threads.json). */
export const AUTO_SHARD_RANGE: AutoShardRange = {
  minClaims: threadSettings.pairShardAutoMinClaims,
  maxClaims: threadSettings.pairShardAutoMaxClaims,
};

/**
 * Start a worker with a copy of `profiles` (every claim of the run, in claim
 * order) and return the comparer that shares batches with it; undefined when the
 * run asks for one thread, with `threads: 'auto'` when the run's number of claims
 * is outside `auto` (the worker's copy of the profiles costs memory: by default
 * src/data/threads.json, see README, Scale), or when workers cannot start here.
 *
 * @param profilesOf What makes the match profiles of the run's claims, by claim
 *   index (called only when a worker may start: a list made for nothing would stay
 *   alive in the caller's frame, next to the report it builds).
 * @param threads Threads of the run (`AnalyzeOptions.threads`; default `'auto'`).
 * @param auto The range of claims in which `'auto'` starts a shard (default: `AUTO_SHARD_RANGE`).
 */
export function startPairShard(
  profilesOf: () => readonly MatchProfile[],
  threads: number | 'auto' = 'auto',
  auto: AutoShardRange = AUTO_SHARD_RANGE,
): PairShard | undefined {
  if (threads !== 'auto' && threads < 2) return undefined;
  if (availableParallelism() < 2) return undefined;
  const profiles = profilesOf();
  if (threads === 'auto' && (profiles.length < auto.minClaims || profiles.length > auto.maxClaims)) return undefined;
  const entry = workerEntry();
  if (!entry) return undefined;
  let worker: Worker | undefined;
  let ready = Promise.resolve();
  try {
    // The young generation of the per-source workers (pool.ts); the profiles' copy lives in the old one.
    const resourceLimits = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 1024 };
    worker = entry.script ? new Worker(entry.script, { eval: true, resourceLimits }) : new Worker(entry.url, { resourceLimits });
    worker.on('error', () => undefined);
    ready = new Promise<void>((resolve) => {
      worker!.once('message', () => resolve());
      worker!.once('exit', () => resolve());
    });
    worker.unref();
    // As the codec's rows (what the main thread made of the per-source workers' answers): a
    // string crosses threads as one copy, and the worker reads it back with each word kept once
    // and word-for-word copies sharing their terms; a structured clone would copy every string.
    // In slices, so that the worker never holds the parsed rows of all claims at once.
    const texts = profileSlices(profiles);
    worker.postMessage((texts === undefined ? { kind: 'pair-profiles', profiles } : { kind: 'pair-profiles', texts }) satisfies PairShardMessage);
  } catch {
    void worker?.terminate();
    return undefined;
  }
  const running = worker;
  let alive = true;
  const close = () => {
    alive = false;
    void running.terminate();
  };
  return {
    compare: (pairs, out, model, here, last) => {
      const count = pairs.length / 3;
      if (count === 0 || !alive) {
        if (count > 0) here(0, count, out);
        if (last) close();
        return;
      }
      const chunks = Math.ceil(count / CHUNK);
      const shared = {
        pairs: new Int32Array(new SharedArrayBuffer(pairs.byteLength)),
        out: new Float64Array(new SharedArrayBuffer(Math.max(8, out.byteLength))),
        control: new Int32Array(new SharedArrayBuffer(8)),
        finished: new Int32Array(new SharedArrayBuffer(Math.max(4, 4 * chunks))),
      };
      shared.pairs.set(pairs);
      running.postMessage({ kind: 'pair-run', model, count, ...shared } satisfies PairShardMessage);
      const { control, finished } = shared;
      let mine = 0;
      for (let chunk = Atomics.add(control, NEXT, 1); chunk < chunks; chunk = Atomics.add(control, NEXT, 1)) {
        here(chunk * CHUNK, Math.min(count, (chunk + 1) * CHUNK), shared.out);
        Atomics.store(finished, chunk, 1);
        Atomics.add(control, DONE, 1);
        mine++;
      }
      // The chunks the worker took: wait for them, or do them here once it has stalled.
      let done = Atomics.load(control, DONE);
      let since = Date.now();
      while (done < chunks) {
        Atomics.wait(control, DONE, done, 50);
        const now = Atomics.load(control, DONE);
        if (now !== done) {
          done = now;
          since = Date.now();
        } else if (Date.now() - since > STALL_MS) {
          for (let chunk = 0; chunk < chunks; chunk++) {
            if (Atomics.load(finished, chunk) === 0) {
              here(chunk * CHUNK, Math.min(count, (chunk + 1) * CHUNK), shared.out);
              mine++;
            }
          }
          break;
        }
      }
      out.set(shared.out.subarray(0, out.length));
      stats.chunks += chunks;
      stats.workerChunks += chunks - mine;
      // The worker's memory goes back before clustering and judging go on.
      if (last) close();
    },
    close,
    ready,
  };
}

/** Claims per slice of the profiles sent to a worker. */
const SLICE = 2_048;

/**
 * The profiles as `encodeProfiles` texts of `size` claims each, or undefined when one cannot be stored so.
 *
 * @param profiles Match profiles, by claim index.
 * @param size Claims per text (default: 2,048).
 */
export function profileSlices(profiles: readonly MatchProfile[], size = SLICE): string[] | undefined {
  const texts: string[] = [];
  for (let from = 0; from < profiles.length; from += size) {
    const text = encodeProfiles(profiles.slice(from, from + size));
    if (text === undefined) return undefined;
    texts.push(text);
  }
  return texts;
}

/**
 * The profiles of `profileSlices` read back, in order (equal terms shared), or undefined.
 *
 * @param texts What `profileSlices` gave.
 */
export function profilesFromSlices(texts: readonly string[]): MatchProfile[] | undefined {
  const memo = new TermsMemo();
  const profiles: MatchProfile[] = [];
  for (const text of texts) {
    const slice = decodeProfiles(text, memo);
    if (!slice) return undefined;
    for (const profile of slice) profiles.push(profile);
  }
  return profiles;
}

/** The profiles a shard's worker holds, and its n-gram memo. */
let held: { readonly profiles: readonly MatchProfile[]; readonly table: GramTable } | undefined;

/**
 * A worker's side of a shard: keep the profiles, or take chunks of a batch until none is left.
 *
 * @param message What the shard sent.
 */
export function onPairShardMessage(message: PairShardMessage): void {
  if (message.kind === 'pair-profiles') {
    const profiles = message.texts === undefined ? message.profiles : profilesFromSlices(message.texts);
    // Without them the worker takes no chunk (this thread does them all).
    if (profiles) held = { profiles, table: new GramTable() };
    parentPort?.postMessage({ ready: profiles !== undefined });
    return;
  }
  if (!held) return;
  const { profiles, table } = held;
  const { model, count, pairs, out, control, finished } = message;
  const chunks = Math.ceil(count / CHUNK);
  const profileAt = (index: number) => profiles[index]!;
  for (let chunk = Atomics.add(control, NEXT, 1); chunk < chunks; chunk = Atomics.add(control, NEXT, 1)) {
    comparePairBatch(profileAt, model, table, pairs, chunk * CHUNK, Math.min(count, (chunk + 1) * CHUNK), out);
    Atomics.store(finished, chunk, 1);
    Atomics.add(control, DONE, 1);
    Atomics.notify(control, DONE);
  }
}

/** Whether a message to a worker is one of a pair shard's. */
export function isPairShardMessage(message: { readonly kind?: unknown }): message is PairShardMessage {
  return message.kind === 'pair-profiles' || message.kind === 'pair-run';
}
