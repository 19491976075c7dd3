// Same act within one story (same-act.ts): two claims that state the same act (its
// verb, or a verb close in meaning) with a shared name in the same role (who does
// it, to whom it is done), the same people and agreeing identities are one claim;
// the same verb with roles swapped, a name that is no argument of the act, other
// people, or two stories keep them apart.
import { describe, expect, it } from 'vitest';
import { analyzeSentence } from '../src/core/claims/index.js';
import { articleContext } from '../src/core/match/identity.js';
import { matchPair, matchProfile, type MatchProfile } from '../src/core/match/pair.js';
import { actsOf, isSameAct, PRONOUN, SAME_ACT, sharedAct, speakersOf } from '../src/core/match/same-act.js';
import { compareSentences } from '../src/core/match/index.js';
import { sensesMeet, verbLemmas, verbSenses } from '../src/core/match/wordnet-verbs.js';
import { testSentence } from './helpers/claim.js';

function profileOf(text: string, paragraphs: readonly string[] = []): MatchProfile {
  const sentence = testSentence(text);
  // A sentence of its own paragraph after the article's others (block = their count).
  return matchProfile(analyzeSentence({ ...sentence, block: paragraphs.length }, { outlet: 'x' }), articleContext({ paragraphs: [...paragraphs, text] }));
}

describe('actsOf', () => {
  it.each([
    ['Detectives arrested Tom Baker in Leeds after the robbery.', 'arrested', [], ['baker']],
    // The passive: its subject is whom the act is done to.
    ['Tom Baker was arrested by detectives on Monday.', 'arrested', [], ['baker']],
    ['Ines Varga sued the Kelso council over the flood.', 'sued', ['varga'], ['kelso']],
    ['The Kelso council sued Ines Varga over the flood.', 'sued', ['kelso'], ['varga']],
  ])('should read the act of %j', (text, verb, agents, patients) => {
    const [act] = actsOf(profileOf(text));
    expect(act?.word).toBe(verb);
    expect(act?.agents).toEqual(agents);
    expect(act?.patients).toEqual(patients);
  });

  it.each([
    // Nouns after a determiner are no acts ("the flood"), nor are reporting verbs ("said").
    ['Officials said the flood reached the Kelso council offices.', ['reached']],
    ['Ines Varga told reporters she would appeal.', ['appeal']],
  ])('should take only verbs of acts as acts in %j', (text, verbs) => {
    expect(actsOf(profileOf(text)).map((act) => act.word)).toEqual(verbs);
  });
});

describe('roles, progressive verbs and pronouns as acts', () => {
  it.each([
    // A role is an act: who holds it, and whose role it is.
    ["Nora Lind was the Brill Rowing Club's treasurer until March.", 'treasurer', ['lind'], ['brill rowing club']],
    ['Nora Lind served as treasurer of the Brill Rowing Club for a decade.', 'treasurer', ['lind'], ['brill rowing club']],
    ['Nora Lind acted as the chief negotiator for Vennmouth.', 'negotiator', ['lind'], ['vennmouth']],
    // Names before the role's own words are whose role it is, and a preposition among them ends nothing ("in-house").
    ["Nora Lind served as Acme Mills' in-house counsel to the board.", 'counsel', ['lind'], ['acme mills']],
    // A word in -ing after "has been", "is also": a verb.
    ['Halden Dairy has been fully cooperating with the inspectors.', 'cooperating', ['halden dairy'], []],
  ])('should read the act of %j', (text, word, agents, patients) => {
    const act = actsOf(profileOf(text)).find((a) => a.word === word);
    expect(act?.agents).toEqual(agents);
    expect(act?.patients).toEqual(patients);
  });

  it.each([
    // No role after a copula without a determiner, and no vague head ("the only woman").
    ['Nora Lind was late for the vote.', []],
    ['Nora Lind was the only woman on the board.', []],
    // "served" before a role is no act of its own.
    ['Nora Lind served as treasurer.', ['treasurer']],
  ])('should take only roles that name one in %j', (text, words) => {
    const acts = actsOf(profileOf(text)).map((act) => act.word);
    expect(acts.filter((word) => !['reach'].includes(word))).toEqual(words);
    expect(acts).not.toContain('served');
  });

  it.each([
    // A subject pronoun before any name stands for a name of the article; after a name, it stands for no one here.
    ['In a statement, the firm said that it had recalled the batch.', [PRONOUN]],
    ['Detectives said Tom Baker told them he had recalled the batch.', ['baker']],
  ])('should read the subject pronoun of %j as %j', (text, agents) => {
    expect(actsOf(profileOf(text)).find((act) => act.word === 'recalled')?.agents).toEqual(agents);
  });
});

describe('speakersOf', () => {
  it.each([
    ['Detectives arrested Tom Baker in Leeds after the robbery, said Ruth Kale, a police spokeswoman.', ['kale']],
    ['Ruth Kale told reporters that detectives had arrested Tom Baker.', ['kale']],
    ['Detectives arrested Tom Baker in Leeds after the robbery.', []],
  ])('should take the names next to a reporting word in %j as its speakers', (text, speakers) => {
    expect([...speakersOf(profileOf(text))].sort()).toEqual(speakers);
  });
});

describe('same act in one story', () => {
  it.each([
    // Same act, same people, few shared words: one claim.
    ['Detectives arrested Tom Baker in Leeds after the robbery.', 'Tom Baker, 34, was arrested by detectives on Monday in connection with a shop raid.', 'same act'],
    ['Marta Quist won the Brenner prize on Sunday night, the jury announced.', 'Judges said Marta Quist won with a debut novel about a fishing village.', 'same act'],
    // A verb close in meaning is the same act ("bought" / "was acquired by").
    ['Lena Ortiz bought the Halden dairy last spring.', 'The Halden dairy was acquired by Lena Ortiz, her spokeswoman confirmed.', 'same act'],
    // The shared name is no argument of the act in one sentence: two claims.
    ['Paul Moss signed the Tarn treaty in Oslo.', 'Delegates signed a deal on fishing rights, and Paul Moss praised the Tarn treaty.', null],
    // Who only reports the claim ("said Ruth Kale") need not be named by the other.
    ['Detectives arrested Tom Baker in Leeds after the robbery, said Ruth Kale, a police spokeswoman.', 'Tom Baker, 34, was arrested by detectives on Monday in connection with a shop raid.', 'same act'],
    // Same verb, other people: two claims.
    ['Detectives arrested Tom Baker in Leeds after the robbery.', 'Police arrested Sam Fisher in Leeds on suspicion of burglary.', null],
    // Verbs of one WordNet synset with the same participants: one claim ("married" / "wed", "died" / "perished", "arrested" / "apprehended").
    ['Ines Varga married the Leeds banker Tom Baker on Saturday.', 'Ines Varga wed Tom Baker at a small ceremony near the harbour.', 'same act'],
    ['Marta Quist died at her home in Bergen on Sunday.', 'Marta Quist perished in a fire that gutted a house in Bergen.', 'same act'],
    ['Detectives arrested Tom Baker in Leeds after the robbery.', 'Tom Baker was apprehended by detectives hours after a shop raid.', 'same act'],
    // The same synonym verbs with another subject, or the roles swapped: two claims.
    ['Ines Varga married the Leeds banker Tom Baker on Saturday.', 'Ruth Kale wed Tom Baker at a small ceremony near the harbour.', null],
    ['Ines Varga married the Leeds banker Tom Baker on Saturday.', 'Tom Baker wed Ines Varga at a small ceremony near the harbour.', null],
    ['Marta Quist died at her home in Bergen on Sunday.', 'Ruth Kale perished in a fire that gutted a house in Bergen.', null],
    ['Detectives arrested Tom Baker in Leeds after the robbery.', 'Sam Fisher was apprehended by detectives hours after a shop raid.', null],
  ])('should match %j and %j as %s', (a, b, reason) => {
    expect(compareSentences(a, b).match).toBe(reason);
    expect(compareSentences(b, a).match).toBe(reason);
  });

  it.each([
    // Someone only one claim names, far from its act ("a week after the Dale Orme scandal"), keeps nothing apart when the doer is named in both.
    ['Ines Varga married the Leeds banker Tom Baker on Saturday, a week after the Dale Orme scandal.', 'Ines Varga wed Tom Baker at a small ceremony near the harbour.', 'same act'],
    // Someone only one claim names who takes part in its act, or another doer: two claims.
    ['Ines Varga married the Leeds banker Tom Baker on Saturday.', 'Dale Orme and Ines Varga wed Tom Baker at a small ceremony near the harbour.', null],
    ['Ines Varga married the Leeds banker Tom Baker on Saturday, a week after the Dale Orme scandal.', 'Ruth Kale wed Tom Baker at a small ceremony near the harbour.', null],
    ['Ines Varga married the Leeds banker Tom Baker on Saturday.', 'Ines Varga wed Tom Baker while Dale Orme watched from the harbour.', null],
  ])('should match %j and %j as %s however many others one names', (a, b, reason) => {
    expect(compareSentences(a, b).match).toBe(reason);
    expect(compareSentences(b, a).match).toBe(reason);
  });

  it('should let a mention far from the act keep two claims apart when peopleInActs is off', () => {
    const [a, b] = [profileOf('Ines Varga married the Leeds banker Tom Baker on Saturday, a week after the Dale Orme scandal.'), profileOf('Ines Varga wed Tom Baker at a small ceremony near the harbour.')];
    const pair = matchPair(a, b);
    expect(isSameAct(a, b, pair.features, pair.identity)).toBe(true);
    expect(isSameAct(a, b, pair.features, pair.identity, { ...SAME_ACT, peopleInActs: false })).toBe(false);
  });

  it.each([
    // A headline's verb in -s the lexicon knows as a plural noun, right after a name: an act.
    ['Marta Quist checks into a Bergen clinic', 'checks', ['quist']],
    ['Halden Dairy stops its cheese sales', 'stops', ['halden dairy']],
  ])('should read the headline verb of %j', (text, word, agents) => {
    expect(actsOf(profileOf(text)).find((act) => act.word === word)?.agents).toEqual(agents);
    expect(actsOf(profileOf(text), { ...SAME_ACT, pluralAfterName: false }).find((act) => act.word === word)).toBeUndefined();
  });

  it.each([
    // Not after a determiner, nor after no name at all.
    ['The checks into the Bergen clinic were late', 'checks'],
    ['Rising costs stops nothing', 'stops'],
  ])('should read no act of the plural %j', (text, word) => {
    expect(actsOf(profileOf(text)).find((act) => act.word === word)).toBeUndefined();
  });

  it.each([
    // The same role of the same person, once with a copula and once with "served as": one claim.
    ["Members said Nora Lind was the rowing club's treasurer.", 'Club minutes show that Lind served as its treasurer from 2009 until her retirement.', 'same act'],
    // Another role of the same person: two claims.
    ["Members said Nora Lind was the rowing club's treasurer.", 'Club minutes show that Lind served as its coach from 2009 until her retirement.', null],
  ])('should match the roles %j and %j as %s', (a, b, reason) => {
    expect(compareSentences(a, b).match).toBe(reason);
    expect(compareSentences(b, a).match).toBe(reason);
  });

  it('should take a pronoun subject for the name the other claim gives when its article is about that name', () => {
    const lead = ['Halden Dairy recalled its cheese on Monday. Halden Dairy said the batch was small.'];
    const [a, b] = [profileOf('In a statement, the company said that it fully cooperated with the inspectors in this matter.', lead), profileOf('As inspectors note, Halden Dairy has been fully cooperating with them in this matter.', lead)];
    expect(sharedAct(a, b)?.map((act) => act.word)).toEqual(['cooperated', 'cooperating']);
    // Not when the pronoun's article never names the other's subject.
    const other = profileOf('In a statement, the company said that it fully cooperated with the inspectors in this matter.', ['Brisk Foods recalled its cheese on Monday. Brisk Foods said the batch was small.']);
    expect(sharedAct(other, b)).toBeUndefined();
  });

  it('should keep the same verb with its roles swapped apart ("X sued Y" / "Y sued X")', () => {
    const [a, b] = [profileOf('Ines Varga sued the Kelso council over the flood.'), profileOf('The Kelso council sued Ines Varga over the flood.')];
    expect(sharedAct(a, b)).toBeUndefined();
    const pair = matchPair(a, b);
    expect(isSameAct(a, b, pair.features, pair.identity)).toBe(false);
  });

  it('should link claims by their act only in one story', () => {
    const [a, b] = [profileOf('Detectives arrested Tom Baker in Leeds after the robbery.'), profileOf('Tom Baker, 34, was arrested by detectives on Monday in connection with a shop raid.')];
    expect(matchPair(a, b).reason).toBe('same act');
    expect(matchPair(a, b, undefined, undefined, false).reason).toBeNull();
  });

  it('should follow settings given in place of the shipped ones', () => {
    const [a, b] = [profileOf('Lena Ortiz bought the Halden dairy last spring.'), profileOf('The Halden dairy was acquired by Lena Ortiz, her spokeswoman confirmed.')];
    expect(sharedAct(a, b)).toBeDefined();
    const pair = matchPair(a, b);
    expect(isSameAct(a, b, pair.features, pair.identity, { ...SAME_ACT, minVerbCosine: 0.99, wordnetSenses: 0 })).toBe(false);
    expect(isSameAct(a, b, pair.features, pair.identity, { ...SAME_ACT, minSoftMin: 0.99 })).toBe(false);
  });

  it('should ask WordNet only for as many senses as the settings say', () => {
    // "married" / "wed" share WordNet's first sense; "arrested" / "apprehended" only the first sense of one and the second of the other.
    const [a, b] = [profileOf('Detectives arrested Tom Baker in Leeds after the robbery.'), profileOf('Tom Baker was apprehended by detectives hours after a shop raid.')];
    const pair = matchPair(a, b);
    expect(isSameAct(a, b, pair.features, pair.identity)).toBe(true);
    expect(isSameAct(a, b, pair.features, pair.identity, { ...SAME_ACT, wordnetSenses: 1 })).toBe(false);
    expect(isSameAct(a, b, pair.features, pair.identity, { ...SAME_ACT, wordnetSenses: 0 })).toBe(false);
  });
});

describe('WordNet verbs', () => {
  it.each([
    ['married', undefined, ['marry']],
    ['stopped', 'the', ['stop']],
    ['went', 'north', ['go']],
    ['died', 'at', ['die']],
    // A phrasal verb WordNet knows stands for the verb.
    ['checked', 'into', ['check into']],
    ['flies', undefined, ['fly']],
  ])('should read %j (then %j) as %j', (word, next, lemmas) => {
    expect(verbLemmas(word, next)).toEqual(lemmas);
  });

  it.each([
    ['marry', 'wed', 1, false, true],
    ['die', 'perish', 1, false, true],
    ['arrest', 'apprehend', 1, false, false],
    ['arrest', 'apprehend', 2, false, true],
    ['buy', 'sell', 8, false, false],
    // "walk in" is a kind of "enter" (its direct hypernym).
    ['walk in', 'enter', 8, false, false],
    ['walk in', 'enter', 8, true, true],
  ])('should tell whether %j and %j meet in their first senses (%d, hypernyms %s): %s', (x, y, count, hypernyms, meet) => {
    expect(sensesMeet(verbSenses([x], count), verbSenses([y], count), hypernyms)).toBe(meet);
    expect(sensesMeet(verbSenses([y], count), verbSenses([x], count), hypernyms)).toBe(meet);
  });
});
