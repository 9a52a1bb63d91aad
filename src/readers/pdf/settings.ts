/**
 * The PDF layout thresholds in one place, with what each one means (issue #11 item 5), as
 * pdfplumber's `TableSettings`. Lengths are in points (pt) unless the name says "× size": then they
 * are a multiple of the font size of the text concerned, so the same rule holds at 10 pt and 14 pt.
 * The reader (geometry.ts, text.ts, page.ts, borderless.ts, assemble.ts) reads them from
 * `PDF_SETTINGS`; nothing else in src/readers/pdf decides by a bare number.
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
  };
  /** Text runs into lines and words. */
  text: {
    /** Runs whose baselines differ by at most this × size are one line. */
    baselineTolerance: number;
    /** A gap between two runs wider than this × size is a space between words. */
    wordSpace: number;
    /** Top and bottom share of the page height where page headers and footers live. */
    bandShare: number;
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
  /** Lines into paragraphs (text.ts `isBreak`). */
  paragraph: {
    /** A gap above a line exceeding single spacing by max(this pt, `gapShare` × size) ends a paragraph. */
    minGap: number;
    gapShare: number;
    /** Font size step (share of the larger) that ends a paragraph. */
    sizeStep: number;
    /** The next line's first word clearly fits in the room left (room > this × its width + `fitSlack` × size). */
    fitFactor: number;
    fitSlack: number;
    /**
     * Inside a table cell, with the font's glyph widths measured: B's first word fits A's room with a
     * space before it and this × size to spare (rounding of the cell padding estimate).
     */
    measuredSlack: number;
    /** A first-line indent is deeper than this × size. */
    indent: number;
  };
}

export const PDF_SETTINGS: Readonly<PdfSettings> = Object.freeze({
  ruling: Object.freeze({ maxThickness: 2.5, minLength: 2, snapTolerance: 2, fillShare: 0.6 }),
  text: Object.freeze({ baselineTolerance: 0.45, wordSpace: 0.15, bandShare: 0.1 }),
  borderless: Object.freeze({
    segmentGap: 0.5,
    minGutter: 0.4,
    minRows: 3,
    crossingShare: 0.1,
    maxLineGap: 1.5,
    rowGap: 0.2,
    ascent: 0.75,
  }),
  paragraph: Object.freeze({ minGap: 2, gapShare: 0.2, sizeStep: 0.15, fitFactor: 1.1, fitSlack: 0.35, measuredSlack: 0.05, indent: 0.8 }),
});
