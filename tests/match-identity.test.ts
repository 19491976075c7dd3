// Event identity: two mentions state one claim only when who, where and when agree.
import { describe, expect, it } from 'vitest';
import { testSentence } from './helpers/claim.js';
import { articleContext, claimIdentity, compareSentences, findNames, identityRelation } from '../src/core/match/index.js';
import { analyzeSentence } from '../src/core/claims/index.js';

const sentence = testSentence;

describe('findNames', () => {
  it.each([
    ['Deputies found Marta Kovacs at her home.', 'kovacs', 'person'],
    ['Two men were hurt on Birchwood Avenue overnight.', 'birchwood avenue', 'place'],
    ['The Dunmore County Sheriff Office opened an inquiry.', 'dunmore county sheriff office', 'org'],
    ['Sgt. Olsen said the road was closed.', 'olsen', 'person'],
    ['A fire broke out in Quillby late on Monday.', 'quillby', 'place'],
    // A suffix is no last name: "Jr." ends the name and makes it a person's.
    ['Deputies said Arlo James Venn Jr., 49, escaped on Monday.', 'venn', 'person'],
    ['Deputies said Dale Orme III was arrested.', 'orme', 'person'],
  ])('should read %s as naming %s (%s)', (text, key, kind) => {
    expect(findNames(text)).toContainEqual(expect.objectContaining({ key, kind }));
  });

  it.each([
    ["Coach Ivers' Harbor Lions lost again on Sunday.", 'ivers', 'ivers harbor lions'],
    ["Quillby's Larkspur Road was closed.", 'quillby', "quillby's larkspur road"],
  ])('should end a name at a possessive: %s names %s', (text, key, joined) => {
    const keys = findNames(text).map((name) => name.key);
    expect(keys).toContain(key);
    expect(keys.some((k) => k.startsWith(joined.split(' ')[0]!) && k.includes(' '))).toBe(false);
  });

  it.each([
    ['The Department of Justice opened an inquiry.', 'doj'],
    ['The U.S. Department of Justice opened an inquiry.', 'doj'],
    ['The DOJ opened an inquiry.', 'doj'],
    // A title before an organisation's head alone is part of its name ("Justice" of "Justice Department").
    ['The Justice Department opened an inquiry.', 'doj'],
  ])('should key one organisation written several ways as one: %s names %s', (text, key) => {
    expect(findNames(text).map((name) => name.key)).toContain(key);
  });

  it.each([
    // A title left at the end of a sentence ("… attended by Brelmark Gov.") is nobody's name.
    ['A fire damaged the church attended by Brelmark Gov.', 'gov'],
    ['Deputies said Arlo James Venn Jr., 49, escaped on Monday.', 'jr'],
  ])('should not key %s by %s', (text, key) => {
    expect(findNames(text).map((name) => name.key)).not.toContain(key);
  });

  it.each([
    ['Police said the fire was out by noon.'],
    ['On Monday the council met again.'],
  ])('should find no name in %s', (text) => {
    expect(findNames(text).filter((name) => !name.initial)).toEqual([]);
  });
});

describe('places and compounds', () => {
  it.each([
    // A compound of plain words joined by hyphens is no name, in prose or in a Title Case headline.
    ['Cops Say Quillby Woman Killed In Hit-And-Run', 'hit-and-run'],
    ['A follow-up inquiry opened in Quillby on Monday.', 'follow-up'],
  ])('should not read %s as naming %s', (text, key) => {
    expect(findNames(text).map((name) => name.key)).not.toContain(key);
  });

  it.each([
    // One place inside the other's name, word for word, or "Mt" for "Mount", or a nationality in -n: one place.
    ['Four people were hurt when a bus overturned on South Larkspur Road.', 'Four people were hurt when a bus overturned on Larkspur Road.', false],
    ['The climber fell near Mt Arvel Hut on Sunday.', 'The climber fell near Mount Arvel Hut on Sunday.', false],
    ['A strong quake hit the Brelanian province of Tosk on Tuesday.', 'A strong quake hit Tosk in Brelania on Tuesday.', false],
    // Two roads that only share a word are two places.
    ['Four people were hurt when a bus overturned on Larkspur Road.', 'Four people were hurt when a bus overturned on Birchwood Road.', true],
  ])('should compare the places of %s and %s (different: %s)', (a, b, different) => {
    expect(compareSentences(a, b).identity.different).toBe(different);
    expect(compareSentences(b, a).identity.different).toBe(different);
  });
});

describe('compareSentences with identity', () => {
  it.each([
    ['Police said three people were shot on Main Street on Friday.', 'Police said five people were shot on Elm Street on Saturday.'],
    ['Marta Kovacs was charged with arson in Quillby.', 'Henrik Dahl was charged with arson in Quillby.'],
    ['Four people were hurt when a bus overturned on Birchwood Avenue.', 'Four people were hurt when a bus overturned on Larkspur Road.'],
    ['Champion Dorian Maske beat Luis Ferreira in the ninth round.', 'Champion Dorian Maske beat Tony Albrecht in the fourth round.'],
  ])('should keep two events apart: %s / %s', (a, b) => {
    const why = compareSentences(a, b);
    expect(why.identity.different).toBe(true);
    expect(why.match).toBeNull();
    expect(why.conflicts).toEqual([]);
  });

  it.each([
    ['Police said three people were shot on Main Street on Friday.', 'Police said five people were shot on Main Street on Friday.', 'quantity'],
    ['Marta Kovacs was fined 300 dollars in Quillby.', 'Marta Kovacs was fined 500 dollars in Quillby.', 'quantity'],
  ])('should keep a dispute when identity agrees: %s / %s', (a, b, kind) => {
    const why = compareSentences(a, b);
    expect(why.identity.different).toBe(false);
    expect(why.match).not.toBeNull();
    expect(why.conflicts.map((conflict) => conflict.kind)).toContain(kind);
  });
});

describe('article context', () => {
  const article = (title: string, lead: string) => articleContext({ title, paragraphs: [lead], published: '2031-04-02' });
  const identity = (text: string, context: ReturnType<typeof articleContext>) =>
    claimIdentity(analyzeSentence(sentence(text), { outlet: 'x', published: '2031-04-02' }), context);

  it.each([
    ['Shooting in Quillby leaves one dead', 'A man was shot dead in Quillby on Tuesday, police said.', 'Bus crash on Larkspur Road in Vennmouth', 'Twelve people were hurt when a bus crashed in Vennmouth.', true],
    ['Shooting in Quillby leaves one dead', 'A man was shot dead in Quillby on Tuesday, police said.', 'Quillby man dies after shooting', 'Police in Quillby are looking for the gunman.', false],
  ])('should tell generic sentences of %s and %s apart by their articles', (titleA, leadA, titleB, leadB, different) => {
    const a = identity('His name has not been released.', article(titleA, leadA));
    const b = identity('His name has not been released.', article(titleB, leadB));
    expect(identityRelation(a, b).different).toBe(different);
  });
});

describe('identityRelation on profiles compared many times', () => {
  const profile = (sentencePeople: string[], corePlaces: string[], names: string[] = []) => ({
    sentence: { people: sentencePeople, places: [], orgs: [], names },
    dates: [],
    core: { people: [], places: corePlaces, orgs: [], names: [] },
    published: null,
  });
  const a = profile(['vance'], ['harlow'], ['pell dorn']);
  const b = profile(['dorn'], ['harlow']);
  const c = profile(['okafor'], ['brisk bay']);
  it.each([
    [a, b],
    [b, a],
    [a, c],
    [c, b],
  ])('should give the same relation for the same profiles on every call and for equal copies (%#)', (x, y) => {
    const first = identityRelation(x, y);
    expect(identityRelation(x, y)).toEqual(first);
    expect(identityRelation(structuredClone(x), structuredClone(y))).toEqual(first);
  });
  it.each([
    // "Dorn" untyped in one article is the person "dorn" of the other, though that article types no one a person.
    // Regions agree (0.25), the untyped name agrees as a person (1) and as a shared name (0.5).
    [profile([], ['harlow'], ['dorn']), 1.75],
    [profile([], ['harlow'], ['pell']), 0.25],
    // The whole name: "Ivo Dorn" is not the person "dorn" of "Dale Dorn".
    [profile([], ['harlow'], ['ivo dorn']), 0.25],
  ])('should count a person the other side names untyped as agreeing (%#)', (x, score) => {
    const typed = { sentence: { people: ['dorn'], places: [], orgs: [], names: [] }, dates: [], core: { people: [], places: ['^harlow'], orgs: [], names: [] }, published: null };
    expect(identityRelation(typed, { ...x, core: { ...x.core, places: ['^harlow'] } }).score).toBe(score);
  });

  it('should still tell two events apart after the same profile met one event', () => {
    expect(identityRelation(a, b).different).toBe(false);
    expect(identityRelation(a, c).different).toBe(true);
  });
});
