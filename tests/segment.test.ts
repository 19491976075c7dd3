// Tests of src/core/sentences.ts: golden rules and news prose in, sentences out (tables); the data files,
// span invariants (fast-check), linear time, and the round trip from sentences back to file offsets.

import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import abbreviations from '../src/data/abbreviations.json' with { type: 'json' };
import rules from '../src/data/segment-rules.json' with { type: 'json' };
import { parseSource } from '../src/core/parse.js';
import { splitSentences, splitText } from '../src/core/sentences.js';
import type { Block, BlockKind, Point, Sentence, Source, TextRun } from '../src/types.js';


/** The sentences `splitText` finds in `text`, as slices of it. */
function split(text: string): string[] {
  return splitText(text).map((span) => text.slice(span.start, span.end));
}

/** claimcheck's golden-rule scoring: collapse whitespace runs, trim, drop empty segments. */
function normalise(sentences: readonly string[]): string[] {
  return sentences.map((sentence) => sentence.replace(/\s+/g, ' ').trim()).filter((sentence) => sentence !== '');
}

// English Golden Rules #1–#52 of pragmatic_segmenter (github.com/diasks2/pragmatic_segmenter,
// MIT licence), as in shared/bench/segmentation/golden_rules_en.json: [id, name, text, sentences].
const goldenRules: [number, string, string, string[]][] = [
  [1, 'Simple period to end sentence', 'Hello World. My name is Jonas.', ['Hello World.', 'My name is Jonas.']],
  [2, 'Question mark to end sentence', 'What is your name? My name is Jonas.', ['What is your name?', 'My name is Jonas.']],
  [3, 'Exclamation point to end sentence', 'There it is! I found it.', ['There it is!', 'I found it.']],
  [4, 'One letter upper case abbreviations', 'My name is Jonas E. Smith.', ['My name is Jonas E. Smith.']],
  [5, 'One letter lower case abbreviations', 'Please turn to p. 55.', ['Please turn to p. 55.']],
  [6, 'Two letter lower case abbreviations in the middle of a sentence', 'Were Jane and co. at the party?', ['Were Jane and co. at the party?']],
  [7, 'Two letter upper case abbreviations in the middle of a sentence', 'They closed the deal with Pitt, Briggs & Co. at noon.', ['They closed the deal with Pitt, Briggs & Co. at noon.']],
  [8, 'Two letter lower case abbreviations at the end of a sentence', 'Let\'s ask Jane and co. They should know.', ['Let\'s ask Jane and co.', 'They should know.']],
  [9, 'Two letter upper case abbreviations at the end of a sentence', 'They closed the deal with Pitt, Briggs & Co. It closed yesterday.', ['They closed the deal with Pitt, Briggs & Co.', 'It closed yesterday.']],
  [10, 'Two letter (prepositive) abbreviations', 'I can see Mt. Fuji from here.', ['I can see Mt. Fuji from here.']],
  [11, 'Two letter (prepositive & postpositive) abbreviations', 'St. Michael\'s Church is on 5th st. near the light.', ['St. Michael\'s Church is on 5th st. near the light.']],
  [12, 'Possesive two letter abbreviations', 'That is JFK Jr.\'s book.', ['That is JFK Jr.\'s book.']],
  [13, 'Multi-period abbreviations in the middle of a sentence', 'I visited the U.S.A. last year.', ['I visited the U.S.A. last year.']],
  [14, 'Multi-period abbreviations at the end of a sentence', 'I live in the E.U. How about you?', ['I live in the E.U.', 'How about you?']],
  [15, 'U.S. as sentence boundary', 'I live in the U.S. How about you?', ['I live in the U.S.', 'How about you?']],
  [16, 'U.S. as non sentence boundary with next word capitalized', 'I work for the U.S. Government in Virginia.', ['I work for the U.S. Government in Virginia.']],
  [17, 'U.S. as non sentence boundary', 'I have lived in the U.S. for 20 years.', ['I have lived in the U.S. for 20 years.']],
  [18, 'A.M. / P.M. as non sentence boundary and sentence boundary', 'At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.', ['At 5 a.m. Mr. Smith went to the bank.', 'He left the bank at 6 P.M.', 'Mr. Smith then went to the store.']],
  [19, 'Number as non sentence boundary', 'She has $100.00 in her bag.', ['She has $100.00 in her bag.']],
  [20, 'Number as sentence boundary', 'She has $100.00. It is in her bag.', ['She has $100.00.', 'It is in her bag.']],
  [21, 'Parenthetical inside sentence', 'He teaches science (He previously worked for 5 years as an engineer.) at the local University.', ['He teaches science (He previously worked for 5 years as an engineer.) at the local University.']],
  [22, 'Email addresses', 'Her email is Jane.Doe@example.com. I sent her an email.', ['Her email is Jane.Doe@example.com.', 'I sent her an email.']],
  [23, 'Web addresses', 'The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.', ['The site is: https://www.example.50.com/new-site/awesome_content.html.', 'Please check it out.']],
  [24, 'Single quotations inside sentence', 'She turned to him, \'This is great.\' she said.', ['She turned to him, \'This is great.\' she said.']],
  [25, 'Double quotations inside sentence', 'She turned to him, "This is great." she said.', ['She turned to him, "This is great." she said.']],
  [26, 'Double quotations at the end of a sentence', 'She turned to him, "This is great." She held the book out to show him.', ['She turned to him, "This is great."', 'She held the book out to show him.']],
  [27, 'Double punctuation (exclamation point)', 'Hello!! Long time no see.', ['Hello!!', 'Long time no see.']],
  [28, 'Double punctuation (question mark)', 'Hello?? Who is there?', ['Hello??', 'Who is there?']],
  [29, 'Double punctuation (exclamation point / question mark)', 'Hello!? Is that you?', ['Hello!?', 'Is that you?']],
  [30, 'Double punctuation (question mark / exclamation point)', 'Hello?! Is that you?', ['Hello?!', 'Is that you?']],
  [31, 'List (period followed by parens and no period to end item)', '1.) The first item 2.) The second item', ['1.) The first item', '2.) The second item']],
  [32, 'List (period followed by parens and period to end item)', '1.) The first item. 2.) The second item.', ['1.) The first item.', '2.) The second item.']],
  [33, 'List (parens and no period to end item)', '1) The first item 2) The second item', ['1) The first item', '2) The second item']],
  [34, 'List (parens and period to end item)', '1) The first item. 2) The second item.', ['1) The first item.', '2) The second item.']],
  [35, 'List (period to mark list and no period to end item)', '1. The first item 2. The second item', ['1. The first item', '2. The second item']],
  [36, 'List (period to mark list and period to end item)', '1. The first item. 2. The second item.', ['1. The first item.', '2. The second item.']],
  [37, 'List with bullet', '• 9. The first item • 10. The second item', ['• 9. The first item', '• 10. The second item']],
  [38, 'List with hypthen', '⁃9. The first item ⁃10. The second item', ['⁃9. The first item', '⁃10. The second item']],
  [39, 'Alphabetical list', 'a. The first item b. The second item c. The third list item', ['a. The first item', 'b. The second item', 'c. The third list item']],
  [40, 'Errant newlines in the middle of sentences (PDF)', 'This is a sentence\ncut off in the middle because pdf.', ['This is a sentence cut off in the middle because pdf.']],
  [41, 'Errant newlines in the middle of sentences', 'It was a cold \nnight in the city.', ['It was a cold night in the city.']],
  [42, 'Lower case list separated by newline', 'features\ncontact manager\nevents, activities\n', ['features', 'contact manager', 'events, activities']],
  [43, 'Geo Coordinates', 'You can find it at N°. 1026.253.553. That is where the treasure is.', ['You can find it at N°. 1026.253.553.', 'That is where the treasure is.']],
  [44, 'Named entities with an exclamation point', 'She works at Yahoo! in the accounting department.', ['She works at Yahoo! in the accounting department.']],
  [45, 'I as a sentence boundary and I as an abbreviation', 'We make a good team, you and I. Did you see Albert I. Jones yesterday?', ['We make a good team, you and I.', 'Did you see Albert I. Jones yesterday?']],
  [46, 'Ellipsis at end of quotation', 'Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”', ['Thoreau argues that by simplifying one’s life, “the laws of the universe will appear less complex. . . .”']],
  [47, 'Ellipsis with square brackets', '"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).', ['"Bohr [...] used the analogy of parallel stairways [...]" (Smith 55).']],
  [48, 'Ellipsis as sentence boundary (standard ellipsis rules)', 'If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . . Next sentence.', ['If words are left off at the end of a sentence, and that is all that is omitted, indicate the omission with ellipsis marks (preceded and followed by a space) and then indicate the end of the sentence with a period . . . .', 'Next sentence.']],
  [49, 'Ellipsis as sentence boundary (non-standard ellipsis rules)', 'I never meant that.... She left the store.', ['I never meant that....', 'She left the store.']],
  [50, 'Ellipsis as non sentence boundary', 'I wasn’t really ... well, what I mean...see . . . what I\'m saying, the thing is . . . I didn’t mean it.', ['I wasn’t really ... well, what I mean...see . . . what I\'m saying, the thing is . . . I didn’t mean it.']],
  [51, '4-dot ellipsis', 'One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds. . . . The practice was not abandoned. . . .', ['One further habit which was somewhat weakened . . . was that of combining words into self-interpreting compounds.', '. . . The practice was not abandoned. . . .']],
  [52, 'No whitespace in between sentences', 'Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.', ['Hello world.', 'Today is Tuesday.', 'Mr. Smith went to the store and bought 1,000.', 'That is a lot.']],
];

describe('splitText', () => {
  it.each(goldenRules)('should pass golden rule #%i (%s)', (_id, _name, text, sentences) => {
    expect(normalise(split(text))).toEqual(normalise(sentences));
  });

  it.each([
    // News prose from the seed articles (shared/seeds) and the brief.
    [
      'In addition, “Jin and others terminated at least four video meetings …,” the statement said.',
      ['In addition, “Jin and others terminated at least four video meetings …,” the statement said.'],
    ],
    [
      'Update 6:20 p.m.: Zoom reached out to PJ Media after publication of this article. “Zoom is dedicated to the free and open exchange of ideas,” a Zoom spokesperson said.',
      [
        'Update 6:20 p.m.: Zoom reached out to PJ Media after publication of this article.',
        '“Zoom is dedicated to the free and open exchange of ideas,” a Zoom spokesperson said.',
      ],
    ],
    [
      '“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party,” said Assistant Attorney General for National Security John C. Demers in a statement.',
      ['“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party,” said Assistant Attorney General for National Security John C. Demers in a statement.'],
    ],
    [
      '"Jin worked closely with the PRC [People\'s Republic of China] government," Acting U.S. Attorney Seth D. DuCharme said in a statement.',
      ['"Jin worked closely with the PRC [People\'s Republic of China] government," Acting U.S. Attorney Seth D. DuCharme said in a statement.'],
    ],
    [
      'U.S. prosecutors have charged a China-based executive of Zoom, the Justice Department announced on Dec. 18. Zoom is a popular U.S.-based videoconferencing app.',
      [
        'U.S. prosecutors have charged a China-based executive of Zoom, the Justice Department announced on Dec. 18.',
        'Zoom is a popular U.S.-based videoconferencing app.',
      ],
    ],
    [
      'A U.S. federal court issued an arrest warrant for Jin Xinjiang on Nov. 19. Since Jin Xinjiang is in China, he is unavailable.',
      ['A U.S. federal court issued an arrest warrant for Jin Xinjiang on Nov. 19.', 'Since Jin Xinjiang is in China, he is unavailable.'],
    ],
    [
      'He earned his B.A. and master’s degrees, although he later moved to the U.S. and became an American citizen. Was Yuan personally involved in the deal with the CCP?',
      [
        'He earned his B.A. and master’s degrees, although he later moved to the U.S. and became an American citizen.',
        'Was Yuan personally involved in the deal with the CCP?',
      ],
    ],
    [
      'He has edited works by Edmund Burke, Charles Dickens, T.S. Eliot, Russell Kirk, J.R.R. Tolkien, Régine Pernoud and Gustave Thibon.',
      ['He has edited works by Edmund Burke, Charles Dickens, T.S. Eliot, Russell Kirk, J.R.R. Tolkien, Régine Pernoud and Gustave Thibon.'],
    ],
    [
      'In fact, Jin was anything but “rogue.” He was appointed “Security technical leader” by Zoom.',
      ['In fact, Jin was anything but “rogue.”', 'He was appointed “Security technical leader” by Zoom.'],
    ],
    [
      '“As the DOJ notes, Zoom has been fully cooperating with them in this matter. We have also been conducting a thorough internal investigation.”',
      ['“As the DOJ notes, Zoom has been fully cooperating with them in this matter.', 'We have also been conducting a thorough internal investigation.”'],
    ],
    [
      'The company confirmed that "fewer than ten individual users\'" data were provided, and that Jin "potentially shared meeting information." Other users were not affected.',
      [
        'The company confirmed that "fewer than ten individual users\'" data were provided, and that Jin "potentially shared meeting information."',
        'Other users were not affected.',
      ],
    ],
    [
      'Jin asked, “Is there anything we can do?” and waited. Zoom answered.',
      ['Jin asked, “Is there anything we can do?” and waited.', 'Zoom answered.'],
    ],
    [
      'Xinjiang Jin (also known as Julien Jin) was charged. He is at large.',
      ['Xinjiang Jin (also known as Julien Jin) was charged.', 'He is at large.'],
    ],
    [
      'Employee 1: In any case, our reputation is already very bad. (smiley face)',
      ['Employee 1: In any case, our reputation is already very bad.', '(smiley face)'],
    ],
    [
      'Kim: All [those doing bad things] are from the U.S. If we don’t handle it well, they will ban all servers.',
      ['Kim: All [those doing bad things] are from the U.S.', 'If we don’t handle it well, they will ban all servers.'],
    ],
    [
      'Zoom’s headquarters are in San Jose, Calif. The company was founded in 2011.',
      ['Zoom’s headquarters are in San Jose, Calif.', 'The company was founded in 2011.'],
    ],
    [
      'Zoom Video Communications Inc. Chief Executive Eric Yuan apologized.',
      ['Zoom Video Communications Inc. Chief Executive Eric Yuan apologized.'],
    ],
    ['He lived in Washington, D.C. He moved in 2019.', ['He lived in Washington, D.C.', 'He moved in 2019.']],
    ['The answer is no. He left.', ['The answer is no.', 'He left.']],
    ['The U.S. No. 1 ally is Britain.', ['The U.S. No. 1 ally is Britain.']],
    ['Roe v. Wade was decided in 1973.', ['Roe v. Wade was decided in 1973.']],
    ['The hearing is set for 10 a.m. Tuesday in Brooklyn.', ['The hearing is set for 10 a.m. Tuesday in Brooklyn.']],
    ['The hearing began at 10 a.m. It ended at noon.', ['The hearing began at 10 a.m.', 'It ended at noon.']],
    [
      'Contact Cathy at cathy.he@epochtimes.com. She joined The Epoch Times in 2018.',
      ['Contact Cathy at cathy.he@epochtimes.com.', 'She joined The Epoch Times in 2018.'],
    ],
    [
      'The complaint is at https://www.justice.gov/opa/pr/Zoom.Executive. Read it.',
      ['The complaint is at https://www.justice.gov/opa/pr/Zoom.Executive.', 'Read it.'],
    ],
    ['Some 4,000 participants tuned in. Only 3.5% were in China.', ['Some 4,000 participants tuned in.', 'Only 3.5% were in China.']],
    [
      'You can restore it …… about 24 hours later. Zoom then acted … The meeting ended.',
      ['You can restore it …… about 24 hours later.', 'Zoom then acted …', 'The meeting ended.'],
    ],
    ['Wait!! Really?! Yes.', ['Wait!!', 'Really?!', 'Yes.']],
    ['今天是星期二。明天是星期三。', ['今天是星期二。', '明天是星期三。']],
    // Line breaks: whitespace inside prose, boundaries between lines that carry no final punctuation.
    ['Cathy He\nEva Fu', ['Cathy He', 'Eva Fu']],
    [
      'Small toy figures are seen in this illustration taken March 19, 2020. REUTERS/Dado Ruvic/Illustration\nCathy He\nEva Fu',
      ['Small toy figures are seen in this illustration taken March 19, 2020.', 'REUTERS/Dado Ruvic/Illustration', 'Cathy He', 'Eva Fu'],
    ],
    [
      'Zoom headquarters in San Jose, California.\nZoom headquarters in San Jose, California (credits).',
      ['Zoom headquarters in San Jose, California.', 'Zoom headquarters in San Jose, California (credits).'],
    ],
    ['This sentence was\nwrapped by an editor. So was\nthis one.', ['This sentence was\nwrapped by an editor.', 'So was\nthis one.']],
    ['The warrant was issued on Nov.\n19. Since then, nothing.', ['The warrant was issued on Nov.\n19.', 'Since then, nothing.']],
    ['Steps:\n1. Open the app.\n2. Join the call.', ['Steps:', '1. Open the app.', '2. Join the call.']],
    ['Daily Caller:\n\nJohn Demers said so.', ['Daily Caller:', 'John Demers said so.']],
    ['• Skip to primary navigation\n  • Skip to main content', ['• Skip to primary navigation', '• Skip to main content']],
    ['Charges:\n- conspiracy to harass.\n- conspiracy to transfer identification', ['Charges:', '- conspiracy to harass.', '- conspiracy to transfer identification']],
    ['  \n\n \t', []],
    ['', []],
  ])('should split %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each(
    abbreviations.title.map((word) => [`Ask ${capitalise(word)}. Smith about it.`]),
  )('should never end a sentence after a title: %j', (text) => {
    expect(split(text)).toEqual([text]);
  });

  it.each(abbreviations.number.map((word) => [`See ${word}. 12 for details.`]))(
    'should bind a number abbreviation to the number after it: %j',
    (text) => {
      expect(split(text)).toEqual([text]);
    },
  );

  it.each(
    [...abbreviations.time, ...abbreviations.general].flatMap((word) => [
      [`They met at 9 ${word}. Smith was there.`, 1],
      [`They met at 9 ${word}. The rest went home.`, 2],
    ]),
  )('should end a sentence after an abbreviation only before a sentence starter: %j', (text, count) => {
    expect(split(text)).toHaveLength(count);
  });

  it.each(rules.starters.map((word) => [`I live in the U.S. ${word} left.`]))(
    'should end a sentence after an initialism before the starter in %j',
    (text) => {
      expect(split(text)).toEqual(['I live in the U.S.', text.slice('I live in the U.S. '.length)]);
    },
  );

  it.each(rules.exclamationWords.map((word) => [`She works at ${word}! Finance is her field.`]))(
    'should keep a name with an exclamation point inside the sentence: %j',
    (text) => {
      expect(split(text)).toEqual([text]);
    },
  );

  it.each([
    ['bullets', '• '.repeat(100_000) + 'x.'],
    ['a long word with slashes and periods', '/' + 'a.Ba.B'.repeat(30_000) + ' end.'],
    ['list markers on every line', '1. x y z.\n'.repeat(30_000)],
    ['bulleted list markers', '• 1. x '.repeat(30_000)],
    ['times after a preposition', 'At 5 ' + 'a.m. The '.repeat(30_000)],
    ['spaced periods', '. '.repeat(100_000)],
  ])('should stay linear on %s', (_name, text) => {
    const start = performance.now();
    splitText(text);
    expect(performance.now() - start).toBeLessThan(1000);
  });

  it('should return trimmed, non-empty, ordered spans that cover every non-space character', () => {
    const units = ['a', 'B', 'Mr', 'U', 'S', 'I', 'The', '.', '.', '. ', '?', '!', '…', ' ', ' ', '\n', '\n\n', '"', '“', '”', '’', "'", '(', ')', '1', '2', '•', '- ', '@', '/', ':', ',', '\u00a0', '。'];
    const texts = fc.oneof(fc.string({ unit: fc.constantFrom(...units), maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }));
    fc.assert(
      fc.property(texts, (text) => {
        const spans = splitText(text);
        let previousEnd = 0;
        for (const { start, end } of spans) {
          const sentence = text.slice(start, end);
          expect(start).toBeGreaterThanOrEqual(previousEnd);
          expect(end).toBeLessThanOrEqual(text.length);
          expect(sentence).not.toBe('');
          expect(sentence.trim()).toBe(sentence);
          previousEnd = end;
        }
        const covered = spans.map(({ start, end }) => text.slice(start, end)).join('');
        expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('splitSentences', () => {
  // A Markdown file with front matter, a heading, a paragraph with inline markup, a boilerplate paragraph and a list item.
  const file = [
    '---',
    'outlet: Example',
    '---',
    '',
    '# Zoom *executive* charged',
    '',
    'Jin ran **four** meetings. He told [Zoom](https://zoom.us) the U.S. users\nbroke the rules.',
    '',
    'Sign up for our newsletter!',
    '',
    '- Jin faces 10 years. He is at large.',
    '',
  ].join('\n');
  const source = sourceOf(file, [
    blockOf(file, 'heading', '# ', ['Zoom ', '*', 'executive', '*', ' charged']),
    blockOf(file, 'paragraph', '', ['Jin ran ', '**', 'four', '**', ' meetings. He told ', '[', 'Zoom', '](https://zoom.us)', ' the U.S. users\nbroke the rules.']),
    { ...blockOf(file, 'paragraph', '', ['Sign up for our newsletter!']), boilerplate: 'sign-up form' },
    blockOf(file, 'listItem', '- ', ['Jin faces 10 years. He is at large.']),
  ]);
  const sentences = splitSentences(source);

  it.each([
    [0, 'Zoom *executive* charged', 'Zoom executive charged', 0, 'heading'],
    [1, 'Jin ran **four** meetings.', 'Jin ran four meetings.', 1, 'paragraph'],
    [2, 'He told [Zoom](https://zoom.us) the U.S. users\nbroke the rules.', 'He told Zoom the U.S. users\nbroke the rules.', 1, 'paragraph'],
    [3, 'Jin faces 10 years.', 'Jin faces 10 years.', 3, 'listItem'],
    [4, 'He is at large.', 'He is at large.', 3, 'listItem'],
  ] as const)('should give sentence %i its file text, plain text, block and kind', (index, text, plain, block, kind) => {
    const sentence = sentences[index]!;
    expect(sentence).toMatchObject({ source: 'example', index, text, plain, block, kind });
    expect(sentence.position.start).toEqual(pointOf(file, file.indexOf(text)));
    expect(sentence.position.end).toEqual(pointOf(file, file.indexOf(text) + text.length));
  });

  it('should leave out boilerplate blocks', () => {
    expect(sentences).toHaveLength(5);
    expect(sentences.some((sentence) => sentence.text.includes('newsletter'))).toBe(false);
  });

  // The seed articles as collected (a committed copy of shared/seeds, so CI needs nothing outside the project).
  const seeds = new URL('./fixtures/import/seeds/', import.meta.url);
  const seedFiles = readdirSync(seeds).filter((name) => name.endsWith('.txt')).sort();

  it('should have the five seed articles to test on', () => {
    expect(seedFiles).toHaveLength(5);
  });

  it.each(seedFiles.map((name) => [name]))('should map every sentence of seed %s back onto the file', (name) => {
    const text = readFileSync(new URL(name, seeds), 'utf8');
    const blocks = [...text.matchAll(/\S(?:[^\n]|\n(?![ \t]*\n))*/g)].map((match) => {
      const body = match[0].trimEnd();
      return plainBlock(text, match.index, body);
    });
    const found = splitSentences(sourceOf(text, blocks, name.replace(/\.txt$/, '')));
    expect(found.length).toBeGreaterThan(10);
    expectRoundTrip(text, found);
    for (const sentence of found) expect(sentence.plain).toBe(sentence.text);
  });

  const sources = new URL('../sources/', import.meta.url);
  const sourceFiles = readdirSync(sources).filter((name) => name.endsWith('.md')).sort();

  it.each(sourceFiles.map((name) => [name]))(
    'should map every sentence of sources/%s, loaded by parseSource, back onto the file',
    (name) => {
      const bytes = readFileSync(new URL(name, sources));
      const parsed = parseSource(`sources/${name}`, bytes);
      expect(parsed.source).toBeDefined();
      const found = splitSentences(parsed.source!);
      expect(found.length).toBeGreaterThan(0);
      expectRoundTrip(parsed.source!.text, found);
    },
  );
});

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The unist point of `offset` in `text`, counted independently of vfile-location. */
function pointOf(text: string, offset: number): Point {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1, offset };
}

function expectRoundTrip(text: string, sentences: readonly Sentence[]): void {
  sentences.forEach((sentence, index) => {
    const { start, end } = sentence.position;
    expect(sentence.index).toBe(index);
    expect(text.slice(start.offset, end.offset)).toBe(sentence.text);
    expect(start).toEqual(pointOf(text, start.offset!));
    expect(end).toEqual(pointOf(text, end.offset!));
  });
}

function sourceOf(text: string, blocks: readonly Block[], id = 'example'): Source {
  return { id, path: `sources/${id}.md`, meta: { outlet: 'Example' }, text, hash: '0', blocks };
}

/** A block of plain prose: one run covering the whole text. */
function plainBlock(file: string, start: number, text: string): Block {
  const end = start + text.length;
  return {
    kind: 'paragraph',
    text,
    runs: [{ plain: 0, file: start, length: text.length }],
    position: { start: pointOf(file, start), end: pointOf(file, end) },
  };
}

/**
 * A block found in `file` after `prefix`, from pieces that alternate prose and
 * markup (even indexes prose, odd indexes markup), with its runs.
 */
function blockOf(file: string, kind: BlockKind, prefix: string, pieces: readonly string[]): Block {
  const markdown = pieces.join('');
  const start = file.indexOf(prefix + markdown) + prefix.length;
  const runs: TextRun[] = [];
  let text = '';
  let offset = start;
  pieces.forEach((piece, index) => {
    if (index % 2 === 0) {
      runs.push({ plain: text.length, file: offset, length: piece.length });
      text += piece;
    }
    offset += piece.length;
  });
  return { kind, text, runs, position: { start: pointOf(file, start - prefix.length), end: pointOf(file, offset) } };
}

describe('splitText on web text', () => {
  it.each([
    // A plain lower-case word, a bare stop, a lower-case word: a boundary (chat, email, forum posts).
    ['i missed the bus today. my boss was not happy.', ['i missed the bus today.', 'my boss was not happy.']],
    ["the shop won't open till noon. don't bother going early.", ["the shop won't open till noon.", "don't bother going early."]],
    ['is the pool open on sundays? nobody seems to know.', ['is the pool open on sundays?', 'nobody seems to know.']],
    ['what a view! we stayed until dark.', ['what a view!', 'we stayed until dark.']],
    ['Our cat is well-behaved. she ignores the dog.', ['Our cat is well-behaved.', 'she ignores the dog.']],
  ])('should split before a lower-case word after a plain lower-case word: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each([
    // Abbreviations, numbers, capitalised words, quotes and ellipses before a lower-case word: no boundary.
    ['Bring fruit, nuts, etc. and some water.'],
    ['The drive takes approx. four hours.'],
    ['Tools, esp. hammers, were scarce.'],
    ['Park on Elm St. and walk.'],
    ['We met at 10 a.m. and left at noon.'],
    ['It happened in the U.S. and in Canada.'],
    ['The fee rose in 2019. analysts expected less.'],
    ['Our guide was Smith. nobody else came.'],
    ['She said "I quit." and walked out.'],
    ['She called it “fine.“ and left.'],
    ['He waited... and waited.'],
    ['Ask at the desk (see p. iv) for a map.'],
  ])('should not split before a lower-case word in %j', (text) => {
    expect(split(text)).toEqual([text]);
  });

  it.each([
    // Titles and abbreviations before a capitalised name, abbreviations after a slash or a hyphen, initials.
    ['Msgr. Thomas Reilly led the service.'],
    ['The Dist. Atty. Office declined to comment.'],
    ['Drs. Patel and Moreno ran the trial.'],
    ['A letter from Sens. Maria Diaz and Tom Wu arrived.'],
    ['Gov. Anna R. Lopez signed the bill.'],
    ['The talk by Rep. Jo P. Finch ran long.'],
    ['We drove past the Rainier/Mt. Baker turnoff.'],
    ['She beat the then-No. 3 seed in straight sets.'],
    ['See the guide (e.g. The Field Manual) first.'],
    ['It was Lee vs. Mrs. Grant in the final.'],
    ['Call the front desk at ext. 4412 before noon.'],
  ])('should not split after an abbreviation before a name in %j', (text) => {
    expect(split(text)).toEqual([text]);
  });

  it.each([
    // An abbreviation or initial still ends a sentence before a sentence starter.
    ['He moved to the U.S. The rest of his family stayed.', ['He moved to the U.S.', 'The rest of his family stayed.']],
    ['She got a grade of B. The class average was lower.', ['She got a grade of B.', 'The class average was lower.']],
    ['Read pp. 4 to 9 tonight. Then write a summary.', ['Read pp. 4 to 9 tonight.', 'Then write a summary.']],
  ])('should still end a sentence after an abbreviation before a starter: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });

  it.each([
    // An opening quote typed after the stop, then whitespace: it closes the sentence.
    ['The mayor called it “a fair decision.“ However, critics disagreed.', ['The mayor called it “a fair decision.“', 'However, critics disagreed.']],
    ['He shouted “Stop!“ Then he ran.', ['He shouted “Stop!“', 'Then he ran.']],
    ["The sign said ‘Closed.‘ We went home.", ["The sign said ‘Closed.‘", 'We went home.']],
    // An opening quote after whitespace still opens the next sentence.
    ['It ended. “We won,” she said.', ['It ended.', '“We won,” she said.']],
  ])('should end a sentence after a wrong-way closing quote: %j', (text, sentences) => {
    expect(split(text)).toEqual(sentences);
  });
});
