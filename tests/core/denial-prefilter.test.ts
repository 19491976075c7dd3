// The denial scan's prefilters (one joined test of every cue, then runs of six)
// must only skip work: findDenial gives exactly what scanning every cue of
// judge-denial.json one by one gives, on sentences with and without cues.
import { describe, expect, it } from 'vitest';
import denialData from '../../src/data/judge-denial.json' with { type: 'json' };
import { denialTunables, findDenial, type Denial } from '../../src/core/claims/denial.js';

const boundary = (source: string): string => `(?<![\\p{L}\\p{N}’'])(?:${source})(?![\\p{L}\\p{N}’'])`;
const everyCue = denialData.denials.map((source) => new RegExp(boundary(source), 'giu'));
const notDenials = new RegExp(denialData.notDenials.map(boundary).join('|'), 'giu');

/** The scan without prefilters: every cue tried in turn, as before they existed. */
function reference(text: string): Omit<Denial, 'holder'> | null {
  const excluded: [number, number][] = [];
  for (const match of text.matchAll(notDenials)) excluded.push([match.index, match.index + Math.max(1, match[0].length)]);
  let best: Omit<Denial, 'holder'> | null = null;
  for (const pattern of everyCue) {
    for (const match of text.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (match[0].trim().length === 0 || excluded.some(([from, to]) => from < end && start < to)) continue;
      if (!best || start < best.span.start) best = { cue: match[0].trim(), span: { start, end } };
      break;
    }
  }
  return best;
}

describe('denial scan prefilters', () => {
  it.each<[string]>([
    ['The ferry company denies that it cut the night service'],
    ['A spokesman dismissed the reports of a merger as baseless'],
    ['The viral clip of the dancing heron is a hoax'],
    ['It was not a hoax: the heron really danced'],
    ['Police traced the hoax call to a phone box'],
    ['The council raised parking fees by 5 percent on Monday'],
    ['Nobody at the bakery would confirm or deny the closure'],
    ['Contrary to earlier reports, the bridge stays open'],
    ['The mayor set the record straight on the tram budget'],
    ['Officials put the closure rumours to rest on Friday'],
    ['Shoppers were trolled into thinking the mall had shut'],
    ['UPDATE: Nope'],
    ['Hoax: the heron never danced'],
    ['The festival drew 40,000 visitors, organisers said'],
    ['The ſtory of the dancing heron is fake'],
    [''],
  ])('should find what the full scan finds in "%s"', (text) => {
    const found = findDenial(text);
    const expected = reference(text);
    expect(found === null ? null : { cue: found.cue, span: found.span }).toEqual(expected);
  });

  it('should join every cue when none has a back-reference', () => {
    const { anyDenial, denialGroups, denials } = denialTunables();
    expect(anyDenial).not.toBeNull();
    expect(denialGroups?.flatMap((group) => group.members)).toEqual(denials.map((_, index) => index));
  });
});
