// SARIF 2.1.0 reporter of `claimcheck check` (for GitHub code scanning): a
// CheckReport → one SARIF log with a run per check, a result per change or problem.

import type { ChangeKind, CheckChange, CheckReport } from '../ledger/compare.js';
import type { Diagnostic } from '../types.js';
import { VERSION } from '../version.js';

/** The SARIF schema this reporter writes. */
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** SARIF levels (`notice` of a change is SARIF's `note`). */
export type SarifLevel = 'error' | 'warning' | 'note';

/** Rule ids of the results, by what they report. */
export const SARIF_RULES = [
  { id: 'new-claim', name: 'NewClaim', text: 'A claim that the ledger does not record yet.' },
  { id: 'verdict-change', name: 'VerdictChange', text: "A claim whose verdict differs from the ledger's (e.g. corroborated → disputed)." },
  { id: 'mentions-change', name: 'MentionsChange', text: 'Mentions joined or left a claim the ledger records.' },
  { id: 'gone-claim', name: 'GoneClaim', text: 'A claim of the ledger that no source states any more.' },
  { id: 'source-error', name: 'SourceError', text: 'A problem with a source or ledger file (front matter, encoding, YAML).' },
] as const;

export type SarifRuleId = (typeof SARIF_RULES)[number]['id'];

const RULE_OF_KIND: Readonly<Record<ChangeKind, SarifRuleId>> = {
  new: 'new-claim',
  verdict: 'verdict-change',
  mentions: 'mentions-change',
  gone: 'gone-claim',
};

/** One SARIF result. */
export interface SarifResult {
  readonly ruleId: SarifRuleId;
  readonly ruleIndex: number;
  readonly level: SarifLevel;
  readonly message: { readonly text: string };
  readonly locations: readonly {
    readonly physicalLocation: {
      readonly artifactLocation: { readonly uri: string; readonly uriBaseId: '%SRCROOT%' };
      readonly region: { readonly startLine: number; readonly startColumn: number };
    };
  }[];
  readonly partialFingerprints?: Readonly<Record<string, string>>;
  readonly properties?: Readonly<Record<string, unknown>>;
}

/**
 * The check as a SARIF 2.1.0 log object.
 *
 * @param check The check.
 */
export function toSarif(check: CheckReport): Record<string, unknown> {
  const results: SarifResult[] = [...check.diagnostics.map(diagnosticResult), ...check.changes.map(changeResult)];
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'claimcheck',
            version: VERSION,
            informationUri: 'https://www.npmjs.com/package/claimcheck',
            rules: SARIF_RULES.map((rule) => ({
              id: rule.id,
              name: rule.name,
              shortDescription: { text: rule.text },
              defaultConfiguration: { level: rule.id === 'source-error' ? 'error' : 'warning' },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder claimcheck check ran in.' } } },
        results,
      },
    ],
  };
}

/**
 * The SARIF log as text (`check --format sarif`).
 *
 * @param check The check.
 */
export function checkToSarif(check: CheckReport): string {
  return `${JSON.stringify(toSarif(check), null, 2)}\n`;
}

function changeResult(change: CheckChange): SarifResult {
  const ruleId = RULE_OF_KIND[change.kind];
  return {
    ruleId,
    ruleIndex: ruleIndex(ruleId),
    level: change.severity === 'notice' ? 'note' : change.severity,
    message: { text: change.reason.replace(/\s*[\r\n]+\s*/g, ' ') },
    locations: [location(change.place.file, change.place.line, change.place.column)],
    partialFingerprints: { claimId: change.id },
    properties: { status: change.status, verdict: change.verdict, previous: change.previous, ...(change.entry ? { entry: change.entry } : {}) },
  };
}

function diagnosticResult(diagnostic: Diagnostic): SarifResult {
  return {
    ruleId: 'source-error',
    ruleIndex: ruleIndex('source-error'),
    level: diagnostic.severity,
    message: { text: `${diagnostic.message} (${diagnostic.ruleId})` },
    locations: [location(diagnostic.file, diagnostic.place.line, diagnostic.place.column)],
    properties: { problem: diagnostic.ruleId },
  };
}

function ruleIndex(id: SarifRuleId): number {
  return SARIF_RULES.findIndex((rule) => rule.id === id);
}

// SARIF regions are 1-based: a file-level problem (line 0) points at 1:1.
function location(file: string, line: number, column: number): SarifResult['locations'][number] {
  return {
    physicalLocation: {
      artifactLocation: { uri: relativeUri(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, Math.trunc(line) || 1), startColumn: Math.max(1, Math.trunc(column) || 1) },
    },
  };
}

// A relative URI reference: forward slashes, no leading `./` or `/`, each segment percent-encoded.
function relativeUri(file: string): string {
  return file
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '')
    .replace(/^\/+/, '')
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}
