// A headline posted alone: takes a source's sentences and returns them with a
// one-line source that asks and answers ("Hugh Dalgety dead? Death hoax goes viral",
// "Ferry sold? Nope, the story is fake") read as one sentence, so the answer keeps the
// words of what it answers. Other sources come back as they are. Tunables:
// src/data/extract-headlines.json (`loneLine`).

import headlineData from '../data/extract-headlines.json' with { type: 'json' };
import type { Sentence } from '../types.js';

const LONE = headlineData.loneLine;

/**
 * The sentences of a source, a lone line's question and answer joined: when every
 * sentence comes from one block, there are at most `maxSentences`, at most
 * `maxWords` words in all, a sentence before the last ends with "?", and the last
 * ends with no full stop or question mark (a headline, not prose or a question).
 *
 * @param sentences A source's sentences (`splitSentences`).
 * @param sourceText The source's whole text (the sentences' `text` is cut from it).
 * @param blockText The text of each block, by index (the sentences' `plain` is cut from it).
 */
export function joinLoneHeadline(sentences: readonly Sentence[], sourceText: string, blockText: (block: number) => string): readonly Sentence[] {
  if (sentences.length < 2 || sentences.length > LONE.maxSentences) return sentences;
  const first = sentences[0]!;
  const last = sentences.at(-1)!;
  if (sentences.some((sentence) => sentence.block !== first.block)) return sentences;
  if (!sentences.slice(0, -1).some((sentence) => /\?["”’')\]]*$/u.test(sentence.plain.trim()))) return sentences;
  if (/[.?]["”’')\]]*$/u.test(last.plain.trim())) return sentences;
  const words = sentences.reduce((sum, sentence) => sum + sentence.plain.split(/\s+/).filter(Boolean).length, 0);
  if (words > LONE.maxWords) return sentences;
  const block = blockText(first.block);
  const from = block.indexOf(first.plain);
  const to = block.lastIndexOf(last.plain);
  if (from === -1 || to === -1) return sentences;
  const position = { start: first.position.start, end: last.position.end };
  return [{ ...first, text: sourceText.slice(position.start.offset, position.end.offset), plain: block.slice(from, to + last.plain.length), position }];
}
