import { describe, expect, it } from 'vitest';
import { findNegation, findNegationCues, statesNegation } from '../../src/core/claims/negation.js';

describe('findNegation', () => {
  it.each<[string, string | null]>([
    // Seed sentences.
    ['While in response to the CCP’s unbridled violence Europe and the U.S. imposed economic sanctions on China, the CCP was never fully prosecuted for this perverse act.', 'never'],
    ['“While the DOJ did not share with us its factual allegations in advance of the public release of the complaint, we learned that the former employee violated Zoom’s policies.', 'did not'],
    ['They haven’t lost that sense of superiority.', 'haven’t'],
    ['When U.S. companies go to China, “it’s no longer a kind of business cooperation, but a direct collaboration with the regime,” he said.', 'no longer'],
    ['There is no indication that any enterprise data was shared with the Chinese government.', 'no indication'],
    ['“At this stage in our investigation, we do not believe this former employee provided the Chinese government with user data of non-China-based users.', 'do not'],
    ['Other than these users, the company said it did not believe Jin provided the Chinese government with user data.', 'did not'],
    ['Even when this did not happen, events were interrupted by Zoom.', 'did not'],
    ['Soon it became obvious that this was not coincidental, but part of a CCP plot.', 'was not'],
    ['The U.S. Department of Justice, however, was not happy with the explanation.', 'was not'],
    ['Kim: The MSS asked us to sign an NDA, and we cannot disclose their requests.', 'cannot'],
    ['If we don’t handle it well, the cyber security department will ban all overseas servers.', 'don’t'],
    ['In fact, Jin was anything but “rogue.”', 'anything but'],
    // Judgment call: "No company … is immune" is a negated universal, so negated.
    ['“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party,” Demers said.', 'No'],
    // Other cues.
    ['Jin was never charged.', 'never'],
    ['Jin has not been arrested.', 'has not'],
    ['Zoom denied that it shared user data.', 'denied that'],
    ['Zoom denies the allegations.', 'denies'],
    ['Nothing was shared with Beijing.', 'Nothing'],
    ['None of the organizers were notified.', 'None'],
    ['Jin declined to comment.', 'declined to'],
    ['Zoom failed to stop the meetings.', 'failed to'],
    ['Zoom didn’t respond.', 'didn’t'],
    ['Zoom didn\'t respond.', 'didn\'t'],
  ])('should find the cue in %j', (text, cue) => {
    expect(findNegation(text)).toEqual({ negated: true, cue });
  });

  it.each<[string]>([
    ['Jin was charged with conspiracy to commit interstate harassment.'],
    ['Zoom is not only a U.S. company but also a Chinese employer.'],
    ['The meetings were monitored not just in China but abroad.'],
    ['Kim: as long as it’s a Chinese user, no matter where it is, we need to deal with it.'],
    ['It was No. 1 on the list.'],
    ['There is no doubt the meetings were held.'],
    ['Zoom will act whether or not the DOJ agrees.'],
    ['Notably, Jin worked from China.'],
    ['Jin was appointed “Security technical leader” by Zoom.'],
    ['The company acknowledged the notice.'],
  ])('should not negate %j', (text) => {
    expect(findNegation(text)).toEqual({ negated: false, cue: null });
  });

  it('should list every cue with spans that slice back to the text', () => {
    const text = 'Zoom did not share data and never denied that it knew.';
    const cues = findNegationCues(text);
    expect(cues.map((cue) => cue.cue)).toEqual(['did not', 'never', 'denied that']);
    for (const cue of cues) expect(text.slice(cue.span.start, cue.span.end)).toBe(cue.cue);
  });
});

describe('negation idioms that assert', () => {
  it.each<[string]>([
    ['It wasn’t until June 2 that the mayor signed the order.'],
    ['It was not until the third round that the champion landed a clean punch.'],
    ['Not until Friday did the agency publish the report.'],
    ['The neighbours couldn’t help but notice the smoke.'],
    ['The rescue was nothing short of remarkable.'],
    ['No sooner had the polls closed than the results leaked.'],
    ['The firm had no choice but to recall the cars.'],
    ['Not long after the blast, sirens filled the street.'],
    ['The minister was none other than the author of the bill.'],
    // A plea is a step in court, not a denial that contradicts a verdict.
    ['The driver pleaded not guilty to both counts on Monday.'],
  ])('should not negate %j', (text) => {
    expect(findNegation(text)).toEqual({ negated: false, cue: null });
  });

  it.each<[string, string]>([
    ['The ferry did not leave until noon.', 'did not'],
    ['The guards could not help the stranded hikers.', 'could not'],
    ['Nobody was hurt, and the road was not closed.', 'Nobody'],
    ['The jury found the driver not guilty.', 'not'],
  ])('should still negate %j (cue %j)', (text, cue) => {
    expect(findNegation(text).cue).toBe(cue);
  });
});

describe('statesNegation (the one list the judge reads)', () => {
  it.each<[string, boolean]>([
    ['The council voted without debate.', true],
    ['The suspect refused to answer questions.', true],
    ['Her refusal surprised the board.', true],
    ['The company issued a denial on Monday.', true],
    ['The bank declined the loan.', true],
    ['The report cites a lack of funding.', true],
    ['The bridge failed an inspection.', true],
    ['Officers never found the weapon.', true],
    ['The board turned down the offer.', true],
    ['The court rejected the appeal.', true],
    ['Police have yet to name a suspect.', true],
    ['Detectives are still trying to find the driver.', true],
    ['Deputies still are searching for the car.', true],
    ['The clinic is unlicensed.', true],
    ['The gunman remains unidentified.', true],
    ['The mayor signed the order on Tuesday.', false],
    ['The union turned out in force.', false],
    ['It wasn’t until June 2 that the mayor signed the order.', false],
    ['The rescue was nothing short of remarkable.', false],
    ['The river flooded the valley.', false],
  ])('statesNegation(%j) is %s', (text, expected) => {
    expect(statesNegation(text)).toBe(expected);
  });
});
