// The fast paths of clustering (issue 15) give exactly what the plain algorithms
// give: the soft alignment (known/unknown term lists, remembered word pairs) equals
// a direct double loop over all term pairs, bit for bit, however often a pair is
// asked and in either order; the story cosine (term numbers, cached norms) equals a
// merge of the two sorted term lists.
import { describe, expect, it } from 'vitest';
import { softAlignment } from '../../src/core/match/soft-alignment.js';
import { termsOf, type Terms } from '../../src/core/match/terms.js';
import { termVector, VECTOR_DIMENSIONS } from '../../src/core/match/word-vectors.js';
import storyData from '../../src/data/stories.json' with { type: 'json' };
import { storyProfile, termSimilarity, type StoryProfile } from '../../src/core/stories.js';

/** The soft alignment as a plain double loop over every term pair (the algorithm before the fast path). */
function plainAlignment(a: Terms, b: Terms): { forward: number; backward: number } {
  const bestB = new Float64Array(b.terms.length);
  let forward = 0;
  let totalA = 0;
  a.terms.forEach((termA, i) => {
    let best = 0;
    const x = termVector(termA);
    b.terms.forEach((termB, j) => {
      let value = 0;
      const y = termVector(termB);
      if (termA === termB) value = 1;
      else if (x && y) {
        let cosine = 0;
        for (let k = 0; k < VECTOR_DIMENSIONS; k++) cosine += x[k]! * y[k]!;
        value = cosine <= 0.3 ? 0 : (cosine - 0.3) / 0.7;
      }
      if (value > best) best = value;
      if (value > bestB[j]!) bestB[j] = value;
    });
    forward += a.weights[i]! * best;
    totalA += a.weights[i]!;
  });
  let backward = 0;
  let totalB = 0;
  b.terms.forEach((_, j) => {
    backward += b.weights[j]! * bestB[j]!;
    totalB += b.weights[j]!;
  });
  return { forward: totalA > 0 ? forward / totalA : 0, backward: totalB > 0 ? backward / totalB : 0 };
}

/** The story term similarity as a merge of the sorted term lists. */
function plainStorySimilarity(a: StoryProfile, b: StoryProfile): { cosine: number; covered: number } {
  const [x, y, u, v] = [a.terms ?? [], b.terms ?? [], a.weights ?? [], b.weights ?? []];
  let [dot, coveredA, coveredB] = [0, 0, 0];
  for (let i = 0, j = 0; i < x.length && j < y.length; ) {
    if (x[i] === y[j]) {
      dot += u[i]! * v[j]!;
      coveredA += u[i]! * u[i]!;
      coveredB += v[j]! * v[j]!;
      i++;
      j++;
    } else if (x[i]! < y[j]!) i++;
    else j++;
  }
  const normA = u.reduce((sum, w) => sum + w * w, 0);
  const normB = v.reduce((sum, w) => sum + w * w, 0);
  if (normA === 0 || normB === 0) return { cosine: 0, covered: 0 };
  return { cosine: dot / Math.sqrt(normA * normB), covered: x.length <= y.length ? coveredA / normA : coveredB / normB };
}

const PAIRS: [string, string][] = [
  ['The ferry operator cancelled twelve crossings after the storm damaged the quay.', 'Twelve ferry sailings were called off once the gale wrecked the pier.'],
  ['Councillor Anwen Probert said the library will reopen in spring.', 'The library is due to open its doors again in the spring, Probert said.'],
  ['Zorblat Industries hired 40 welders at the Quillmoor yard.', 'Zorblat Industries took on forty welders at its Quillmoor shipyard.'],
  ['The orchestra played to an empty hall.', 'Farmers reported a record apple harvest in the valley.'],
  ['Prices rose.', 'The bakery on Dunmore Street raised the price of bread by ten pence.'],
];

describe('soft alignment fast path', () => {
  it.each(PAIRS)('should equal the plain double loop exactly for "%s" / "%s"', (left, right) => {
    const [a, b] = [termsOf(left), termsOf(right)];
    const plain = plainAlignment(a, b);
    // Asked three times (the second and third meet remembered word pairs) and the other way round.
    for (let round = 0; round < 3; round++) {
      const fast = softAlignment(a, b);
      expect(fast.forward).toBe(plain.forward);
      expect(fast.backward).toBe(plain.backward);
      const swapped = softAlignment(b, a);
      expect(swapped.forward).toBe(plain.backward);
      expect(swapped.backward).toBe(plain.forward);
    }
  });
});

const STORIES: [string, string][] = [
  ['Quillmoor shipyard hires welders. Zorblat Industries hired forty welders at its Quillmoor yard in 2031.', 'Zorblat takes on welders at Quillmoor. The Quillmoor shipyard of Zorblat Industries has forty new welders.'],
  ['Storm closes Dunmore ferry. A gale damaged the quay at Dunmore and the ferry operator cancelled crossings.', 'Library to reopen. Councillor Anwen Probert said the Larkfield library will reopen in spring.'],
  ['Brief. Dunmore ferry cancelled.', 'Storm closes Dunmore ferry. A gale damaged the quay at Dunmore; the ferry operator cancelled twelve crossings and Dunmore harbour stayed shut.'],
];

describe('story term similarity fast path', () => {
  it.each(STORIES)('should equal the merge of sorted terms for "%s" / "%s"', (left, right) => {
    const profileOf = (id: string, text: string) => {
      const [title, ...rest] = text.split('. ');
      return storyProfile({ id, title, paragraphs: [rest.join('. ')] });
    };
    const [a, b] = [profileOf('a', left), profileOf('b', right)];
    const expected = (x: StoryProfile, y: StoryProfile) => {
      const { cosine, covered } = plainStorySimilarity(x, y);
      const shorter = Math.min(x.terms?.length ?? 0, y.terms?.length ?? 0);
      return shorter < storyData.shortTerms ? Math.max(cosine, covered * storyData.shortShare) : cosine;
    };
    // Asked twice in a row (the last-pair memo) and the other way round.
    expect(termSimilarity(a, b)).toBe(expected(a, b));
    expect(termSimilarity(a, b)).toBe(expected(a, b));
    expect(termSimilarity(b, a)).toBe(expected(b, a));
  });
});
