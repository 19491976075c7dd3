// errors: the exit codes every command returns, decided once, and the error a user
// can act on (printed as its message alone, never with a stack trace).

/** Exit codes, decided once (Vale, textlint): 0 clean, 1 findings or bad input, 2 usage or crash. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

/** A failure the user can act on: printed as its message alone, no stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT.findings,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
