// Judging forgets its figures' memos (unit keys, outcomes, slot marks) at the start
// of each cluster (`forgetFigureReadings` and the judge's own), so that they die
// young with the cluster: a memo holds what its function computes, so conflicts
// and findings must be the same whether the memos were warm, cold or forgotten.
import { describe, expect, it } from 'vitest';
import { testSentence } from '../helpers/claim.js';
import { analyzeSentence } from '../../src/core/claims/index.js';
import { forgetFigureReadings } from '../../src/core/judge/align.js';
import { conflictsBetween, judgeCluster } from '../../src/core/judge/index.js';
import { articleContext, matchProfile } from '../../src/core/match/index.js';
import type { Claim } from '../../src/types.js';

const claim = (text: string, outlet: string, index = 0): Claim => {
  const made = analyzeSentence({ ...testSentence(text, outlet), index }, { outlet });
  matchProfile(made, articleContext({ paragraphs: [] }));
  return made;
};

const PAIRS: readonly (readonly [string, string])[] = [
  ['Three people died in the crash on the coast road.', 'Five people died in the crash on the coast road.'],
  ['Four hundred workers lost their jobs at the mill.', 'About 400 workers lost their jobs at the mill.'],
  ['The bridge cost 12 million dollars and opened in 2019.', 'The bridge cost 15 million dollars and opened in 2019.'],
  ['Two climbers were rescued and one was injured.', 'Three climbers were rescued and one was injured.'],
];

describe('figure memos forgotten between clusters', () => {
  it.each(PAIRS)('conflicts of "%s" / "%s" are the same cold, warm and forgotten', (a, b) => {
    const [x, y] = [claim(a, 'Bay Courier'), claim(b, 'Coast Herald')];
    forgetFigureReadings();
    const cold = conflictsBetween(x, y);
    const warm = conflictsBetween(y, x);
    const again = conflictsBetween(x, y);
    forgetFigureReadings();
    expect(conflictsBetween(x, y)).toEqual(cold);
    expect(again).toEqual(cold);
    expect(warm.map((conflict) => conflict.kind)).toEqual(cold.map((conflict) => conflict.kind));
  });

  it('a cluster judged again after others gives the same finding', () => {
    const clusters = PAIRS.map(([a, b], k) => ({ claims: [claim(a, 'Bay Courier', k), claim(b, 'Coast Herald', k)], related: [] }));
    const pathOf = new Map<string, string>();
    const first = clusters.map((cluster) => judgeCluster(cluster, pathOf));
    const backwards = [...clusters].reverse().map((cluster) => judgeCluster(cluster, pathOf)).reverse();
    expect(backwards).toEqual(first);
    // The table holds disputes, so a memo that changed a reading would show.
    expect(first.filter((finding) => finding.verdict === 'disputed').length).toBeGreaterThanOrEqual(2);
  });
});
