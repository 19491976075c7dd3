// What every command receives from `run()`: the streams and environment to use
// instead of `process`, so commands stay testable in-process (vitest) and no
// command touches `console` or `process.exit`.

export interface Io {
  /** Standard output (reports, exports); `once('drain')` lets large exports wait for a slow reader. */
  readonly stdout: { write(chunk: string): unknown; once?(event: 'drain', listener: () => void): unknown };
  /** Standard error (diagnostics, progress). */
  readonly stderr: { write(chunk: string): unknown };
  /** Reads all of standard input as bytes. */
  readonly readStdin: () => Promise<Uint8Array>;
  /** Working directory that relative paths resolve against. */
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Whether stdout is a terminal (colour, wrapping). */
  readonly stdoutIsTTY: boolean;
  /** Whether stderr is a terminal (progress bars). */
  readonly stderrIsTTY: boolean;
  /** Terminal width in columns, when known. */
  readonly columns?: number;
}

export interface CommandContext {
  readonly io: Io;
  /** Sets the exit code the run returns (the highest code set wins). */
  readonly setExitCode: (code: number) => void;
  /** Whether `--debug` was given: show stack traces of unexpected errors. */
  readonly debug: () => boolean;
}
