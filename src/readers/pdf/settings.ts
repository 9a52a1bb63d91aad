/**
 * The PDF layout thresholds in one place, with what each one means (issue #11 item 5), as
 * pdfplumber's `TableSettings`. Lengths are in points (pt) unless the name says "× size": then they
 * are a multiple of the font size of the text concerned, so the same rule holds at 10 pt and 14 pt.
 * The reader (geometry.ts, text.ts, page.ts, borderless.ts, assemble.ts) reads them from
 * `PDF_SETTINGS`; what is left inline there is arithmetic (halves, centres), not a judgement.
 */
export interface PdfSettings {
  /** Rulings drawn by the page (tables with borders). */
  ruling: {
    /** Largest thickness of a filled rectangle still taken as a ruling line rather than shading, pt. */
    maxThickness: number;
    /** Shortest segment kept as a ruling, pt. */
    minLength: number;
    /** Distance within which two rulings are the same line, or touch, pt. */
    snapTolerance: number;
    /** A shade covering at least this share of a cell is the cell's fill. */
    fillShare: number;
    /** A shade larger than this share of the table's area is a background, not a cell's fill. */
    backgroundShare: number;
    /** A row between two rulings lower than this, with no text, is the gap of a double ruling, pt. */
    sliverHeight: number;
    /** Cell padding (distance from a border to its text) is clamped to [min, max], pt. */
    minPadding: number;
    maxPadding: number;
  };
  /** Text runs into lines and words. */
  text: {
    /** Runs whose baselines differ by at most this × size are one line. */
    baselineTolerance: number;
    /**
     * A gap between two runs is a space between words when wider than this share of the font's own
     * space glyph (measured from the font's widths); when the font gives no widths, when wider than
     * `wordSpaceFallback` × size. A gap inside a word (kerning, glyph placement) is far narrower.
     */
    wordSpace: number;
    wordSpaceFallback: number;
    /** Top and bottom share of the page height where page headers and footers live. */
    bandShare: number;
    /** A header/footer is the same text in the same band on at least this share of the pages (and two). */
    furnitureShare: number;
    /** Single spacing lies between these multiples of the font size (else 1.15 is assumed). */
    minPitch: number;
    maxPitch: number;
  };
  /**
   * Tables without rulings, found from text alignment (pdfplumber's "text" strategy): columns are
   * the vertical gutters of white space that the table's lines share, rows the horizontal bands of
   * white space that all its columns share.
   */
  borderless: {
    /** Runs of one line further apart than this × size are separate segments (cells). */
    segmentGap: number;
    /** A gutter between two columns is at least this × size wide. */
    minGutter: number;
    /** Lines (with text in two or more columns) a table needs. */
    minRows: number;
    /** Share of a table's multi-cell lines that may cross a gutter before it is no gutter. */
    crossingShare: number;
    /** Consecutive lines of one table are at most (pitch + this) × size apart. */
    maxLineGap: number;
    /**
     * Rows are separated by white space this × size taller than the gap between two lines of one
     * cell (cell padding and paragraph spacing); a table whose rows are not separated so is read
     * line by line.
     */
    rowGap: number;
    /** Vertical extent of a text line above its baseline, × size (below it: 1 − this). */
    ascent: number;
  };
  /** Table fragments on consecutive pages (assemble.ts). */
  tables: {
    /** Column borders of two fragments of one table are this close, pt… */
    sameColumn: number;
    /** …or their relative positions differ by at most this share of the table width. */
    sameColumnShare: number;
    /** Leading bold rows taken as the header, and header rows recognised when repeated, at most. */
    headerRows: number;
  };
  /** Lines into paragraphs and words (text.ts). */
  paragraph: {
    /** A gap above a line exceeding single spacing by max(this pt, `gapShare` × size) ends a paragraph. */
    minGap: number;
    gapShare: number;
    /** Font size step (share of the larger) that ends a paragraph. */
    sizeStep: number;
    /** Estimated widths: the next line's first word clearly fits in the room left (room > this × its width + `fitSlack` × size). */
    fitFactor: number;
    fitSlack: number;
    /**
     * Inside a table cell, with the font's glyph widths measured: the next line's first word fits the
     * room left with a space before it and this × size to spare (rounding of the cell padding).
     * Twice this is the slack of "not even the next glyph would have fitted" (a line filled to its end).
     */
    measuredSlack: number;
    /** Estimated widths: a line is full when less than this many average glyphs are left. */
    fullLineGlyphs: number;
    /** A first-line indent is deeper than this × size; a line starts at the left edge within `flush` × size. */
    indent: number;
    flush: number;
    /** A word broken where its line was full: the remainder on the next line has at most this many letters… */
    maxRemainder: number;
    /** …or this many digits (a number or date broken: «02.202» / «5-»). */
    maxDigitRemainder: number;
  };
}

export const PDF_SETTINGS: Readonly<PdfSettings> = Object.freeze({
  ruling: Object.freeze({
    maxThickness: 2.5,
    minLength: 2,
    snapTolerance: 2,
    fillShare: 0.6,
    backgroundShare: 0.9,
    sliverHeight: 4,
    minPadding: 0.5,
    maxPadding: 8,
  }),
  text: Object.freeze({
    baselineTolerance: 0.45,
    wordSpace: 0.5,
    wordSpaceFallback: 0.15,
    bandShare: 0.1,
    furnitureShare: 0.5,
    minPitch: 0.9,
    maxPitch: 1.7,
  }),
  borderless: Object.freeze({
    segmentGap: 0.5,
    minGutter: 0.4,
    minRows: 3,
    crossingShare: 0.1,
    maxLineGap: 1.5,
    rowGap: 0.2,
    ascent: 0.75,
  }),
  tables: Object.freeze({ sameColumn: 3, sameColumnShare: 0.015, headerRows: 3 }),
  paragraph: Object.freeze({
    minGap: 2,
    gapShare: 0.2,
    sizeStep: 0.15,
    fitFactor: 1.1,
    fitSlack: 0.35,
    measuredSlack: 0.05,
    fullLineGlyphs: 1.5,
    indent: 0.8,
    flush: 0.3,
    maxRemainder: 5,
    maxDigitRemainder: 4,
  }),
});
