// Issue 13, one table per rule, through the public library (src/index.ts) and, for
// what only shows on a folder (boilerplate, stories, updates), through crossReference
// on small temp folders of markdown sources, as the CLI runs them. All sentences are
// made up for these tests.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeSentence, compareSentences, crossReference } from '../src/index.js';
import { joinChunks } from '../src/render/chunks.js';
import { renderJson } from '../src/render/json.js';
import type { Finding, Report } from '../src/types.js';
import { testSentence } from './helpers/claim.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const root = path.join(import.meta.dirname, '..');
const kindsOf = (a: string, b: string, publishedA = '2031-03-12', publishedB = publishedA) =>
  compareSentences(a, b, { publishedA, publishedB }).conflicts.map((conflict) => conflict.kind);

/** A markdown source as sources/ holds them: front matter, then one paragraph per line given. */
function markdown(outlet: string, title: string, published: string, paragraphs: readonly string[]): string {
  return `---\noutlet: ${outlet}\ntitle: ${title}\npublished: ${published}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

/** Cross-reference a temp folder of the given files (name → markdown). */
async function runFolder(files: Record<string, string>): Promise<Report> {
  const folder = tempFolder('claimcheck-issue13-');
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(folder, name), text);
  return crossReference([folder], { cache: false });
}

const mentionTexts = (report: Report) => report.claims.flatMap((finding) => finding.mentions.map((mention) => mention.text));
const findingWith = (report: Report, text: string): Finding | undefined =>
  report.claims.find((finding) => finding.mentions.some((mention) => mention.text.includes(text)));

// One mill fire told by two outlets two days apart, and a shooting months later in
// another town that prints the same tip line number and a similar hospital sentence.
const FIRE_A = markdown('Ostrey Gazette', 'Fire guts Pellow flour mill in Ostrey', '2031-04-03', [
  'Published 8:14 AM BST Apr 3, 2031',
  'Posted by Hana Morrow',
  'A fire gutted the Pellow flour mill in Ostrey on Wednesday night, fire chief Ida Rusk said.',
  'At least 6 workers were injured when the blaze spread through the Pellow mill on Wednesday.',
  'One worker was rushed to a hospital where he later died, Rusk said.',
  'Anyone with information about the fire is asked to call investigators at (555) 014-2277.',
  'Photo: Lee Park/Ostrey Gazette',
  'Share this: Facebook Twitter Email',
]);
const FIRE_B = markdown('Valley Courier', "Ostrey's Pellow mill destroyed in overnight blaze", '2031-04-05', [
  'Thursday, Apr 5, 2031 | Updated 6:40 PM BST',
  'The Pellow flour mill in Ostrey was gutted by a fire on Wednesday night, fire chief Ida Rusk told reporters.',
  'At least 9 workers were injured when the blaze spread through the Pellow mill on Wednesday.',
  'Police are asking anyone who saw the fire start to call (555) 014-2277.',
  'Email this story',
]);
const SHOOTING = markdown('Harbour News', 'Man shot dead outside Quillby diner', '2031-09-20', [
  'Updated: September 20, 2031, 9:05 PM ET',
  'A man was shot outside the Marlow diner in Quillby on Friday night, police said.',
  'The man was rushed to an area hospital where he later died, police said.',
  'Anyone with information about the shooting is asked to call investigators at (555) 014-2277.',
  'Photo: Nia Obi/Harbour News',
]);
let folderRun: Promise<Report> | undefined;
const folder = () => (folderRun ??= runFolder({ 'fire-a.md': FIRE_A, 'fire-b.md': FIRE_B, 'shooting.md': SHOOTING }));

describe('rule 1: event identity', () => {
  it.each([
    ['Officers said two cyclists were hurt on Tanner Lane on Monday.', 'Officers said six cyclists were hurt on Fallow Road on Thursday.'],
    ['Petra Lunde was fined 400 dollars in Kesby.', 'Otto Brask was fined 900 dollars in Kesby.'],
  ])('should make two events, no dispute, of %j / %j', (a, b) => {
    const why = compareSentences(a, b);
    expect(why.identity.different).toBe(true);
    expect(why.match).toBeNull();
    expect(why.conflicts).toEqual([]);
  });

  it.each([
    ['Officers said two cyclists were hurt on Tanner Lane on Monday.', 'Officers said six cyclists were hurt on Tanner Lane on Monday.', 'quantity'],
    ['Petra Lunde was fined 400 dollars in Kesby.', 'Petra Lunde was fined 900 dollars in Kesby.', 'quantity'],
  ])('should keep the dispute when who, where and when agree: %j / %j', (a, b, kind) => {
    const why = compareSentences(a, b);
    expect(why.identity.different).toBe(false);
    expect(why.conflicts.map((conflict) => conflict.kind)).toContain(kind);
  });

  it('should not corroborate the hospital sentence of a fire with that of a shooting (a folder run)', async () => {
    const report = await folder();
    for (const text of ['rushed to a hospital where he later died', 'rushed to an area hospital where he later died']) {
      expect(findingWith(report, text)?.mentions).toHaveLength(1);
    }
  });
});

describe('rule 2: stories', () => {
  it('should group the folder into two stories, name one on every claim and export both, valid against the schema', async () => {
    const report = await folder();
    const stories = report.stories ?? [];
    expect(stories.map((story) => [...story.sources].sort())).toEqual(
      expect.arrayContaining([[expect.stringContaining('fire-a'), expect.stringContaining('fire-b')], [expect.stringContaining('shooting')]]),
    );
    expect(stories).toHaveLength(2);
    const storyOfSource = new Map(stories.flatMap((story) => story.sources.map((source) => [source, story.id] as const)));
    for (const finding of report.claims) {
      expect(finding.story).toBeDefined();
      for (const mention of finding.mentions) expect(storyOfSource.get(mention.source)).toBe(finding.story);
    }
    const schema = JSON.parse(readFileSync(path.join(root, 'schema', 'claimcheck-export.schema.json'), 'utf8'));
    const ajv = new Ajv2020.default({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const data = JSON.parse(joinChunks(renderJson(report, '0.0.0')));
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    expect(data.stories).toHaveLength(2);
    expect(data.claims.every((claim: { story?: string }) => stories.some((story) => story.id === claim.story))).toBe(true);
  });

  it('should give the fire story the same clusters alone as beside the shooting', async () => {
    const clusters = (report: Report) =>
      report.claims.filter((f) => f.mentions.length > 1).map((f) => f.mentions.map((m) => m.text).sort().join(' | ')).sort();
    const alone = await runFolder({ 'fire-a.md': FIRE_A, 'fire-b.md': FIRE_B });
    expect(clusters(alone).length).toBeGreaterThan(0);
    expect(clusters(await folder())).toEqual(clusters(alone));
  });
});

describe('rule 3: aligned conflicts', () => {
  it.each([
    // X of Y is two figures: the part agrees with the part.
    ['The goalkeeper saved 7 of 12 penalties this season.', 'The goalkeeper saved 7 penalties this season.', []],
    ['The goalkeeper saved 7 of 12 penalties this season.', 'The goalkeeper saved 9 of 12 penalties this season.', ['quantity']],
    // Ages attach to their names.
    ['Police named the victims as 47-year-old Aldo Fenn and 29-year-old Rita Sorel.', 'Police said his 29-year-old neighbour Rita Sorel was also hurt.', []],
    ['Police named the victim as 47-year-old Aldo Fenn.', 'Police named the victim as 51-year-old Aldo Fenn.', ['quantity']],
    // Dates attach to the act and the actor they date.
    ['Dale Orme was sentenced by the court on July 8.', 'His brother Ivo Orme was sentenced by the court on June 30.', []],
    ['Dale Orme was sentenced by the court on July 8.', 'Dale Orme was sentenced by the court on July 15.', ['date']],
  ])('%j / %j should conflict in %j', (a, b, kinds) => {
    expect(kindsOf(a, b, '2031-07-20')).toEqual(kinds);
  });
});

describe('rule 4: boilerplate is not a claim (a folder run)', () => {
  it.each([
    ['a dateline', 'Published 8:14 AM BST'],
    ['an updated line', 'Updated 6:40 PM BST'],
    ['an "Updated:" timestamp', 'Updated: September 20'],
    ['a byline', 'Posted by Hana Morrow'],
    ['a tip line', 'asked to call investigators'],
    ['a phone appeal', 'Police are asking anyone'],
    ['a photo credit', 'Photo: Lee Park'],
    ['share buttons', 'Share this'],
    ['a share prompt', 'Email this story'],
  ])('should keep %s out of the claims', async (_name, text) => {
    const report = await folder();
    expect(mentionTexts(report).filter((mention) => mention.includes(text))).toEqual([]);
    // The prose of the same sources is kept.
    expect(findingWith(report, 'gutted the Pellow flour mill')?.mentions).toHaveLength(2);
  });
});

describe('rule 5: numbers', () => {
  const quantitiesOf = (text: string) => analyzeSentence(testSentence(text), { outlet: 'x' }).quantities.map((quantity) => quantity.text);

  it.each([
    ['Thieves took an iPhone 6s and 3 laptops from the shop.', ['3 laptops']],
    ['The shop sold an iPhone 12 and 2 chargers on Monday.', ['2 chargers']],
    ['The school moved every computer to Windows 10 last spring.', []],
    ['She streams on a Pixel 7a and a PlayStation 5.', []],
    ['The laptop has 4 HDMI 2.1 ports on the back.', ['4 HDMI 2.1 ports']],
  ])('should read no version or model number as a quantity in %j', (text, expected) => {
    expect(quantitiesOf(text)).toEqual(expected);
  });

  it.each([
    // Model and version numbers.
    ['The laptop has 4 HDMI 2.1 ports on the back.', 'The laptop has four HDMI ports on the back.', []],
    ['The laptop has 4 HDMI 2.1 ports on the back.', 'The laptop has two HDMI ports on the back.', ['quantity']],
    ['The school moved every computer to Windows 10 last spring.', 'The school moved every computer to Windows 11 last spring.', []],
    // One interval.
    ['The ferry crossing takes 2.5 to 4 hours in winter.', 'The ferry crossing takes three hours in winter.', []],
    ['The ferry crossing takes 2.5 to 4 hours in winter.', 'The ferry crossing takes six hours in winter.', ['quantity']],
    ['Between 30 and 35 volunteers cleaned the beach on Sunday.', 'Thirty-one volunteers cleaned the beach on Sunday.', []],
    ['Between 30 and 35 volunteers cleaned the beach on Sunday.', 'Fifty volunteers cleaned the beach on Sunday.', ['quantity']],
    // Money: cents count, "about" rounds.
    ['The kettle sells for $79.99 at the hardware store.', 'The kettle sells for $79 at the hardware store.', ['quantity']],
    ['The kettle sells for about $80 at the hardware store.', 'The kettle sells for $79.99 at the hardware store.', []],
  ])('%j / %j should conflict in %j', (a, b, kinds) => {
    expect(kindsOf(a, b)).toEqual(kinds);
  });
});

describe('rule 6: negation idioms that assert', () => {
  it.each([
    ['It wasn’t until March 9 that the bakery reopened its doors.', 'The bakery reopened its doors on March 9.', []],
    ['It was not until March 9 that the bakery reopened its doors.', 'The bakery reopened its doors on March 9.', []],
    ['The storm not only flooded the harbour but also cut power to the island.', 'The storm flooded the harbour and cut power to the island.', []],
    ['No sooner had the bakery reopened than the queue reached the corner.', 'The bakery reopened and the queue reached the corner.', []],
    // A denial still disputes.
    ['The bakery did not reopen its doors on March 9.', 'The bakery reopened its doors on March 9.', ['negation']],
  ])('%j / %j should conflict in %j', (a, b, kinds) => {
    expect(kindsOf(a, b)).toEqual(kinds);
  });
});

describe('rule 7: update, not dispute', () => {
  it.each([
    ['At least 12 homes were evacuated after the dam cracked.', 'At least 30 homes were evacuated after the dam cracked.', '2031-02-01', '2031-02-03', true, 'rose from 12 to 30'],
    ['Nine people were arrested after the stadium brawl.', 'Seven people were arrested after the stadium brawl.', '2031-02-01', '2031-02-02', true, 'fell from 9 to 7'],
    ['At least 12 homes were evacuated after the dam cracked.', 'At least 30 homes were evacuated after the dam cracked.', '2031-02-01', '2031-02-01', false, '12'],
    // Not a running count: a later article that gives another figure disputes it.
    ['The dam is 40 metres tall.', 'The dam is 55 metres tall.', '2031-02-01', '2031-02-03', false, '40'],
  ])('%j (%s) / %j (%s) an update: %s', (a, b, publishedA, publishedB, update, detail) => {
    const [conflict, ...rest] = compareSentences(a, b, { publishedA, publishedB }).conflicts;
    expect(rest).toEqual([]);
    expect(conflict).toMatchObject({ kind: 'quantity' });
    expect(conflict!.update === true).toBe(update);
    expect(conflict!.detail).toContain(detail);
  });

  it('should corroborate a running count that rose in the later article, and say so (a folder run)', async () => {
    const finding = findingWith(await folder(), 'At least 6 workers were injured')!;
    expect(finding.mentions.map((mention) => mention.outlet).sort()).toEqual(['Ostrey Gazette', 'Valley Courier']);
    expect(finding.verdict).toBe('corroborated');
    expect(finding.conflicts).toEqual([expect.objectContaining({ kind: 'quantity', update: true, detail: expect.stringContaining('rose from 6 to 9') })]);
  });
});

describe('failure kind 4: chains of different facts', () => {
  // Known limit (CLI run of a two-outlet fire story, see the tests13 log): two figures of
  // one story with different counted things and verbs still match as paraphrases when
  // their short sentences share the story's names, so the two facts chain into one claim.
  it.fails('should not match an injury count with a count of fire engines sent', () => {
    const why = compareSentences(
      'At least 6 workers were injured in the fire at the Pellow mill, Rusk said.',
      'Rusk said 4 fire engines were sent to the Pellow mill.',
      { publishedA: '2031-04-03', publishedB: '2031-04-05' },
    );
    expect(why.match).toBeNull();
  });
});

describe('rule 8: npm run eval:real', () => {
  const summary = (disputed: number, multiOutlet: number, crossEvent: number) => ({
    runs: 1,
    counts: { byVerdict: { disputed }, multiOutlet },
    crossEvent: { multiOutlet: crossEvent, disputed: 0 },
    pairPrecision: { pairs: 200, sameEvent: 199, supported: 150 },
    pairRecall: { goldPairs: 40, found: 10 },
    disputes: { conflicts: 3, crossEvent: 0, clustersAnyCrossEvent: 0 },
  });

  it.each([
    [summary(4, 300, 3), ['disputed   4', 'cross-event multi-outlet   3 (1.0%)', 'same-event 99.5%', 'recall proxy 25.0% (10/40)']],
    [summary(0, 0, 0), ['disputed   0', 'cross-event multi-outlet   0 (-)']],
  ])('should print the figures of a score summary (%#)', async (given, parts) => {
    const { figuresOf, formatFigures } = await import('../scripts/eval-real.js');
    const line = formatFigures(figuresOf('corpus whole', given));
    for (const part of parts) expect(line).toContain(part);
  });

  it.each([
    [[['a b', 'c d']], [['a b'], ['c d']], true],
    [[['a b c']], [['a b'], ['c']], false],
  ])('should tell whether per-topic runs give the clusters of the whole run (%j vs %j)', async (whole, perTopic, same) => {
    const { consistencyOf, formatConsistency } = await import('../scripts/eval-real.js');
    const folder = tempFolder('claimcheck-eval-real-');
    const exportOf = (name: string, clusters: string[]) => {
      const file = path.join(folder, name);
      writeFileSync(file, JSON.stringify({ claims: clusters.map((keys) => ({ mentions: keys.split(' ').map((key) => ({ key })) })) }));
      return file;
    };
    const check = consistencyOf('corpus', exportOf('whole.json', whole[0]!), perTopic.map((clusters, i) => exportOf(`topic-${i}.json`, clusters)));
    expect(formatConsistency(check)).toContain(`give the same clusters: ${same ? 'yes' : 'no'}`);
  });

  it('should say so and exit 0 when ../shared is absent', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdirSync, copyFileSync } = await import('node:fs');
    const project = path.join(tempFolder('claimcheck-eval-real-'), 'a', 'b', 'project');
    mkdirSync(path.join(project, 'scripts'), { recursive: true });
    copyFileSync(path.join(root, 'scripts', 'eval-real.ts'), path.join(project, 'scripts', 'eval-real.ts'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(project, 'scripts', 'eval-real.ts')], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('is absent');
  });
});
