// Stories: takes sources (title, paragraphs, published date) and returns groups of
// sources about one event: connected components over a pairwise similarity (shared
// names of the articles' main events, shared rare title terms, dates close together)
// that depends only on the two sources, so a story does not depend on the rest of the folder.

import data from '../data/stories.json' with { type: 'json' };
import { articleContext, type Identity } from './match/identity.js';
import { termsOf } from './match/terms.js';

/** What grouping needs of a source. */
export interface StorySource {
  readonly id: string;
  readonly title?: string;
  /** Body paragraphs in order (boilerplate left out). */
  readonly paragraphs: readonly string[];
  /** ISO `YYYY-MM-DD`, when known. */
  readonly published?: string;
}

/** A source's story profile: its main event's names and its title's rare terms. */
export interface StoryProfile {
  readonly id: string;
  readonly core: Identity;
  readonly titleTerms: readonly string[];
  readonly published: string | null;
}

/** Settings of story grouping (default: src/data/stories.json). */
export interface StoryOptions {
  /** Similarity two sources need to be linked. */
  readonly threshold?: number;
  /** Sources published further apart than this (days) are never linked. */
  readonly maxDays?: number;
}

/**
 * The story profile of a source.
 *
 * @param source The source.
 */
export function storyProfile(source: StorySource): StoryProfile {
  const context = articleContext(source);
  const title = source.title ? termsOf(source.title) : undefined;
  const titleTerms = title ? [...new Set(title.terms.filter((_, k) => title.weights[k]! >= data.minTitleTermWeight))].sort() : [];
  return { id: source.id, core: context.core, titleTerms, published: source.published ?? null };
}

function countShared(a: readonly string[], b: readonly string[]): number {
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
 * Group sources into stories: connected components of the sources linked by a
 * similarity of at least `threshold`. Each story lists source ids in input order;
 * stories are ordered by their first source.
 *
 * @param sources The sources (or their profiles).
 * @param options Threshold and date window (optional).
 */
export function storiesOf(sources: readonly (StorySource | StoryProfile)[], options: StoryOptions = {}): string[][] {
  const profiles = sources.map((source) => ('core' in source ? source : storyProfile(source)));
  const threshold = options.threshold ?? data.threshold;
  const parent = profiles.map((_, index) => index);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (let i = 0; i < profiles.length; i++) {
    for (let j = i + 1; j < profiles.length; j++) {
      if (storySimilarity(profiles[i]!, profiles[j]!, options) < threshold) continue;
      const [ri, rj] = [find(i), find(j)];
      if (ri !== rj) parent[Math.max(ri, rj)] = Math.min(ri, rj);
    }
  }
  const groups = new Map<number, string[]>();
  profiles.forEach((profile, index) => {
    const root = find(index);
    const group = groups.get(root) ?? [];
    group.push(profile.id);
    groups.set(root, group);
  });
  return [...groups.values()];
}
