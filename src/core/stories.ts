// Stories: takes sources (title, paragraphs, published date) and returns groups of
// sources about one event: connected components over a pairwise relation (`sameStory`:
// the articles' rare words alike, dates close together, no two different sets of
// people) that depends only on the two sources, so a story does not depend on the
// rest of the folder. Also the gate matching uses (`storyGate`) and story summaries.

import { createHash } from 'node:crypto';

import data from '../data/stories.json' with { type: 'json' };
import { articleContext, type ArticleContext, type Identity } from './match/identity.js';
import { contentTerms, termsOf } from './match/terms.js';
import { cosineComponents, sharedKeyComponents } from './story-components.js';
import type { Finding, StorySummary } from '../types.js';

/** What grouping needs of a source. */
export interface StorySource {
  readonly id: string;
  readonly title?: string;
  /** Body paragraphs in order (boilerplate left out). */
  readonly paragraphs: readonly string[];
  /** ISO `YYYY-MM-DD`, when known. */
  readonly published?: string;
}

/** A source's story profile: its main event's names, its title's and its text's rare terms (plain data, kept in snapshots). */
export interface StoryProfile {
  readonly id: string;
  readonly core: Identity;
  readonly titleTerms: readonly string[];
  readonly published: string | null;
  /** Rare words of the title and body (stems) and years written in them (`#2031`), sorted; at most `maxTerms`. */
  readonly terms?: readonly string[];
  /** Weight of each of `terms` (English rarity; years weigh `yearWeight`). */
  readonly weights?: readonly number[];
  /** What a story is called when this source represents it: its title, else the start of its lead. */
  readonly label?: string;
  /** People named in the title and lead (last names, sorted): who the article is about first. */
  readonly leadPeople?: readonly string[];
}

/** Settings of story grouping (default: src/data/stories.json). */
export interface StoryOptions {
  /** Similarity two sources need to be linked. */
  readonly threshold?: number;
  /** Sources published further apart than this (days) are never linked. */
  readonly maxDays?: number;
  /** `termSimilarity` two sources need to be one story. */
  readonly termThreshold?: number;
  /** `termSimilarity` two sources need to be near stories (`storyRelation`). */
  readonly nearThreshold?: number;
}

/**
 * The story profile of a source.
 *
 * @param source The source.
 */
export function storyProfile(source: StorySource): StoryProfile {
  return storyProfileWith(source, articleContext(source));
}

/**
 * `storyProfile` of a source whose article context is already made.
 *
 * @param source The source.
 * @param context `articleContext(source)`.
 */
export function storyProfileWith(source: StorySource, context: ArticleContext): StoryProfile {
  const title = source.title ? termsOf(source.title) : undefined;
  const titleTerms = title ? [...new Set(title.terms.filter((_, k) => title.weights[k]! >= data.minTitleTermWeight))].sort() : [];
  const { terms, weights } = articleTerms(source);
  const leadPeople = context.lead?.people ?? [];
  return { id: source.id, core: context.core, titleTerms, published: source.published ?? null, terms, weights, label: labelOf(source), leadPeople };
}

/** The rare words (and years) of a source's title and body, the rarest `maxTerms` of them, sorted by term. */
function articleTerms(source: StorySource): { terms: string[]; weights: number[] } {
  const weightOf = new Map<string, number>();
  const countOf = new Map<string, number>();
  const add = (term: string, weight: number) => {
    weightOf.set(term, weight);
    countOf.set(term, (countOf.get(term) ?? 0) + 1);
  };
  for (const text of [...(source.title ? [source.title] : []), ...source.paragraphs]) {
    const terms = contentTerms(text);
    terms.terms.forEach((term, k) => {
      if (terms.weights[k]! >= data.minTermWeight) add(term, terms.weights[k]!);
    });
    for (const number of terms.numbers) if (/^(1[89]|20)\d\d$/.test(number)) add(`#${number}`, data.yearWeight);
  }
  // A word in many paragraphs is what the article is about: it weighs more (1 + ln of the paragraphs it is in).
  const kept = [...weightOf.entries()]
    .map(([term, weight]): [string, number] => [term, weight * (1 + data.repeatWeight * Math.log(countOf.get(term)!))])
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, data.maxTerms)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
  return { terms: kept.map(([term]) => term), weights: kept.map(([, weight]) => weight) };
}

function labelOf(source: StorySource): string {
  const title = source.title?.trim();
  if (title) return title;
  const lead = source.paragraphs.find((paragraph) => paragraph.trim() !== '')?.trim() ?? source.id;
  const sentence = lead.split(/(?<=[.!?]["”’]?)\s+/u)[0]!;
  return sentence.length <= data.maxLabel ? sentence : `${sentence.slice(0, data.maxLabel - 1).trimEnd()}…`;
}

/**
 * How alike two sources' words are: the cosine of their rare-term weights (0..1);
 * when one of them is short (fewer than `shortTerms` terms: a brief, a one-line
 * item), the share of its weight the other covers, as a long article's other
 * words say nothing against a brief about one of its facts.
 *
 * @param a One profile.
 * @param b The other.
 */
export function termSimilarity(a: StoryProfile, b: StoryProfile): number {
  const { cosine, covered, shorter } = termOverlap(a, b);
  return shorter < data.shortTerms ? Math.max(cosine, covered * data.shortShare) : cosine;
}

/** The cosine of two profiles' rare-term weights, the share of the shorter one's weight the other covers, and how many terms each has. */
function termOverlap(a: StoryProfile, b: StoryProfile): { cosine: number; covered: number; shorter: number; longer: number } {
  // The same pair asked twice in a row (`storyRelation` asks `wordsAlike`, then `termSimilarity`): the same answer.
  if (lastOverlap !== undefined && lastOverlap.a === a && lastOverlap.b === b) return lastOverlap.result;
  const [x, y] = [a.terms ?? [], b.terms ?? []];
  const [u, v] = [a.weights ?? [], b.weights ?? []];
  // A long-lived process starts its numbers again rather than keep every term it ever saw.
  if (termNumbers.size > 1_000_000) {
    termNumbers.clear();
    numberGeneration++;
  }
  const [numbered, other] = [numberedTerms(a), numberedTerms(b)];
  let dot = 0;
  let coveredA = 0;
  let coveredB = 0;
  // The terms both have, in `a`'s (sorted) order, as a merge of the two sorted lists meets them: `b`'s terms are
  // marked by number, then `a`'s looked up (the same sums, in the same order, without comparing strings).
  if (overlapStamp.length < termNumbers.size) {
    const grown = new Int32Array(Math.max(termNumbers.size, overlapStamp.length * 2));
    grown.set(overlapStamp);
    overlapStamp = grown;
    const at = new Int32Array(grown.length);
    at.set(overlapAt);
    overlapAt = at;
  }
  if (overlapEpoch >= 0x3fffffff) {
    overlapStamp.fill(0);
    overlapEpoch = 0;
  }
  const epoch = ++overlapEpoch;
  for (let j = 0; j < other.length; j++) {
    overlapStamp[other[j]!] = epoch;
    overlapAt[other[j]!] = j;
  }
  for (let i = 0; i < numbered.length; i++) {
    const id = numbered[i]!;
    if (overlapStamp[id] !== epoch) continue;
    const j = overlapAt[id]!;
    dot += u[i]! * v[j]!;
    coveredA += u[i]! * u[i]!;
    coveredB += v[j]! * v[j]!;
  }
  const [normA, normB] = [squaredNorm(a), squaredNorm(b)];
  const [shorter, longer] = [Math.min(x.length, y.length), Math.max(x.length, y.length)];
  let result: { cosine: number; covered: number; shorter: number; longer: number };
  if (normA === 0 || normB === 0) result = { cosine: 0, covered: 0, shorter, longer };
  else {
    const cosine = dot / Math.sqrt(normA * normB);
    const covered = x.length <= y.length ? coveredA / normA : coveredB / normB;
    result = { cosine, covered, shorter, longer };
  }
  lastOverlap = { a, b, result };
  return result;
}

// Memos of `termOverlap`: each term's number, each profile's terms as numbers and its squared norm (profiles are plain
// data that never change once made), the last pair's answer, and the marks of one comparison.
const termNumbers = new Map<string, number>();
const numberedMemo = new WeakMap<StoryProfile, { readonly generation: number; readonly numbered: Int32Array }>();
let numberGeneration = 0;
const normMemo = new WeakMap<StoryProfile, number>();
let lastOverlap: { a: StoryProfile; b: StoryProfile; result: { cosine: number; covered: number; shorter: number; longer: number } } | undefined;
let overlapStamp = new Int32Array(1024);
let overlapAt = new Int32Array(1024);
let overlapEpoch = 0;

/** A profile's terms as numbers (one per distinct term string, for this process), in its order. */
function numberedTerms(profile: StoryProfile): Int32Array {
  const known = numberedMemo.get(profile);
  if (known !== undefined && known.generation === numberGeneration) return known.numbered;
  const terms = profile.terms ?? [];
  const numbered = new Int32Array(terms.length);
  for (let k = 0; k < terms.length; k++) {
    let id = termNumbers.get(terms[k]!);
    if (id === undefined) termNumbers.set(terms[k]!, (id = termNumbers.size));
    numbered[k] = id;
  }
  numberedMemo.set(profile, { generation: numberGeneration, numbered });
  return numbered;
}

/** The sum of a profile's squared term weights, summed in term order. */
function squaredNorm(profile: StoryProfile): number {
  let norm = normMemo.get(profile);
  if (norm === undefined) {
    norm = (profile.weights ?? []).reduce((sum, w) => sum + w * w, 0);
    normMemo.set(profile, norm);
  }
  return norm;
}

/**
 * Whether the main events of two sources share a name (a person, a specific place,
 * an organisation or another name; countries and states are too broad).
 *
 * @param a One profile.
 * @param b The other.
 */
export function shareCoreName(a: StoryProfile, b: StoryProfile): boolean {
  return (
    countShared(a.core.people, b.core.people) + countShared(a.core.places, b.core.places) + countShared(a.core.orgs, b.core.orgs) + countShared(a.core.names, b.core.names) >
    0
  );
}

/**
 * Whether two sources' words make them one story: the cosine of their rare words
 * is at least `termThreshold`; or their main events share a name (`shareCoreName`)
 * and the cosine is at least `namedTermThreshold` (`closeTermThreshold` when they
 * were published at most `closeDays` apart or their titles share a rare word), or one is a brief (fewer than
 * `shortTerms` terms, or under `briefRatio` of the other's) whose weight the other
 * covers at least `briefShare` of. A brief's few words alone ("the election is
 * over") never make it part of another story: it must share a name with it.
 */
function wordsAlike(a: StoryProfile, b: StoryProfile, termThreshold: number): boolean {
  const { cosine, covered, shorter, longer } = termOverlap(a, b);
  if (cosine >= termThreshold) return true;
  const brief = shorter < data.shortTerms || shorter < data.briefRatio * longer;
  // Published within a few days of each other, or titled with a rare word in common, a shared name needs fewer shared words.
  const close = (a.published !== null && b.published !== null && daysApart(a.published, b.published) <= data.closeDays) || countShared(a.titleTerms, b.titleTerms) > 0;
  // Main events sharing several names (a person and a place, two organisations) need fewer shared words too.
  const named = countSharedNames(a, b) >= data.manyNames;
  const needed = close || named ? data.closeTermThreshold : data.namedTermThreshold;
  // Two one-line items (a headline, a claim posted alone: both under `lineTerms` terms) name too little to share a name: the share of the shorter's weight the other covers decides.
  if (longer < data.lineTerms && covered >= data.lineShare) return true;
  if ((cosine < needed && !(brief && covered >= data.briefShare)) || !shareCoreName(a, b)) return false;
  return true;
}

/**
 * Whether two sources are about one story: published within `maxDays` of each
 * other (when both dates are known), not about two different sets of people, and
 * their words alike (`wordsAlike`: the cosine of their rare words, a shared name, dates, titles, briefs) or their main
 * events' names and titles alike (`storySimilarity` at least `threshold`).
 * Depends only on the two profiles.
 *
 * @param a One profile.
 * @param b The other.
 * @param options Thresholds and date window (optional).
 */
export function sameStory(a: StoryProfile, b: StoryProfile, options: StoryOptions = {}): boolean {
  return storyRelation(a, b, options) === true;
}

/**
 * How two sources relate as stories: `true` one story (see `sameStory`),
 * `'near'` alike but not enough to be sure (`termSimilarity` at least
 * `nearThreshold`: their claims match when what they say of who, where and when
 * agrees), `false` two stories. Depends only on the two profiles.
 *
 * @param a One profile.
 * @param b The other.
 * @param options Thresholds and date window (optional).
 */
export function storyRelation(a: StoryProfile, b: StoryProfile, options: StoryOptions = {}): StoryRelation {
  if (a.id === b.id) return true;
  const maxDays = options.maxDays ?? data.maxDays;
  if (a.published && b.published && daysApart(a.published, b.published) > maxDays) return false;
  if (data.peopleMustShare && a.core.people.length > 0 && b.core.people.length > 0 && countShared(a.core.people, b.core.people) === 0) return false;
  if (leadsDiffer(a, b)) return false;
  const threshold = options.threshold ?? data.threshold;
  if (wordsAlike(a, b, options.termThreshold ?? data.termThreshold) || (threshold !== null && storySimilarity(a, b, options) >= threshold)) return true;
  const near = options.nearThreshold ?? data.nearThreshold;
  return near !== null && termSimilarity(a, b) >= near ? 'near' : false;
}

/**
 * Whether two articles lead with different people, one of whom the other's main
 * event does not involve at all: a follow-up about a second person ("another player
 * was arrested") that recalls the first one's story is a story of its own.
 * Needs `leadPeopleDiffer` on in stories.json and both leads to name people.
 *
 * @param a One profile.
 * @param b The other.
 */
export function leadsDiffer(a: Pick<StoryProfile, 'core' | 'leadPeople'>, b: Pick<StoryProfile, 'core' | 'leadPeople'>): boolean {
  const [x, y] = [a.leadPeople ?? [], b.leadPeople ?? []];
  if (!data.leadPeopleDiffer || x.length === 0 || y.length === 0 || countShared(x, y) > 0) return false;
  const involved = (p: Pick<StoryProfile, 'core'>) => new Set([...p.core.people, ...p.core.names.flatMap((name) => name.split(' '))]);
  const [inA, inB] = [involved(a), involved(b)];
  return x.some((person) => !inB.has(person)) || y.some((person) => !inA.has(person));
}

/** How two sources relate as stories: one story, two, or near (claims must agree on who, where and when). */
export type StoryRelation = boolean | 'near';

/**
 * The story relation matching uses, over source ids (`ClusterInput.sameStory`):
 * `storyRelation` of their profiles, remembered per pair; sources without a profile
 * are in every story (nothing is gated). Also the story of each source (`storyOf`):
 * matching counts and shares blocking terms within a story.
 *
 * @param profiles Story profile of each source.
 * @param options Thresholds and date window (optional).
 * @param known The stories of these profiles when already known (a snapshot's, extended); else `storiesOf` them on first use.
 */
export function storyGate(profiles: readonly StoryProfile[], options: StoryOptions = {}, known?: readonly (readonly string[])[]): StoryGateRelation {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  const memo = new Map<string, StoryRelation>();
  let groups: readonly (readonly string[])[] | undefined = known;
  let stories: Map<string, string> | undefined;
  // The stories (`storiesOf`), grouped once for matching and for the report's story list.
  const storyGroups = (): readonly (readonly string[])[] => (groups ??= storiesOf(profiles, options));
  // The story of a source, named by its least source id (stable while the story only gains sources that sort after it).
  const storyOf = (source: string): string | undefined => {
    if (!stories) {
      stories = new Map();
      for (const ids of storyGroups()) {
        const name = ids.reduce((least, id) => (id < least ? id : least));
        for (const id of ids) stories.set(id, name);
      }
    }
    return stories.get(source);
  };
  const relation = (a: string, b: string): StoryRelation => {
    if (a === b) return true;
    const key = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    let known = memo.get(key);
    if (known === undefined) {
      const [x, y] = [byId.get(a), byId.get(b)];
      known = x === undefined || y === undefined || storyRelation(x, y, options);
      memo.set(key, known);
    }
    return known;
  };
  return Object.assign(relation, { storyOf, stories: storyGroups });
}

/**
 * The story relation over source ids (`storyGate`), with the story of each source (`storyOf`: its component of `storiesOf`, named by its least source id; undefined for a source without a profile)
 * and the stories themselves (`stories`: `storiesOf` of the profiles, computed once; give them to `storySummaries`).
 */
export type StoryGateRelation = ((a: string, b: string) => StoryRelation) & {
  readonly storyOf: (source: string) => string | undefined;
  readonly stories: () => readonly (readonly string[])[];
};

/**
 * The id of a story: `s` and the first 10 hex digits of the sha256 of its
 * source ids, sorted and joined by newlines. The same sources give the same id on
 * every run and machine; a source joining the story gives it a new id.
 *
 * @param sources Source ids of the story.
 */
export function storyId(sources: readonly string[]): string {
  return `s${createHash('sha256').update([...sources].sort().join('\n')).digest('hex').slice(0, 10)}`;
}

/**
 * The stories of a folder: the components of `sameStory` (`storiesOf`), each
 * with its id (`storyId`), its sources in input order and a representative
 * title: the label of its source most alike to the others (to its first
 * `titlePool` sources in a larger story; ties: the first).
 *
 * @param profiles Story profile of each source, in report order.
 * @param options Thresholds and date window (optional).
 * @param groups The stories of these profiles when already known (`storyGate(profiles, options).stories()`); else `storiesOf` them.
 */
export function storySummaries(
  profiles: readonly StoryProfile[],
  options: StoryOptions = {},
  groups: readonly (readonly string[])[] = storiesOf(profiles, options),
): StorySummary[] {
  const byId = new Map(profiles.map((profile) => [profile.id, profile]));
  return groups.map((ids) => {
    const members = ids.map((id) => byId.get(id)!);
    // Alike to the story's first `titlePool` sources (all of them in a story no larger): linear in the story's size.
    const pool = members.slice(0, data.titlePool);
    let best = members[0]!;
    let bestScore = -1;
    for (const member of members) {
      const score = pool.reduce((sum, other) => sum + (other === member ? 0 : termSimilarity(member, other)), 0);
      if (score > bestScore + 1e-12) [best, bestScore] = [member, score];
    }
    return { id: storyId(ids), title: best.label ?? best.id, sources: ids };
  });
}

/**
 * The story of a finding: the story holding most of its mentions' sources (ties:
 * the story listed first), or undefined when none of its sources is in a story.
 *
 * @param finding The finding (its mentions' `source`).
 * @param storyOf Story id by source id, and the position of each story.
 */
export function findingStory(finding: Pick<Finding, 'mentions'>, storyOf: ReadonlyMap<string, { readonly id: string; readonly position: number }>): string | undefined {
  const votes = new Map<string, { count: number; position: number }>();
  for (const mention of finding.mentions) {
    const story = storyOf.get(mention.source);
    if (!story) continue;
    const vote = votes.get(story.id) ?? { count: 0, position: story.position };
    vote.count++;
    votes.set(story.id, vote);
  }
  let best: string | undefined;
  let top = { count: 0, position: Infinity };
  for (const [id, vote] of votes) if (vote.count > top.count || (vote.count === top.count && vote.position < top.position)) [best, top] = [id, vote];
  return best;
}

/**
 * Story id and position of each source, from story summaries.
 *
 * @param stories The stories (`storySummaries`).
 */
export function storyIndex(stories: readonly StorySummary[]): Map<string, { readonly id: string; readonly position: number }> {
  const index = new Map<string, { id: string; position: number }>();
  stories.forEach((story, position) => {
    for (const source of story.sources) index.set(source, { id: story.id, position });
  });
  return index;
}

/** How many names the main events of two sources share (people, specific places, organisations, other names). */
function countSharedNames(a: StoryProfile, b: StoryProfile): number {
  return countShared(a.core.people, b.core.people) + countShared(a.core.places, b.core.places) + countShared(a.core.orgs, b.core.orgs) + countShared(a.core.names, b.core.names);
}

function countShared(a: readonly string[], b: readonly string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  // Short lists (the usual few names): a scan beats building a set.
  if (b.length <= 16) {
    let shared = 0;
    for (const x of a) if (b.includes(x) && !x.startsWith('^')) shared++;
    return shared;
  }
  const set = new Set(b);
  return a.filter((x) => set.has(x) && !x.startsWith('^')).length;
}

function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

/**
 * How much two sources look like one story: shared people, places, organisations
 * and names of their main events and shared rare title terms, each weighted;
 * 0 when they were published too far apart. Depends only on the two profiles.
 *
 * @param a One profile.
 * @param b The other.
 * @param options Date window (optional).
 */
export function storySimilarity(a: StoryProfile, b: StoryProfile, options: StoryOptions = {}): number {
  const maxDays = options.maxDays ?? data.maxDays;
  if (a.published && b.published && daysApart(a.published, b.published) > maxDays) return 0;
  const w = data.weights;
  const people = countShared(a.core.people, b.core.people);
  // People named in both main events but all different: two stories about different people.
  if (a.core.people.length > 0 && b.core.people.length > 0 && people === 0 && data.peopleMustShare) return 0;
  const names =
    people +
    countShared(a.core.places, b.core.places) +
    countShared(a.core.orgs, b.core.orgs) +
    countShared(a.core.names, b.core.names);
  // Shared title words alone ("shooting", "killed") do not make one story: a shared name must.
  if (names === 0) return 0;
  return (
    w.people * people +
    w.places * countShared(a.core.places, b.core.places) +
    w.orgs * countShared(a.core.orgs, b.core.orgs) +
    w.names * countShared(a.core.names, b.core.names) +
    w.titleTerms * countShared(a.titleTerms, b.titleTerms)
  );
}

/**
 * Group sources into stories: connected components of the sources `sameStory` links. Each story lists source ids in input order;
 * stories are ordered by their first source.
 *
 * @param sources The sources (or their profiles).
 * @param options Threshold and date window (optional).
 */
export function storiesOf(sources: readonly (StorySource | StoryProfile)[], options: StoryOptions = {}): string[][] {
  const profiles = sources.map((source) => ('core' in source ? source : storyProfile(source)));
  // Only sources sharing a rare word or a name of their main events can be linked: find those pairs through an inverted index.
  const keyLists = () => {
    const postings = new Map<string, number[]>();
    profiles.forEach((profile, index) => {
      const keys = new Set([...(profile.terms ?? []), ...[profile.core.people, profile.core.places, profile.core.orgs, profile.core.names].flat().map((key) => `@${key}`)]);
      for (const key of keys) {
        const list = postings.get(key);
        if (list) list.push(index);
        else postings.set(key, [index]);
      }
    });
    return [...postings.values()];
  };
  // A pair sharing a key is compared only while its two sources are not yet in one story, and a key's sources
  // already in one story are passed over together (story-components.ts): components do not depend on the order of the links.
  // When only the rare words' cosine (termSimilarity) can link two sources, sameStory is asked only of the pairs whose
  // cosine can reach the lowest threshold of wordsAlike (or with a brief, its cover), found through a term index.
  const related = (i: number, j: number) => sameStory(profiles[i]!, profiles[j]!, options);
  const termThreshold = options.termThreshold ?? data.termThreshold;
  const wordsOnly = (options.threshold ?? data.threshold) === null && Math.min(termThreshold, data.namedTermThreshold, data.closeTermThreshold) > 0 && new Set(profiles.map((profile) => profile.id)).size === profiles.length;
  const lowest = Math.min(termThreshold, data.namedTermThreshold, data.closeTermThreshold);
  const brief = { terms: data.shortTerms, ratio: data.briefRatio, share: data.briefShare };
  const roots = wordsOnly ? cosineComponents(profiles, lowest, brief, related) : sharedKeyComponents(profiles.length, keyLists(), related);
  const find = (index: number): number => roots[index]!;
  const groups = new Map<number, string[]>();
  profiles.forEach((profile, index) => {
    const root = find(index);
    const group = groups.get(root) ?? [];
    group.push(profile.id);
    groups.set(root, group);
  });
  return [...groups.values()];
}
