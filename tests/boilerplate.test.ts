import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import data from '../src/data/boilerplate.json' with { type: 'json' };
import { findBoilerplate, findHeadline, isTimestamp, readByline } from '../src/core/boilerplate.js';
import { textParagraphs } from '../src/import/text.js';

const seedsDir = new URL('./fixtures/import/seeds/', import.meta.url);

const seeds = {
  '000': { file: '000_0fd22e28aded40a4.txt', outlet: 'Unattributed (seed 000)' },
  '001': { file: '001_22e39ff26a9c90b3.txt', outlet: 'PJ Media' },
  '002': { file: '002_38a5a43836c8bf9d.txt', outlet: 'Bitter Winter' },
  '003': { file: '003_73036bc6aa4322ab.txt', outlet: 'The Epoch Times' },
  '004': { file: '004_6ea30de39b8cddb2.txt', outlet: 'Unattributed (seed 004)' },
} as const;
type Seed = keyof typeof seeds;

function paragraphsOf(seed: Seed): string[] {
  return textParagraphs(readFileSync(new URL(seeds[seed].file, seedsDir), 'utf8'));
}

/** Flags as the importer computes them: the headline line is the title. */
function flagsOf(seed: Seed): { paragraphs: string[]; flags: (string | null)[] } {
  const paragraphs = paragraphsOf(seed);
  const outlet = seeds[seed].outlet;
  const headline = findHeadline(paragraphs, { outlet });
  const title = headline >= 0 ? paragraphs[headline] : undefined;
  return { paragraphs, flags: findBoilerplate(paragraphs, { outlet, ...(title ? { title } : {}) }) };
}

function reasonOf(seed: Seed, line: string): string | null {
  const { paragraphs, flags } = flagsOf(seed);
  const index = paragraphs.findIndex((paragraph) => paragraph.replace(/\s+/gu, ' ').trim() === line);
  if (index < 0) throw new Error(`line not in seed ${seed}: ${line}`);
  return flags[index] ?? null;
}

describe('findBoilerplate on the seed articles', () => {
  it.each<[Seed, string, string]>([
    ['000', 'Sign up to receive our latest news!', 'sign-up form'],
    ['000', 'By submitting this form, I agree to the terms.', 'sign-up form'],
    ['001', 'News & Politics', 'section label'],
    ['001', '(FBI photo)', 'photo caption or credit'],
    ['001', 'Zoom Executive Based in China Spied on Dissidents at the Behest of the Chinese Communist Party', 'repeated headline'],
    ['002', '• Skip to primary navigation', 'navigation menu'],
    ['002', '• NEWS', 'navigation menu'],
    ['002', '• TOPICS', 'navigation menu'],
    ['002', 'Bitter Winter', 'site name'],
    ['002', 'A magazine on religious liberty and human rights', 'page header'],
    ['002', 'three friends of winter', 'page header'],
    ['002', 'Home / China / News China', 'breadcrumb'],
    ['002', '12/22/2020Marco Respinti |', 'byline'],
    ['002', 'by Marco Respinti', 'byline'],
    ['002', 'Zoom headquarters in San Jose, California (credits).', 'photo caption or credit'],
    ['002', 'Tagged With: Surveillance', 'tag list'],
    ['002', 'Marco Respinti', 'author bio'],
    ['002', 'Related articles', 'related-articles list'],
    ['002', '• Douyin’s New Rules: More Control Under the Pretext of “Protecting Minors”', 'related-articles list'],
    ['002', 'Douyin’s New Rules: More Control Under the Pretext of “Protecting Minors”', 'related-articles list'],
    ['002', 'Keep Reading', 'related-articles list'],
    ['002', 'Foreign journalists who go to the Uyghur homeland are spied. So are Uyghurs who visit Shanghai.', 'related-articles list'],
    ['002', 'Primary Sidebar', 'sidebar'],
    ['002', 'Support Bitter Winter', 'link or button text'],
    ['002', 'Most Read', 'most-read list'],
    ['002', '• Pakistan, Young Christian Sentenced to Death for Blasphemy by Massimo Introvigne', 'most-read list'],
    ['002', 'Footer', 'footer'],
    ['002', 'MASSIMO INTROVIGNE', 'footer'],
    ['002', 'Via Confienza 19,', 'address or phone line'],
    ['002', '10121 Turin, Italy,', 'address or phone line'],
    ['002', 'Phone: 39-011-541950', 'address or phone line'],
    ['002', 'E-MAIL', 'address or phone line'],
    ['002', 'Newsletter', 'sign-up form'],
    ['002', 'orlir-logo hrwf-logo cesnur-logo', 'footer'],
    ['002', 'Copyright © 2023 · Bitter Winter · PRIVACY POLICY· COOKIE POLICY', 'copyright line'],
    ['003', 'Small toy figures are seen in front of diplayed Zoom logo in this illustration taken March 19, 2020. REUTERS/Dado Ruvic/Illustration', 'photo caption or credit'],
    ['003', 'Cathy He', 'byline'],
    ['003', 'Eva Fu', 'byline'],
  ])('should flag seed %s line %j as %s', (seed, line, reason) => {
    expect(reasonOf(seed, line)).toBe(reason);
  });

  it.each<[Seed, string]>([
    ['000', 'An executive of the Chinese Zoom program was accused by the U.S. Department of Justice of coordinating with the Chinese Communist Party (CCP) to censor meetings on political and religious issues of users on U.S. soil, the Washington Examiner reported.'],
    ['001', 'Daily Caller:'],
    ['001', 'New York Post:'],
    ['001', 'Part of that price was Jin himself.'],
    ['001', 'Aside from closing up shop and leaving China, American businesses have little choice but to take it.'],
    ['001', 'You can read the full statement here.'],
    ['002', 'Zoom employees disrupted meetings where China was criticized, and even framed CCP critics by posting child pornography from their accounts, U.S. Government says.'],
    ['003', 'Cooperating With Chinese Authorities'],
    ['003', 'Holding Companies Accountable'],
    ['003', 'If convicted of both charges, Jin faces a maximum of 10 years in prison.'],
    ['003', 'This article was updated to include Zoom\'s statement.'],
    ['004', 'Employee 1: Understood.'],
    ['004', 'Kim: It was the Shanghai Security Bureau that sent these people.'],
    ['004', 'Employee 1: In any case, our reputation is already very bad. (smiley face)'],
  ])('should keep seed %s line %j as prose', (seed, line) => {
    expect(reasonOf(seed, line)).toBeNull();
  });

  it('should flag every navigation line of seed 002 and none of its article paragraphs', () => {
    const { paragraphs, flags } = flagsOf('002');
    const bullets = paragraphs.map((paragraph, index) => [paragraph, flags[index]] as const).filter(([paragraph]) => paragraph.startsWith('•'));
    expect(bullets.length).toBeGreaterThan(30);
    for (const [paragraph, reason] of bullets) expect({ paragraph, reason }).toEqual({ paragraph, reason: expect.any(String) });
    const start = paragraphs.findIndex((paragraph) => paragraph.startsWith('June 4, 2020 was the 31st anniversary'));
    const end = paragraphs.findIndex((paragraph) => paragraph.startsWith('Zoom’s founder and CEO, Eric Yuan'));
    expect(flags.slice(start, end + 1)).toEqual(new Array(end - start + 1).fill(null));
  });

  it('should flag the author bios of seeds 002 and 003', () => {
    const bio002 = flagsOf('002');
    const bio003 = flagsOf('003');
    const at = (result: { paragraphs: string[]; flags: (string | null)[] }, start: string) =>
      result.flags[result.paragraphs.findIndex((paragraph) => paragraph.startsWith(start))];
    expect(at(bio002, 'Marco Respinti is an Italian professional journalist')).toBe('author bio');
    expect(at(bio003, 'Cathy He is an editor focusing on')).toBe('author bio');
  });

  it.each<[Seed, number, string, string]>([
    ['000', 12, 'An executive of the Chinese Zoom program was accused', 'However, as Assistant Attorney General for National Security John Demers noted'],
    ['001', 24, 'An employee of the video platform Zoom who is based in China', 'You can read the full statement here.'],
    ['002', 10, 'Zoom employees disrupted meetings where China was criticized', 'Zoom’s founder and CEO, Eric Yuan, was born and raised in China'],
    ['003', 26, 'U.S. prosecutors have charged a China-based executive of Zoom', 'This article was updated to include Zoom'],
    ['004', 29, 'The U.S. Department of Justice announced on December 18', 'John Demers, assistant attorney general for national security'],
  ])('should keep seed %s to %i paragraphs from its first to its last real one', (seed, count, first, last) => {
    const { paragraphs, flags } = flagsOf(seed);
    const kept = paragraphs.filter((_, index) => flags[index] === null);
    expect(kept).toHaveLength(count);
    expect(kept[0]).toMatch(new RegExp(`^${escape(first)}`));
    expect(kept.at(-1)).toMatch(new RegExp(`^${escape(last)}`));
  });

  it('should keep seed 002\'s first article paragraph', () => {
    const { paragraphs, flags } = flagsOf('002');
    const index = paragraphs.findIndex((paragraph) => paragraph.startsWith('June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage.'));
    expect(index).toBeGreaterThan(0);
    expect(flags[index]).toBeNull();
  });

  it.each(Object.keys(seeds) as Seed[])('should flag nothing more in the kept paragraphs of seed %s (idempotent)', (seed) => {
    const { paragraphs, flags } = flagsOf(seed);
    const kept = paragraphs.filter((_, index) => flags[index] === null);
    const headline = findHeadline(paragraphs, { outlet: seeds[seed].outlet });
    const title = headline >= 0 ? paragraphs[headline] : undefined;
    expect(findBoilerplate(kept, { outlet: seeds[seed].outlet, ...(title ? { title } : {}) })).toEqual(kept.map(() => null));
    expect(findBoilerplate(kept)).toEqual(kept.map(() => null));
  });

  it('should flag the page chrome of seed 002 without any context (the loader case)', () => {
    const paragraphs = paragraphsOf('002');
    const flags = findBoilerplate(paragraphs);
    const flagged = (line: string) => flags[paragraphs.findIndex((paragraph) => paragraph.replace(/\s+/gu, ' ').trim() === line)];
    expect(flagged('• Skip to primary navigation')).toBe('navigation menu');
    expect(flagged('Bitter Winter')).toBe('page header');
    expect(flagged('Copyright © 2023 · Bitter Winter · PRIVACY POLICY· COOKIE POLICY')).toBe('copyright line');
    expect(flags.filter((flag) => flag === null)).toHaveLength(11); // the 10 paragraphs and the headline
  });
});

describe('findBoilerplate in context', () => {
  const prose = [
    'Prosecutors said the executive terminated at least four meetings in May and June of this year.',
    'The company said it had fired the employee and placed others on administrative leave pending an investigation.',
    'Activists said the meetings had been organized to commemorate the anniversary of the crackdown in Beijing.',
    'Lawmakers called for hearings on the company’s ties to the government and its handling of user data.',
  ];

  it.each<[string, string | null]>([
    ['Advertisement', 'advertisement'],
    ['Story continues below advertisement', 'advertisement'],
    ['Share on Facebook', 'share buttons'],
    ['12 Comments', 'share buttons'],
    ['RELATED: Zoom Shuts Down Activists’ Accounts After Tiananmen Event', 'related-articles link'],
    ['We use cookies to improve your experience on our site.', 'cookie notice'],
    ['(AP Photo/Mark Lennihan)', 'photo caption or credit'],
    ['A protester holds a sign outside the courthouse. (AP Photo/Mark Lennihan)', 'photo caption or credit'],
    ['The logo is seen on a screen in this picture. Getty Images', 'photo caption or credit'],
    ['By Jane Doe and John Roe', 'byline'],
    ['Published December 18, 2020', 'dateline'],
    ['Jane Doe is a staff writer covering technology. Contact her at jane@example.com.', 'author bio'],
    ['Contact Jane at [email protected].', 'author bio'],
    ['June 4, 2020 was a Thursday, and the meetings began at noon.', null],
    ['An AP/NORC poll found most Americans distrust the company.', null],
    ['Daily Caller:', null],
    ['What the company said', null],
    ['John Demers is the assistant attorney general for national security.', null],
    ['“We have taken actions to make our values clear,” the company said.', null],
    ['Subscribers to the service were not notified of the breach.', null],
  ])('should flag %j between prose paragraphs as %s', (line, reason) => {
    const flags = findBoilerplate([...prose.slice(0, 2), line, ...prose.slice(2)]);
    expect(flags[2]).toBe(reason);
    expect(flags.filter((flag, index) => index !== 2 && flag !== null)).toEqual([]);
  });

  it('should flag a repeated headline and a section label above it', () => {
    const flags = findBoilerplate(['World', 'Zoom Executive Charged', 'Zoom Executive Charged', ...prose], { title: 'Zoom Executive Charged' });
    expect(flags.slice(0, 3)).toEqual(['section label', 'repeated headline', 'repeated headline']);
  });

  it('should flag a bio of a known author only, not one of a person in the story', () => {
    const bio = 'Jane Doe is a journalist who writes about China.';
    const more = 'The complaint was unsealed in federal court in Brooklyn on Friday, according to the Justice Department.';
    expect(findBoilerplate([...prose, bio, more])[prose.length]).toBeNull();
    expect(findBoilerplate([...prose, bio, more], { author: ['Jane Doe'] })[prose.length]).toBe('author bio');
    expect(findBoilerplate([...prose, bio, 'Copyright © 2020 Example'])[prose.length]).toBe('author bio');
  });

  it('should end a footer run when three long paragraphs of prose follow it', () => {
    const more = [
      'The complaint was unsealed in federal court in Brooklyn on Friday, according to the Justice Department.',
      'Jin is believed to be in China and has not been arrested, prosecutors said in a statement on Friday.',
      'If convicted of both charges, he faces a maximum of ten years in prison, the statement said on Friday.',
    ];
    const flags = findBoilerplate([...prose, 'Footer', 'About us', ...more]);
    expect(flags.slice(prose.length)).toEqual(['footer', 'footer', null, null, null]);
  });

  it('should not start a footer run before the article has started', () => {
    const flags = findBoilerplate(['Primary Sidebar', ...prose]);
    expect(flags.slice(1)).toEqual(prose.map(() => null));
  });

  it('should keep bullet lists inside the article', () => {
    const list = ['• Four meetings were terminated', '• Ten users’ data were shared'];
    expect(findBoilerplate([...prose.slice(0, 2), ...list, ...prose.slice(2)])).toEqual(new Array(prose.length + 2).fill(null));
  });

  it('should run in linear time on a large input', () => {
    const paragraphs = Array.from({ length: 60_000 }, (_, index) => (index % 7 === 0 ? '• Menu item' : prose[index % prose.length]!));
    const started = performance.now();
    const flags = findBoilerplate(paragraphs);
    expect(flags).toHaveLength(paragraphs.length);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe('readByline', () => {
  it.each<[string, { names: string[]; date?: string } | undefined]>([
    ['by Marco Respinti', { names: ['Marco Respinti'] }],
    ['12/22/2020Marco Respinti |', { names: ['Marco Respinti'], date: '2020-12-22' }],
    ['Cathy He', { names: ['Cathy He'] }],
    ['December 18, 2020', { names: [], date: '2020-12-18' }],
    ['03/04/2020', { names: [] }],
    ['Daily Caller:', undefined],
    ['June 4, 2020 was the 31st anniversary of the Tiananmen Square carnage.', undefined],
  ])('should read %j as %j', (line, expected) => {
    expect(readByline(line)).toEqual(expected);
  });
});

describe('boilerplate.json', () => {
  it.each(data.lines.map((group) => [group.reason, group] as const))('should compile every %s pattern', (_, group) => {
    expect(group.maxWords).toBeGreaterThan(0);
    for (const pattern of group.patterns) expect(() => new RegExp(pattern, 'flags' in group ? group.flags : 'iu')).not.toThrow();
  });

  it.each([...data.listHeadings, ...data.runStarts].map((group) => [group.reason, group] as const))(
    'should compile every %s heading pattern',
    (_, group) => {
      for (const pattern of group.patterns) expect(() => new RegExp(pattern, 'iu')).not.toThrow();
    },
  );
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

describe('findBoilerplate: datelines, tip lines, bylines, share prompts, credits', () => {
  const story = [
    'The county council voted on Tuesday to close two fire stations after a review of response times.',
    'Residents of the eastern district said the nearest station would now be more than ten miles away.',
    'The council said the closures would save the county about four million dollars over five years.',
  ];

  it.each<[string, string | null]>([
    ['Published 7:15 AM EST Mar 3, 2019', 'dateline'],
    ['Thursday, Oct 4, 2018 | Updated 11:02 PM PDT', 'dateline'],
    ['Updated: June 9, 2017, 4:40 PM ET', 'dateline'],
    ['Last updated 10:30 a.m. GMT, Wed January 8, 2014', 'dateline'],
    ['Posted 2 hours ago', 'dateline'],
    ['Posted on 04/11/2015 at 6:12pm', 'dateline'],
    ['Anyone with information is asked to call the sheriff’s office at (555) 010-2299.', 'tip line'],
    ['Anyone having information about the fire should contact detectives.', 'tip line'],
    ['Police urge anyone who saw the van to call the county tip line.', 'tip line'],
    ['Call Crime Stoppers at 555-TIPS.', 'tip line'],
    ['Posted by Maria Lopez', 'byline'],
    ['On behalf of Lee & Park, LLP. posted in Car Accidents on Monday, May 2, 2016.', 'byline'],
    ['Posted March 3, 2016-4:12pm Updated March 4, 2016-9:30am', 'dateline'],
    ['Share this: Facebook Twitter Email Print', 'share buttons'],
    ['Click to share on Twitter (Opens in new window)', 'share buttons'],
    ['Email this story', 'share buttons'],
    ['Photo: Pat Kim/Riverside Gazette', 'photo caption or credit'],
    ['Firefighters work at the scene on Main Street. (AP Photo/Sam Rivers)', 'photo caption or credit'],
    // Prose that only looks like it.
    ['Updated figures released on Monday show 40 people died in the floods.', null],
    ['The company said 2013 was its best year since it was founded in 1987.', null],
    ['Police called the 25-year-old suspect a danger to the community.', null],
    ['Officials asked residents to stay indoors until the storm passed on Friday night.', null],
    ['May 5 was the last day the station was staffed overnight, the union said.', null],
  ])('should flag %j between prose paragraphs as %s', (line, reason) => {
    const flags = findBoilerplate([...story.slice(0, 2), line, ...story.slice(2)]);
    expect(flags[2]).toBe(reason);
    expect(flags.filter((flag, index) => index !== 2 && flag !== null)).toEqual([]);
  });

  it.each<[string, string]>([
    ['Published 9:05 PM CDT Jun 1, 2016', 'dateline'],
    ['Sunday, Jan 3, 2021 | Updated 7:01 AM EST', 'dateline'],
    // A British clock time ("14.05"): the sentence-case headline above it is no page header.
    ['Friday 3 May 2013 14.05 BST', 'dateline'],
  ])('should never take the timestamp %j under the headline for the headline', (line, reason) => {
    const flags = findBoilerplate(['Council closes two fire stations', line, ...story]);
    expect(flags[1]).toBe(reason);
    expect(flags.slice(2)).toEqual(story.map(() => null));
  });

  it.each<[string, boolean]>([
    ['Published 9:05 PM CDT Jun 1, 2016', true],
    ['Friday, Sep 3, 2010 | Updated 8:50 PM EDT', true],
    ['on March 4, 2012 10:15am | Updated on March 4, 2012 11:20am', true],
    ['2015-06-12T08:30:00Z', true],
    ['Tuesday 4 June 2013 09.12 BST', true],
    ['Wed Jul 10, 2013 02.16pm IST', true],
    ['Shares rose 2.50 on Monday', false],
    ['Tickets cost 12.99', false],
    ['19th', false],
    ['In 2013', false],
    ['The 2013 season', false],
    ['Updated figures show 40 dead', false],
    ['Posted by Maria Lopez', false],
  ])('isTimestamp(%j) is %s', (text, expected) => {
    expect(isTimestamp(text)).toBe(expected);
  });

  it.each<[string, string]>([
    ['timestamp words', 'Published 1:00 PM '.repeat(12_000)],
    ['digits after call', `Call ${'5'.repeat(200_000)}`],
    ['spaced digits after call', `Call ${'555 '.repeat(50_000)}`],
    ['an appeal that never ends', `Police urge anyone ${'who saw '.repeat(25_000)}`],
    ['an open credit', `(AP Photo/${'a'.repeat(200_000)}`],
    ['share words', `Share this: ${'Facebook '.repeat(22_000)}`],
  ])('should run each line pattern and isTimestamp over a 200 KB hostile line (%s) in under 100 ms', (_name, line) => {
    const patterns = data.lines.flatMap((group) => group.patterns.map((pattern) => new RegExp(pattern, group.flags ?? 'iu')));
    const slowest = Math.max(
      ...[...patterns.map((pattern) => () => pattern.test(line)), () => isTimestamp(line)].map((run) => {
        const started = performance.now();
        run();
        return performance.now() - started;
      }),
    );
    expect(slowest).toBeLessThan(100);
    expect(findBoilerplate([line])).toHaveLength(1);
  });
});
