import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { crossReference } from '../src/engine/run.js';
import type { Report } from '../src/types.js';
import { readGold, scoreAgainstGold, type GoldScore } from '../scripts/seed-gold.js';

const root = path.join(import.meta.dirname, '..');
let report: Report;
let score: GoldScore;

beforeAll(async () => {
  report = await crossReference(['sources'], { cwd: root });
  score = scoreAgainstGold(report, readGold());
});

const findingWith = (start: string) => report.claims.find((finding) => finding.mentions.some((mention) => mention.text.startsWith(start)));

describe('the hand-labelled seed corpus', () => {
  it('should make no wrong merges', () => {
    expect(score.wrongMerges).toEqual([]);
  });

  it('should find at least 11 of the 13 required claims whole and with the right verdict', () => {
    // Measured: 11/13. Misses: "fully cooperating" (PJ Media / Epoch Times share
    // only 3 content words) and the seed-004 "primary liaison" sentence.
    expect(score.found.length).toBeGreaterThanOrEqual(11);
  });

  it('should find every gold mention as a claim and keep boilerplate out', () => {
    expect(score.notFound).toEqual([]);
    expect(score.boilerplateClaims).toEqual([]);
    expect(score.notUnique).toEqual([]);
  });

  it('should corroborate "at least four video meetings" across four outlets', () => {
    const finding = findingWith('In addition, “Jin and others terminated at least four video meetings');
    expect(finding?.verdict).toBe('corroborated');
    expect(finding?.outlets).toEqual(['PJ Media', 'The Epoch Times', 'Unattributed (seed 000)', 'Unattributed (seed 004)']);
  });

  it('should corroborate "fewer than ten individual users" across two outlets', () => {
    const finding = findingWith('The company confirmed that "fewer than ten individual users');
    expect(finding?.verdict).toBe('corroborated');
    expect(finding?.outlets).toEqual(['PJ Media', 'The Epoch Times']);
  });

  it('should leave "At least 280 protesters were shot dead" unique', () => {
    const finding = findingWith('At least 280 protesters were shot dead.');
    expect(finding?.verdict).toBe('unique');
    expect(finding?.mentions).toHaveLength(1);
  });

  it('should count Demers once as an origin however many outlets quote him', () => {
    const finding = findingWith('“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party [CCP],”');
    expect(finding?.outlets).toHaveLength(4);
    expect(finding?.origins).toHaveLength(1);
  });

  it('should find no disputes between the seed articles', () => {
    expect(report.claims.filter((finding) => finding.verdict === 'disputed')).toEqual([]);
  });
});
