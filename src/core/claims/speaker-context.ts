// Speakers across an article: the speaker each sentence names as written (or
// null) → the speaker it refers to. "He added", "the statement said" and
// "according to the complaint" only point back; they take the named speaker or
// document before them in the same article. Pure; tunables in extract-attribution.json.

import { attribution as data } from './data.js';

/** Words of an organization's name: "he" and "she" never point back to one. */
const ORGANIZATION_WORD = /\b(?:department|ministry|office|bureau|agency|company|corporation|inc|ltd|council|court|police|government|commission|committee|party|university|times|media|news|post)\b/i;

function words(speaker: string): string[] {
  return speaker.toLowerCase().replace(/[’']s\b/g, '').split(/\s+/).filter(Boolean);
}

/** A pronoun that stands for a speaker ("he", "they"). */
function isPronoun(speaker: string): boolean {
  const parts = words(speaker);
  return parts.length === 1 && data.pronouns.has(parts[0]!);
}

/** A definite reference to a speaker or document named before ("the statement", "the criminal complaint", "the company"). */
function isReference(speaker: string): boolean {
  if (/[A-Z]/.test(speaker.replace(/^(?:The|A|An|Its|His|Her|Their|That|This)\b/, ''))) return false;
  const parts = words(speaker);
  if (parts.length < 2 || !data.referenceWords.has(parts[0]!)) return false;
  return data.referenceNouns.has(parts.at(-1)!) && parts.slice(1, -1).every((word) => data.referenceWords.has(word) || data.referenceNouns.has(word));
}

/**
 * Whether a speaker names someone: a capitalised name ("Demers", "the Justice
 * Department") or a named group ("town officials"), not a pronoun or a reference back.
 *
 * @param speaker The speaker as written.
 */
export function isNamedSpeaker(speaker: string): boolean {
  if (isPronoun(speaker) || isReference(speaker)) return false;
  const parts = words(speaker);
  if (/[A-Z]/.test(speaker.replace(/^(?:The|A|An)\s/, ''))) return true;
  return parts.length >= 2 && parts.length <= data.groupModifiersMaxWords + 1 && data.groupNouns.has(parts.at(-1)!) && !data.referenceWords.has(parts[0]!);
}

function looksLikePerson(speaker: string): boolean {
  return !/^(?:the|a|an)\s/i.test(speaker) && !ORGANIZATION_WORD.test(speaker) && /^[A-Z]/.test(speaker);
}

/**
 * The speaker of each sentence of one article, with pronouns and references
 * resolved to the named speaker before them: a pronoun to one at most
 * `pronounWindow` sentences back ("he"/"she" to a person, "it" to an
 * organization), a reference ("the statement", "according to the complaint",
 * "the company") to the nearest organization before it.
 * Unresolvable ones, and sentences without a speaker, stay as they are.
 *
 * @param speakers The speaker each sentence names, in article order (null: none).
 */
export function resolveSpeakers(speakers: readonly (string | null)[]): (string | null)[] {
  const named: { index: number; speaker: string }[] = [];
  return speakers.map((speaker, index) => {
    if (speaker === null) return null;
    if (isNamedSpeaker(speaker)) {
      named.push({ index, speaker });
      return speaker;
    }
    const pronoun = isPronoun(speaker);
    if (!pronoun && !isReference(speaker)) return speaker;
    // "He", "she": a person; "it", "the statement", "the complaint", "the company": an organization.
    const personal = pronoun && /^(?:he|she|his|her)$/i.test(speaker.trim());
    const plural = pronoun && /^(?:they|their)$/i.test(speaker.trim());
    for (let k = named.length - 1; k >= 0; k--) {
      const candidate = named[k]!;
      if (pronoun && index - candidate.index > data.pronounWindow) break;
      if (!plural && personal !== looksLikePerson(candidate.speaker)) continue;
      return candidate.speaker;
    }
    return speaker;
  });
}
