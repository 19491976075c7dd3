// Times story grouping alone: takes a folder of Markdown sources (or N articles of
// scripts/generate-corpus.ts) and prints the CPU time of storiesOf and storySummaries
// on their story profiles, the stories found and the largest one's size.
// Run: node --import tsx scripts/bench-stories.ts [folder | N=3000]

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseSource } from '../src/core/parse.js';
import { storyProfileOf } from '../src/core/report.js';
import { storiesOf, storySummaries, type StoryProfile } from '../src/core/stories.js';
import { generateArticle } from './generate-corpus.js';

function markdownFiles(folder: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(folder).sort()) {
    const full = path.join(folder, name);
    if (statSync(full).isDirectory()) out.push(...markdownFiles(full));
    else if (name.endsWith('.md') && name !== 'README.md') out.push(full);
  }
  return out;
}

const argument = process.argv[2] ?? '3000';
const inputs: { name: string; bytes: Uint8Array }[] = /^\d+$/.test(argument)
  ? Array.from({ length: Number(argument) }, (_, index) => {
      const { name, text } = generateArticle(index);
      return { name, bytes: new TextEncoder().encode(text) };
    })
  : markdownFiles(argument).map((file) => ({ name: file, bytes: readFileSync(file) }));
const profiles: StoryProfile[] = [];
for (const { name, bytes } of inputs) {
  const parsed = parseSource(name, bytes);
  if ('source' in parsed && parsed.source) profiles.push(storyProfileOf(parsed.source));
}
const cpu = (run: () => unknown): [number, unknown] => {
  const start = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(start);
  return [(used.user + used.system) / 1e6, result];
};
const [groupTime, stories] = cpu(() => storiesOf(profiles)) as [number, string[][]];
const [summaryTime] = cpu(() => storySummaries(profiles));
console.log(
  `${profiles.length} sources: ${stories.length} stories, the largest ${Math.max(...stories.map((story) => story.length))}; storiesOf ${groupTime.toFixed(2)} s CPU, storySummaries ${summaryTime.toFixed(2)} s CPU`,
);
