// Story components: the near-linear grouping gives exactly the components of the
// straightforward one (every pair sharing a key tested, related pairs joined).
import { describe, expect, it } from 'vitest';
import { cosineComponents, sharedKeyComponents } from '../src/core/story-components.js';
import { sameStory, storiesOf, storyProfile, type StoryProfile } from '../src/core/stories.js';

/** A small deterministic generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Components by testing every pair that shares a list, as sorted groups. */
function reference(count: number, lists: readonly (readonly number[])[], related: (i: number, j: number) => boolean): number[][] {
  const parent = Array.from({ length: count }, (_, k) => k);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x]!)));
  const pairs = new Set<string>();
  for (const list of lists) for (const i of list) for (const j of list) if (i < j) pairs.add(`${i},${j}`);
  for (const pair of pairs) {
    const [i, j] = pair.split(',').map(Number) as [number, number];
    if (related(i, j)) parent[Math.max(find(i), find(j))] = Math.min(find(i), find(j));
  }
  return groupsOf(Array.from({ length: count }, (_, k) => find(k)));
}

function groupsOf(roots: ArrayLike<number>): number[][] {
  const groups = new Map<number, number[]>();
  for (let k = 0; k < roots.length; k++) {
    const group = groups.get(roots[k]!) ?? [];
    group.push(k);
    groups.set(roots[k]!, group);
  }
  return [...groups.values()];
}

/** Random keyed items: `stories` hidden groups whose members share keys and relate with probability `p`, plus noise keys. */
function randomCase(seed: number, count: number, stories: number, keys: number, p: number) {
  const next = random(seed);
  const storyOf = Array.from({ length: count }, () => Math.floor(next() * stories));
  const lists: number[][] = Array.from({ length: keys }, () => []);
  for (let item = 0; item < count; item++) {
    const chosen = new Set<number>();
    const many = 1 + Math.floor(next() * 6);
    for (let k = 0; k < many; k++) chosen.add(next() < 0.7 ? (storyOf[item]! * 7 + Math.floor(next() * 3)) % keys : Math.floor(next() * keys));
    for (const key of chosen) lists[key]!.push(item);
  }
  const salt = Math.floor(next() * 1e9);
  // Symmetric, deterministic: a hash of the pair below `p`, and the same hidden story (or a rare cross link).
  const related = (i: number, j: number) => {
    const [a, b] = i < j ? [i, j] : [j, i];
    const h = random(a * 100_003 + b * 7 + salt)();
    return storyOf[a] === storyOf[b] ? h < p : h < 0.01;
  };
  return { lists: lists.filter((list) => list.length > 0), related };
}

describe('sharedKeyComponents', () => {
  it.each([
    [1, 40, 3, 20, 0.5],
    [2, 200, 5, 30, 0.2],
    [3, 300, 2, 10, 0.05],
    [4, 500, 40, 200, 0.6],
    [5, 150, 1, 5, 1],
    [6, 120, 60, 50, 0.3],
    [7, 1, 1, 1, 1],
    [8, 0, 1, 1, 1],
  ])('should give the reference components (seed %i, %i items, %i stories, %i keys, p %f)', (seed, count, stories, keys, p) => {
    const { lists, related } = randomCase(seed, count, stories, keys, p);
    expect(groupsOf(sharedKeyComponents(count, lists, related))).toEqual(reference(count, lists, related));
  });

  it('should never test a pair twice nor a pair sharing no list', () => {
    const { lists, related } = randomCase(9, 300, 4, 40, 0.3);
    const sharing = new Set<string>();
    for (const list of lists) for (const i of list) for (const j of list) if (i < j) sharing.add(`${i},${j}`);
    const tested = new Set<string>();
    sharedKeyComponents(300, lists, (i, j) => {
      const key = `${i},${j}`;
      expect(i).toBeLessThan(j);
      expect(sharing.has(key)).toBe(true);
      expect(tested.has(key)).toBe(false);
      tested.add(key);
      return related(i, j);
    });
  });
});

describe('cosineComponents', () => {
  /** Random sources over a small vocabulary, some of them briefs (fewer than 25 terms), with weights 6..14. */
  function sources(seed: number, count: number, vocabulary: number) {
    const next = random(seed);
    return Array.from({ length: count }, () => {
      const size = next() < 0.2 ? 1 + Math.floor(next() * 24) : 25 + Math.floor(next() * 60);
      const chosen = new Set<number>();
      const topic = Math.floor(next() * 12) * 40;
      while (chosen.size < Math.min(size, vocabulary)) chosen.add(next() < 0.6 ? (topic + Math.floor(next() * 60)) % vocabulary : Math.floor(next() * vocabulary));
      const terms = [...chosen].map((k) => `t${String(k).padStart(4, '0')}`).sort();
      return { terms, weights: terms.map(() => 6 + next() * 8) };
    });
  }
  const cosineOf = (a: { terms: string[]; weights: number[] }, b: { terms: string[]; weights: number[] }) => {
    let dot = 0;
    a.terms.forEach((term, k) => {
      const at = b.terms.indexOf(term);
      if (at >= 0) dot += a.weights[k]! * b.weights[at]!;
    });
    const norm = (w: number[]) => Math.sqrt(w.reduce((sum, x) => sum + x * x, 0));
    return dot / (norm(a.weights) * norm(b.weights));
  };

  it.each([
    [21, 200, 600, 0.3],
    [22, 300, 500, 0.3],
    [23, 150, 480, 0.5],
  ])('should give the components of asking every pair sharing a term (seed %i, %i sources, %i terms, cosine %f)', (seed, count, vocabulary, cosine) => {
    const all = sources(seed, count, vocabulary);
    // Pairs relate at the cosine, or with a brief (fewer than 25 terms or under 15% of the other's) when the shared terms cover 45% of it (and not always then): the rule cosineComponents relies on.
    const related = (i: number, j: number) => {
      const [a, b] = [all[i]!, all[j]!];
      const coin = random(i * 7919 + j)();
      const [short, long] = a.terms.length <= b.terms.length ? [a, b] : [b, a];
      const covered = short.terms.reduce((sum, term, k) => sum + (long.terms.includes(term) ? short.weights[k]! ** 2 : 0), 0) / short.weights.reduce((sum, w) => sum + w * w, 0);
      return (cosineOf(a, b) >= cosine || ((short.terms.length < 25 || short.terms.length < 0.15 * long.terms.length) && covered >= 0.45)) && coin < 0.5;
    };
    const byTerm = new Map<string, number[]>();
    all.forEach((source, index) => {
      for (const term of source.terms) byTerm.set(term, [...(byTerm.get(term) ?? []), index]);
    });
    const expected = reference(count, [...byTerm.values()], related);
    expect(groupsOf(cosineComponents(all, cosine, { terms: 25, ratio: 0.15, share: 0.45 }, related))).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
    expect(expected.length).toBeLessThan(count);
  });
});

describe('storiesOf', () => {
  const places = ['Quarnby', 'Ellisford', 'Dunmarch', 'Pettigrew', 'Ostwald', 'Harrowgate', 'Lindqvist'];
  const things = ['reservoir', 'tramline', 'orchard', 'foundry', 'lighthouse', 'granary', 'viaduct', 'observatory'];
  const people = ['Marta Kuyper', 'Idris Fenwick', 'Solveig Arendt', 'Tobias Crane'];

  /** Random short articles about a few places, things and people, in two months. */
  function articles(seed: number, count: number): StoryProfile[] {
    const next = random(seed);
    const pick = <T,>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
    return Array.from({ length: count }, (_, k) => {
      const [place, thing, person] = [pick(places), pick(things), pick(people)];
      const day = 1 + Math.floor(next() * 28);
      return storyProfile({
        id: `a${k}`,
        title: `${place} ${thing} reopens`,
        paragraphs: [`${person} said the ${thing} in ${place} would reopen after repairs.`, next() < 0.5 ? `The ${pick(things)} near ${pick(places)} stays shut.` : ''],
        published: `2031-0${next() < 0.5 ? 3 : 6}-${String(day).padStart(2, '0')}`,
      });
    });
  }

  it.each([
    [11, 60],
    [12, 150],
  ])('should give the stories of testing every pair sharing a key (seed %i, %i articles)', (seed, count) => {
    const profiles = articles(seed, count);
    const keysOf = (profile: StoryProfile) =>
      new Set([...(profile.terms ?? []), ...[profile.core.people, profile.core.places, profile.core.orgs, profile.core.names].flat().map((key) => `@${key}`)]);
    const byKey = new Map<string, number[]>();
    profiles.forEach((profile, index) => {
      for (const key of keysOf(profile)) byKey.set(key, [...(byKey.get(key) ?? []), index]);
    });
    const expected = reference(profiles.length, [...byKey.values()], (i, j) => sameStory(profiles[i]!, profiles[j]!)).map((group) => group.map((k) => profiles[k]!.id));
    const stories = storiesOf(profiles);
    expect(stories).toEqual(expected);
    expect(stories.length).toBeGreaterThan(1);
    expect(stories.length).toBeLessThan(profiles.length);
  });
});
