// A progress bar on stderr for long runs: drawn only when stderr is a terminal
// and the run is long (many sources, or still going after a moment), a no-op
// otherwise, so pipes, CI logs and tests never see it. Commands pass `update` as
// the `onProgress` option of `crossReference` and call `stop` when done.

import cliProgress from 'cli-progress';
import type { Io } from './commands/context.js';

/** A progress display for the per-source stage. */
export interface Progress {
  /** Report `done` of `total` sources: the `onProgress` callback of `crossReference`. */
  readonly update: (done: number, total: number) => void;
  /** Remove the bar (idempotent; call it in a `finally`). */
  readonly stop: () => void;
}

/** Options of `createProgress`. */
export interface ProgressOptions {
  /** Draw at once when there are more sources than this (default: 200). */
  readonly minSources?: number;
  /** Otherwise draw once the run has taken this long, in ms (default: 2000). */
  readonly minMs?: number;
  /** Clock in ms (default: `performance.now`); tests pass their own. */
  readonly now?: () => number;
}

const NONE: Progress = { update: () => {}, stop: () => {} };

/**
 * A progress bar labelled `label` on `io.stderr`, or a no-op when stderr is not a
 * terminal (or `CI` / `NO_PROGRESS` is set).
 *
 * @param io Streams and environment of the command.
 * @param label What is progressing, e.g. `analysing`.
 * @param options When to start drawing (optional).
 */
export function createProgress(io: Io, label: string, options: ProgressOptions = {}): Progress {
  if (!io.stderrIsTTY || io.env.CI || io.env.NO_PROGRESS) return NONE;
  const minSources = options.minSources ?? 200;
  const minMs = options.minMs ?? 2000;
  const now = options.now ?? (() => performance.now());
  const started = now();
  let bar: cliProgress.SingleBar | undefined;
  let stopped = false;
  // cli-progress writes escape codes to a stream; this one forwards them to the command's stderr.
  const stream = Object.assign(Object.create(null) as object, {
    isTTY: true,
    columns: io.columns ?? 80,
    write: (chunk: string) => {
      io.stderr.write(chunk);
      return true;
    },
  }) as unknown as NodeJS.WritableStream;

  return {
    update(done, total) {
      if (stopped) return;
      if (!bar) {
        if (total <= minSources && now() - started < minMs) return;
        bar = new cliProgress.SingleBar(
          {
            stream,
            format: `${label} [{bar}] {percentage}% | {value}/{total} sources | ETA {eta_formatted}`,
            barsize: Math.max(10, Math.min(40, (io.columns ?? 80) - label.length - 45)),
            clearOnComplete: true,
            hideCursor: false,
            fps: 10,
          },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done);
        return;
      }
      if (bar.getTotal() !== total) bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (stopped) return;
      stopped = true;
      bar?.stop();
    },
  };
}
