// ClaimReview export: the report and render options → a schema.org JSON-LD graph
// with a `ClaimReview` (Google's fact-check markup) for each claim a reviewer
// confirmed in the ledger, its `itemReviewed` the `Claim` with one `appearance`
// per outlet and `firstAppearance` from the earliest `published`; a bare `Claim`
// for every other claim.

import type { ClaimReviewDecision } from '../ledger/reviews.js';
import type { Finding, Report, SourceSummary, Verdict } from '../types.js';
import { jsonChunks, type Chunks } from './chunks.js';
import { DEFAULT_RENDER_OPTIONS, type RenderOptions } from './shared.js';

/** `reviewRating.alternateName` of each verdict: the rating as a reader sees it. */
export const RATING_NAMES: Readonly<Record<Verdict, string>> = {
  corroborated: 'Corroborated by several outlets',
  disputed: 'Disputed: outlets state conflicting facts',
  unique: 'Unconfirmed: stated by one outlet only',
};

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
 * The findings as a schema.org JSON-LD graph: a `ClaimReview` for each claim
 * whose reviewer confirmed its current verdict (`options.reviews`), by
 * `options.organization`, else a `Claim`.
 *
 * @param report The report.
 * @param options Reviews, organization, review URL template and date.
 */
export function toClaimReview(report: Report, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Record<string, unknown> {
  const sourceById = new Map(report.sources.map((source) => [source.id, source]));
  return {
    '@context': 'https://schema.org',
    '@graph': report.claims.map((finding) => {
      const claim = claimOf(finding, sourceById);
      const review = options.reviews?.get(finding.id);
      return review && review.confirmed === finding.verdict ? claimReviewOf(finding, claim, review, options) : claim;
    }),
  };
}

/**
 * Whether a finding gets a ClaimReview: its reviewer confirmed the verdict it has now.
 *
 * @param finding The finding.
 * @param options Render options with the reviews.
 */
export function isReviewed(finding: Finding, options: RenderOptions): boolean {
  return options.reviews?.get(finding.id)?.confirmed === finding.verdict;
}

function claimReviewOf(finding: Finding, claim: Record<string, unknown>, review: ClaimReviewDecision, options: RenderOptions): object {
  const organization = options.organization;
  const url = options.reviewUrl
    ? options.reviewUrl.split('{id}').join(encodeURIComponent(finding.id))
    : organization?.url
      ? `${organization.url.replace(/#.*$/, '')}#claim-${finding.id}`
      : undefined;
  return {
    '@type': 'ClaimReview',
    '@id': `#review-${finding.id}`,
    ...(url ? { url } : {}),
    claimReviewed: finding.text,
    itemReviewed: claim,
    ...(organization ? { author: { '@type': 'Organization', name: organization.name, ...(organization.url ? { url: organization.url } : {}) } } : {}),
    ...(options.reviewDate ? { datePublished: options.reviewDate } : {}),
    reviewRating: {
      '@type': 'Rating',
      alternateName: RATING_NAMES[review.confirmed],
      ...(review.note ? { ratingExplanation: review.note } : {}),
    },
  };
}

function claimOf(finding: Finding, sourceById: ReadonlyMap<string, SourceSummary>): Record<string, unknown> {
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
  // The first appearance states the claim as `text` does: in a dispute, an outlet on the representative's side.
  const side = sameSideOutlets(finding);
  const dated = appearances.filter((appearance) => appearance.datePublished !== undefined && side.has(appearance.publisher.name));
  const first = dated.sort((a, b) => (a.datePublished! < b.datePublished! ? -1 : a.datePublished! > b.datePublished! ? 1 : 0))[0];
  return {
    '@type': 'Claim',
    '@id': `#claim-${finding.id}`,
    text: finding.text,
    appearance: appearances,
    ...(first ? { firstAppearance: first, datePublished: first.datePublished } : {}),
  };
}

/**
 * The outlets that state a finding as its representative sentence does: every
 * outlet but those whose mentions conflict with the representative (updates of
 * a running count do not count as conflicts).
 *
 * @param finding A finding.
 */
export function sameSideOutlets(finding: Finding): Set<string> {
  const representative = Math.max(0, finding.mentions.findIndex((mention) => mention.text === finding.text));
  const against = new Set<number>();
  for (const conflict of finding.conflicts) {
    if (conflict.update) continue;
    const [a, b] = conflict.between;
    if (a === representative) against.add(b);
    if (b === representative) against.add(a);
  }
  const outlets = new Set<string>();
  finding.mentions.forEach((mention, index) => {
    if (!against.has(index)) outlets.add(mention.outlet);
  });
  return outlets;
}

/**
 * The ClaimReview JSON-LD as text, in pieces (one claim at a time).
 *
 * @param report The report.
 * @param options Reviews, organization, review URL template and date.
 */
export function renderClaimReview(report: Report, options: RenderOptions = DEFAULT_RENDER_OPTIONS): Chunks {
  return jsonChunks(toClaimReview(report, options), '@graph');
}
