import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/core/claims/quantity.js';
import { quantityIncompatibility } from '../../src/core/judge/index.js';

type Expected = {
  text: string;
  value: number;
  min: number | null;
  max: number | null;
  unit: string | null;
  kind: string;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  approximate?: boolean;
};

const q = (text: string, value: number, min: number | null, max: number | null, unit: string | null, kind: string, extra: Partial<Expected> = {}): Expected =>
  ({ text, value, min, max, unit, kind, minExclusive: false, maxExclusive: false, approximate: false, ...extra });

describe('findQuantities', () => {
  it.each<[string, Expected[]]>([
    // Seed sentences.
    ['In addition, “Jin and others terminated at least four video meetings hosted on Company-1’s networks commemorating the thirty-first anniversary of the Tiananmen Square massacre,” the statement said.',
      [q('at least four video meetings', 4, 4, null, 'meeting', 'count'), q('thirty-first anniversary', 31, 31, 31, 'anniversary', 'ordinal')]],
    ['At the behest of the People’s Republic of China, Jin and uncharged co-conspirators infiltrated conferences and allegedly terminated at least four video meetings commemorating the 31st anniversary of the Tiananmen Square massacre since January 2019.',
      [q('at least four video meetings', 4, 4, null, 'meeting', 'count'), q('31st anniversary', 31, 31, 31, 'anniversary', 'ordinal')]],
    ['At least 280 protesters were shot dead.', [q('At least 280 protesters', 280, 280, null, 'protester', 'count')]],
    ['“At this stage in our investigation, and with the exception of user data for fewer than ten individual users,” the spokesperson said.',
      [q('fewer than ten individual users', 10, 0, 10, 'user', 'count', { maxExclusive: true })]],
    ['If convicted of both charges, Jin faces a maximum of 10 years in prison.', [q('a maximum of 10 years', 10, 0, 10, 'year', 'duration')]],
    ['Since Jin Xinjiang is in China and currently unavailable, he could face up to 10 years in prison if he is arrested and convicted someday.',
      [q('up to 10 years', 10, 0, 10, 'year', 'duration')]],
    ['Zhou Fengsuo, founder of U.S.-based advocacy group Humanitarian China, hosted an event on May 31, which had some 4,000 participants tune in around the world.',
      [q('some 4,000 participants', 4000, 4000, 4000, 'participant', 'count', { approximate: true })]],
    ['He also later launched the genocidal campaign against 100 million Falun Gong practitioners, which continues today.',
      [q('100 million Falun Gong practitioners', 100_000_000, 100_000_000, 100_000_000, 'practitioner', 'count')]],
    ['That much has been obvious for decades but the lure of being able to do business in a country of a billion people proves too much for most.',
      [q('a billion people', 1e9, 1e9, 1e9, 'person', 'count')]],
    ['One of Zoom’s executives in China, indicted and wanted by the U.S. Department of Justice, is 39-year-old Xinjiang Jin (also known as Julien Jin).',
      [q('One of Zoom’s executives', 1, 1, 1, 'executive', 'count'), q('39-year-old', 39, 39, 39, 'year', 'age')]],
    ['Chinese authorities temporarily detained at least one person who planned to speak at the event.', [q('at least one person', 1, 1, null, 'person', 'count')]],
    ['Zoom later confirmed that the Chinese regime demanded it suspend three accounts of overseas Chinese rights activists.', [q('three accounts', 3, 3, 3, 'account', 'count')]],
    ['China’s racism and xenophobia go back hundreds of years.', [q('hundreds of years', 200, 200, 999, 'year', 'duration', { approximate: true })]],
    ['June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage.', [q('31st anniversary', 31, 31, 31, 'anniversary', 'ordinal')]],
    ['Discussion of the 1989 bloody crackdown is heavily censored in China.', [q('1989', 1989, 1989, 1989, null, 'year')]],
    ['For example, terminate or suspend that account for 24 hours until June 5, for violating the terms of service?', [q('24 hours', 24, 24, 24, 'hour', 'duration')]],
    ['Shortly after this second June 4 meeting began, Jin Xinjiang received an email.', [q('second June 4 meeting', 2, 2, 2, 'meeting', 'ordinal')]],
    ['According to the metadata, one of Jin Xinjiang’s Zoom colleagues in China joined this June 4 videoconference.', [q('one of Jin Xinjiang’s Zoom colleagues', 1, 1, 1, 'colleague', 'count')]],
    // Bounds and approximations.
    ['Jin met more than two officials.', [q('more than two officials', 2, 2, null, 'official', 'count', { minExclusive: true })]],
    ['They held more than two.', [q('more than two', 2, 2, null, null, 'number', { minExclusive: true })]],
    ['no more than eight', [q('no more than eight', 8, 0, 8, null, 'number')]],
    ['fewer than ten users', [q('fewer than ten users', 10, 0, 10, 'user', 'count', { maxExclusive: true })]],
    ['about 4,000 participants', [q('about 4,000 participants', 4000, 4000, 4000, 'participant', 'count', { approximate: true })]],
    ['nearly 4,000 participants', [q('nearly 4,000 participants', 4000, 4000, 4000, 'participant', 'count', { approximate: true })]],
    ['roughly 4,000 participants', [q('roughly 4,000 participants', 4000, 4000, 4000, 'participant', 'count', { approximate: true })]],
    ['around 4,000 participants', [q('around 4,000 participants', 4000, 4000, 4000, 'participant', 'count', { approximate: true })]],
    ['approximately 4,000 participants', [q('approximately 4,000 participants', 4000, 4000, 4000, 'participant', 'count', { approximate: true })]],
    ['between 5 and 7 people', [q('between 5 and 7 people', 5, 5, 7, 'person', 'count')]],
    ['Jin faces five to ten years in prison.', [q('five to ten years', 5, 5, 10, 'year', 'duration')]],
    ['dozens of activists', [q('dozens of activists', 24, 24, 99, 'activist', 'count', { approximate: true })]],
    ['thousands of users', [q('thousands of users', 2000, 2000, 9999, 'user', 'count', { approximate: true })]],
    ['tens of thousands of protesters', [q('tens of thousands of protesters', 20000, 20000, 99999, 'protester', 'count', { approximate: true })]],
    ['a dozen people', [q('a dozen people', 12, 12, 12, 'person', 'count')]],
    // Number words, money, percent, ages.
    ['twenty-five users', [q('twenty-five users', 25, 25, 25, 'user', 'count')]],
    ['one hundred and twenty meetings', [q('one hundred and twenty meetings', 120, 120, 120, 'meeting', 'count')]],
    ['The fine was $100.00 in total.', [q('$100.00', 100, 100, 100, 'dollar', 'money')]],
    ['roughly 3.5 million dollars', [q('roughly 3.5 million dollars', 3_500_000, 3_500_000, 3_500_000, 'dollar', 'money', { approximate: true })]],
    ['nearly 50 percent of users', [q('nearly 50 percent', 50, 50, 50, 'percent', 'percent', { approximate: true })]],
    ['10% of accounts', [q('10%', 10, 10, 10, 'percent', 'percent')]],
    ['He was 39 years old.', [q('39 years old', 39, 39, 39, 'year', 'age')]],
    ['a 10-year sentence', [q('10-year', 10, 10, 10, 'year', 'duration')]],
    ['the thirty-first anniversary', [q('thirty-first anniversary', 31, 31, 31, 'anniversary', 'ordinal')]],
    ['In 1989, students protested.', [q('1989', 1989, 1989, 1989, null, 'year')]],
    ['one person', [q('one person', 1, 1, 1, 'person', 'count')]],
  ])('should read %j', (text, expected) => {
    expect(findQuantities(text)).toMatchObject(expected);
  });

  it.each<[string]>([
    ['When June 4 came, the organizers felt that something was wrong.'],
    ['The U.S. Department of Justice announced on Dec. 18 that a Chinese executive is wanted.'],
    ['A U.S. federal court issued an arrest warrant for Jin Xinjiang on Nov. 19.'],
    ['Zhou hosted an event on May 31.'],
    ['Employee 1: Understood.'],
    ['Jin forwarded the email to Employee 1 in the U.S.'],
    ['Employee 1: We will ban all free accounts from US04 as soon as possible.'],
    ['Several conferences had to move online due to the COVID-19 pandemic.'],
    ['Update 6:20 p.m.: Zoom reached out to PJ Media after publication of this article.'],
    ['Jin’s employer was only identified as “Company-1” in the Department’s report.'],
    ['Phone: 39-011-541950'],
    ['The call started at 10 a.m. sharp.'],
    ['We are accustomed to scandals, but this one is extreme.'],
    ['No one knows.'],
    ['One of them is related to U.S. data.'],
    ['First, the company must act.'],
    ['June 4, 2020 was a Thursday.'],
    ['The DOJ indictment released a June 4, 2020 conversation.'],
    ['It was No. 1 on the list.'],
    ['Some of his targets were living in the United States.'],
  ])('should find no quantity in %j', (text) => {
    expect(findQuantities(text)).toEqual([]);
  });

  it('should give spans that slice back to the text', () => {
    const text = 'Jin and others terminated at least four video meetings and some 4,000 participants joined.';
    for (const quantity of findQuantities(text)) {
      expect(text.slice(quantity.span.start, quantity.span.end)).toBe(quantity.text);
    }
  });
});

describe('findQuantities: model numbers, intervals, parts of a whole', () => {
  it.each<[string, Expected[]]>([
    // Version and model numbers name a thing; they count nothing.
    ['The tablet ships with 2 USB 3.0 ports.', [q('2 USB 3.0 ports', 2, 2, 2, 'port', 'count')]],
    ['The update requires Android 8.1 or later.', []],
    ['She upgraded the office to Windows 11 in March.', []],
    ['An iPad 9 was stolen from the classroom.', []],
    ['A Boeing 787 landed safely in Denver.', []],
    ['The printer supports Bluetooth 5.2 and HTML 5.', []],
    // A magnitude is measured; it counts no quakes.
    ['A magnitude 5.8 quake struck the coast.', [q('5.8', 5.8, 5.8, 5.8, 'magnitude', 'count')]],
    ['Two 6.9 magnitude tremors shook the island.', [q('Two 6.9 magnitude tremors', 2, 2, 2, 'tremor', 'count')]],
    // One interval, not two figures.
    ['The repairs will take 1.5 to 3 days.', [q('1.5 to 3 days', 1.5, 1.5, 3, 'day', 'duration')]],
    ['Between 20 and 25 people attended the vigil.', [q('Between 20 and 25 people', 20, 20, 25, 'person', 'count')]],
    ['The fund raised 1.2 to 2 million dollars.', [q('1.2 to 2 million dollars', 1_200_000, 1_200_000, 2_000_000, 'dollar', 'money')]],
    // X of Y: the part and the whole, the whole's unit marked.
    ['He made 17 of 30 shots.', [q('17 of 30 shots', 17, 17, 17, 'shot', 'count'), q('30 shots', 30, 30, 30, 'shot total', 'count')]],
    ['Four out of five judges agreed.', [q('Four out of five judges', 4, 4, 4, 'judge', 'count'), q('five judges', 5, 5, 5, 'judge total', 'count')]],
    ['At least 2 of the 9 wells were dry.', [q('At least 2 of the 9 wells', 2, 2, null, 'well', 'count'), q('9 wells', 9, 9, 9, 'well total', 'count')]],
    ['She won 12 of 2016 races.', [q('12', 12, 12, 12, null, 'number'), q('2016', 2016, 2016, 2016, null, 'year')]],
  ])('should read %j', (text, expected) => {
    const found = findQuantities(text).map(({ text: t, value, min, max, unit, kind, minExclusive, maxExclusive, approximate }) =>
      ({ text: t, value, min, max, unit, kind, minExclusive, maxExclusive, approximate }));
    expect(found).toEqual(expected);
  });
});

describe('quantityIncompatibility: parts of a whole and money precision', () => {
  /** Whether every figure of `a` has a compatible figure of the same unit in `b` (none of that unit: no conflict either). */
  const compatible = (a: string, b: string): boolean => {
    const right = findQuantities(b);
    return findQuantities(a).every((x) => {
      const peers = right.filter((y) => y.unit === x.unit && y.kind === x.kind);
      return peers.length === 0 || peers.some((y) => quantityIncompatibility(x, y) === undefined);
    });
  };

  it.each<[string, string, boolean]>([
    ['He threw 23 passes.', 'He completed 23 of 35 passes.', true],
    ['He completed 23 of 35 passes.', 'He threw 23 passes.', true],
    ['He completed 23 of 35 passes.', 'He completed 21 of 35 passes.', false],
    ['The lamp costs $49.99.', 'The lamp costs $49.', false],
    ['The lamp costs about $50.', 'The lamp costs $49.99.', true],
    ['It bought the firm for $2.7 billion.', 'It bought the firm for $2.68 billion.', true],
    ['It bought the firm for $2.7 billion.', 'It bought the firm for $2.9 billion.', false],
    ['The deal is worth $410 million.', 'The deal is worth $411 million.', false],
    ['The town raised a million dollars.', 'The town raised more than $1 million.', true],
    ['The town raised $1 million.', 'The town raised $1.7 million.', false],
  ])('%j and %j are compatible: %s', (a, b, expected) => {
    expect(compatible(a, b)).toBe(expected);
  });
});
