// What the people's reports (text, Markdown) put first: a Report → its findings
// ordered for a fact-checker (disputes with their sides, corroborated claims by
// independent origins, unique claims in article order), grouped by story when the
// folder holds several, plus the sources without a `published` date. Pure.

import type { ConflictKind, Finding, Mention, Report, SourceSummary, StorySummary } from '../types.js';
import { readableQuantity } from './readable.js';

/** Unique claims shown per source by default; `--all` shows every one. */
export const UNIQUE_SHOWN_PER_SOURCE = 3;

/** One side of a conflict: what it states and the outlets (and mentions) that state it. */
export interface Side {
  /** The figure, date or stance as stated ("nine schools", "on Friday (2020-12-18)", "denies it ("did not")"). */
  readonly value: string;
  /** Distinct outlets on this side, sorted. */
  readonly outlets: readonly string[];
  /** Indexes into the finding's mentions, in order. */
  readonly mentions: readonly number[];
}

/** A conflict of a finding with its two sides (conflicts between the same two values are one). */
export interface ConflictSides {
  readonly kind: ConflictKind;
  /** A later figure of a running count, not a dispute. */
  readonly update: boolean;
  readonly sides: readonly [Side, Side];
  /** Why the two cannot both hold ("the figures cannot both be true"), when the judge says. */
  readonly reason?: string;
}

/** Findings of one story (or of the whole report when there is no grouping), ordered. */
export interface FindingGroup {
  /** The story, when the report groups by story. */
  readonly story?: StorySummary;
  /** Disputed claims, in article order of their first mention. */
  readonly disputed: readonly Finding[];
  /** Corroborated claims, most independent origins first, then most outlets, then article order. */
  readonly corroborated: readonly Finding[];
  /** Unique claims by source (in source order), each source's in sentence order. */
  readonly unique: readonly { readonly source: SourceSummary | undefined; readonly sourceId: string; readonly findings: readonly Finding[] }[];
}

/**
 * The sides of each conflict of a finding: for every pair of conflicting
 * values, which outlets state the one and which the other.
 *
 * @param finding A finding.
 */
export function sidesOf(finding: Finding): ConflictSides[] {
  type Group = { kind: ConflictKind; update: boolean; reason?: string; values: [string[], string[]]; members: [Set<number>, Set<number>] };
  const groups: Group[] = [];
  for (const conflict of finding.conflicts) {
    const [i, j] = conflict.between;
    const split = splitDetail(conflict.kind, conflict.detail, finding.mentions[i], finding.mentions[j]);
    const update = conflict.update === true;
    // One group per dispute: a conflict joins the group that already has one of its values (or mentions) on a side.
    const has = (group: Group, side: 0 | 1, value: string, mention: number) => group.values[side].includes(value) || group.members[side].has(mention);
    let flipped = false;
    let group = groups.find((entry) => entry.kind === conflict.kind && entry.update === update && (has(entry, 0, split.a, i) || has(entry, 1, split.b, j)));
    if (!group) {
      group = groups.find((entry) => entry.kind === conflict.kind && entry.update === update && (has(entry, 0, split.b, j) || has(entry, 1, split.a, i)));
      flipped = group !== undefined;
    }
    if (!group) {
      group = { kind: conflict.kind, update, ...(split.reason ? { reason: split.reason } : {}), values: [[], []], members: [new Set(), new Set()] };
      groups.push(group);
    }
    const [first, second] = flipped ? ([1, 0] as const) : ([0, 1] as const);
    if (!group.values[first].includes(split.a)) group.values[first].push(split.a);
    if (!group.values[second].includes(split.b)) group.values[second].push(split.b);
    group.members[first].add(i);
    group.members[second].add(j);
  }
  return groups.map((group) => ({
    kind: group.kind,
    update: group.update,
    ...(group.reason ? { reason: group.reason } : {}),
    sides: [side(finding, group.values[0].join('" / "'), group.members[0]), side(finding, group.values[1].join('" / "'), group.members[1])],
  }));
}

function side(finding: Finding, value: string, members: ReadonlySet<number>): Side {
  const mentions = [...members].sort((a, b) => a - b);
  return { value, outlets: [...new Set(mentions.map((index) => finding.mentions[index]!.outlet))].sort(compare), mentions };
}

/** The two values a conflict's detail names ("A vs B (reason)"), else values read from the mentions. */
function splitDetail(kind: ConflictKind, detail: string, a: Mention | undefined, b: Mention | undefined): { a: string; b: string; reason?: string } {
  if (kind === 'negation') {
    const stance = (mention: Mention | undefined) => (mention?.negated ? 'denies or negates it' : 'states it');
    return { a: stance(a), b: stance(b) };
  }
  const at = detail.indexOf(' vs ');
  if (at < 0) {
    const first = (mention: Mention | undefined) =>
      kind === 'quantity' && mention?.quantities[0] ? readableQuantity(mention.quantities[0]) : (mention?.dates[0]?.text ?? '?');
    return { a: first(a), b: first(b), reason: detail };
  }
  const left = detail.slice(0, at);
  let right = detail.slice(at + 4);
  let reason: string | undefined;
  // A quantity's detail ends with the judge's reason in parentheses; a date's parentheses hold its value.
  const trailing = kind === 'quantity' ? /\s+\(([^()]*)\)$/.exec(right) : null;
  if (trailing) {
    reason = trailing[1];
    right = right.slice(0, trailing.index);
  }
  return reason ? { a: left, b: right, reason } : { a: left, b: right };
}

/**
 * Place of each source in the report (source order), by id.
 *
 * @param report The report.
 */
function sourceOrder(report: Report): Map<string, number> {
  return new Map(report.sources.map((source, index) => [source.id, index]));
}

/** Article order of a mention: its source's place in the report, then its offset. */
function mentionOrder(order: ReadonlyMap<string, number>) {
  return (a: Mention, b: Mention) =>
    (order.get(a.source) ?? Number.MAX_SAFE_INTEGER) - (order.get(b.source) ?? Number.MAX_SAFE_INTEGER) ||
    (a.place.start.offset ?? 0) - (b.place.start.offset ?? 0) ||
    a.place.start.line - b.place.start.line;
}

/** The mention of a finding that comes first in article order. */
function firstMention(finding: Finding, byArticle: (a: Mention, b: Mention) => number): Mention | undefined {
  let first: Mention | undefined;
  for (const mention of finding.mentions) if (!first || byArticle(mention, first) < 0) first = mention;
  return first;
}

/**
 * The findings ordered for a fact-checker, in one group, or one per story when
 * the report has two or more stories.
 *
 * @param report The report (already filtered).
 */
export function groupFindings(report: Report): FindingGroup[] {
  const order = sourceOrder(report);
  const byArticle = mentionOrder(order);
  const firstOf = new Map(report.claims.map((finding) => [finding, firstMention(finding, byArticle)]));
  const byFirst = (a: Finding, b: Finding) => {
    const ma = firstOf.get(a);
    const mb = firstOf.get(b);
    // Ties keep the report's order (the sort is stable).
    return ma && mb ? byArticle(ma, mb) : 0;
  };
  const summaries = new Map(report.sources.map((source) => [source.id, source]));
  const build = (findings: readonly Finding[], story?: StorySummary): FindingGroup => {
    const disputed = findings.filter((finding) => finding.verdict === 'disputed').sort(byFirst);
    const corroborated = findings
      .filter((finding) => finding.verdict === 'corroborated')
      .sort((a, b) => b.origins.length - a.origins.length || b.outlets.length - a.outlets.length || byFirst(a, b));
    const bySource = new Map<string, Finding[]>();
    for (const finding of findings) {
      if (finding.verdict !== 'unique') continue;
      const id = firstOf.get(finding)?.source ?? '';
      const list = bySource.get(id);
      if (list) list.push(finding);
      else bySource.set(id, [finding]);
    }
    const unique = [...bySource.entries()]
      .sort(([a], [b]) => (order.get(a) ?? Number.MAX_SAFE_INTEGER) - (order.get(b) ?? Number.MAX_SAFE_INTEGER) || compare(a, b))
      .map(([sourceId, list]) => ({ source: summaries.get(sourceId), sourceId, findings: list.sort(byFirst) }));
    return { ...(story ? { story } : {}), disputed, corroborated, unique };
  };
  const stories = report.stories ?? [];
  if (stories.length < 2) return [build(report.claims)];
  const storyOfSource = new Map<string, string>();
  for (const story of stories) for (const source of story.sources) if (!storyOfSource.has(source)) storyOfSource.set(source, story.id);
  const members = new Map<string, Finding[]>(stories.map((story) => [story.id, []]));
  const rest: Finding[] = [];
  for (const finding of report.claims) {
    const id = finding.story ?? storyOfSource.get(firstOf.get(finding)?.source ?? '');
    const list = id === undefined ? undefined : members.get(id);
    if (list) list.push(finding);
    else rest.push(finding);
  }
  const groups = stories.filter((story) => members.get(story.id)!.length > 0).map((story) => build(members.get(story.id)!, story));
  if (rest.length > 0) groups.push(build(rest, { id: '', title: 'Other claims', sources: [] }));
  return groups;
}

/**
 * The sources without a `published` date: their relative dates ("on Friday") stay unresolved.
 *
 * @param report The report.
 */
export function undatedSources(report: Report): SourceSummary[] {
  return report.sources.filter((source) => !source.published);
}

/**
 * The unique claims of a source to show: every one with `all`, else the most
 * check-worthy few, still in article order.
 *
 * @param findings The source's unique claims, in article order.
 * @param all Show every claim.
 */
export function shownUnique(findings: readonly Finding[], all: boolean): readonly Finding[] {
  if (all || findings.length <= UNIQUE_SHOWN_PER_SOURCE) return findings;
  const score = (finding: Finding) => Math.max(...finding.mentions.map((mention) => mention.checkworthiness.score));
  const kept = new Set(
    findings
      .map((finding, index) => ({ finding, index, score: score(finding) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, UNIQUE_SHOWN_PER_SOURCE)
      .map((entry) => entry.finding),
  );
  return findings.filter((finding) => kept.has(finding));
}

/**
 * The reviewer's `updates:` pairs that join two mentions of a finding (conflicts
 * a reviewer marked as a later figure, not a dispute), as mention index pairs.
 *
 * @param finding A finding.
 * @param updates The ledger's `updates:` pairs of mention keys.
 */
export function reviewedUpdates(finding: Finding, updates: readonly (readonly [string, string])[] | undefined): [number, number][] {
  if (!updates || updates.length === 0) return [];
  const index = new Map(finding.mentions.map((mention, at) => [mention.key, at]));
  const pairs: [number, number][] = [];
  const seen = new Set<string>();
  for (const [a, b] of updates) {
    const i = index.get(a);
    const j = index.get(b);
    if (i === undefined || j === undefined || i === j) continue;
    const key = i < j ? `${i},${j}` : `${j},${i}`;
    if (seen.has(key)) continue;
    seen.add(key);
    pairs.push([i, j]);
  }
  return pairs;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
