// What `claimcheck check` prints where, and its --quiet / --max-warnings rules:
// a CheckReport and a format → {stdout, stderr} text; counts of warnings.

import type { CheckReport } from '../ledger/compare.js';
import { CHECK_FORMATS, type CheckFormat } from './check.js';
import { checkToGithubAnnotations, checkToText } from './github.js';

/** The text of a check for each stream. */
export interface CheckOutput {
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The output of `check --format <format>`: with `github`, the workflow commands
 * on stdout and the `path:line:col` lines and summary on stderr (so a log
 * scraper or `> annotations.txt` sees only annotations); every other format
 * all on stdout.
 *
 * @param format The format.
 * @param check The check.
 */
export function checkOutput(format: CheckFormat, check: CheckReport): CheckOutput {
  if (format === 'github') return { stdout: checkToGithubAnnotations(check), stderr: checkToText(check) };
  return { stdout: CHECK_FORMATS[format](check), stderr: '' };
}

/**
 * The check with only its errors (`--quiet`, as ESLint's): warnings and notices
 * among the changes and warning diagnostics are left out; the summary counts stay.
 *
 * @param check The check.
 */
export function quietCheck(check: CheckReport): CheckReport {
  return {
    ...check,
    changes: check.changes.filter((change) => change.severity === 'error'),
    diagnostics: check.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'),
  };
}

/**
 * How many warnings a check has: warning changes and warning diagnostics (for --max-warnings).
 *
 * @param check The check.
 */
export function warningCount(check: CheckReport): number {
  return check.changes.filter((change) => change.severity === 'warning').length + check.diagnostics.filter((d) => d.severity === 'warning').length;
}
