// A yes/no question posted alone as a headline ("Did X …?", "X dead?") is kept as a
// claim that asks (checkworthiness.ts, `askedHeadline` of extract-checkworthiness.json):
// it joins the claim it asks about but disputes nothing unless it carries a denial cue.
// Questions in article prose, wh-questions and questions to the reader stay out.
import { describe, expect, it } from 'vitest';
import { isAsked, rateCheckWorthiness } from '../../src/core/claims/checkworthiness.js';
import { conflictsBetween } from '../../src/core/judge/index.js';
import { parseSource } from '../../src/core/parse.js';
import { analyzeSource } from '../../src/core/report.js';
import type { Claim } from '../../src/types.js';

const sourceOf = (body: string, name = 'line.md') => parseSource(name, new TextEncoder().encode(`---\noutlet: "${name}"\n---\n\n${body}\n`)).source!;
const claimsOf = (body: string, name?: string): readonly Claim[] => analyzeSource(sourceOf(body, name)).claims;
const only = (body: string, name: string): Claim => {
  const [claim] = claimsOf(body, name);
  if (!claim) throw new Error(`no claim in ${body}`);
  return claim;
};

describe('a lone question headline', () => {
  it.each<[string, boolean]>([
    ['Did Mayor Dalgety Really Sell The Brennock Ferry To A Hotel Chain?', true],
    ['Is the Quillby lighthouse keeper dead?', true],
    ['Will Vennmouth council close the harbour market in March?', true],
    ['Harbour Watch: Was the Brennock ferry sold to a hotel chain?', true],
    ['Quillby mayor Tomas Dalgety dead?', true],
    ['Photo of the Brennock ferry goes viral, but is it real?', true],
    // Wh-questions ask for something else; a question to the reader is no claim.
    ['How did the Brennock ferry end up in Quillby?', false],
    ['Harbour Watch: Why did Mayor Dalgety sell the ferry?', false],
    ['Would you pay 500 pounds for a Brennock ferry ticket?', false],
  ])('%s → kept %s', (line, kept) => {
    const claims = claimsOf(line);
    expect(claims.length > 0).toBe(kept);
    if (kept) expect(claims[0]!.checkworthiness.reason).toMatch(/^asked: /);
  });

  it('should leave questions in article prose out', () => {
    const article = 'Did Mayor Dalgety sell the Brennock ferry to a hotel chain?\n\nThe council of Quillby voted on Monday to sell the ferry. The mayor signed the deal.';
    expect(claimsOf(article).map((claim) => claim.sentence.plain)).not.toContain('Did Mayor Dalgety sell the Brennock ferry to a hotel chain?');
    expect(claimsOf('Was the Brennock ferry sold? The council voted on Monday to sell it.').map((claim) => claim.sentence.plain)).toEqual(['The council voted on Monday to sell it.']);
    expect(rateCheckWorthiness('Did Mayor Dalgety sell the Brennock ferry to a hotel chain?').reason).toBe('question');
  });

  it.each<[string, boolean]>([
    ['Did Mayor Dalgety sell the ferry?', true],
    ['Mayor Dalgety dead? Hoax goes viral', false],
    ['Mayor Dalgety sold the ferry.', false],
  ])('isAsked(%s) → %s', (text, asked) => {
    expect(isAsked(text)).toBe(asked);
  });
});

describe('conflicts of an asked headline', () => {
  const statement = 'Mayor Tomas Dalgety sold the Brennock ferry to a hotel chain';
  it.each<[string, string | null]>([
    // Asking, even with a negation or a hedge, states nothing: no dispute.
    ['Did Mayor Tomas Dalgety sell the Brennock ferry to a hotel chain?', null],
    ['Did Mayor Tomas Dalgety not sell the Brennock ferry to a hotel chain after all?', null],
    ['Is it true Mayor Tomas Dalgety did not sell the Brennock ferry to a hotel chain?', null],
  ])('%s / statement → %s', (question, kind) => {
    const kinds = conflictsBetween(only(question, 'asks.md'), only(statement, 'states.md')).map((conflict) => conflict.kind);
    expect(kinds[0] ?? null).toBe(kind);
  });

  it('should agree with a denial and dispute nothing when both ask', () => {
    const denial = only('Brennock ferry sale to a hotel chain is a hoax, says Mayor Tomas Dalgety', 'denies.md');
    const question = only('Did Mayor Tomas Dalgety sell the Brennock ferry to a hotel chain?', 'asks.md');
    const other = only('Was the Brennock ferry sold to a hotel chain by Mayor Tomas Dalgety?', 'asks-too.md');
    expect(conflictsBetween(denial, question)).toEqual([]);
    expect(conflictsBetween(question, other)).toEqual([]);
    // The statement and the denial still conflict.
    expect(conflictsBetween(denial, only(statement, 'states.md')).map((conflict) => conflict.kind)).toContain('denial');
  });
});
