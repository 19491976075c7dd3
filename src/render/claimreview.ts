// ClaimReview-ready export: schema.org `Claim` objects in JSON-LD, one
// `appearance` per outlet and `firstAppearance` from the earliest `published`,
// so fact-checkers can carry a cluster into their ClaimReview tooling.

import type { Finding, Report, SourceSummary } from '../types.js';
import { jsonChunks, type Chunks } from './chunks.js';

interface CreativeWork {
  readonly '@type': 'CreativeWork';
  readonly url?: string;
  readonly identifier: string;
  readonly headline?: string;
  readonly datePublished?: string;
  readonly author?: readonly { readonly '@type': 'Person'; readonly name: string }[];
  readonly publisher: { readonly '@type': 'Organization'; readonly name: string };
  readonly text: string;
}

/**
 * The findings as schema.org `Claim`s in a JSON-LD graph.
 *
 * @param report The report.
 */
export function toClaimReview(report: Report): Record<string, unknown> {
  const sourceById = new Map(report.sources.map((source) => [source.id, source]));
  return {
    '@context': ['https://schema.org', { claimcheck: 'https://claimcheck.invalid/vocab#' }],
    '@graph': report.claims.map((finding) => claimOf(finding, sourceById)),
  };
}

function claimOf(finding: Finding, sourceById: ReadonlyMap<string, SourceSummary>): object {
  // One appearance per outlet: its first mention.
  const appearances: CreativeWork[] = [];
  const seen = new Set<string>();
  for (const mention of finding.mentions) {
    if (seen.has(mention.outlet)) continue;
    seen.add(mention.outlet);
    const source = sourceById.get(mention.source);
    appearances.push({
      '@type': 'CreativeWork',
      ...(source?.url ? { url: source.url } : {}),
      identifier: `${mention.path}#L${mention.place.start.line}`,
      ...(source?.title ? { headline: source.title } : {}),
      ...(source?.published ? { datePublished: source.published } : {}),
      ...(source?.author ? { author: source.author.map((name) => ({ '@type': 'Person' as const, name })) } : {}),
      publisher: { '@type': 'Organization', name: mention.outlet },
      text: mention.text,
    });
  }
  const dated = appearances.filter((appearance) => appearance.datePublished !== undefined);
  const first = dated.sort((a, b) => (a.datePublished! < b.datePublished! ? -1 : a.datePublished! > b.datePublished! ? 1 : 0))[0];
  return {
    '@type': 'Claim',
    '@id': `#claim-${finding.id}`,
    text: finding.text,
    appearance: appearances,
    ...(first ? { firstAppearance: first, datePublished: first.datePublished } : {}),
    'claimcheck:verdict': finding.verdict,
    'claimcheck:outlets': finding.outlets.length,
    'claimcheck:origins': finding.origins,
    ...(finding.conflicts.length > 0 ? { 'claimcheck:conflicts': finding.conflicts.map((c) => `${c.kind}: ${c.detail}`) } : {}),
  };
}

/**
 * The ClaimReview-ready JSON-LD as text, in pieces (one claim at a time).
 *
 * @param report The report.
 */
export function renderClaimReview(report: Report): Chunks {
  return jsonChunks(toClaimReview(report), '@graph');
}
