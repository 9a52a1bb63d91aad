/**
 * The extraction heuristics in one place, with what each one means (issue #11 item 5). Every
 * number the extractor decides by is here; the code reads it from `EXTRACT_SETTINGS`.
 */
export interface ExtractSettings {
  /** Paragraphs at the start of the document searched for the decision header. */
  headerParagraphs: number;
  /** Paragraphs after «Про …» that may continue the decision title (a title wrapped over lines). */
  titleContinuationLines: number;
  /** A title continuation line is never longer than this (longer lines are body text). */
  titleLineMaxLength: number;
  /** Rows at the top of a table where its header block may start. */
  headerStartRows: number;
  /** Rows a header block may have (a year row over a quarter row over a sub-label row). */
  headerBlockRows: number;
  /** A paragraph longer than this is never a commitment heading written as «N. Title». */
  numberedHeadingMaxLength: number;
  /** Layout-lost detection: the text of a plan whose table columns were flattened into lines. */
  layoutLost: {
    /** Fewer paragraphs than this are never judged. */
    minParagraphs: number;
    /** A line this short, not ending a sentence, followed by a lower-case line, is a broken cell. */
    shortLine: number;
    /** Share of broken lines above which the layout is lost. */
    brokenShare: number;
    /** Paragraphs naming plan vocabulary (квартал, захід, відповідальні, строк…) needed. */
    vocabulary: number;
  };
}

export const EXTRACT_SETTINGS: Readonly<ExtractSettings> = Object.freeze({
  headerParagraphs: 60,
  titleContinuationLines: 5,
  titleLineMaxLength: 160,
  headerStartRows: 3,
  headerBlockRows: 3,
  numberedHeadingMaxLength: 250,
  layoutLost: Object.freeze({ minParagraphs: 20, shortLine: 70, brokenShare: 0.2, vocabulary: 3 }),
});
