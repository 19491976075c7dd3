// engine/snapshot: what a `check` run leaves in the cache for the next one, and
// reads back: every file's hash, the sources, the clustering state (blocking
// index and edges), the clusters and their slim findings (compact rows decoded
// on demand). Keyed by the paths, the resolved matching options, the review and
// the fingerprint of the code that makes clusters and findings.

import { createHash } from 'node:crypto';
import path from 'node:path';
import { claimKey } from '../core/judge/index.js';
import { matchSettings, resolveClusterOptions, type BlockingIndex, type ClusterState, type CopyPostings, type MatchEdge, type Postings } from '../core/match/index.js';
import { proseKeyOf } from '../core/parse.js';
import { compareFindings, type Review, type ReportState, type SourceAnalysis } from '../core/report.js';
import type { MatchProfile } from '../core/match/index.js';
import { encodeProfiles } from './codec.js';
import type { StoryProfile } from '../core/stories.js';
import type { Diagnostic, Finding, Mention, Report, Source, SourceSummary, StorySummary, Verdict } from '../types.js';
import { CACHE_FOLDER, codeFingerprint, stringTable } from './store.js';
import { isArrayOf, isRecord, isString } from '../guards.js';
import type { CrossReferenceOptions } from './run.js';

/** A source as the snapshot remembers it. */
export interface SnapshotSource {
  readonly path: string;
  readonly id: string;
  readonly proseKey: string;
  /** Its claims, in order: a slice of the snapshot's claim keys. */
  readonly claims: number;
  readonly summary: SourceSummary;
  /** Its story profile: what the story gate and the stories of the next run need of it. */
  readonly story?: StoryProfile;
  /**
   * The match profiles of its claims (`encodeProfiles`): what the next run compares
   * them on, without reading the source's analysis from the per-source cache.
   */
  readonly profiles?: string;
}

/** What a run leaves for the next one (JSON in the cache, kind `corpus`). */
export interface Snapshot {
  /** Every file read, by path: sha256 of its bytes. */
  readonly files: Readonly<Record<string, string>>;
  /** Problems parsing, reading or de-duplicating those files (not finding them). */
  readonly fileDiagnostics: readonly Diagnostic[];
  readonly sources: readonly SnapshotSource[];
  /** `claimKey` of every claim, in source order. */
  readonly claimKeys: readonly string[];
  /** The blocking cap the postings were built with. */
  readonly maxPostings: number;
  /**
   * Blocking terms in at most `maxPostings` claims: term, claims, the term's weight
   * in each, or that weight once when it is the same in all of them (three lists in
   * four: a term mostly weighs the same in every claim, and 17-digit weights were
   * most of the postings' text).
   */
  readonly postings: readonly (readonly [string, readonly number[], readonly number[] | number])[];
  /**
   * Terms in more claims than that, with how many: too common to block on, now
   * and in every incremental run from here (lists only grow, and another cap
   * means a full run), so their lists are not kept (seven in eight entries).
   */
  readonly common: readonly (readonly [string, number])[];
  /** The near-copy join: term, the claims whose copy prefix holds it, their weights from the term on, their blocking weights. */
  readonly copies: readonly (readonly [string, readonly number[], readonly number[], readonly number[]])[];
  /** Confident and weak edges: i, j, strength, confident (1) or weak (0). */
  readonly edges: readonly (readonly [number, number, number, number])[];
  /** Members of each cluster (claim indexes), in report order of their findings (see `inReportOrder`). */
  readonly members: readonly (readonly number[])[];
  /** Slim finding of each cluster, same order. */
  readonly findings: FindingList;
  /** The stories of the corpus (`Report.stories`): an incremental run joins them instead of grouping every source again. */
  readonly stories?: readonly StorySummary[];
}

/**
 * Findings in report order, each one decoded from the snapshot only when it is
 * asked for: a re-check after one new article needs a few of the 57,000 of 3000
 * articles, and the ids and mention keys of the others.
 */
export interface FindingList {
  readonly length: number;
  /** The finding at `index`. */
  at(index: number): Finding;
  /** Its id. */
  id(index: number): string;
  /** Its mention keys (the keys of its claims), in no particular order. */
  keys(index: number): readonly string[];
}

/**
 * A `FindingList` over findings in hand.
 *
 * @param findings Findings in report order.
 */
export function findingListOf(findings: readonly Finding[]): FindingList {
  return {
    length: findings.length,
    at: (index) => findings[index]!,
    id: (index) => findings[index]!.id,
    keys: (index) => findings[index]!.mentions.map((mention) => mention.key),
  };
}

/** Every finding of a list, decoded. */
export function allFindings(list: FindingList): Finding[] {
  return Array.from({ length: list.length }, (_, index) => list.at(index));
}

/**
 * The digest of a corpus: sha256 of every file's path and content hash, by path.
 *
 * @param files Content hash by path.
 */
export function filesDigest(files: ReadonlyMap<string, string> | Readonly<Record<string, string>>): string {
  const entries = files instanceof Map ? [...files] : Object.entries(files);
  const lines = entries.map(([file, hash]) => `${file}\u0000${hash}`).sort();
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 32);
}

// ---------------------------------------------------------------------------
// Snapshots

/** The snapshot of a full run. */
export function snapshotOf(
  sources: readonly Source[],
  summaries: readonly SourceSummary[],
  state: ReportState,
  hashes: ReadonlyMap<string, string>,
  fileDiagnostics: readonly Diagnostic[],
  analyses?: readonly Pick<SourceAnalysis, 'profiles'>[],
  stories?: readonly StorySummary[],
): Snapshot {
  const claimsOf = new Map<string, number>();
  for (const claim of state.claims) claimsOf.set(claim.sentence.source, (claimsOf.get(claim.sentence.source) ?? 0) + 1);
  const order = state.members
    .map((members, index) => ({ members, finding: () => state.findings[index]!, index }))
    .sort(inReportOrder)
    .map((cluster) => cluster.index);
  const { blocking, edges } = state.clustering;
  return {
    files: Object.fromEntries(hashes),
    fileDiagnostics,
    sources: sources.map((source, index) => ({
      path: source.path,
      id: source.id,
      proseKey: proseKeyOf(source),
      claims: claimsOf.get(source.id) ?? 0,
      summary: summaries[index]!,
      ...(state.stories[index] ? { story: state.stories[index] } : {}),
      ...profilesField(analyses?.[index]?.profiles),
    })),
    claimKeys: state.claims.map((claim) => claimKey(claim)),
    ...clusteringRows(blocking, edges),
    members: order.map((index) => state.members[index]!),
    findings: findingListOf(order.map((index) => slimFinding(state.findings[index]!))),
    ...(stories ? { stories } : {}),
  };
}

/** The `profiles` field of a snapshot source: its claims' match profiles as text, when they can be stored. */
export function profilesField(profiles: readonly MatchProfile[] | undefined): { profiles?: string } {
  const text = profiles ? encodeProfiles(profiles) : undefined;
  return text === undefined ? {} : { profiles: text };
}

// On disk, findings are compact rows (a slim finding repeats its source's path
// and outlet in every mention, and its text in one of them): a third of the size,
// and much less to parse and to collect on every run. Each row is kept as its
// JSON text, parsed only when its finding is needed (`FindingList`): a re-check
// after one new article decodes a few of them.
//
//   findings = { strings: string[], rows: JSON text of row[] }
//   row      = [id, verdict#, text | mention index, outlet#[], origin#[], mention[], conflicts, related]
//   mention  = [key, source index, text, start line, column, offset, end line, column, offset, negated (0|1),
//               attribution# | -1, checkworthy (0|1), score, reason#]
//            | a mention object as is (one the row cannot say exactly)

type FindingRow = [string, number, string | number, number[], number[], unknown[], Finding['conflicts'], Finding['related']];

/** The snapshot as written: findings as compact rows. */
export function encodeSnapshot(snapshot: Snapshot): unknown {
  const { strings, ref } = stringTable();
  const sourceIndex = new Map(snapshot.sources.map((source, index) => [source.id, index]));
  const mentionRow = (mention: Mention): unknown => {
    const index = sourceIndex.get(mention.source);
    const source = index === undefined ? undefined : snapshot.sources[index]!;
    const exact =
      source !== undefined &&
      source.path === mention.path &&
      source.summary.outlet === mention.outlet &&
      mention.quantities.length === 0 &&
      mention.dates.length === 0 &&
      Object.keys(mention).length === 11 &&
      Object.keys(mention.place).length === 2 &&
      Object.keys(mention.place.start).length === 3 &&
      Object.keys(mention.place.end).length === 3 &&
      Object.keys(mention.checkworthiness).length === 3;
    if (!exact) return mention;
    const { checkworthy, score, reason } = mention.checkworthiness;
    return [
      mention.key,
      index,
      mention.text,
      mention.place.start.line,
      mention.place.start.column,
      mention.place.start.offset,
      mention.place.end.line,
      mention.place.end.column,
      mention.place.end.offset,
      mention.negated ? 1 : 0,
      mention.attribution === null ? -1 : ref(mention.attribution),
      checkworthy ? 1 : 0,
      score,
      ref(reason),
    ];
  };
  const rows = allFindings(snapshot.findings).map((finding): string => {
    const textIndex = finding.mentions.findIndex((mention) => mention.text === finding.text);
    const row: FindingRow = [
      finding.id,
      ref(finding.verdict),
      textIndex >= 0 ? textIndex : finding.text,
      finding.outlets.map(ref),
      finding.origins.map(ref),
      finding.mentions.map(mentionRow),
      finding.conflicts,
      finding.related,
    ];
    return JSON.stringify(row);
  });
  const { stories, ...rest } = snapshot;
  return { ...rest, findings: { strings, rows }, ...(stories ? { stories: storyRows(stories, sourceIndex) } : {}) };
}

// Stories are rows of their id, title and the indexes of their sources in `sources`:
//   stories = [id, title, source index, …][]

function storyRows(stories: readonly StorySummary[], sourceIndex: ReadonlyMap<string, number>): unknown[] | undefined {
  const rows: unknown[] = [];
  for (const story of stories) {
    const indexes = story.sources.map((id) => sourceIndex.get(id));
    if (indexes.some((index) => index === undefined)) return undefined;
    rows.push([story.id, story.title, ...indexes]);
  }
  return rows;
}

/** The stories of a snapshot as written, or undefined when they are not rows over its sources. */
function storiesOfRows(data: unknown, sources: readonly SnapshotSource[]): StorySummary[] | undefined {
  if (!Array.isArray(data)) return undefined;
  const stories: StorySummary[] = [];
  for (const row of data as unknown[]) {
    if (!Array.isArray(row) || row.length < 3 || !isString(row[0]) || !isString(row[1])) return undefined;
    const ids: string[] = [];
    for (let k = 2; k < row.length; k++) {
      const source = Number.isInteger(row[k]) ? sources[row[k] as number] : undefined;
      if (!isRecord(source) || !isString(source.id)) return undefined;
      ids.push(source.id);
    }
    stories.push({ id: row[0], title: row[1], sources: ids });
  }
  return stories;
}

/** Thrown while decoding a snapshot that does not have the layout above. */
class BadSnapshot extends Error {
  constructor() {
    super(`the corpus snapshot in the cache is damaged: delete the cache folder (${CACHE_FOLDER} by default) and run again`);
  }
}

function expect(condition: boolean): asserts condition {
  if (!condition) throw new BadSnapshot();
}

/**
 * The findings of a written snapshot, each decoded when first asked for (a
 * `BadSnapshot` error then if its row does not have the layout above), or a
 * `BadSnapshot` error now when the rows are not there.
 *
 * @param data The snapshot's `findings` as written.
 * @param sources The snapshot's sources.
 * @param keysOf The mention keys of the finding at an index (its claims' keys).
 */
function findingRows(data: unknown, sources: readonly SnapshotSource[], keysOf: (index: number) => readonly string[]): FindingList {
  expect(isRecord(data) && isArrayOf(data.strings, isString) && isArrayOf(data.rows, isString));
  const strings = data.strings;
  const rows = data.rows;
  const ref = (index: unknown): string => {
    expect(typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < strings.length);
    return strings[index]!;
  };
  const mentionOf = (row: unknown): Mention => {
    if (isRecord(row)) return row as unknown as Mention;
    expect(Array.isArray(row) && row.length === 14);
    const [key, index, text, line, column, start, endLine, endColumn, end, negated, attribution, checkworthy, score, reason] = row as unknown[];
    const source = typeof index === 'number' ? sources[index] : undefined;
    expect(isString(key) && source !== undefined && isString(text) && typeof score === 'number');
    return {
      key,
      source: source.id,
      path: source.path,
      outlet: source.summary.outlet,
      text,
      place: {
        start: { line: line as number, column: column as number, offset: start as number },
        end: { line: endLine as number, column: endColumn as number, offset: end as number },
      },
      quantities: [],
      dates: [],
      negated: negated === 1,
      attribution: attribution === -1 ? null : ref(attribution),
      checkworthiness: { checkworthy: checkworthy === 1, score, reason: ref(reason) },
    };
  };
  const findingOf = (text: string): Finding => {
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch {
      throw new BadSnapshot();
    }
    expect(Array.isArray(row) && row.length === 8 && isString(row[0]) && Array.isArray(row[3]) && Array.isArray(row[4]) && Array.isArray(row[5]));
    const [id, verdict, representative, outlets, origins, mentionRows, conflicts, related] = row as FindingRow;
    const mentions = mentionRows.map(mentionOf);
    const findingText = typeof representative === 'number' ? mentions[representative]?.text : representative;
    expect(isString(findingText) && Array.isArray(conflicts) && Array.isArray(related));
    return { id, verdict: ref(verdict) as Verdict, text: findingText, outlets: outlets.map(ref), origins: origins.map(ref), mentions, conflicts, related };
  };
  const decoded: (Finding | undefined)[] = new Array(rows.length);
  const at = (index: number): Finding => (decoded[index] ??= findingOf(rows[index]!));
  return {
    length: rows.length,
    at,
    // A row starts with its id: a 12-digit hex string, read without parsing the row.
    id: (index) => {
      const row = rows[index]!;
      const end = row.indexOf('"', 2);
      const id = row.startsWith('["') && end > 2 ? row.slice(2, end) : undefined;
      return id !== undefined && !id.includes('\\') ? id : at(index).id;
    },
    keys: keysOf,
  };
}

/** A snapshot read back, when it has the expected shape. */
export function toSnapshot(data: unknown): Snapshot | undefined {
  if (!isRecord(data) || !isRecord(data.files) || !Array.isArray(data.sources) || !isArrayOf(data.claimKeys, isString)) return undefined;
  if (!Array.isArray(data.postings) || !Array.isArray(data.common) || !Array.isArray(data.copies) || !Array.isArray(data.edges) || !Array.isArray(data.members) || !isRecord(data.findings)) return undefined;
  if (!Array.isArray(data.fileDiagnostics) || typeof data.maxPostings !== 'number') return undefined;
  let findings: FindingList;
  const members = data.members as readonly (readonly number[])[];
  const claimKeys = data.claimKeys;
  try {
    findings = findingRows(data.findings, data.sources as SnapshotSource[], (index) => members[index]!.map((member) => claimKeys[member]!));
  } catch (error) {
    if (error instanceof BadSnapshot || error instanceof TypeError) return undefined;
    throw error;
  }
  const { stories: storyData, ...rest } = data;
  const stories = storiesOfRows(storyData, data.sources as SnapshotSource[]);
  const snapshot: Snapshot = { ...(rest as unknown as Snapshot), findings, ...(stories ? { stories } : {}) };
  const claims = snapshot.sources.reduce((sum, source) => sum + (isRecord(source) && Number.isInteger(source.claims) ? source.claims : NaN), 0);
  if (claims !== snapshot.claimKeys.length || snapshot.members.length !== snapshot.findings.length) return undefined;
  const covered = snapshot.members.reduce((sum, members) => sum + (Array.isArray(members) ? members.length : NaN), 0);
  return covered === claims ? snapshot : undefined;
}

/**
 * The cache key of the snapshot for these paths and settings, or undefined when
 * the settings cannot be keyed (a model given in code): the paths, every
 * matching setting (resolved from `MATCH_DEFAULTS`, so a new one is keyed too),
 * the review, and the fingerprint of the core and of this module.
 *
 * @param paths Source files or folders as given.
 * @param cwd Folder they resolve against.
 * @param options Matching settings and review.
 */
export function snapshotKey(paths: readonly string[], cwd: string, options: CrossReferenceOptions): string | undefined {
  if (options.model) return undefined;
  const review = (pairs: Review['separate']) => (pairs ?? []).map(([a, b]) => (a < b ? `${a} ${b}` : `${b} ${a}`)).sort();
  const settings = {
    cwd,
    paths: paths.map((given) => path.resolve(cwd, given)),
    matching: matchSettings(resolveClusterOptions(options)),
    separate: review(options.review?.separate),
    updates: review(options.review?.updates),
    code: codeFingerprint('snapshot'),
  };
  return createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 32);
}

/** The clustering state as the snapshot writes it: rows, not objects. */
export function clusteringRows(
  blocking: BlockingIndex,
  edges: readonly MatchEdge[],
): Pick<Snapshot, 'maxPostings' | 'postings' | 'common' | 'copies' | 'edges'> {
  return {
    maxPostings: blocking.maxPostings,
    postings: [...blocking.postings].map(([term, list]) => [term, list.claims, onceIfSame(list.weights)] as const),
    common: [...blocking.common],
    copies: [...blocking.copies].map(([term, list]) => [term, list.claims, list.suffixes, list.totals] as const),
    edges: edges.map((edge) => [edge.i, edge.j, edge.strength, edge.confident ? 1 : 0] as const),
  };
}

/**
 * The clustering state of a snapshot, its claims renumbered. The state takes
 * the snapshot's lists as they were read, renumbered in place (a re-check of
 * 3,000 articles copied 18 MB of them): the snapshot's `postings` and `copies`
 * are the state's afterwards, and are not to be read as the snapshot's again.
 *
 * @param snapshot A snapshot read back.
 * @param renumber The current index of each of its claims.
 */
export function clusteringOf(snapshot: Snapshot, renumber: ArrayLike<number>): ClusterState {
  const postings: Postings = new Map();
  for (const [term, claims, weights] of snapshot.postings) {
    const list = renumbered(claims, renumber);
    postings.set(term, { claims: list, weights: typeof weights === 'number' ? new Array<number>(list.length).fill(weights) : (weights as number[]) });
  }
  const edges = snapshot.edges.map(([i, j, strength, confident]): MatchEdge => ({ i: renumber[i]!, j: renumber[j]!, strength, confident: confident === 1 }));
  // Renumbering keeps the order of old claims, so each list stays ascending.
  const copies: CopyPostings = new Map(
    snapshot.copies.map(([term, claims, suffixes, totals]) => [term, { claims: renumbered(claims, renumber), suffixes: suffixes as number[], totals: totals as number[] }]),
  );
  return { blocking: { maxPostings: snapshot.maxPostings, postings, common: new Map(snapshot.common), copies }, edges };
}

/** A posting list's weights as the snapshot writes them: the one weight when every claim has it, else the list. */
function onceIfSame(weights: readonly number[]): readonly number[] | number {
  const first = weights[0];
  return first !== undefined && weights.every((weight) => weight === first) ? first : weights;
}

/** A list of the snapshot's claim indexes, renumbered in place (a list that is not one fails as `map` would). */
function renumbered(claims: readonly number[], renumber: ArrayLike<number>): number[] {
  if (!Array.isArray(claims)) throw new TypeError('a snapshot posting list is not a list');
  const list = claims as number[];
  for (let k = 0; k < list.length; k++) list[k] = renumber[list[k]!]!;
  return list;
}

// ---------------------------------------------------------------------------
// Slim findings

/**
 * A finding as `check` needs it: mentions without quantities and dates, no related links.
 *
 * @param finding A finding.
 */
export function slimFinding(finding: Finding): Finding {
  return { ...finding, mentions: finding.mentions.map((mention) => ({ ...mention, quantities: [], dates: [] })), related: [] };
}

/**
 * The report with slim findings (see `slimFinding`).
 *
 * @param report A report.
 */
export function slimReport(report: Report): Report {
  return { ...report, claims: report.claims.map(slimFinding) };
}

/** Clusters in the order a full run reports their findings: `compareFindings`, ties by first member (clusters come in that order). */
export function inReportOrder(a: { members: readonly number[]; finding: () => Finding }, b: { members: readonly number[]; finding: () => Finding }): number {
  return compareFindings(a.finding(), b.finding()) || a.members[0]! - b.members[0]!;
}
