// `check` quotes the sentence of the outlet at the place it prints (issue 17, item 3).
import { writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/io.js';
import { removeTempFolders, tempFolder } from './helpers/temp.js';

afterAll(removeTempFolders);

const article = (outlet: string, body: string) => `---\noutlet: ${outlet}\npublished: 2024-02-12\n---\n\n${body}\n`;

describe('check quotes the sentence at its place', () => {
  it.each([
    ['a figure that disputes the recorded one', 'The storm closed 14 schools in the valley on Monday.'],
    ['a third outlet that agrees', 'The storm closed nine schools in the valley on Monday.'],
  ])('should quote the new outlet for %s', async (_name, sentence) => {
    const root = tempFolder('claimcheck-quote-');
    mkdirSync(path.join(root, 'sources'));
    writeFileSync(path.join(root, 'sources', 'north.md'), article('North Star', 'The storm closed nine schools in the valley on Monday.'));
    writeFileSync(path.join(root, 'sources', 'south.md'), article('South Wind', 'The storm closed nine schools in the valley on Monday.'));
    expect((await runCli(['check', '--update', '--no-cache'], { cwd: root })).code).toBe(0);
    writeFileSync(path.join(root, 'sources', 'west.md'), article('West Coast Wire', sentence));
    const result = await runCli(['check', '--no-cache'], { cwd: root });
    const line = result.stdout.split('\n').find((text) => text.startsWith('sources/west.md:6:1:'));
    expect(line).toBeDefined();
    expect(line).toContain(`"${sentence}"`);
  });
});
