// Names in Title Case lines (title-case-names.ts, findNames) and the story rule for two
// one-line sources (stories.ts `lineTerms` / `lineShare`): a headline's capitals tell no
// names, and two lines that say one thing in few words are one story without a shared name.
import { describe, expect, it } from 'vitest';
import { articleContext, findNames } from '../../src/core/match/identity.js';
import { bodyCasing, bodyVerdict, isPlainWord, isTitleCaseLine, titleCaseParts } from '../../src/core/match/title-case-names.js';
import { storyProfile, storyRelation } from '../../src/core/stories.js';

describe('isTitleCaseLine', () => {
  it.each([
    ['Mayor Dalgety Quits After Harbour Vote Rumours', true],
    ['MAYOR DALGETY QUITS', true],
    ['Mayor Dalgety quits after the harbour vote', false],
    ['Dalgety Quits', false],
    // A sentence with capitalised names but lowercase content words is no Title Case line.
    ['The Dunmore County Sheriff Office opened an inquiry', false],
  ])('%s → %s', (text, expected) => {
    expect(isTitleCaseLine(text)).toBe(expected);
  });
});

describe('isPlainWord', () => {
  it.each([
    ['Quits', true],
    ['Dead', true],
    ['Rumours', true],
    ['Mauled', true],
    ['Story', true],
    // A compound of plain words the lexicon does not list is plain; one with a name in it is not.
    ['Hit-And-Run', true],
    ['Jean-Claude', false],
    ['Justin', false],
    ['Dalgety', false],
    ['Williams', false],
  ])('%s → %s', (word, expected) => {
    expect(isPlainWord(word)).toBe(expected);
  });
});

describe('titleCaseParts', () => {
  it('should split a run at plain words and keep where each part starts', () => {
    expect(titleCaseParts('Mayor Tomas Dalgety Quits Over Harbour Vote')).toEqual([{ text: 'Tomas Dalgety', at: 6 }]);
  });
});

describe('findNames on a Title Case line', () => {
  it.each([
    ['Tomas Dalgety Dead Rumours Not True', ['person:dalgety']],
    ['Justin Bieber Saved A Guy Getting Mauled By A Bear', ['person:bieber']],
    // Sentence case is read as before: the run of capitals is the name.
    ['police said the Blue Anchor Inn was sold', ['name:blue anchor inn']],
    // In Title Case a name made of plain words is lost: fewer names, never a wrong one.
    ['Police Say The Blue Anchor Inn Was Sold', []],
  ])('%s → %o', (text, names) => {
    expect(findNames(text).map((name) => `${name.kind}:${name.key}`)).toEqual(names);
  });
});

describe('bodyCasing and bodyVerdict', () => {
  const body = bodyCasing([
    'Hollins Drift Beat Three Rivals', // a Title Case line: left out
    'The Marlins beat the Herons again. Fans said the Marlins looked sharp.',
    'Coach Arne Young said young players carried the day, and Young thanked Harbour Point fans.',
    'Outside, the harbour was calm.',
  ]);
  it.each([
    // Capitalised mid-sentence only: a name.
    ['Marlins', 'name'],
    // Three times capitalised mid-sentence, once in lower case ("young players"): a name.
    ['Young', 'name'],
    // Lower case only: a plain word; "Fans" sentence-initially does not count as capitalised.
    ['Fans', 'plain'],
    ['Beat', 'plain'],
    // Never in the body (the Title Case line is no evidence): the lexicon decides.
    ['Rivals', undefined],
    ['Hollins', undefined],
  ])('%s → %s', (word, verdict) => {
    expect(bodyVerdict([word], 0, body)).toBe(verdict);
  });

  it('should take a pair of capitals the body writes together as a name', () => {
    expect(bodyVerdict(['Harbour', 'Point', 'Win'], 0, body)).toBe('name');
    expect(bodyVerdict(['Harbour', 'Win'], 0, body)).toBeUndefined();
  });

  it('should not count a word after an abbreviation as sentence-initial', () => {
    expect(bodyVerdict(['Rook'], 0, bodyCasing(['The award went to Mr. Rook on Friday.']))).toBe('name');
  });
});

describe('names of a Title Case headline read against its article body', () => {
  const names = (paragraphs: string[], k = 0) => articleContext({ paragraphs }).paragraphs[k]!.map((name) => name.key);
  it.each([
    // Plurals the lexicon takes for plain words are names when the body capitalises them.
    [['Owls Top Wolves', 'The Owls beat the Wolves 3-1 on Sunday.'], ['owls', 'wolves']],
    [['Owls Top Wolves'], []],
    // A plain word after a first name is no last name when the body writes it in lower case.
    [['Ronnie Wade Dead?', 'The singer Ronnie Wade was found dead at his home, his agent said.'], ['wade']],
    [['Singer Dead At 80?', 'The singer died at home on Friday; she was found dead by a neighbour.'], []],
    // A real surname that is also a plain word stays a name when the body capitalises it mid-sentence.
    [['Coach Young Quits', 'The club said coach Arne Young would leave; Young thanked the fans.'], ['young']],
  ])('%o → %o', (paragraphs, keys) => {
    expect(names(paragraphs)).toEqual(keys);
  });

  it.each([
    ['Dolly Carver Dead Rumours Not True', ['carver']],
    // A lone headline keeps the lexicon rule, but a first name after a first name is the last name: "Dead" is none.
    ['Ronnie Wade Dead?', ['wade']],
    ['Coach Robert Plant Quits', ['plant']],
  ])('should keep the lexicon rule for a lone headline: %s → %o', (text, keys) => {
    expect(findNames(text).map((name) => name.key)).toEqual(keys);
  });
});

describe('story of two one-line sources', () => {
  const line = (id: string, text: string) => storyProfile({ id, paragraphs: [text] });
  it.each([
    // A claim and a headline in other words, no name in common: one story.
    ['A teacher had sex with a pupil aged sixteen', 'Teacher sex tape with pupil exposed as a fake', true],
    ['The Brennock lighthouse was sold to a hotel chain', 'Brennock Lighthouse Sale Rumours Not True', true],
    // Two lines that share a word or two of little weight are not.
    ['A teacher had sex with a pupil aged sixteen', 'Harbour council votes to close the ferry pier', false],
  ])('%s / %s → %s', (a, b, expected) => {
    expect(storyRelation(line('a', a), line('b', b)) === true).toBe(expected);
  });

  it('should keep a long article and a line to the rule for briefs (a shared name)', () => {
    const long = storyProfile({
      id: 'long',
      paragraphs: [
        'The Vennmouth teachers union met on Tuesday to discuss pay, pensions, class sizes and the new inspection regime.',
        'Delegates from Quillby, Larkspur, Delmoor and Brennock spoke about staffing shortages, supply cover and budgets.',
        'A motion on workload passed; another on strike ballots was deferred until the autumn conference in Harrowgate.',
      ],
    });
    expect(storyRelation(long, line('b', 'Teacher sex tape with pupil exposed as a fake'))).toBe(false);
  });
});
