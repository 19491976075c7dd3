// Why two claims are linked: the paraphrase model alone ("same"), or a
// claim-level rule for statements of one claim that are not paraphrases: one
// sentence contains the other, both state a figure of the same unit ("at least
// four video meetings" / "at least four video conferences"), or they overlap
// broadly (and, decided in pair.ts, the same act of the same participants in one
// story: same-act.ts). Each rule is a readable reason for "why were these matched?".

import type { Claim } from '../../types.js';
import { MATCH_MODEL, type MatchModel, type Overlap } from './similarity.js';
import { termsOf } from './terms.js';

/** `same act` is decided in pair.ts (same-act.ts): the same act of the same participants, in one story. */
export type MatchReason = 'paraphrase' | 'contains' | 'same figure' | 'overlap' | 'same act';

/** Quantity kinds whose unit makes two mentions about the same fact. */
const ANCHOR_KINDS = new Set(['count', 'age', 'duration', 'money', 'percent']);

/**
 * The figures a claim states, as `kind:unit` keys ("count:meet"), values left out
 * so that "two meetings" still meets "at least four meetings".
 *
 * @param claim The claim.
 */
export function figureKeys(claim: Claim): string[] {
  const keys = new Set<string>();
  for (const quantity of claim.quantities) {
    if (!ANCHOR_KINDS.has(quantity.kind)) continue;
    const unit = quantity.unit ? termsOf(quantity.unit).terms.join(' ') || quantity.unit.toLowerCase() : quantity.kind;
    keys.add(`${quantity.kind}:${unit}`);
  }
  return [...keys].sort();
}

/** What two claims share beyond their words. */
export interface Anchors {
  /** Both state a figure of the same unit. */
  readonly figure: boolean;
}

/**
 * Why two claims state the same claim, or null when they do not.
 *
 * @param probability Paraphrase probability from the model.
 * @param overlap Weighted term overlap.
 * @param anchors Shared figures.
 * @param model Thresholds (default: the shipped model).
 */
export function matchReason(
  probability: number,
  overlap: Overlap,
  anchors: Anchors,
  model: MatchModel = MATCH_MODEL,
): MatchReason | null {
  const rules = model.rules;
  const coverage = Math.max(overlap.coverageA, overlap.coverageB);
  const minCoverage = Math.min(overlap.coverageA, overlap.coverageB);
  if (probability >= model.same) return 'paraphrase';
  if (coverage >= rules.containsCoverage && minCoverage >= rules.containsMinCoverage && overlap.shared >= rules.containsShared) {
    return 'contains';
  }
  const anchored = overlap.shared >= rules.anchorShared && coverage >= rules.anchorCoverage && minCoverage >= rules.anchorMinCoverage;
  if (anchored && anchors.figure) return 'same figure';
  if (
    probability >= rules.overlapProbability &&
    overlap.shared >= rules.overlapShared &&
    coverage >= rules.overlapCoverage &&
    minCoverage >= rules.overlapMinCoverage
  ) {
    return 'overlap';
  }
  return null;
}

/**
 * Whether two claims are at least possibly related (the weaker tier shown to reviewers).
 *
 * @param probability Paraphrase probability from the model.
 * @param overlap Weighted term overlap.
 * @param model Thresholds (default: the shipped model).
 */
export function isRelated(probability: number, overlap: Overlap, model: MatchModel = MATCH_MODEL): boolean {
  const coverage = Math.max(overlap.coverageA, overlap.coverageB);
  return probability >= model.related || (overlap.shared >= model.rules.relatedShared && coverage >= model.rules.relatedCoverage);
}
