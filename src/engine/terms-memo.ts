// terms-memo: takes the (tokens, names, numbers) of claims' match terms as a run
// decodes or makes them, returns one shared `Terms` object for each distinct
// content, so that word-for-word copies across outlets hold one set of terms
// (and one set of the n-grams matching builds per `Terms` object) between them.

import { termsFromTokens, type Terms } from '../core/match/terms.js';
import type { MatchProfile } from '../core/match/index.js';

/** Marks that cannot occur in a key's parts without making keys ambiguous. */
const SEPARATORS = /[\u0000\u0001]/;

/**
 * One `Terms` object per distinct content, for the length of one stage of a run
 * (drop it with the stage: it holds every distinct `Terms` it gave). A memo: a
 * `Terms` is plain data made by `termsFromTokens` from these three lists alone,
 * so sharing it never changes what is matched.
 */
export class TermsMemo {
  private readonly known = new Map<string, Terms>();

  /**
   * The terms of these tokens, names and numbers (`termsFromTokens`), shared.
   *
   * @param tokens Lowercase tokens in order, numbers and dates masked as `#`.
   * @param names Names, sorted.
   * @param numbers Numbers, sorted.
   */
  of(tokens: readonly string[], names: readonly string[], numbers: readonly string[]): Terms {
    const key = keyOf(tokens, names, numbers);
    if (key === undefined) return termsFromTokens(tokens, names, numbers);
    let terms = this.known.get(key);
    if (!terms) this.known.set(key, (terms = termsFromTokens(tokens, names, numbers)));
    return terms;
  }

  /**
   * The shared object equal to `terms` (`terms` itself when it is the first of its content).
   *
   * @param terms Terms made by `termsOf` or `termsFromTokens`.
   */
  share(terms: Terms): Terms {
    const key = keyOf(terms.tokens, terms.names, terms.numbers);
    if (key === undefined) return terms;
    const known = this.known.get(key);
    if (known) return known;
    this.known.set(key, terms);
    return terms;
  }

  /**
   * Profiles with their terms shared (each profile kept as it is when its terms are the shared ones).
   *
   * @param profiles Match profiles.
   */
  profiles(profiles: readonly MatchProfile[]): MatchProfile[] {
    return profiles.map((profile) => {
      const terms = this.share(profile.terms);
      return terms === profile.terms ? profile : { ...profile, terms };
    });
  }
}

/** The key of a content, or undefined when a part holds a separator (then not shared). */
function keyOf(tokens: readonly string[], names: readonly string[], numbers: readonly string[]): string | undefined {
  for (const list of [tokens, names, numbers]) for (const part of list) if (SEPARATORS.test(part)) return undefined;
  return `${tokens.join('\u0000')}\u0001${names.join('\u0000')}\u0001${numbers.join('\u0000')}`;
}
