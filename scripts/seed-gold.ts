// Scores a report of the seed corpus against the hand-labelled gold in
// tests/fixtures/seed-gold/gold.json: required clusters found, their verdicts,
// wrong merges (mentions of different outlets together that no gold group
// allows), claims that must stay unique and boilerplate that must not be a claim.
// Run: node --import tsx scripts/seed-gold.ts

import { readFileSync } from 'node:fs';
import type { Finding, Mention, Report, Verdict } from '../src/types.js';

export interface GoldMention {
  readonly source: string;
  readonly text: string;
}

export interface GoldGroup {
  readonly claim: string;
  readonly verdict: Verdict | null;
  readonly members: readonly GoldMention[];
  readonly allowed: readonly GoldMention[];
}

export interface Gold {
  readonly groups: readonly GoldGroup[];
  readonly unique: readonly GoldMention[];
  readonly notClaims: readonly string[];
}

export interface GoldScore {
  /** Required groups whose members all sit in one finding with the expected verdict. */
  readonly found: string[];
  /** Required groups that did not come out whole, with what happened. */
  readonly missed: { claim: string; why: string }[];
  /** Pairs of mentions of different outlets in one finding that no gold group allows together. */
  readonly wrongMerges: { a: string; b: string }[];
  /** Gold mentions that are not claims at all. */
  readonly notFound: string[];
  /** `unique` claims that did not come out unique. */
  readonly notUnique: string[];
  /** Boilerplate texts that came out as claims. */
  readonly boilerplateClaims: string[];
}

export const GOLD_PATH = new URL('../tests/fixtures/seed-gold/gold.json', import.meta.url);

export function readGold(): Gold {
  return JSON.parse(readFileSync(GOLD_PATH, 'utf8')) as Gold;
}

const matches = (mention: Mention, gold: GoldMention) => mention.source === gold.source && mention.text.startsWith(gold.text);
const label = (mention: Mention) => `${mention.outlet}: ${mention.text.slice(0, 70)}`;

export function scoreAgainstGold(report: Report, gold: Gold): GoldScore {
  const locate = (item: GoldMention): { finding: Finding; mention: Mention } | undefined => {
    for (const finding of report.claims) {
      const mention = finding.mentions.find((m) => matches(m, item));
      if (mention) return { finding, mention };
    }
    return undefined;
  };
  const score: GoldScore = { found: [], missed: [], wrongMerges: [], notFound: [], notUnique: [], boilerplateClaims: [] };

  for (const group of gold.groups) {
    for (const item of [...group.members, ...group.allowed]) if (!locate(item)) score.notFound.push(`${item.source}: ${item.text}`);
    if (group.members.length === 0) continue;
    const places = group.members.map(locate);
    const ids = new Set(places.map((place) => place?.finding.id));
    const finding = places[0]?.finding;
    if (ids.size !== 1 || !finding) {
      score.missed.push({ claim: group.claim, why: `split over ${ids.size} findings` });
    } else if (group.verdict && finding.verdict !== group.verdict) {
      score.missed.push({ claim: group.claim, why: `verdict ${finding.verdict}, expected ${group.verdict}` });
    } else score.found.push(group.claim);
  }

  for (const finding of report.claims) {
    for (let i = 0; i < finding.mentions.length; i++) {
      for (let j = i + 1; j < finding.mentions.length; j++) {
        const a = finding.mentions[i]!;
        const b = finding.mentions[j]!;
        if (a.outlet === b.outlet) continue;
        const together = gold.groups.some((group) => {
          const items = [...group.members, ...group.allowed];
          return items.some((item) => matches(a, item)) && items.some((item) => matches(b, item));
        });
        if (!together) score.wrongMerges.push({ a: label(a), b: label(b) });
      }
    }
  }

  for (const item of gold.unique) {
    const place = locate(item);
    if (!place) score.notFound.push(`${item.source}: ${item.text}`);
    else if (place.finding.verdict !== 'unique') score.notUnique.push(`${item.source}: ${item.text}`);
  }
  for (const text of gold.notClaims) {
    if (report.claims.some((finding) => finding.mentions.some((mention) => mention.text.includes(text)))) score.boilerplateClaims.push(text);
  }
  return score;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { crossReference } = await import('../src/index.js');
  const report = await crossReference(['sources'], { cwd: new URL('..', import.meta.url).pathname });
  const score = scoreAgainstGold(report, readGold());
  const required = readGold().groups.filter((group) => group.members.length > 0).length;
  console.log(`seed gold: ${score.found.length}/${required} required claims found with the right verdict, ${score.wrongMerges.length} wrong merges`);
  for (const miss of score.missed) console.log(`  missed: ${miss.claim} (${miss.why})`);
  for (const merge of score.wrongMerges) console.log(`  wrong merge: ${merge.a}  <>  ${merge.b}`);
  for (const item of score.notFound) console.log(`  not a claim: ${item}`);
  for (const item of score.notUnique) console.log(`  not unique: ${item}`);
  for (const item of score.boilerplateClaims) console.log(`  boilerplate claim: ${item}`);
}
