// Finds who is speaking in a sentence ("the Justice Department said",
// "according to the complaint", "said … John C. Demers in a statement"), as
// written, apart from the outlet that publishes it.

import { attribution as data } from './data.js';
import { tokenize, type Token } from './tokens.js';

// "In a statement from Zoom, the company said": the source a sentence names before a reference to it.
const namedSource = new RegExp(
  `\\b(?:${data.sourceNouns.map((noun) => noun.replace(/ /g, '\\s+')).join('|')})\\s+(?:from|by)\\s+((?:the\\s+)?[A-Z][\\w’'.&-]*(?:\\s+[A-Z][\\w’'.&-]*){0,4})`,
);
// A speaker that only points back ("the company", "the statement"): lowercase after its article.
const pointsBack = /^(?:the|its|this|that)\s+[a-z][a-z\s’'-]*$/i;

/** A speaker and where it is written. */
export interface Speaker {
  /** The speaker as written ("the Justice Department"). */
  readonly speaker: string;
  readonly span: { readonly start: number; readonly end: number };
  /** The words that attribute ("said", "according to", a dialogue label's colon). */
  readonly cue: string;
}

const quoteChars = /[“”"‘’']/;
const dialogueLabel = /^([A-Z][\w’'-]*(?: [A-Z][\w’'-]*)?(?: \d+)?):\s+[A-Za-z“"‘']/;

// Whether most words of `text` are capitalised (a headline, not speech).
function titleCase(text: string): boolean {
  const words = text.split(/\s+/).filter((word) => /^[A-Za-z“"‘']/.test(word));
  const capitals = words.filter((word) => /^[“"‘']?[A-Z]/.test(word)).length;
  return words.length >= 3 && capitals / words.length >= 0.6;
}

// Whether a boundary (punctuation or a closing quote) separates tokens `index - 1` and `index`.
function boundaryBefore(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  if (!token || !previous) return true;
  const after = previous.possessive ? previous.after.slice(2) : previous.after;
  return token.breakBefore || quoteChars.test(after) || quoteChars.test(token.before);
}

// Whether a lowercase `of`/`for`/`in` at `index` sits inside a name ("Department of Justice").
function insideName(tokens: readonly Token[], index: number): boolean {
  const left = tokens[index - 1];
  let right = tokens[index + 1];
  if (right?.lower === 'the') right = tokens[index + 2];
  return Boolean(left?.capital && right?.capital) && /^(?:of|for|in|at|on)$/.test(tokens[index]!.lower);
}

function isVerb(tokens: readonly Token[], index: number): boolean {
  const token = tokens[index]!;
  if (token.capital) return false;
  if (data.verbs.has(token.lower)) return true;
  if (!data.thatVerbs.has(token.lower)) return false;
  // "alleged that …", or at the end of a clause: "…," Zoom declared.
  const next = tokens[index + 1];
  return !next || token.breakAfter || (next.lower === 'that' && !next.breakBefore);
}

function accept(text: string, tokens: readonly Token[], first: number, last: number, cue: string): Speaker | null {
  if (first > last) return null;
  const words = last - first + 1;
  if (words > data.maxSpeakerWords) return null;
  const head = tokens[first]!;
  // A lowercase head only opens a speaker it may open ("the", "prosecutors") or a named group ("town officials").
  const group = words >= 2 && words <= data.groupModifiersMaxWords + 1 && data.groupNouns.has(tokens[last]!.lower);
  if (!head.capital && !data.speakerOpeners.has(head.lower) && !group) return null;
  const start = head.start;
  const end = tokens[last]!.end;
  const speaker = text.slice(start, end);
  if (data.notSpeakers.has(speaker.toLowerCase())) return null;
  if (tokens.slice(first, last + 1).some((token) => isVerb(tokens, tokens.indexOf(token)) && token !== tokens[last])) return null;
  return { speaker, span: { start, end }, cue };
}

// The speaker phrase read backwards from just before token `verb`.
function speakerBefore(text: string, tokens: readonly Token[], verb: number): Speaker | null {
  let last = verb - 1;
  const adverb = (token: Token) => data.adverbs.has(token.lower) || (!token.capital && token.lower.endsWith('ly'));
  while (last >= 0 && adverb(tokens[last]!) && !boundaryBefore(tokens, last + 1)) last--;
  if (last < 0 || boundaryBefore(tokens, last + 1)) {
    // "John Demers, the assistant attorney general, said": the name before the apposition.
    if (last < 0 || tokens[last]!.after !== ',') return null;
    let k = last;
    while (k > 0 && !boundaryBefore(tokens, k)) k--;
    if (k === 0 || tokens[k - 1]!.after !== ',') return null;
    last = k - 1;
  }
  if (data.boundaries.has(tokens[last]!.lower)) return null;
  let first = last;
  while (first > 0 && !boundaryBefore(tokens, first)) {
    const previous = tokens[first - 1]!;
    if (data.boundaries.has(previous.lower) && !insideName(tokens, first - 1)) break;
    if (!previous.capital && previous.lower.length > 4 && /(?:ed|ing)$/.test(previous.lower) && !data.speakerOpeners.has(previous.lower)) break;
    first--;
  }
  return accept(text, tokens, first, last, tokens[verb]!.core);
}

// The speaker phrase after an inverted verb: `…," said John Demers in a statement`.
function speakerAfter(text: string, tokens: readonly Token[], verb: number): Speaker | null {
  const first = verb + 1;
  if (first >= tokens.length || boundaryBefore(tokens, first)) return null;
  let last = first;
  if (tokens[first]!.breakAfter) return accept(text, tokens, first, first, tokens[verb]!.core);
  while (last + 1 < tokens.length && !boundaryBefore(tokens, last + 1)) {
    const next = tokens[last + 1]!;
    if (data.invertedStops.has(next.lower) && !insideName(tokens, last + 1)) break;
    if (!next.capital && !data.speakerOpeners.has(next.lower) && tokens[first]!.capital && !insideName(tokens, last + 1) && next.lower !== 'of') break;
    last++;
    if (next.breakAfter) break;
  }
  return accept(text, tokens, first, last, tokens[verb]!.core);
}

// The source after "according to": `according to DOJ documents`.
function speakerAccording(text: string, tokens: readonly Token[], from: number, cue: string): Speaker | null {
  if (from >= tokens.length || boundaryBefore(tokens, from)) return null;
  let last = from;
  if (!tokens[from]!.breakAfter) {
    while (last + 1 < tokens.length && !boundaryBefore(tokens, last + 1)) {
      const next = tokens[last + 1]!;
      if ((data.boundaries.has(next.lower) && !insideName(tokens, last + 1)) || isVerb(tokens, last + 1)) break;
      if (!next.capital && next.lower.length > 4 && /(?:ed)$/.test(next.lower)) break;
      last++;
      if (next.breakAfter) break;
    }
  }
  return accept(text, tokens, from, last, cue);
}

/**
 * Every speaker of a sentence, in the order of their cues.
 *
 * @param text A sentence's plain text.
 */
export function findSpeakers(text: string): Speaker[] {
  const found: Speaker[] = [];
  const label = dialogueLabel.exec(text);
  if (label && !data.notLabels.has(label[1]!.toLowerCase()) && !/ed\b/.test(label[1]!) && !titleCase(text.slice(label[0].length - 1))) {
    found.push({ speaker: label[1]!, span: { start: 0, end: label[1]!.length }, cue: ':' });
  }
  if (!data.prefilter.test(text)) return found;
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const according = data.according.find((words) => words.every((word, k) => tokens[i + k]?.lower === word && (k === 0 || !boundaryBefore(tokens, i + k))));
    if (according) {
      const speaker = speakerAccording(text, tokens, i + according.length, according.join(' '));
      if (speaker) found.push(speaker);
      continue;
    }
    if (!isVerb(tokens, i)) continue;
    const inverted = data.inverted.has(tokens[i]!.lower) && i > 0 && boundaryBefore(tokens, i);
    const speaker = (inverted ? speakerAfter(text, tokens, i) : null) ?? speakerBefore(text, tokens, i);
    if (speaker) found.push(speaker);
  }
  return found;
}

/**
 * Who is speaking in a sentence, as written ("the Justice Department",
 * "Assistant Attorney General for National Security John C. Demers"), or null.
 *
 * @param text A sentence's plain text.
 */
export function findAttribution(text: string): string | null {
  const first = findSpeakers(text)[0];
  if (!first) return null;
  // "In a subsequent statement from Zoom, the company said": the company is Zoom.
  if (pointsBack.test(first.speaker) && !/[A-Z]/.test(first.speaker.slice(1))) {
    const source = namedSource.exec(text.slice(0, first.span.start));
    if (source) return source[1]!.replace(/[.,;:]+$/, '');
  }
  return first.speaker;
}
