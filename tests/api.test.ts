// The library's public API, pinned: a change to this list is a change to the
// contract others build on (README "Library"), made on purpose.
import { describe, expect, it } from 'vitest';

describe('the public API (src/index.ts)', () => {
  it('should export exactly these functions and values', async () => {
    const api = await import('../src/index.js');
    expect(Object.keys(api).sort()).toEqual([
      'MATCH_DEFAULTS',
      'analyzeAll',
      'analyzeSentence',
      'analyzeSource',
      'buildReport',
      'claimKey',
      'clusterClaims',
      'compareFindings',
      'compareSentences',
      'conflictsBetween',
      'crossReference',
      'extractClaims',
      'formatDiagnostic',
      'judgeCluster',
      'loadSources',
      'matchProfile',
      'parseSource',
      'splitSentences',
      'splitText',
      'summariesOf',
    ]);
  });

  it('should export functions that work on their own', async () => {
    const { compareSentences, splitText } = await import('../src/index.js');
    const text = 'One. Two.';
    expect(splitText(text).map((span) => text.slice(span.start, span.end))).toEqual(['One.', 'Two.']);
    expect(compareSentences('The mayor resigned on Monday.', 'The mayor resigned on Monday.').same).toBe(true);
  });
});
