// The contract between stages: plain, readonly data that flows
// load → segment → extract → match → judge → render. No classes, no behaviour.
// Positions reuse unist's `Point`/`Position` (1-based line and column, 0-based
// `offset` into the source file's decoded text), so any finding can be shown at
// its exact place in its file.

import type { Point, Position } from 'unist';

export type { Point, Position };

/** Front matter of a source file (see DESIGN.md, "Source file format"). */
export interface SourceMeta {
  /** The outlet that published the article (required). */
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  /** ISO calendar date `YYYY-MM-DD`; resolves relative dates in the text. */
  readonly published?: string;
  readonly author?: readonly string[];
}

/**
 * One run of a block's plain text that maps linearly onto the file:
 * plain-text index `plain + k` is file offset `file + k` for `0 <= k < length`.
 */
export interface TextRun {
  readonly plain: number;
  readonly file: number;
  readonly length: number;
}

export type BlockKind = 'paragraph' | 'heading' | 'listItem' | 'blockquote' | 'tableCell';

/**
 * A prose block of a source (a paragraph, heading, list-item paragraph …):
 * its markup-free text for NLP plus the runs that map it back onto the file
 * (the segment map of mdast-util-to-nlcst / textlint's StringSource).
 */
export interface Block {
  readonly kind: BlockKind;
  /** Markup-free text; soft line breaks are kept as `\n`. */
  readonly text: string;
  /** Sorted by `plain`; gaps between runs are markup (`*`, `[`, `](url)` …). */
  readonly runs: readonly TextRun[];
  /** Position of the whole block in the file. */
  readonly position: Position;
  /** Why the loader set this block aside as web boilerplate, if it did. */
  readonly boilerplate?: string;
}

/** A loaded source file. */
export interface Source {
  /** Stable id: the file name without `.md` (disambiguated by folder on clashes). */
  readonly id: string;
  /** Path as given or found, with `/` separators. */
  readonly path: string;
  readonly meta: SourceMeta;
  /** The whole file, decoded as UTF-8 with any BOM removed; offsets index into it. */
  readonly text: string;
  /** sha256 of the file's bytes, hex. */
  readonly hash: string;
  /** Prose blocks of the body in document order (boilerplate ones flagged). */
  readonly blocks: readonly Block[];
}

export type Severity = 'error' | 'warning';

/** A problem with an input, reported as `file:line:column: message` (vfile-message's `place`). */
export interface Diagnostic {
  readonly file: string;
  /** Where in `file` (1-based line and column). */
  readonly place: Point;
  readonly message: string;
  /** Machine-readable kind, e.g. `missing-outlet`, `yaml`, `encoding`. */
  readonly ruleId: string;
  readonly severity: Severity;
}

/** A sentence of a source, at its exact place in the file. */
export interface Sentence {
  /** Source id. */
  readonly source: string;
  /** Ordinal of the sentence within its source, from 0. */
  readonly index: number;
  /** Exactly `source.text.slice(position.start.offset, position.end.offset)`. */
  readonly text: string;
  /** Markup-free text of the sentence (what NLP reads); equals `text` for plain prose. */
  readonly plain: string;
  readonly position: Position;
  /** Index of the block the sentence comes from. */
  readonly block: number;
  readonly kind: BlockKind;
}

/** A character range inside a sentence's `plain` text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type QuantityKind = 'count' | 'age' | 'ordinal' | 'money' | 'percent' | 'duration' | 'year' | 'number';

/**
 * A quantity as an interval with a unit noun:
 * "at least four meetings" = [4, ∞) meeting, "fewer than ten users" = [0, 10) user.
 */
export interface Quantity {
  /** The phrase as written, e.g. "at least four video meetings". */
  readonly text: string;
  /** Range of `text` inside the sentence's plain text. */
  readonly span: Span;
  /** The number as stated (4 for "at least four"). */
  readonly value: number;
  /** Lower bound, `null` when unbounded. */
  readonly min: number | null;
  /** Upper bound, `null` when unbounded. */
  readonly max: number | null;
  readonly minExclusive: boolean;
  readonly maxExclusive: boolean;
  /** "some / about / nearly / roughly 4,000": the bounds are fuzzy. */
  readonly approximate: boolean;
  /** Singular noun counted or measured ("meeting", "year"), or null. */
  readonly unit: string | null;
  readonly kind: QuantityKind;
}

/** A date mention resolved against the article's `published` date when it needs one. */
export interface DateMention {
  readonly text: string;
  readonly span: Span;
  /** ISO `YYYY-MM-DD` (or `YYYY-MM` / `YYYY` at coarser grain); null when unresolved. */
  readonly value: string | null;
  readonly grain: 'day' | 'month' | 'year';
  /** True when the text alone does not fix the date ("on Friday", "last week"). */
  readonly relative: boolean;
}

export interface Negation {
  readonly negated: boolean;
  /** The cue that negates ("did not", "never", "denied that"), when negated. */
  readonly cue: string | null;
}

export interface CheckWorthiness {
  readonly checkworthy: boolean;
  /** 0..1, higher is more worth checking. */
  readonly score: number;
  /** Short reason a user can read, e.g. "question", "opinion cue 'nauseating'", "figure and event verb". */
  readonly reason: string;
}

/** A sentence analysed as a claim. */
export interface Claim {
  readonly sentence: Sentence;
  readonly outlet: string;
  /** ISO publication date of its article, or null when unknown (a later article's running count is an update). */
  readonly published: string | null;
  readonly checkworthiness: CheckWorthiness;
  readonly quantities: readonly Quantity[];
  readonly dates: readonly DateMention[];
  readonly negation: Negation;
  /** Who is speaking ("the Justice Department"), apart from the outlet; null if unattributed. */
  readonly attribution: string | null;
}

export type Verdict = 'corroborated' | 'disputed' | 'unique';

/** `denial`: one mention calls false, a hoax or a fabrication what the other states. */
export type ConflictKind = 'quantity' | 'date' | 'negation' | 'denial';

/** Why two mentions of one claim cannot both hold. */
export interface Conflict {
  /** Indexes into the finding's `mentions`. */
  readonly between: readonly [number, number];
  readonly kind: ConflictKind;
  /** Human-readable, e.g. "at least four vs three meetings". */
  readonly detail: string;
  /** A running count (dead, injured, arrested …) that a later article updates ("rose from 12 to 19"): not a dispute. */
  readonly update?: boolean;
}

/** Claims the matcher judged to state the same thing (several may come from one outlet). */
export interface Cluster {
  readonly claims: readonly Claim[];
  /** Index in `claims` of the most central claim (the one most related to the others), when known. */
  readonly central?: number;
  /** Weaker links to claims in other clusters ("possibly related"), by claim key. */
  readonly related: readonly RelatedLink[];
}

export interface RelatedLink {
  /** Key of the other claim (`sourceId#sentenceIndex`). */
  readonly claim: string;
  readonly score: number;
}

/** One mention of a claim in the JSON contract (DESIGN.md, schemaVersion 1). */
export interface Mention {
  /** Stable key of the mention: source id + hash of its normalised sentence (see `claimKey`). */
  readonly key: string;
  readonly source: string;
  readonly path: string;
  readonly outlet: string;
  readonly text: string;
  /**
   * Where the sentence is in its file: the sentence's position (1-based lines and
   * columns, 0-based offsets). The JSON export writes it as `line`, `column`,
   * `start` and `end` (see render/json.ts).
   */
  readonly place: Position;
  readonly quantities: readonly Quantity[];
  readonly dates: readonly DateMention[];
  readonly negated: boolean;
  readonly attribution: string | null;
  readonly checkworthiness: CheckWorthiness;
}

/** A judged cluster: the unit every reporter prints. */
export interface Finding {
  /** Stable across runs and machines. */
  readonly id: string;
  readonly verdict: Verdict;
  /** A representative sentence. */
  readonly text: string;
  /** Distinct outlets, sorted. */
  readonly outlets: readonly string[];
  /** Distinct origins (an attributed speaker counts once however many outlets quote it). */
  readonly origins: readonly string[];
  readonly mentions: readonly Mention[];
  readonly conflicts: readonly Conflict[];
  /** Ids of findings that are possibly the same claim (weaker matches), with scores. */
  readonly related: readonly { readonly id: string; readonly score: number }[];
  /** Id of the finding's story (`Report.stories`): the story most of its mentions' sources are in (ties: the one listed first). */
  readonly story?: string;
}

/** A story: sources about one event (see README "Stories"). */
export interface StorySummary {
  /** Stable id: `s` + the first 10 hex digits of the sha256 of its sorted source ids. */
  readonly id: string;
  /** A representative title: the title (else the lead) of its source most alike to the others. */
  readonly title: string;
  /** Source ids, in report order. */
  readonly sources: readonly string[];
}

/** Summary of a source in the report. */
export interface SourceSummary {
  readonly id: string;
  readonly path: string;
  readonly outlet: string;
  readonly title?: string;
  readonly url?: string;
  readonly published?: string;
  readonly author?: readonly string[];
  readonly sentences: number;
  readonly claims: number;
}

/** The whole result of a run: what every reporter and the JSON export are built from. */
export interface Report {
  readonly schemaVersion: 1;
  readonly sources: readonly SourceSummary[];
  readonly claims: readonly Finding[];
  readonly diagnostics: readonly Diagnostic[];
  /** The sources grouped into stories, in order of their first source (always filled by `buildReport`). */
  readonly stories?: readonly StorySummary[];
}

