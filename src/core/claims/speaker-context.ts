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

/** A named speaker seen so far: where, who, and whether it is known to be an organization or a company (a reference resolved to it). */
interface Antecedent {
  readonly index: number;
  readonly speaker: string;
  readonly organization: boolean;
  readonly company: boolean;
}

/** Whether a reference points back to a company ("the company", "the firm"). */
function isCompanyReference(speaker: string): boolean {
  return data.companyNouns.has(words(speaker).at(-1)!);
}

/**
 * Whether a named speaker can be the company a reference means: no government
 * body, document or group, and no person: a person has a first name or title
 * (two or more words) or is the surname of one named before.
 */
function mayBeCompany(candidate: Antecedent, named: readonly Antecedent[]): boolean {
  if (candidate.company) return true;
  const parts = words(candidate.speaker).filter((word) => !/^(?:the|a|an)$/.test(word));
  if (parts.length === 0 || parts.some((word) => data.governmentWords.has(word) || data.documentNouns.has(word) || data.groupNouns.has(word))) return false;
  if (ORGANIZATION_WORD.test(candidate.speaker)) return true;
  if (parts.length > 1) return false;
  const name = parts[0]!;
  return !named.some((other) => other !== candidate && words(other.speaker).length > 1 && words(other.speaker).at(-1) === name);
}

/**
 * The speaker of each sentence of one article, with pronouns and references
 * resolved to the named speaker before them: a pronoun to one at most
 * `pronounWindow` sentences back ("he"/"she" to a person, "it" to an
 * organization), a company reference ("the company", "the firm") to the nearest
 * named speaker that can be a company, another reference ("the statement",
 * "according to the complaint") to the nearest organization before it. A
 * resolved speaker is itself an antecedent of the next ones ("the company
 * said …" → Zoom, "It added …" → Zoom).
 * Unresolvable ones, and sentences without a speaker, stay as they are.
 *
 * @param speakers The speaker each sentence names, in article order (null: none).
 */
export function resolveSpeakers(speakers: readonly (string | null)[]): (string | null)[] {
  const named: Antecedent[] = [];
  return speakers.map((speaker, index) => {
    if (speaker === null) return null;
    if (isNamedSpeaker(speaker)) {
      named.push({ index, speaker, organization: false, company: false });
      return speaker;
    }
    const pronoun = isPronoun(speaker);
    if (!pronoun && !isReference(speaker)) return speaker;
    if (!pronoun && isCompanyReference(speaker)) {
      const company = [...named].reverse().find((candidate) => mayBeCompany(candidate, named));
      if (!company) return speaker;
      named.push({ index, speaker: company.speaker, organization: true, company: true });
      return company.speaker;
    }
    // "He", "she": a person; "it", "the statement", "the complaint": an organization.
    const personal = pronoun && /^(?:he|she|his|her)$/i.test(speaker.trim());
    const plural = pronoun && /^(?:they|their)$/i.test(speaker.trim());
    for (let k = named.length - 1; k >= 0; k--) {
      const candidate = named[k]!;
      if (pronoun && index - candidate.index > data.pronounWindow) break;
      if (!plural && personal !== (!candidate.organization && looksLikePerson(candidate.speaker))) continue;
      // A resolved pronoun or reference is an antecedent too ("It added …", then "it said …").
      if (candidate.index !== index) named.push({ index, speaker: candidate.speaker, organization: candidate.organization || !personal, company: candidate.company });
      return candidate.speaker;
    }
    return speaker;
  });
}
