import { describe, expect, it } from 'vitest';
import { findAttribution, findSpeakers } from '../../src/core/claims/attribution.js';

describe('findAttribution', () => {
  it.each<[string, string]>([
    // Seed sentences.
    ['An executive of the Chinese Zoom program was accused by the U.S. Department of Justice of coordinating with the Chinese Communist Party (CCP) to censor meetings, the Washington Examiner reported.', 'the Washington Examiner'],
    ['According to the Justice Department’s statement, Jin “responded to requests from the PRC government for information.”', 'the Justice Department’s statement'],
    ['In addition, “Jin and others terminated at least four video meetings hosted on Company-1’s networks,” the statement said.', 'the statement'],
    ['“Zoom is dedicated to the free and open exchange of ideas,” Zoom’s spokeswoman told the Washington Examiner.', 'Zoom’s spokeswoman'],
    ['However, as Assistant Attorney General for National Security John Demers noted, “No company with significant business interests in China is immune.”', 'Assistant Attorney General for National Security John Demers'],
    ['An employee of the video platform Zoom who is based in China was spying on Chinese dissidents, according to a federal indictment announced on Friday.', 'a federal indictment'],
    ['John Demers, the assistant attorney general for national security, said that the case shows that U.S. executives are at risk.', 'John Demers'],
    ['“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party [CCP],” Demers said in a statement.', 'Demers'],
    ['“In that capacity, he regularly responded to requests from the [People’s Republic of China] government,” the Justice Department said in its announcement of charges against Jin.', 'the Justice Department'],
    ['According to the complaint, the Chinese government required Zoom to install Jin as its liaison.', 'the complaint'],
    ['To achieve the shutdown of the video conferences, Jin told Zoom executives that the participants had violated the company’s terms of service.', 'Jin'],
    ['“Zoom is dedicated to the free and open exchange of ideas and supports the U.S. Government’s commitment to protect American interests from foreign influence,” a Zoom spokesperson said.', 'a Zoom spokesperson'],
    ['“At this stage in our investigation, and with the exception of user data for fewer than ten individual users,” the spokesperson said, “we do not believe this former employee provided user data.', 'the spokesperson'],
    ['Zoom said that every American company doing business with China faces challenges.', 'Zoom'],
    ['“We will continue to act aggressively to anticipate and combat ever-evolving data security challenges,” Zoom declared.', 'Zoom'],
    ['Zoom employees disrupted meetings where China was criticized, U.S. Government says.', 'U.S. Government'],
    ['Last week, the Department announced that an arrest warrant was unsealed in a federal court in Brooklyn.', 'the Department'],
    ['According to the Department of Justice, Jin, a Zoom employee based in China, “served as Company-1’s primary liaison.”', 'the Department of Justice'],
    ['The Department also confirms that Jin and other Zoom employees fabricated evidence.', 'The Department'],
    ['Zoom answered that, upon learning of the American investigation, it had fired Jin.', 'Zoom'],
    ['U.S. prosecutors have charged a China-based executive of Zoom over his role in disrupting video meetings, the Justice Department announced on Dec. 18.', 'the Justice Department'],
    ['Prosecutors allege that Jin Xinjiang, or "Julien" Jin, worked under the direction of Chinese security officials.', 'Prosecutors'],
    ['"Jin worked closely with the PRC government," Acting U.S. Attorney Seth D. DuCharme said in a statement.', 'Acting U.S. Attorney Seth D. DuCharme'],
    ['“No company with significant business interests in China is immune from the coercive power of the Chinese Communist Party,” said Assistant Attorney General for National Security John C. Demers in a statement.', 'Assistant Attorney General for National Security John C. Demers'],
    ['Jin was the company\'s liaison with Chinese law enforcement and intelligence officials, prosecutors said.', 'prosecutors'],
    ['The fabricated evidence made the meetings appear to discuss child abuse, the court complaint said.', 'the court complaint'],
    ['Jin and officials also provided screenshots allegedly of the participants\' user profiles, according to prosecutors.', 'prosecutors'],
    ['Prosecutors further allege that Chinese authorities used information given by Jin.', 'Prosecutors'],
    ['The prosecution is “the first step toward upholding justice,” he said in an interview with The Epoch Times.', 'he'],
    ['In a statement, the company said that it fully cooperated with federal authorities in this matter.', 'the company'],
    ['"There is no indication that any enterprise data was shared with the Chinese government," according to the statement.', 'the statement'],
    ['The U.S. Department of Justice announced on December 18 that a Chinese executive of the telematics company Zoom is wanted.', 'The U.S. Department of Justice'],
    ['According to DOJ documents, details of the disruption came to light.', 'DOJ documents'],
    ['According to an FBI warrant, a U.S. federal court actually issued an arrest warrant for Jin Xinjiang on Nov. 19.', 'an FBI warrant'],
    ['Seth DuCharme, acting U.S. Attorney for the Eastern District of New York, said in a subsequent statement that Zoom had terminated Jin’s employment.', 'Seth DuCharme'],
    ['No company with significant business interests in China is immune from coercion by China’s Communist government,” said John Demers, assistant attorney general for national security.', 'John Demers'],
    ['Kim: It was the Shanghai Security Bureau that sent these people.', 'Kim'],
    ['Employee 1: Understood.', 'Employee 1'],
  ])('should find who speaks in %j', (text, speaker) => {
    expect(findAttribution(text)).toBe(speaker);
  });

  it.each<[string]>([
    ['Jin served as Zoom’s in-house liaison to the Chinese government.'],
    ['Some of his targets were living in the United States.'],
    ['In that capacity, he regularly responded to requests from the PRC government for information.'],
    ['In June 1989, the CCP, led by Deng Xiaoping, declared martial law.'],
    ['The incident sparked an outcry from lawmakers and activists who accused the American company of bowing to Chinese censorship.'],
    ['U.S. prosecutors have charged a China-based executive of Zoom.'],
    ['We have learned that Zoom regularly cooperates with the CCP.'],
    ['Phone: 39-011-541950'],
    ['Tagged With: Surveillance'],
    ['China: Religion Expelled from the Secret Room'],
    ['There is something truly nauseating about the way American companies grovel before the Chinese Communists.'],
  ])('should find no speaker in %j', (text) => {
    expect(findAttribution(text)).toBeNull();
  });

  it('should give spans that slice back to the text', () => {
    const text = '“It happened,” said John C. Demers in a statement, according to the complaint.';
    const speakers = findSpeakers(text);
    expect(speakers.map((speaker) => speaker.speaker)).toEqual(['John C. Demers', 'the complaint']);
    for (const speaker of speakers) expect(text.slice(speaker.span.start, speaker.span.end)).toBe(speaker.speaker);
  });
});
