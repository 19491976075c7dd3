// The current report vs the ledger: `compareWithLedger(report, ledger)` → the
// changes `check` prints (new claims, verdict changes and why, mentions that
// joined or left, claims gone) and the entries `--update` records, with every
// review block carried over to the finding its entry corresponds to.
// Findings and entries correspond by shared mention keys (ids change when a
// cluster's membership changes), matched through an index of mention keys:
// linear in the number of mentions, never findings × entries.

import type { Review } from '../core/report.js';
import type { Diagnostic, Finding, Mention, Report, Verdict } from '../types.js';
import { entryFromFinding, formatEntry, isEmptyReview, type LedgerEntry } from './entry.js';
import { entryFileName, type Ledger } from './store.js';

/** What changed about a claim since the ledger. */
export type ChangeKind =
  /** No ledger entry corresponds (or only one marked `status: gone`). */
  | 'new'
  /** The verdict differs from the ledger's. */
  | 'verdict'
  /** Same verdict, but mentions joined or left the claim. */
  | 'mentions'
  /** A ledger claim no current finding corresponds to. */
  | 'gone';

/** How a change is annotated in CI: `error` for anything now disputed. */
export type ChangeSeverity = 'error' | 'warning' | 'notice';

/** A place in a file, 1-based. */
export interface CheckPlace {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

/** One change between the sources and the ledger. */
export interface CheckChange {
  readonly kind: ChangeKind;
  readonly severity: ChangeSeverity;
  /** The current verdict, or `gone`: the status word of the `path:line:col: status: text` line. */
  readonly status: Verdict | 'gone';
  /** Current finding id (for `gone`: the ledger entry's id). */
  readonly id: string;
  /** Ledger file of the corresponding entry (e.g. `claims/abc.yml`), null for a new claim. */
  readonly entry: string | null;
  /** Verdict now; null when gone. */
  readonly verdict: Verdict | null;
  /** Verdict in the ledger; null when new. */
  readonly previous: Verdict | null;
  /** Representative sentence. */
  readonly text: string;
  /** Where to look: the first new or changed mention in its source file. */
  readonly place: CheckPlace;
  /** Every new or changed mention (the first is `place`). */
  readonly places: readonly CheckPlace[];
  /** Keys of mentions not in the ledger entry. */
  readonly joined: readonly string[];
  /** Keys of ledger mentions no longer in the claim. */
  readonly left: readonly string[];
  /** One line saying what changed and why, e.g. "corroborated → disputed (claims/x.yml): two vs at least four meetings …". */
  readonly reason: string;
}

/** Counts of a check. */
export interface CheckSummary {
  /** Sources checked (valid ones). */
  readonly sources: number;
  /** Files with errors (invalid sources and malformed ledger files). */
  readonly invalid: number;
  /** Current claims. */
  readonly claims: number;
  /** Ledger entries read (including `status: gone` ones). */
  readonly entries: number;
  readonly unchanged: number;
  readonly new: number;
  readonly verdict: number;
  readonly mentions: number;
  readonly gone: number;
}

/**
 * The result of `claimcheck check`, and its `--format json` output.
 * Stable: fields are only ever added.
 */
export interface CheckReport {
  readonly schemaVersion: 1;
  /** True when sources are valid and every claim matches the ledger (exit 0). */
  readonly ok: boolean;
  /** The ledger folder, e.g. `claims`. */
  readonly ledger: string;
  /** False when a malformed ledger file stopped the comparison (fix it first). */
  readonly compared: boolean;
  readonly summary: CheckSummary;
  /** Sorted: errors, warnings, notices; then by place. */
  readonly changes: readonly CheckChange[];
  /** Problems with sources and ledger files, as `file:line:column`. */
  readonly diagnostics: readonly Diagnostic[];
  /** Set by `--update`: what was written. */
  readonly update?: { readonly written: number; readonly removed: number; readonly recorded: number };
}

/** The check and the ledger that records the current state. */
export interface LedgerComparison {
  readonly check: CheckReport;
  /** Entries for `--update`, sorted by id; review blocks carried over. */
  readonly next: readonly LedgerEntry[];
}

/**
 * Every reviewer decision in the ledger (gone entries included), to pass to
 * `crossReference` so matching and judging honour them.
 *
 * @param ledger The ledger.
 */
export function reviewOf(ledger: Pick<Ledger, 'entries'>): Review {
  const separate: [string, string][] = [];
  const updates: [string, string][] = [];
  for (const entry of ledger.entries) {
    for (const [a, b] of entry.review?.separate ?? []) separate.push([a, b]);
    for (const [a, b] of entry.review?.updates ?? []) updates.push([a, b]);
  }
  return { separate, updates };
}

/**
 * Which ledger entry each finding corresponds to: the one it shares the most
 * mention keys with, one-to-one, greedily by shared count (ties: same id, a live
 * entry, then order). Linear in mentions through an index of keys.
 *
 * @param findings Current findings.
 * @param entries Ledger entries.
 * @param byKey The entries' index of mention keys, when already built.
 * @returns Entry index by finding index.
 */
export function matchEntries(findings: readonly Finding[], entries: readonly LedgerEntry[], byKey = keyIndex(entries)): Map<number, number> {
  const candidates: { finding: number; entry: number; shared: number; sameId: boolean; live: boolean }[] = [];
  findings.forEach((finding, findingIndex) => {
    const counts = new Map<number, number>();
    for (const key of new Set(finding.mentions.map((mention) => mention.key))) {
      for (const entryIndex of byKey.get(key) ?? []) counts.set(entryIndex, (counts.get(entryIndex) ?? 0) + 1);
    }
    for (const [entryIndex, shared] of counts) {
      const entry = entries[entryIndex]!;
      candidates.push({ finding: findingIndex, entry: entryIndex, shared, sameId: entry.id === finding.id, live: entry.status !== 'gone' });
    }
  });
  candidates.sort(
    (a, b) => b.shared - a.shared || Number(b.sameId) - Number(a.sameId) || Number(b.live) - Number(a.live) || a.finding - b.finding || a.entry - b.entry,
  );
  const assigned = new Map<number, number>();
  const taken = new Set<number>();
  for (const candidate of candidates) {
    if (assigned.has(candidate.finding) || taken.has(candidate.entry)) continue;
    assigned.set(candidate.finding, candidate.entry);
    taken.add(candidate.entry);
  }
  return assigned;
}

function keyIndex(entries: readonly LedgerEntry[]): Map<string, number[]> {
  const byKey = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    for (const mention of entry.mentions) {
      const list = byKey.get(mention.key);
      if (!list) byKey.set(mention.key, [index]);
      else if (list.at(-1) !== index) list.push(index);
    }
  });
  return byKey;
}

const SEVERITY_RANK: Record<ChangeSeverity, number> = { error: 0, warning: 1, notice: 2 };

/** What every per-finding comparison needs: the ledger side and the finding side, indexed. */
interface ComparisonContext {
  readonly entries: readonly LedgerEntry[];
  readonly ids: readonly string[];
  readonly byKey: ReadonlyMap<string, readonly number[]>;
  readonly assigned: ReadonlyMap<number, number>;
  readonly fileOf: (entry: LedgerEntry) => string;
  readonly pairKey: (a: string, b: string) => string;
  readonly updates: ReadonlySet<string>;
  readonly separate: ReadonlySet<string>;
}

/** The change of one finding against its entry, or null when it is unchanged. */
function findingChange(finding: Finding, findingIndex: number, context: ComparisonContext): CheckChange | null {
  const { entries, ids, byKey, assigned, fileOf, pairKey, updates, separate } = context;
  const entryIndex = assigned.get(findingIndex);
  const entry = entryIndex === undefined ? undefined : entries[entryIndex];

  const keys = finding.mentions.map((mention) => mention.key);
  const entryKeys = new Set(entry?.mentions.map((mention) => mention.key) ?? []);
  const current = new Set(keys);
  const joinedIdx = keys.flatMap((key, index) => (entryKeys.has(key) ? [] : [index]));
  const left = [...entryKeys].filter((key) => !current.has(key));
  const base = () => ({ id: ids[findingIndex]!, verdict: finding.verdict, text: collapse(finding.text), joined: joinedIdx.map((i) => keys[i]!), left });

  if (!entry || entry.status === 'gone') {
    // A new claim: point at its mentions the ledger has never seen.
    const unseen = joinedIdx.filter((index) => !byKey.has(keys[index]!));
    const at = unseen.length > 0 ? unseen : [0];
    const places = at.map((index) => placeOf(finding.mentions[index]!));
    // The sentence quoted is the one at the place printed.
    const quoted = finding.mentions[at[0]!]?.text ?? finding.text;
    const splitFrom = [...new Set(keys.flatMap((key) => byKey.get(key) ?? []))].map((index) => fileOf(entries[index]!));
    const origin = entry
      ? `, again (recorded as gone in ${fileOf(entry)})`
      : splitFrom.length > 0
        ? `, split from ${splitFrom.slice(0, 2).join(', ')}`
        : '';
    return {
      ...base(),
      kind: 'new',
      severity: finding.verdict === 'disputed' ? 'error' : 'notice',
      status: finding.verdict,
      entry: entry ? fileOf(entry) : null,
      previous: null,
      place: places[0]!,
      places,
      reason: `new claim${origin} (${describeVerdict(finding, joinedIdx)}): "${clip(quoted)}"`,
    };
  }

  const verdictChanged = entry.verdict !== finding.verdict;
  const confirmed = entry.review?.confirmed;
  const unconfirmed = confirmed !== undefined && confirmed !== finding.verdict;
  if (!verdictChanged && !unconfirmed && joinedIdx.length === 0 && left.length === 0) return null;
  // Where to look: new mentions; else mentions in the sources that lost one; else the first mention.
  const leftSources = new Set(left.map(sourceOfKey));
  const sameSource = keys.flatMap((key, index) => (leftSources.has(sourceOfKey(key)) ? [index] : []));
  const pick = joinedIdx.length > 0 ? joinedIdx : sameSource.length > 0 ? sameSource : conflictedMentions(finding, keys, entry);
  const places = pick.map((index) => placeOf(finding.mentions[index]!));
  const quoted = finding.mentions[pick[0] ?? 0]?.text ?? finding.text;
  const entryFile = fileOf(entry);
  if (verdictChanged) {
    const why = verdictWhy(finding, keys, joinedIdx, entry, { updates, separate, pairKey });
    return {
      ...base(),
      kind: 'verdict',
      severity: finding.verdict === 'disputed' ? 'error' : 'warning',
      status: finding.verdict,
      entry: entryFile,
      previous: entry.verdict,
      place: places[0]!,
      places,
      reason: `${entry.verdict} → ${finding.verdict} (${entryFile}): ${why}: "${clip(quoted)}"`,
    };
  }
  if (unconfirmed) {
    // A reviewer's `confirmed:` that the claim no longer (or never) has: someone must look again.
    return {
      ...base(),
      kind: 'verdict',
      severity: finding.verdict === 'disputed' || confirmed === 'disputed' ? 'error' : 'warning',
      status: finding.verdict,
      entry: entryFile,
      previous: entry.verdict,
      place: places[0]!,
      places,
      reason: `${finding.verdict}, but the reviewer confirmed ${confirmed} (${entryFile}): review it again and fix \`confirmed:\`: "${clip(quoted)}"`,
    };
  }
  {
    const parts = [
      ...(joinedIdx.length > 0 ? [`${count(joinedIdx.length, 'new mention')} (${outletList(joinedIdx.map((i) => finding.mentions[i]!.outlet))})`] : []),
      ...(left.length > 0 ? [`${count(left.length, 'mention')} gone (${outletList(left.map((key) => outletOfKey(entry, key)))})`] : []),
    ];
    return {
      ...base(),
      kind: 'mentions',
      severity: 'notice',
      status: finding.verdict,
      entry: entryFile,
      previous: entry.verdict,
      place: places[0]!,
      places,
      reason: `still ${finding.verdict} (${entryFile}), ${parts.join(', ')}: "${clip(quoted)}"`,
    };
  }
}


/** The changes of entries no finding corresponds to: gone claims. */
function goneChanges(
  context: ComparisonContext,
  takenEntries: ReadonlySet<number>,
  findingOfKey: ReadonlyMap<string, number>,
  sourcePaths: ReadonlySet<string>,
): CheckChange[] {
  const { entries, ids, fileOf } = context;
  const changes: CheckChange[] = [];
  entries.forEach((entry, entryIndex) => {
    if (takenEntries.has(entryIndex) || entry.status === 'gone') return;
    const holders = [...new Set(entry.mentions.flatMap((mention) => findingOfKey.get(mention.key) ?? []))];
    const where = entry.mentions.find((mention) => sourcePaths.has(mention.path));
    const place = where ? { file: where.path, line: where.line, column: 1 } : { file: fileOf(entry), line: 1, column: 1 };
    const fate =
      holders.length > 0
        ? `its mentions now belong to ${holders
            .slice(0, 2)
            .map((index) => `claim ${ids[index]}`)
            .join(', ')}`
        : 'no source states it any more';
    changes.push({
      kind: 'gone',
      severity: 'warning',
      status: 'gone',
      id: entry.id,
      entry: fileOf(entry),
      verdict: null,
      previous: entry.verdict,
      text: entry.text,
      place,
      places: [place],
      joined: [],
      left: entry.mentions.map((mention) => mention.key),
      reason: `${entry.verdict} claim gone from the sources (${fileOf(entry)}): ${fate}: "${clip(entry.text)}"`,
    });
  });
  return changes;
}

/**
 * Compare a report with the ledger: the check (changes, counts, diagnostics)
 * and the entries that record the current state. Pure.
 *
 * @param report The current report (`crossReference` with `reviewOf(ledger)`).
 * @param ledger The ledger as read.
 * @param review The ledger's review decisions, when `ledger` holds only some of
 *   its entries (see src/ledger/recheck.ts); default `reviewOf(ledger)`.
 */
export function compareWithLedger(report: Report, ledger: Ledger, review: Review = reviewOf(ledger)): LedgerComparison {
  const diagnostics = [...report.diagnostics, ...ledger.diagnostics];
  const ledgerBroken = ledger.diagnostics.some((d) => d.severity === 'error');
  const entries = ledger.entries;
  const findings = report.claims;
  const ids = uniqueIds(findings);
  const fileOf = (entry: LedgerEntry) => `${ledger.folder}/${entryFileName(entry.id)}`;
  const pairKey = (a: string, b: string) => (a < b ? `${a} ${b}` : `${b} ${a}`);
  const updates = new Set((review.updates ?? []).map(([a, b]) => pairKey(a, b)));
  const separate = new Set((review.separate ?? []).map(([a, b]) => pairKey(a, b)));

  const byKey = keyIndex(entries);
  const assigned = ledgerBroken ? new Map<number, number>() : matchEntries(findings, entries, byKey);
  const findingOfKey = new Map<string, number>();
  findings.forEach((finding, index) => {
    for (const mention of finding.mentions) findingOfKey.set(mention.key, index);
  });

  const context: ComparisonContext = { entries, ids, byKey, assigned, fileOf, pairKey, updates, separate };
  const changes: CheckChange[] = [];
  let unchanged = 0;
  if (!ledgerBroken) {
    findings.forEach((finding, findingIndex) => {
      const change = findingChange(finding, findingIndex, context);
      if (change) changes.push(change);
      else unchanged++;
    });
  }
  const takenEntries = new Set(assigned.values());
  if (!ledgerBroken) changes.push(...goneChanges(context, takenEntries, findingOfKey, new Set(report.sources.map((source) => source.path))));

  changes.splice(0, changes.length, ...changes.map(inOrder));
  const check = checkReportOf({
    folder: ledger.folder,
    compared: !ledgerBroken,
    sources: report.sources.length,
    claims: report.claims.length,
    entries: entries.length,
    unchanged,
    changes,
    diagnostics,
  });
  // The entries to record, built only when asked for (`--update`): most runs only compare.
  let next: LedgerEntry[] | undefined;
  const recordEntries = (): LedgerEntry[] => {
    const recorded = findings.map((finding, findingIndex) => {
      const entryIndex = assigned.get(findingIndex);
      const entry = entryIndex === undefined ? undefined : entries[entryIndex];
      const fresh = entryFromFinding(finding, ids[findingIndex]);
      return entry?.review || entry?.reviewSource !== undefined ? withReview(fresh, entry) : fresh;
    });
    // Reviewed entries no finding corresponds to are kept, marked gone, so no review is dropped.
    const liveIds = new Set(ids);
    entries.forEach((entry, entryIndex) => {
      if (takenEntries.has(entryIndex) || ledgerBroken || !hasReview(entry)) return;
      recorded.push({ ...entry, id: liveIds.has(entry.id) ? `${entry.id}-gone` : entry.id, status: 'gone' });
    });
    return recorded.sort((a, b) => compare(a.id, b.id));
  };
  return {
    check,
    get next() {
      next ??= recordEntries();
      return next;
    },
  };
}

/**
 * The files of a ledger: entry file name → canonical text.
 *
 * @param entries Entries to record.
 */
export function ledgerFiles(entries: readonly LedgerEntry[]): Map<string, string> {
  return new Map(entries.map((entry) => [entryFileName(entry.id), formatEntry(entry)]));
}

/**
 * The check made of a comparison's parts: changes sorted, counts tallied.
 *
 * @param parts The ledger folder as shown, whether it was compared, the numbers of sources and findings,
 *   the number of ledger entries and of unchanged findings, the changes and the
 *   diagnostics of sources and ledger.
 */
export function checkReportOf(
  parts: Pick<CheckSummary, 'sources' | 'claims' | 'entries' | 'unchanged'> & {
    readonly folder: string;
    readonly compared: boolean;
    readonly changes: readonly CheckChange[];
    readonly diagnostics: readonly Diagnostic[];
  },
): CheckReport {
  const changes = [...parts.changes].sort(byPlace);
  const { diagnostics } = parts;
  const tally = (kind: ChangeKind) => changes.filter((change) => change.kind === kind).length;
  return {
    schemaVersion: 1,
    ok: changes.length === 0 && !diagnostics.some((d) => d.severity === 'error'),
    ledger: parts.folder,
    compared: parts.compared,
    summary: {
      sources: parts.sources,
      invalid: new Set(diagnostics.filter((d) => d.severity === 'error').map((d) => d.file)).size,
      claims: parts.claims,
      entries: parts.entries,
      unchanged: parts.unchanged,
      new: tally('new'),
      verdict: tally('verdict'),
      mentions: tally('mentions'),
      gone: tally('gone'),
    },
    changes,
    diagnostics,
  };
}

/**
 * The order of changes in a check: errors, warnings, notices; then by place and id.
 *
 * @param a A change.
 * @param b Another.
 */
export function byPlace(a: CheckChange, b: CheckChange): number {
  return (
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    compare(a.place.file, b.place.file) ||
    a.place.line - b.place.line ||
    a.place.column - b.place.column ||
    compare(a.id, b.id)
  );
}

/** The change with its fields in the documented order (stable JSON). */
function inOrder(change: CheckChange): CheckChange {
  const { kind, severity, status, id, entry, verdict, previous, text, place, places, joined, left, reason } = change;
  return { kind, severity, status, id, entry, verdict, previous, text, place, places, joined, left, reason };
}

function withReview(recorded: LedgerEntry, entry: LedgerEntry): LedgerEntry {
  return {
    ...recorded,
    ...(entry.review ? { review: entry.review } : {}),
    ...(entry.reviewSource !== undefined ? { reviewSource: entry.reviewSource } : {}),
  };
}

/**
 * Mentions in conflicts, now or in the ledger, the most conflicted first (the
 * odd one out of a dispute, resolved or not); else the first mention.
 */
function conflictedMentions(finding: Finding, keys: readonly string[], entry: LedgerEntry): number[] {
  const tally = new Map<number, number>();
  const bump = (index: number) => tally.set(index, (tally.get(index) ?? 0) + 1);
  for (const conflict of finding.conflicts) conflict.between.forEach(bump);
  for (const conflict of entry.conflicts) {
    for (const key of conflict.between) {
      const index = keys.indexOf(key);
      if (index !== -1) bump(index);
    }
  }
  const ranked = [...tally].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return ranked.length > 0 ? [ranked[0]![0]] : [0];
}

function hasReview(entry: LedgerEntry): boolean {
  return !isEmptyReview(entry.review);
}

/** Distinct ids: a repeated id (the same sentence twice in one source) gets `-2`, `-3` … in report order. */
function uniqueIds(findings: readonly Finding[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((finding) => {
    const n = (seen.get(finding.id) ?? 0) + 1;
    seen.set(finding.id, n);
    return n === 1 ? finding.id : `${finding.id}-${n}`;
  });
}

interface ReviewSets {
  readonly updates: ReadonlySet<string>;
  readonly separate: ReadonlySet<string>;
  readonly pairKey: (a: string, b: string) => string;
}

/** Why a verdict changed, in a few words. */
function verdictWhy(finding: Finding, keys: readonly string[], joined: readonly number[], entry: LedgerEntry, sets: ReviewSets): string {
  const newOutlets = (indexes: readonly number[]) => outletList(indexes.map((i) => finding.mentions[i]!.outlet).filter((o) => !entry.outlets.includes(o)));
  if (finding.verdict === 'disputed') return conflictsWhy(finding, joined);
  if (entry.verdict === 'disputed') {
    const present = new Set(keys);
    const reasons = new Map<string, number>();
    const add = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    for (const conflict of entry.conflicts) {
      const [a, b] = conflict.between;
      const gone = [a, b].filter((key) => !present.has(key));
      if (sets.updates.has(sets.pairKey(a, b))) add('marked an update by the reviewer');
      else if (sets.separate.has(sets.pairKey(a, b))) add('separated by the reviewer');
      else if (gone.length > 0) add(`${outletList(gone.map((key) => outletOfKey(entry, key)))} no longer states it`);
      else add('no longer conflicting');
    }
    const list = [...reasons].map(([reason, n]) => `${count(n, 'conflict')} ${reason}`);
    const tail = finding.verdict === 'corroborated' ? `, stated by ${count(finding.outlets.length, 'outlet')}` : `, only ${finding.outlets[0] ?? 'one outlet'} states it`;
    return `no conflict left (${list.join('; ') || 'conflicts resolved'})${tail}`;
  }
  if (finding.verdict === 'corroborated') {
    const added = newOutlets(joined.length > 0 ? joined : finding.mentions.map((_, index) => index));
    return `now stated by ${count(finding.outlets.length, 'outlet')}${added ? `, newly by ${added}` : ''}`;
  }
  const lost = entry.outlets.filter((outlet) => !finding.outlets.includes(outlet));
  return `only ${finding.outlets[0] ?? 'one outlet'} states it now${lost.length > 0 ? `, no longer ${outletList(lost)}` : ''}`;
}

/** The conflicts of a disputed finding, those with new mentions first. */
function conflictsWhy(finding: Finding, joined: readonly number[]): string {
  const fresh = new Set(joined);
  const conflicts = [...finding.conflicts].sort(
    (a, b) => Number(fresh.has(b.between[0]) || fresh.has(b.between[1])) - Number(fresh.has(a.between[0]) || fresh.has(a.between[1])),
  );
  const [first, ...rest] = conflicts;
  if (!first) return 'disputed';
  const otherOf = (conflict: (typeof conflicts)[number]) => finding.mentions[fresh.has(conflict.between[0]) ? conflict.between[1] : conflict.between[0]]!;
  const other = otherOf(first);
  const more = rest.length > 0 ? `; ${count(rest.length, 'more conflict')} (${outletList(rest.map((conflict) => otherOf(conflict).outlet))})` : '';
  return `${first.kind}: ${first.detail}, against ${other.outlet} at ${other.path}:${other.place.start.line}${more}`;
}

function describeVerdict(finding: Finding, joined: readonly number[]): string {
  if (finding.verdict === 'disputed') return `disputed: ${conflictsWhy(finding, joined)}`;
  if (finding.verdict === 'corroborated') return `corroborated by ${outletList(finding.outlets)}`;
  return `unique to ${finding.outlets[0] ?? 'one outlet'}`;
}

function placeOf(mention: Mention): CheckPlace {
  return { file: mention.path, line: mention.place.start.line, column: mention.place.start.column };
}

function sourceOfKey(key: string): string {
  return key.slice(0, key.lastIndexOf('#'));
}

function outletOfKey(entry: LedgerEntry, key: string): string {
  return entry.mentions.find((mention) => mention.key === key)?.outlet ?? sourceOfKey(key);
}

function outletList(outlets: readonly string[]): string {
  const distinct = [...new Set(outlets)];
  return distinct.length <= 3 ? distinct.join(', ') : `${distinct.slice(0, 3).join(', ')} and ${distinct.length - 3} more`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function clip(text: string, width = 100): string {
  const flat = collapse(text);
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
