// Opposite states for the judge: takes two mentions' sentences and returns the cue
// by which one rules out what the other states ("… is alive and well" against "…
// was killed"), or undefined. Tunables: src/data/judge-opposites.json.

import oppositesData from '../../data/judge-opposites.json' with { type: 'json' };

interface OppositePair {
  readonly state: RegExp;
  readonly opposite: RegExp;
}

const union = (sources: readonly string[]): RegExp => new RegExp(`(?<![\\p{L}])(?:${sources.join('|')})(?![\\p{L}])`, 'iu');

/** The shipped pairs of opposite states, compiled once. */
const PAIRS: readonly OppositePair[] = oppositesData.pairs.map((pair) => ({ state: union(pair.state), opposite: union(pair.opposite) }));

/** Which of the two sentences states a state and which its opposite, with the cue. */
export interface OppositeStates {
  /** 0 when the first sentence states the ruling-out state, 1 when the second does. */
  readonly stating: 0 | 1;
  readonly cue: string;
}

/** Whether a sentence has an opposite cue that stands (none, or not all, before its state cue). */
function opposedBefore(opposite: RegExp, text: string, state: RegExpExecArray | null): boolean {
  if (!state) return opposite.test(text);
  const match = opposite.exec(text.slice(state.index + state[0].length));
  return match !== null;
}

/** What a sentence states of one pair: its state cue (or null) and whether an opposite cue stands. */
interface Reading {
  readonly state: string | null;
  readonly opposite: boolean;
}

/** Each pair's reading of a sentence, by sentence: a cluster's mentions are each compared with every other. */
const readings = new Map<string, readonly Reading[]>();

function readingsOf(text: string): readonly Reading[] {
  let found = readings.get(text);
  if (found === undefined) {
    found = PAIRS.map((pair) => {
      const state = pair.state.exec(text);
      return { state: state ? state[0] : null, opposite: opposedBefore(pair.opposite, text, state) };
    });
    if (readings.size >= 20_000) readings.clear();
    readings.set(text, found);
  }
  return found;
}

/**
 * Whether one sentence states what rules out the other's state ("Rehana is alive"
 * / "Rehana was killed"): one has a cue of a pair's `state` and none of its
 * `opposite` after it (an opposite named before the state is what it rules out), the other the reverse. Undefined when no pair splits them so.
 *
 * @param a One mention's sentence.
 * @param b The other's.
 */
export function oppositeStates(a: string, b: string): OppositeStates | undefined {
  const [readingsA, readingsB] = [readingsOf(a), readingsOf(b)];
  for (let k = 0; k < PAIRS.length; k++) {
    // A mention that names the opposite before it states the state ("X, feared kidnapped, says she is safe") states the state.
    const [x, y] = [readingsA[k]!, readingsB[k]!];
    if (x.state !== null && !x.opposite && y.opposite && y.state === null) return { stating: 0, cue: x.state };
    if (y.state !== null && !y.opposite && x.opposite && x.state === null) return { stating: 1, cue: y.state };
  }
  return undefined;
}
