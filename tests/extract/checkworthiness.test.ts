import { describe, expect, it } from 'vitest';
import { rateCheckWorthiness } from '../../src/core/claims/checkworthiness.js';
import { check } from '../../src/core/claims/data.js';

describe('rateCheckWorthiness', () => {
  it.each<[string]>([
    // Events, figures, dates, charges and attributed statements from the seeds.
    ['Xinjiang Jin, also known as Julien Jin, was charged with conspiracy to commit interstate harassment and unlawful conspiracy to transfer means of identification.'],
    ['At least 280 protesters were shot dead.'],
    ['If convicted of both charges, Jin faces a maximum of 10 years in prison.'],
    ['Jin was the company\'s liaison with Chinese law enforcement and intelligence officials, prosecutors said.'],
    ['Zhou Fengsuo, founder of U.S.-based advocacy group Humanitarian China, hosted an event on May 31, which had some 4,000 participants tune in around the world.'],
    ['Some of his targets were living in the United States.'],
    ['He is still at-large in China.'],
    ['Zoom is a popular U.S.-based videoconferencing app, developed in China.'],
    ['There is no indication that any enterprise data was shared with the Chinese government.'],
    ['We terminated this individual’s employment for violating company policies.'],
    ['We have also been conducting a thorough internal investigation.”'],
    ['Jiang Zemin, the ideologist behind such a barbaric response, was later chosen to be the Party’s leader as a reward for his actions.'],
    ['While in response to the CCP’s unbridled violence Europe and the U.S. imposed economic sanctions on China, the CCP was never fully prosecuted for this perverse act.'],
    ['Kim: It was the Shanghai Security Bureau that sent these people.'],
    ['Employee 1: A network package will be released tomorrow to fix it.'],
    ['China-Based Zoom Executive Charged With Disrupting Meetings About Tiananmen Square Massacre'],
    ['Zoom Executive Based in China Spied on Dissidents at the Behest of the Chinese Communist Party'],
    ['Update 6:20 p.m.: Zoom reached out to PJ Media after publication of this article.'],
    ['“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party,” Demers said in a statement.'],
    ['June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage.'],
  ])('should keep the factual %j', (text) => {
    const rating = rateCheckWorthiness(text);
    expect(rating.checkworthy).toBe(true);
    expect(rating.score).toBeGreaterThanOrEqual(0.4);
    expect(rating.reason).not.toBe('');
  });

  it.each<[string, string]>([
    // Opinion and rhetoric.
    ['There is something truly nauseating about the way American companies grovel before the Chinese Communists.', 'opinion cue'],
    ['Obviously, this is not good enough.', 'opinion cue'],
    ['And you have to know that China is loving it.', 'opinion cue'],
    ['We are accustomed to scandals, but this one is extreme.', 'opinion cue'],
    ['In fact, Jin was anything but “rogue.”', 'opinion cue'],
    ['They haven’t lost that sense of superiority.', 'opinion cue'],
    ['Humbling America’s giant corporations must give them enormous satisfaction while accomplishing the aims of the state.', 'opinion cue'],
    // Questions.
    ['Was Yuan personally involved in the deal with the CCP?', 'question'],
    ['Will somebody post child pornography and claim we did it, next time we disturb the CCP on Zoom?', 'question'],
    // Boilerplate and calls to action.
    ['Sign up to receive our latest news!', 'boilerplate'],
    ['You can read the full statement here.', 'boilerplate'],
    ['By submitting this form, I agree to the terms.', 'boilerplate'],
    ['Tagged With: Surveillance', 'boilerplate'],
    ['This article was updated to include Zoom\'s statement.', 'boilerplate'],
    ['Contact Cathy at [email protected].', 'boilerplate'],
    ['Copyright © 2023 · Bitter Winter · PRIVACY POLICY· COOKIE POLICY', 'boilerplate'],
    ['(FBI photo)', 'boilerplate'],
    ['Please, write to INFO@BITTERWINTER.ORG Thank you.', 'call to action'],
    ['Subscribe now for full access.', 'boilerplate'],
    // Dialogue filler, section labels, fragments.
    ['Employee 1: Understood.', 'dialogue line'],
    ['Employee 1: Okay.', 'dialogue line'],
    ['Holding Companies Accountable', 'section label'],
    ['Cooperating With Chinese Authorities', 'section label'],
    ['Daily Caller:', 'section label'],
    ['News & Politics', 'section label'],
    ['Cathy He', 'section label'],
    ['Zoom headquarters in San Jose, California.', 'fragment'],
  ])('should leave out %j (%s)', (text, reason) => {
    const rating = rateCheckWorthiness(text);
    expect(rating.checkworthy).toBe(false);
    expect(rating.score).toBeLessThan(0.4);
    expect(rating.reason).toContain(reason);
  });

  it('should treat a heading without a verb as a label', () => {
    expect(rateCheckWorthiness('Zoom and the Party', { kind: 'heading' }).reason).toBe('section label');
  });

  it('should explain a kept sentence by its signals', () => {
    const rating = rateCheckWorthiness('Jin faces a maximum of 10 years in prison, prosecutors said on Friday.', {
      quantities: [], dates: [], attribution: 'prosecutors',
    });
    expect(rating.reason).toContain("attributed to 'prosecutors'");
  });

  it('should keep scores between 0 and 1', () => {
    for (const text of ['Obviously truly nauseating outrageous disgusting evil!', 'At least 4 people were killed on Dec. 18, 2020, police said, and 3 were arrested.']) {
      const { score } = rateCheckWorthiness(text);
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });
});

describe('rateCheckWorthiness: boilerplate sentences inside a paragraph', () => {
  it.each<[string]>([
    ['Anyone with information about the break-in is asked to call Det.'],
    ['Those with information should contact the station.'],
    ['Police urged anyone who saw the van to call the tip line.'],
    ['Detectives ask that anyone with video of the crash contact them at 555-0142.'],
    ['Witnesses can call 555-COPS anonymously.'],
    ['Tips may also be sent to Crime Stoppers at 1-800-555-8477.'],
    ['Updated 6:05 PM EDT'],
    ['Thursday, Oct 4, 2018 | Updated 11:02 PM PDT'],
    ['Published on Feb 11, 2019 3:30 PM'],
    ['(AP Photo/Sam Rivers)'],
    ['Rescuers search the rubble on Tuesday. (Reuters/Ana Ruiz)'],
    ['Photo by Lee Chan.'],
    ['Posted by Dana Reyes'],
    ['On behalf of Lee & Park, LLP. posted in Car Accidents on Monday, May 2, 2016.'],
    ['Published on: 3 March 2012-10:05am'],
    ['Staff writer Ann Cole can be reached at 555-201-7788.'],
    ['Click to share on Facebook (Opens in new window)'],
    ['Email this article to a friend'],
  ])('should leave out %j as boilerplate', (text) => {
    const rating = rateCheckWorthiness(text);
    expect(rating.checkworthy).toBe(false);
    expect(rating.reason).toMatch(/^boilerplate/);
  });

  it.each<[string]>([
    ['Police said the gunman called 911 before the shooting on Sunday.'],
    ['The updated report lists 12 victims, the coroner said.'],
    ['Officials asked residents to evacuate before the storm hit on Tuesday.'],
    ['The photographer was injured in the blast on Monday, the agency said.'],
    ['Crime Stoppers paid out $40,000 in rewards last year, the group said.'],
    ['The mayor posted a video of the flooding on Tuesday.'],
  ])('should keep the factual %j', (text) => {
    expect(rateCheckWorthiness(text).checkworthy).toBe(true);
  });

  it.each<[string, string]>([
    ['digits after call', `call ${'5'.repeat(200_000)}`],
    ['spaced digits after call', `call ${'555 '.repeat(50_000)}`],
    ['an appeal that never ends', `asked anyone ${'who saw '.repeat(25_000)}`],
    ['crime stoppers and digits', `crime stoppers ${'555 '.repeat(50_000)}`],
    ['an open credit', `(AP/${'a'.repeat(200_000)}`],
    ['a long timestamp', 'Updated 1:00 PM '.repeat(12_000)],
  ])('should run each boilerplate pattern over a 200 KB hostile line (%s) in under 100 ms', (_name, line) => {
    const slowest = Math.max(
      ...check.boilerplate.map((pattern) => {
        const started = performance.now();
        pattern.test(line);
        return performance.now() - started;
      }),
    );
    expect(slowest).toBeLessThan(100);
  });
});
