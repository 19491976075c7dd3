// The reporters of `claimcheck check`, by format: a CheckReport → text. Pure
// functions; the command only picks one and writes what it returns.

import { diagnosticJson } from '../diagnostics.js';
import type { CheckReport } from '../ledger/compare.js';
import { checkToGithub, checkToText } from './github.js';
import { checkToSarif } from './sarif.js';

/** A reporter of `check`. */
export type CheckReporter = (check: CheckReport) => string;

/** The JSON of a check: the CheckReport, indented, its diagnostics with flat `line` and `column`. */
export function checkToJson(check: CheckReport): string {
  return `${JSON.stringify({ ...check, diagnostics: check.diagnostics.map(diagnosticJson) }, null, 2)}\n`;
}

/** The reporters of `check --format`, by name. */
export const CHECK_FORMATS = {
  text: checkToText,
  json: checkToJson,
  github: checkToGithub,
  sarif: checkToSarif,
} as const satisfies Record<string, CheckReporter>;

export type CheckFormat = keyof typeof CHECK_FORMATS;
