import { describe, expect, it } from 'vitest';
import { findDates } from '../../src/core/claims/date.js';

type Expected = { text: string; value: string | null; grain: 'day' | 'month' | 'year'; relative: boolean };
const d = (text: string, value: string | null, grain: Expected['grain'], relative: boolean): Expected => ({ text, value, grain, relative });

describe('findDates', () => {
  it.each<[string, string | undefined, Expected[]]>([
    // Relative to the published date: news reports the past.
    ['An employee of Zoom was spying on dissidents, according to a federal indictment announced on Friday.', '2020-12-19', [d('on Friday', '2020-12-18', 'day', true)]],
    ['The charges were announced on Friday.', '2020-12-18', [d('on Friday', '2020-12-18', 'day', true)]],
    ['The charges were announced on Friday.', '2020-12-22', [d('on Friday', '2020-12-18', 'day', true)]],
    ['Last week, the Department announced that an arrest warrant was unsealed in a federal court in Brooklyn.', '2020-12-22', [d('Last week', '2020-12', 'month', true)]],
    ['U.S. prosecutors have charged a China-based executive of Zoom, the Justice Department announced on Dec. 18.', '2020-12-19', [d('Dec. 18', '2020-12-18', 'day', true)]],
    ['The U.S. Department of Justice announced on December 18 that a Chinese executive of Zoom is wanted.', '2020-12-19', [d('December 18', '2020-12-18', 'day', true)]],
    ['A U.S. federal court actually issued an arrest warrant for Jin Xinjiang on Nov. 19.', '2020-12-19', [d('Nov. 19', '2020-11-19', 'day', true)]],
    ['In May and June, Jin together with Chinese officials hatched a plan.', '2020-12-19', [d('May', '2020-05', 'month', true), d('June', '2020-06', 'month', true)]],
    ['Jin censored a series of meetings in May and June this year.', '2020-12-19', [d('May', '2020-05', 'month', true), d('June', '2020-06', 'month', true), d('this year', '2020', 'year', true)]],
    ['Zhou Fengsuo hosted an event on May 31, which had some 4,000 participants.', '2020-12-19', [d('May 31', '2020-05-31', 'day', true)]],
    ['A month-day later in the year than published falls in the previous year: on Dec. 28.', '2021-01-03', [d('Dec. 28', '2020-12-28', 'day', true)]],
    ['A hearing is set for Jan. 5.', '2020-12-19', [d('Jan. 5', '2021-01-05', 'day', true)]],
    ['We found out today that until now it still allows Chinese people to register.', '2020-12-19', [d('today', '2020-12-19', 'day', true)]],
    ['A network package will be released tomorrow to fix it.', '2020-12-19', [d('tomorrow', '2020-12-20', 'day', true)]],
    // Absolute dates.
    ['June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage.', '2020-12-22', [d('June 4, 2020', '2020-06-04', 'day', false)]],
    ['12/22/2020', undefined, [d('12/22/2020', '2020-12-22', 'day', false)]],
    ['In June 1989, the CCP declared martial law.', undefined, [d('June 1989', '1989-06', 'month', false)]],
    ['Survivors of the 1989 protests took part.', undefined, [d('1989', '1989', 'year', false)]],
    ['They attacked protesters in 1989.', '2020-12-19', [d('1989', '1989', 'year', false)]],
    ['Jin infiltrated conferences since January 2019.', undefined, [d('January 2019', '2019-01', 'month', false)]],
    ['From February 2018 to December 2022, he has been the Editor-in-Chief.', undefined, [d('February 2018', '2018-02', 'month', false), d('December 2022', '2022-12', 'month', false)]],
    ['Small toy figures are seen in this illustration taken March 19, 2020.', undefined, [d('March 19, 2020', '2020-03-19', 'day', false)]],
    // Without a published date, whatever needs one stays unresolved.
    ['The charges were announced on Friday.', undefined, [d('on Friday', null, 'day', true)]],
    ['Last week, the Department announced charges.', undefined, [d('Last week', null, 'month', true)]],
    ['The Justice Department announced on Dec. 18.', undefined, [d('Dec. 18', null, 'day', true)]],
    ['Meetings were held in May and June of this year.', undefined, [d('May', null, 'month', true), d('June', null, 'month', true), d('this year', null, 'year', true)]],
    // "June 4" as the commemoration's name still reads as a date (accepted).
    ['June 4 student leaders organized memorial meetings.', '2020-12-19', [d('June 4', '2020-06-04', 'day', true)]],
    ['Shortly after this second June 4 meeting began, Jin received an email.', '2020-12-19', [d('June 4', '2020-06-04', 'day', true)]],
  ])('should read %j (published %s)', (text, published, expected) => {
    expect(findDates(text, published)).toEqual(expected.map((mention) => expect.objectContaining(mention)));
  });

  it.each<[string]>([
    ['Update 6:20 p.m.: Zoom reached out to PJ Media after publication of this article.'],
    ['Zoom suspended the account a week after they used the platform.'],
    ['Employee 1: We will ban all free accounts from US04 as soon as possible.'],
    ['Several conferences had to move online due to the COVID-19 pandemic.'],
    ['Phone: 39-011-541950'],
    ['You may go now.'],
    ['He faces up to 10 years in prison.'],
    ['Zoom is a popular U.S.-based videoconferencing app.'],
  ])('should find no date in %j', (text) => {
    expect(findDates(text, '2020-12-19')).toEqual([]);
  });

  it('should give spans that slice back to the text', () => {
    const text = 'On June 11, Zoom issued an apology; in May and June this year and on Friday it acted.';
    const found = findDates(text, '2020-12-19');
    expect(found.length).toBeGreaterThan(3);
    for (const mention of found) expect(text.slice(mention.span.start, mention.span.end)).toBe(mention.text);
  });

  it('should ignore a malformed published date rather than guess', () => {
    expect(findDates('on Friday', '2020-13-45')).toEqual([expect.objectContaining({ value: null, relative: true })]);
  });
});
