// A fake Io for running claimcheck in-process: captures stdout and stderr.

import type { Io } from '../../src/commands/context.js';
import { run } from '../../src/cli.js';

export interface Captured {
  readonly io: Io;
  readonly stdout: () => string;
  readonly stderr: () => string;
}

/**
 * An Io that records what is written.
 *
 * @param options Working folder, stdin, environment and TTY flags.
 */
export function captureIo(options: { cwd: string; stdin?: string | Uint8Array; env?: Record<string, string>; tty?: boolean; columns?: number }): Captured {
  let stdout = '';
  let stderr = '';
  const stdin = options.stdin ?? '';
  return {
    io: {
      stdout: { write: (chunk: string) => (stdout += chunk) },
      stderr: { write: (chunk: string) => (stderr += chunk) },
      readStdin: async () => (typeof stdin === 'string' ? new TextEncoder().encode(stdin) : stdin),
      cwd: options.cwd,
      env: options.env ?? {},
      stdoutIsTTY: options.tty ?? false,
      stderrIsTTY: options.tty ?? false,
      ...(options.columns ? { columns: options.columns } : {}),
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

/**
 * Run the CLI in-process and return its exit code and output.
 *
 * @param argv Arguments after `claimcheck`.
 * @param options As for `captureIo`.
 */
export async function runCli(
  argv: string[],
  options: Parameters<typeof captureIo>[0],
): Promise<{ code: number; stdout: string; stderr: string }> {
  const captured = captureIo(options);
  const code = await run(argv, captured.io);
  return { code, stdout: captured.stdout(), stderr: captured.stderr() };
}
