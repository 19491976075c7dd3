// Loads the extract stage's tunables from src/data/extract-*.json once and
// compiles them (word sets, regular expressions); every module reads them here.

import quantityData from '../../data/extract-quantity.json' with { type: 'json' };
import dateData from '../../data/extract-dates.json' with { type: 'json' };
import negationData from '../../data/extract-negation.json' with { type: 'json' };
import attributionData from '../../data/extract-attribution.json' with { type: 'json' };
import checkData from '../../data/extract-checkworthiness.json' with { type: 'json' };

/** `text` escaped for use inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Finds phrases among a sentence's word tokens (lower-case, punctuation stripped). */
export type PhraseMatcher = (words: readonly { readonly lower: string }[]) => string[];

/** A matcher for whole-word `phrases`, longest first at each word: faster than one big regex. */
export function phraseMatcher(phrases: readonly string[]): PhraseMatcher {
  const byFirst = new Map<string, string[][]>();
  for (const phrase of phrases) {
    const words = phrase.toLowerCase().split(' ');
    const list = byFirst.get(words[0]!) ?? [];
    list.push(words);
    list.sort((a, b) => b.length - a.length);
    byFirst.set(words[0]!, list);
  }
  return (tokens) => {
    const found: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const candidates = byFirst.get(tokens[i]!.lower);
      if (!candidates) continue;
      const match = candidates.find((words) => words.every((word, k) => tokens[i + k]?.lower === word));
      if (match) {
        found.push(match.join(' '));
        i += match.length - 1;
      }
    }
    return found;
  };
}

// A case-insensitive regex matching any of `phrases` as whole words, longest first.
function phraseRegExp(phrases: readonly string[], flags = 'gi'): RegExp {
  const sorted = [...phrases].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\w’'])(?:${sorted.join('|')})(?![\\w’'])`, flags);
}

export type ModifierKind = 'atLeast' | 'moreThan' | 'lessThan' | 'atMost' | 'about' | 'exact';

const cardinalWords = [...quantityData.cardinals, ...quantityData.tens, ...Object.keys(quantityData.scales)];
const ordinalWords = quantityData.ordinals;
const vagueWords = Object.keys(quantityData.vague);

/** Tunables of `quantity.ts`. */
export const quantity = {
  cardinals: new Set(quantityData.cardinals),
  tens: new Set(quantityData.tens),
  scales: new Map(Object.entries(quantityData.scales)),
  dozen: quantityData.dozen,
  ordinals: new Set(ordinalWords),
  /** Modifier phrases as word lists, longest first. */
  modifiers: Object.entries(quantityData.modifiers)
    .map(([phrase, kind]) => ({ words: phrase.split(' '), kind: kind as ModifierKind }))
    .sort((a, b) => b.words.length - a.words.length),
  /** Vague amounts as word lists, longest first. */
  vague: Object.entries(quantityData.vague)
    .map(([phrase, [min, max]]) => ({ words: phrase.split(' '), min: min!, max: max! }))
    .sort((a, b) => b.words.length - a.words.length),
  timeUnits: new Set(quantityData.timeUnits),
  currencySymbols: new Map(Object.entries(quantityData.currencySymbols)),
  currencyWords: new Set(quantityData.currencyWords),
  percentWords: quantityData.percentWords.map((phrase) => phrase.split(' ')),
  timeOfDay: new Set(quantityData.timeOfDay),
  months: new Set(quantityData.months),
  identifierWords: new Set(quantityData.identifierWords),
  modelWords: new Set(quantityData.modelWords),
  measureWords: new Set(quantityData.measureWords),
  measurePrefixes: new Set(quantityData.measurePrefixes),
  wholeUnitSuffix: quantityData.wholeUnitSuffix,
  notOne: new Set(quantityData.notOne),
  stopWords: new Set(quantityData.stopWords),
  verbs: new Set(quantityData.verbs),
  ingNouns: new Set(quantityData.ingNouns),
  pronouns: new Set(quantityData.pronouns),
  /** Cheap test run before any tokenising: a digit or a number word. */
  prefilter: new RegExp(`\\d|\\b(?:${[...cardinalWords, ...ordinalWords, 'dozens?', ...vagueWords.map((w) => w.split(' ')[0]!)].join('|')})`, 'i'),
};

/** Tunables of `date.ts`. */
export const dates = {
  prefilter: new RegExp(dateData.prefilter),
  year: new RegExp(dateData.yearPattern, 'g'),
  relativeWords: new RegExp(dateData.relativeWords, 'i'),
  weekdayModifiers: new RegExp(dateData.explicitWeekdayModifiers, 'i'),
  weekWords: new RegExp(dateData.weekWords, 'i'),
  drop: dateData.dropPatterns.map((source) => new RegExp(source, 'i')),
  rangeSplit: new RegExp(dateData.rangeSplit, 'i'),
  futureWindowDays: dateData.futureWindowDays,
  trailingTrim: new RegExp(dateData.trailingTrim, 'i'),
};

/** Tunables of `negation.ts`. */
export const negation = {
  cues: new RegExp(`(?<![\\w’'])(?:${negationData.cues.join('|')})(?![\\w’'])`, 'gi'),
  notNegation: new RegExp(`(?<![\\w’'])(?:${negationData.notNegation.join('|')})(?![\\w’'])`, 'gi'),
  cueList: negationData.cues,
  /** Words that state a negation without a cue ("without", "refusal"), on word boundaries. */
  implicit: new RegExp(`(?<![\\w’'])(?:${negationData.implicit.join('|')})(?![\\w’'])`, 'i'),
  /** How many words after an implicit negative it governs (`implicitNegativeGoverns`). */
  implicitReach: negationData.implicitReach,
  /** The negative word inside a cue, left out of a claim's match terms (`withoutNegationCues`). */
  termParticles: new RegExp(`(?:(?<![\\w’'])(?:${negationData.termParticles})(?![\\w’'])|(?<=\\w)n[’']t(?![\\w’']))`, 'gi'),
  /** A leading answer ("No, …") also left out of the match terms of a line that has a cue. */
  termLeading: new RegExp(negationData.termLeading, 'iu'),
  /** Contractions whose auxiliary is read without the negative ("won't" → "will"), lowercase. */
  termContractions: new Map(Object.entries(negationData.termContractions).map(([word, reading]) => [word.toLowerCase(), reading])),
};

/** Tunables of `attribution.ts`. */
export const attribution = {
  verbs: new Set(attributionData.verbs),
  thatVerbs: new Set(attributionData.thatVerbs),
  inverted: new Set(attributionData.inverted),
  adverbs: new Set(attributionData.adverbs),
  according: attributionData.according.map((phrase) => phrase.split(' ')),
  notSpeakers: new Set(attributionData.notSpeakers),
  speakerOpeners: new Set(attributionData.speakerOpeners),
  maxSpeakerWords: attributionData.maxSpeakerWords,
  boundaries: new Set(attributionData.boundaries),
  invertedStops: new Set(attributionData.invertedStops),
  notLabels: new Set(attributionData.notLabels),
  prefilter: phraseRegExp([...attributionData.verbs, ...attributionData.thatVerbs, ...attributionData.according], 'i'),
  pronouns: new Set(attributionData.pronouns),
  referenceWords: new Set(attributionData.referenceWords),
  referenceNouns: new Set(attributionData.referenceNouns),
  groupNouns: new Set(attributionData.groupNouns),
  groupModifiersMaxWords: attributionData.groupModifiersMaxWords,
  pronounWindow: attributionData.pronounWindow,
  /** Nouns of a statement that names its source ("a statement from Zoom"). */
  sourceNouns: attributionData.sourceNouns,
  /** What a reference to a company may take (speaker-context.ts): its nouns, and no government body or document. */
  companyNouns: new Set(attributionData.companyNouns),
  governmentWords: new Set(attributionData.governmentWords),
  documentNouns: new Set(attributionData.documentNouns),
};

/** Tunables of `checkworthiness.ts`. */
export const check = {
  threshold: checkData.threshold,
  base: checkData.base,
  weights: checkData.weights,
  scores: checkData.scores,
  boilerplate: checkData.boilerplate.map((source) => new RegExp(source, 'i')),
  callToAction: new RegExp(`^(?:${[...checkData.callToAction].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})(?![\\w’'])`, 'i'),
  opinion: phraseMatcher(checkData.opinion),
  hedges: phraseMatcher(checkData.hedges),
  personal: new Set(checkData.personal),
  eventVerbs: phraseMatcher(checkData.eventVerbs),
  labelMaxWords: checkData.labelMaxWords,
  fragmentMaxWords: checkData.fragmentMaxWords,
  shortWords: checkData.shortWords,
  dialogueLabel: new RegExp(checkData.dialogueLabel),
  dialogueFillerMaxWords: checkData.dialogueFillerMaxWords,
  verbLike: new Set(checkData.verbLike),
  notVerbsEd: new Set(checkData.notVerbsEd),
  subjectPronouns: new Set(checkData.subjectPronouns),
  askedHeadline: {
    maxWords: checkData.askedHeadline.maxWords,
    labelPrefix: new RegExp(checkData.askedHeadline.labelPrefix),
    whWords: new Set(checkData.askedHeadline.whWords),
    readerWords: new Set(checkData.askedHeadline.readerWords),
  },
};
