// engine/snapshot-stories: the stories of a grown corpus from the stories of the
// snapshot's part of it. Takes the story profiles in report order, which of them are
// new, and the snapshot's story summaries; returns the story gate matching uses and
// the story summaries, equal to what a full run (`storyGate`, `storySummaries`) gives.

import { sameStory, storyGate, storySummaries, type StoryGateRelation, type StoryProfile } from '../core/stories.js';
import { unionFind } from '../core/story-components.js';
import type { StorySummary } from '../types.js';

/** The stories of a corpus: the gate over source ids, and the summaries in report order. */
export interface ExtendedStories {
  /** The story relation with each source's story, as `storyGate` of every profile gives it. */
  readonly gate: StoryGateRelation;
  /** The story summaries, as `storySummaries` of every profile gives them. */
  readonly summaries: readonly StorySummary[];
  /** How many stories were summarised anew (the others are the snapshot's). */
  readonly remade: number;
}

/**
 * The stories of the corpus made of the snapshot's sources and some new ones,
 * without comparing the snapshot's sources with each other again. A story is a
 * connected component of a relation that depends only on the two sources (see
 * `storiesOf`), so the new components are the snapshot's stories joined by the
 * links of new sources, asked of the sources that share a rare word or a name
 * with one (no other pair can be linked). A story that took in nothing keeps its summary. Undefined when the
 * snapshot's stories do not cover its sources exactly once, or ids repeat: then
 * group in full.
 *
 * @param profiles Story profile of every source, in report order.
 * @param fresh Positions in `profiles` of the new sources.
 * @param prior The snapshot's stories (`Report.stories` of the run that wrote it).
 */
export function extendStories(profiles: readonly StoryProfile[], fresh: ReadonlySet<number>, prior: readonly StorySummary[]): ExtendedStories | undefined {
  const count = profiles.length;
  const indexOf = new Map<string, number>();
  profiles.forEach((profile, index) => indexOf.set(profile.id, index));
  if (indexOf.size !== count) return undefined;
  // Union-find over positions, the root of a component its smallest position.
  const { parent, find } = unionFind(count);
  const union = (a: number, b: number) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  // The snapshot's stories, each by the position of its first source.
  const storyAt = new Map<number, StorySummary>();
  const seen = new Uint8Array(count);
  let covered = 0;
  for (const story of prior) {
    const positions = story.sources.map((id) => indexOf.get(id));
    if (positions.length === 0 || positions.some((position) => position === undefined || fresh.has(position) || seen[position]!++ !== 0)) return undefined;
    covered += positions.length;
    for (const position of positions) union(positions[0]!, position!);
    storyAt.set(positions[0]!, story);
  }
  if (covered !== count - fresh.size) return undefined;

  // Each new source's links: to every source sharing a rare word or a name of its main event with it (`storiesOf`
  // asks no other pair, and a link needs a shared word), each pair asked once, the earlier source first, as a full run asks.
  const newKeys = [...fresh].sort((a, b) => a - b).map((position) => ({ position, keys: new Set(keysOf(profiles[position]!)) }));
  profiles.forEach((profile, position) => {
    const keys = keysOf(profile);
    for (const { position: other, keys: wanted } of newKeys) {
      // A pair of two new sources is asked once, from the later one.
      if (other >= position && fresh.has(position)) continue;
      if (!keys.some((key) => wanted.has(key))) continue;
      const [a, b] = position < other ? [position, other] : [other, position];
      if (sameStory(profiles[a]!, profiles[b]!)) union(a, b);
    }
  });

  // Components in report order of their first source, sources in report order (as `storiesOf` lists them).
  const members = new Map<number, number[]>();
  for (let position = 0; position < count; position++) {
    const root = find(position);
    const list = members.get(root);
    if (list) list.push(position);
    else members.set(root, [position]);
  }
  const stories: string[][] = [];
  const summaries: StorySummary[] = [];
  let remade = 0;
  for (const [root, positions] of members) {
    const ids = positions.map((position) => profiles[position]!.id);
    stories.push(ids);
    const kept = storyAt.get(root);
    // Components only merge: one that holds no new source and is as large as the old story of its first source is that story.
    if (kept && kept.sources.length === positions.length && !positions.some((position) => fresh.has(position))) summaries.push(kept);
    else {
      summaries.push(storySummaries(positions.map((position) => profiles[position]!), {}, [ids])[0]!);
      remade++;
    }
  }
  return { gate: storyGate(profiles, {}, stories), summaries, remade };
}

/** What a source can share with another to be linked: its rare words and the names of its main event (`@` and the name), as `storiesOf` keys them. */
function keysOf(profile: StoryProfile): string[] {
  const { people, places, orgs, names } = profile.core;
  return [...(profile.terms ?? []), ...[people, places, orgs, names].flat().map((key) => `@${key}`)];
}

