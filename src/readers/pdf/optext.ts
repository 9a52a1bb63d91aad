/**
 * A page's text items worked out from its operator list, so that pdf.js reads each content stream once.
 *
 * The reader needs both what a page draws (rulings, shading: `getOperatorList`) and its text with positions
 * (`getTextContent`). pdf.js answers the two with two passes over the page's content stream: each decodes and
 * parses the stream again, and the text pass walks every glyph a second time. Measured on the bench's PDFs
 * (bench/pdfjs-floor.mjs), the operator list alone costs ~2.3 s of CPU, the text alone ~3.3 s, both ~4.7 s:
 * the text pass adds half again. Yet the operator list already holds every glyph shown (`showText`: pdf.js's
 * glyphs with their Unicode text and advance width, and the spacing numbers of `TJ`) and every change of the
 * text state (font and size, text matrix, moves, spacings, scaling, rise, the transform, save/restore, form
 * XObjects).
 *
 * `textFromOperators` replays those operators with pdf.js's own text-content rules — a port of
 * `PartialEvaluator.getTextContent` (pdfjs-dist 5.4, src/core/evaluator.js) for horizontal text: the same
 * text state machine, the same tests for a glyph outside the page, for a space between words (the same
 * factors of the font size: a gap of 0.102–0.6 em is one space, more starts a new item, a step back of more
 * than 0.2 em too), the same dropping of space glyphs and invisible format marks, the same end of an item at
 * a change of font, at marked content and around form XObjects, and pdf.js's `normalizeUnicode` of each
 * item. Annotations' appearances are skipped, as `getTextContent` never reads them. The operator list keeps the
 * matrices of `Tm` and of forms as 32-bit floats; they are taken back to the decimals the PDF wrote (`written`).
 * The items it gives are the ones `getTextContent` gives: test/readers/pdf/optext.test.ts compares the two on
 * every PDF fixture (LibreOffice, Chromium and Tesseract PDFs among them), and `node bench/optext-compare.mjs`
 * does so on any folder of PDFs (on pdf.js's own test corpus, see the README).
 *
 * Where the port could differ from pdf.js it answers null and the reader asks pdf.js (`getTextContent`) for
 * that page: a vertical or Type3 font, a font pdf.js could not load or has not handed over, text shown
 * before any font is set, right-to-left text (pdf.js reorders it with its bidi algorithm), an operator
 * list the port does not recognise, an item that goes on after an image (pdf.js ends items at an image `Do`
 * but not at a large inline image, and the operator list shows both alike), a form XObject that sets a font
 * of the inherited size (pdf.js skips a `Tf` naming the inherited font resource, whatever font it stands for
 * in the form), and an empty string shown with character spacing (test/readers/pdf/optext-cases.test.ts).
 *
 * What the operator list cannot show, and so stays different (rare, and the reader's lines come out the
 * same): two font resources naming one font (pdf.js ends the item at the second `Tf`, the port does not);
 * a content stream with an operator pdf.js cannot read (its operator list, and so its drawing, ends there,
 * where its text pass reads on); a form drawn a second time after a first drawing that gave pdf.js no text.
 */
import { normalizeUnicode, OPS } from './pdfjs.js';

/** A text item as `getTextContent` gives it (the fields the reader uses). */
export interface OpTextItem {
  str: string;
  transform: number[];
  width: number;
  fontName: string;
}

/** What the port needs to know of a font (pdf.js's `FontFaceObject` in `page.commonObjs`). */
export interface FontFacts {
  fontMatrix?: ArrayLike<number>;
  vertical?: boolean;
  isType3Font?: boolean;
  isInvalidPDFjsFont?: boolean;
}

/** A glyph of a `showText` operator (pdf.js's `Glyph`), or a `TJ` spacing number (thousandths of an em). */
interface Glyph {
  unicode: string;
  width: number;
  originalCharCode: number;
}

type M6 = number[];

const IDENTITY: M6 = [1, 0, 0, 1, 0, 0];
const FONT_IDENTITY: M6 = [0.001, 0, 0, 0.001, 0, 0];

// pdf.js getTextContent's factors of the font size
const TRACKING_SPACE_FACTOR = 0.102;
const NOT_A_SPACE_FACTOR = 0.03;
const NEGATIVE_SPACE_FACTOR = -0.2;
const SPACE_IN_FLOW_MIN_FACTOR = 0.102;
const SPACE_IN_FLOW_MAX_FACTOR = 0.6;
const VERTICAL_SHIFT_RATIO = 0.25;

/** pdf.js's `Util.transform`: m1 × m2. */
function transform(m1: ArrayLike<number>, m2: ArrayLike<number>): M6 {
  return [
    m1[0]! * m2[0]! + m1[2]! * m2[1]!,
    m1[1]! * m2[0]! + m1[3]! * m2[1]!,
    m1[0]! * m2[2]! + m1[2]! * m2[3]!,
    m1[1]! * m2[2]! + m1[3]! * m2[3]!,
    m1[0]! * m2[4]! + m1[2]! * m2[5]! + m1[4]!,
    m1[1]! * m2[4]! + m1[3]! * m2[5]! + m1[5]!,
  ];
}

/** pdf.js's `getCharUnicodeCategory` (src/core/unicode.js), with the same regular expression. */
const SPECIAL_CHAR = /^(\s)|(\p{Mn})|(\p{Cf})$/u;
interface Category {
  isWhitespace: boolean;
  isZeroWidthDiacritic: boolean;
  isInvisibleFormatMark: boolean;
}
const categories = new Map<string, Category>();
/** Printable ASCII and the Cyrillic letters U+0400–U+0482: no space, no combining mark, no format mark. */
const PLAIN: Category = Object.freeze({ isWhitespace: false, isZeroWidthDiacritic: false, isInvisibleFormatMark: false });
function category(char: string): Category {
  if (char.length === 1) {
    const code = char.charCodeAt(0);
    if ((code > 0x20 && code < 0x7f) || (code >= 0x400 && code <= 0x482)) return PLAIN;
  }
  let c = categories.get(char);
  if (!c) {
    const groups = SPECIAL_CHAR.exec(char);
    c = { isWhitespace: !!groups?.[1], isZeroWidthDiacritic: !!groups?.[2], isInvisibleFormatMark: !!groups?.[3] };
    if (categories.size > 10000) categories.clear();
    categories.set(char, c);
  }
  return c;
}

/** Right-to-left scripts: pdf.js reorders such text (bidi), which the port does not do. */
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]|\ud802[\udc00-\udfff]|\ud83a[\udd00-\udd5f]|\ud83b[\udc70-\udeff]/u;

/** The text state, as pdf.js's `TextState` (saved and restored whole by q/Q, as pdf.js does). */
interface TextState {
  ctm: M6;
  /** The loaded name of the font (what items carry). */
  fontName: string | null;
  /**
   * What pdf.js compares when a `Tf` comes (its font resource name): here the loaded name of the last `Tf`, null
   * after a font set by `gs` (pdf.js then has no name either).
   */
  tfKey: string | null;
  /** In a form XObject, the font is still the one it inherited from the content around it. */
  inherited: boolean;
  fontSize: number;
  font: FontFacts | null;
  fontMatrix: ArrayLike<number>;
  textMatrix: M6;
  textLineMatrix: M6;
  charSpacing: number;
  wordSpacing: number;
  leading: number;
  textHScale: number;
  textRise: number;
}

const cloneState = (s: TextState): TextState => ({ ...s, textMatrix: s.textMatrix.slice(), textLineMatrix: s.textLineMatrix.slice() });

function translate(m: M6, x: number, y: number): void {
  m[4] = m[0]! * x + m[2]! * y + m[4]!;
  m[5] = m[1]! * x + m[3]! * y + m[5]!;
}

/** The item being built and the two last characters, per content stream (a form XObject has its own). */
class Builder {
  initialized = false;
  str: string[] = [];
  totalWidth = 0;
  width = 0;
  height = 0;
  /** The text transform after the last glyph of the item (kept across items, as pdf.js does); `hasPrev` once set. */
  readonly prevTransform: M6 = [0, 0, 0, 0, 0, 0];
  hasPrev = false;
  textAdvanceScale = 0;
  trackingSpaceMin = Infinity;
  notASpace = -Infinity;
  negativeSpaceMax = -Infinity;
  spaceInFlowMin = 0;
  spaceInFlowMax = 0;
  transform: M6 | null = null;
  fontName: string | null = null;
  lastChars: [string, string] = [' ', ' '];
  lastCharsPos = 0;
  /** An image was painted since the item began (see `stateOp`). */
  imageSince = false;

  saveLastChar(char: string): boolean {
    const next = (this.lastCharsPos + 1) % 2;
    const ret = this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[next] === ' ';
    this.lastChars[this.lastCharsPos] = char;
    this.lastCharsPos = next;
    return ret;
  }

  shouldAddWhitespace(): boolean {
    return this.lastChars[this.lastCharsPos] !== ' ' && this.lastChars[(this.lastCharsPos + 1) % 2] === ' ';
  }

  resetLastChars(): void {
    this.lastChars[0] = this.lastChars[1] = ' ';
    this.lastCharsPos = 0;
  }
}

/** The port gives up: the page is read with pdf.js's getTextContent. */
class Unsupported extends Error {}

/**
 * The text items of a page from its operator list (see the module comment), or null when pdf.js's own
 * `getTextContent` must be asked. `fontOf` gives a font by its loaded name (undefined: not available);
 * `viewBox` is the page's view (`page.view`).
 */
export function textFromOperators(
  ops: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> },
  fontOf: (loadedName: string) => FontFacts | undefined,
  viewBox: ArrayLike<number>,
): OpTextItem[] | null {
  try {
    return new Replay(fontOf, viewBox).run(ops);
  } catch {
    // Unsupported, or an operator list shaped unlike any the port was written for: pdf.js reads the page's text
    // itself, so a page pdf.js can read is never lost to the port (the fixture tests require no fallback at all)
    return null;
  }
}

/** One page's operators replayed as pdf.js's getTextContent reads its content stream. */
class Replay {
  readonly items: OpTextItem[] = [];
  st: TextState = {
    ctm: IDENTITY.slice(),
    fontName: null,
    tfKey: null,
    inherited: false,
    fontSize: 0,
    font: null,
    fontMatrix: FONT_IDENTITY,
    textMatrix: IDENTITY.slice(),
    textLineMatrix: IDENTITY.slice(),
    charSpacing: 0,
    wordSpacing: 0,
    leading: 0,
    textHScale: 1,
    textRise: 0,
  };
  /** States saved by q. */
  readonly stack: TextState[] = [];
  /** Per open form XObject: the state to go back to and the builder of the stream around it. */
  readonly forms: { state: TextState; stackDepth: number; b: Builder }[] = [];
  b = new Builder();
  /** Depth of annotation appearances (skipped). */
  annotations = 0;
  /** Depth of soft-mask groups (skipped: pdf.js's text pass never reads a mask's content). */
  maskGroups = 0;

  constructor(
    readonly fontOf: (loadedName: string) => FontFacts | undefined,
    readonly viewBox: ArrayLike<number>,
  ) {}

  run(ops: { fnArray: ArrayLike<number>; argsArray: ArrayLike<unknown> }): OpTextItem[] {
    const { fnArray } = ops;
    const argsArray = ops.argsArray as (unknown[] | null)[];
    for (let i = 0; i < fnArray.length; i++) {
      const fn = fnArray[i]!;
      if (this.annotations > 0) {
        if (fn === OPS.beginAnnotation) this.annotations++;
        else if (fn === OPS.endAnnotation) this.annotations--;
        continue;
      }
      if (this.maskGroups > 0) {
        if (fn === OPS.beginGroup) this.maskGroups++;
        else if (fn === OPS.endGroup) this.maskGroups--;
        continue;
      }
      if (!this.textOp(fn, argsArray[i] ?? [])) this.stateOp(fn, argsArray[i] ?? []);
    }
    if (this.forms.length > 0) throw new Unsupported();
    this.flush();
    return this.items;
  }

  /** The text operators (BT to ET); false for any other operator. */
  textOp(fn: number, args: unknown[]): boolean {
    const st = this.st;
    switch (fn) {
      case OPS.setFont:
        this.setFont(args[0], args[1]);
        return true;
      case OPS.setTextRise:
        st.textRise = num(args[0]);
        return true;
      case OPS.setHScale:
        st.textHScale = num(args[0]) / 100;
        return true;
      case OPS.setLeading:
        st.leading = num(args[0]);
        return true;
      case OPS.moveText:
        translate(st.textLineMatrix, num(args[0]), num(args[1]));
        st.textMatrix = st.textLineMatrix.slice();
        return true;
      case OPS.setLeadingMoveText:
        st.leading = -num(args[1]);
        translate(st.textLineMatrix, num(args[0]), num(args[1]));
        st.textMatrix = st.textLineMatrix.slice();
        return true;
      case OPS.nextLine:
        translate(st.textLineMatrix, 0, -st.leading);
        st.textMatrix = st.textLineMatrix.slice();
        return true;
      case OPS.setTextMatrix: {
        const m = matrixArg(args);
        st.textMatrix = m.slice();
        st.textLineMatrix = m.slice();
        this.updateAdvanceScale();
        return true;
      }
      case OPS.setCharSpacing:
        st.charSpacing = num(args[0]);
        return true;
      case OPS.setWordSpacing:
        st.wordSpacing = num(args[0]);
        return true;
      case OPS.beginText:
        st.textMatrix = IDENTITY.slice();
        st.textLineMatrix = IDENTITY.slice();
        return true;
      case OPS.showText:
        this.showText(args[0]);
        return true;
      case OPS.showSpacedText:
      case OPS.nextLineShowText:
      case OPS.nextLineSetSpacingShowText:
        // pdf.js's operator list gives these as showText (with nextLine and the spacings before it)
        throw new Unsupported();
      default:
        return false;
    }
  }

  /** The graphics state, form XObjects, marked content and annotations. */
  stateOp(fn: number, args: unknown[]): void {
    switch (fn) {
      case OPS.beginAnnotation:
        this.annotations++;
        break;
      case OPS.beginGroup:
        // a soft mask (`gs` with /SMask) is drawn as a group the text pass never reads
        if ((args[0] as { smask?: unknown } | null | undefined)?.smask) this.maskGroups++;
        break;
      case OPS.paintImageXObject:
      case OPS.paintImageMaskXObject:
      case OPS.paintSolidColorImageMask:
      case OPS.paintImageXObjectRepeat:
      case OPS.paintImageMaskXObjectRepeat:
      case OPS.paintImageMaskXObjectGroup:
        // pdf.js's text pass ends the item at every `Do` of an image; a large inline image gives the same
        // operators and does not. Which it was cannot be told, so an item that goes on after one is left to pdf.js.
        if (this.b.initialized) this.b.imageSince = true;
        break;
      case OPS.save:
        this.stack.push(this.st);
        this.st = cloneState(this.st);
        break;
      case OPS.restore: {
        const prev = this.st;
        const floor = this.forms.length > 0 ? this.forms[this.forms.length - 1]!.stackDepth : 0;
        if (this.stack.length > floor) this.st = this.stack.pop()!;
        if (prev.font !== this.st.font || prev.fontSize !== this.st.fontSize || prev.tfKey !== this.st.tfKey) this.flush();
        break;
      }
      case OPS.transform:
        this.st.ctm = transform(this.st.ctm, matrixArg(args));
        break;
      case OPS.paintFormXObjectBegin: {
        this.flush();
        this.forms.push({ state: this.st, stackDepth: this.stack.length, b: this.b });
        this.st = cloneState(this.st);
        this.st.inherited = this.st.font !== null;
        if (args[0]) this.st.ctm = transform(this.st.ctm, matrixArg([args[0]]));
        this.b = new Builder();
        break;
      }
      case OPS.paintFormXObjectEnd: {
        this.flush();
        const form = this.forms.pop();
        if (!form) throw new Unsupported();
        this.st = form.state;
        this.stack.length = form.stackDepth;
        this.b = form.b;
        break;
      }
      case OPS.beginMarkedContent:
      case OPS.beginMarkedContentProps:
      case OPS.endMarkedContent:
        this.flush();
        break;
      case OPS.setGState:
        for (const entry of (Array.isArray(args[0]) ? args[0] : []) as unknown[]) {
          if (!Array.isArray(entry) || entry[0] !== 'Font') continue;
          const [name, size] = entry[1] as [unknown, unknown];
          this.flush();
          this.loadFont(name, size);
          this.st.tfKey = null;
        }
        break;
      default:
        break;
    }
  }

  /**
   * pdf.js's getCurrentTextTransform: ctm × textMatrix × [size·hscale, 0, 0, size, 0, rise], asked for twice per
   * glyph. Written out: the same products and sums in the same order as the two `transform` calls, without the
   * terms that multiply a zero of the font matrix.
   */
  current(out: M6 = [0, 0, 0, 0, 0, 0]): M6 {
    const st = this.st;
    const tm = st.textMatrix;
    const c = st.ctm;
    const sx = st.fontSize * st.textHScale;
    const sy = st.fontSize;
    const a = tm[0]! * sx;
    const b = tm[1]! * sx;
    const cc = tm[2]! * sy;
    const d = tm[3]! * sy;
    const e = tm[2]! * st.textRise + tm[4]!;
    const f = tm[3]! * st.textRise + tm[5]!;
    out[0] = c[0]! * a + c[2]! * b;
    out[1] = c[1]! * a + c[3]! * b;
    out[2] = c[0]! * cc + c[2]! * d;
    out[3] = c[1]! * cc + c[3]! * d;
    out[4] = c[0]! * e + c[2]! * f + c[4]!;
    out[5] = c[1]! * e + c[3]! * f + c[5]!;
    return out;
  }

  /** Scratch for the transform at the glyph being placed (compareWithLastPosition). */
  readonly here: M6 = [0, 0, 0, 0, 0, 0];

  flush(): void {
    const b = this.b;
    if (!b.initialized) return;
    b.totalWidth += b.width * b.textAdvanceScale;
    const str = normalizeUnicode(b.str.join(''));
    if (RTL.test(str)) throw new Unsupported();
    // whitespace-only items (pdf.js's pushWhitespace, an empty item at a line end) carry nothing the reader uses
    if (str.trim() !== '') this.items.push({ str, transform: b.transform!, width: Math.abs(b.totalWidth), fontName: b.fontName! });
    b.initialized = false;
    b.imageSince = false;
    b.str.length = 0;
  }

  ensureItem(): void {
    const b = this.b;
    const st = this.st;
    if (b.initialized) return;
    b.fontName = st.fontName;
    const trm = (b.transform = this.current());
    b.width = b.totalWidth = 0;
    b.height = Math.hypot(trm[2]!, trm[3]!);
    b.textAdvanceScale = Math.hypot(st.ctm[0]!, st.ctm[1]!) * Math.hypot(st.textLineMatrix[0]!, st.textLineMatrix[1]!);
    const { fontSize } = st;
    b.trackingSpaceMin = fontSize * TRACKING_SPACE_FACTOR;
    b.notASpace = fontSize * NOT_A_SPACE_FACTOR;
    b.negativeSpaceMax = fontSize * NEGATIVE_SPACE_FACTOR;
    b.spaceInFlowMin = fontSize * SPACE_IN_FLOW_MIN_FACTOR;
    b.spaceInFlowMax = fontSize * SPACE_IN_FLOW_MAX_FACTOR;
    b.initialized = true;
  }

  updateAdvanceScale(): void {
    const b = this.b;
    if (!b.initialized) return;
    const scaleFactor = Math.hypot(this.st.ctm[0]!, this.st.ctm[1]!) * Math.hypot(this.st.textLineMatrix[0]!, this.st.textLineMatrix[1]!);
    if (scaleFactor === b.textAdvanceScale) return;
    b.totalWidth += b.width * b.textAdvanceScale;
    b.width = 0;
    b.textAdvanceScale = scaleFactor;
  }

  /** A gap of a space adds one; a wider gap (or a step back) ends the item: false when it added a space. */
  addFakeSpaces(width: number, orientation: number): boolean {
    const b = this.b;
    if (orientation * b.spaceInFlowMin <= width && width <= orientation * b.spaceInFlowMax) {
      if (b.initialized) {
        b.resetLastChars();
        b.str.push(' ');
      }
      return false;
    }
    this.flush();
    b.resetLastChars();
    return true;
  }

  appendEOL(): void {
    this.b.resetLastChars();
    if (this.b.initialized) this.flush();
  }

  /** pdf.js's compareWithLastPosition, horizontal text: false when the glyph is outside the page. */
  compareWithLastPosition(glyphWidth: number): boolean {
    const b = this.b;
    const viewBox = this.viewBox;
    const ct = this.current(this.here);
    let posX = ct[4]!;
    let posY = ct[5]!;
    if (posX + glyphWidth < viewBox[0]! || posX > viewBox[2]! || posY < viewBox[1]! || posY > viewBox[3]!) return false;
    if (!this.st.font || !b.hasPrev) return true;
    const prev = b.prevTransform;
    let lastPosX = prev[4]!;
    let lastPosY = prev[5]!;
    if (lastPosX === posX && lastPosY === posY) return true;
    let rotate = -1;
    if (ct[0] && ct[1] === 0 && ct[2] === 0) rotate = ct[0] > 0 ? 0 : 180;
    else if (ct[1] && ct[0] === 0 && ct[3] === 0) rotate = ct[1] > 0 ? 90 : 270;
    switch (rotate) {
      case 0:
        break;
      case 90:
        [posX, posY] = [posY, posX];
        [lastPosX, lastPosY] = [lastPosY, lastPosX];
        break;
      case 180:
        [posX, posY, lastPosX, lastPosY] = [-posX, -posY, -lastPosX, -lastPosY];
        break;
      case 270:
        [posX, posY] = [-posY, -posX];
        [lastPosX, lastPosY] = [-lastPosY, -lastPosX];
        break;
      default:
        [posX, posY] = inverseRotation(posX, posY, ct);
        [lastPosX, lastPosY] = inverseRotation(lastPosX, lastPosY, prev);
    }
    return this.advance((posX - lastPosX) / b.textAdvanceScale, posY - lastPosY);
  }

  /** The rest of compareWithLastPosition: what a move of (advanceX, advanceY) since the last glyph means. */
  advance(advanceX: number, advanceY: number): boolean {
    const b = this.b;
    const orientation = Math.sign(b.width);
    if (advanceX < orientation * b.negativeSpaceMax) {
      if (Math.abs(advanceY) > 0.5 * b.height) {
        this.appendEOL();
        return true;
      }
      b.resetLastChars();
      this.flush();
      return true;
    }
    if (Math.abs(advanceY) > b.height) {
      this.appendEOL();
      return true;
    }
    if (advanceX <= orientation * b.notASpace) b.resetLastChars();
    if (advanceX <= orientation * b.trackingSpaceMin) {
      if (b.shouldAddWhitespace()) {
        b.resetLastChars();
        this.flush();
      } else b.width += advanceX;
    } else if (!this.addFakeSpaces(advanceX, orientation)) {
      if (b.str.length === 0) b.resetLastChars();
      else b.width += advanceX;
    }
    if (Math.abs(advanceY) > b.height * VERTICAL_SHIFT_RATIO) this.flush();
    return true;
  }

  /** pdf.js's buildTextContentItem, horizontal text: one run of glyphs, `extraSpacing` after its last. */
  buildItem(glyphs: Glyph[] | null, extraSpacing: number): void {
    const st = this.st;
    if (!glyphs || glyphs.length === 0) {
      const charSpacing = st.charSpacing + extraSpacing;
      if (charSpacing) translate(st.textMatrix, charSpacing * st.textHScale, 0);
      return;
    }
    const scale = st.fontMatrix[0]! * st.fontSize;
    for (let i = 0, ii = glyphs.length; i < ii; i++) {
      const glyph = glyphs[i]!;
      const cat = category(glyph.unicode);
      if (cat.isInvisibleFormatMark) continue;
      let charSpacing = st.charSpacing + (i + 1 === ii ? extraSpacing : 0);
      let scaledDim = glyph.width * scale;
      if (glyph.originalCharCode === 0x20) charSpacing += st.wordSpacing;
      if (cat.isWhitespace) {
        charSpacing += scaledDim;
        translate(st.textMatrix, charSpacing * st.textHScale, 0);
        this.b.saveLastChar(' ');
        continue;
      }
      if (!cat.isZeroWidthDiacritic && !this.compareWithLastPosition(scaledDim)) {
        translate(st.textMatrix, scaledDim * st.textHScale, 0);
        continue;
      }
      const b = this.b;
      if (b.imageSince && b.initialized) throw new Unsupported();
      this.ensureItem();
      if (cat.isZeroWidthDiacritic) scaledDim = 0;
      scaledDim *= st.textHScale;
      translate(st.textMatrix, scaledDim, 0);
      b.width += scaledDim;
      if (scaledDim) {
        this.current(b.prevTransform);
        b.hasPrev = true;
      }
      if (b.saveLastChar(glyph.unicode)) b.str.push(' ');
      b.str.push(glyph.unicode);
      if (charSpacing) translate(st.textMatrix, charSpacing * st.textHScale, 0);
    }
  }

  /** `Tf`: pdf.js skips it when it names the font and size in use, else ends the item and loads the font. */
  setFont(loadedName: unknown, size: unknown): void {
    const st = this.st;
    if (typeof loadedName !== 'string' || typeof size !== 'number') throw new Unsupported();
    if (st.font && loadedName === st.tfKey && size === st.fontSize) return;
    // In a form, pdf.js also skips a `Tf` whose resource name is the inherited font's, whatever font that name
    // stands for in the form's resources; the operator list shows loaded fonts only, so such a page is left to it.
    if (st.inherited && st.font && size === st.fontSize) throw new Unsupported();
    this.flush();
    this.loadFont(loadedName, size);
    st.tfKey = loadedName;
  }

  loadFont(loadedName: unknown, size: unknown): void {
    const st = this.st;
    if (typeof loadedName !== 'string' || typeof size !== 'number') throw new Unsupported();
    const font = this.fontOf(loadedName);
    if (!font || font.vertical || font.isType3Font || font.isInvalidPDFjsFont) throw new Unsupported();
    st.fontName = loadedName;
    st.fontSize = size;
    st.font = font;
    st.fontMatrix = font.fontMatrix ?? FONT_IDENTITY;
    st.inherited = false;
  }

  /** A showText operator: its glyphs in runs between TJ's spacing numbers, as pdf.js's showSpacedText reads them. */
  showText(glyphs: unknown): void {
    if (!this.st.font || !Array.isArray(glyphs)) throw new Unsupported();
    // an empty string (`() Tj`) moves the text by the character spacing in pdf.js; in the operator list it is an
    // empty showText, the same as an empty `[] TJ`, which does not
    if (glyphs.length === 0 && this.st.charSpacing !== 0) throw new Unsupported();
    const spaceFactor = -this.st.fontSize / 1000;
    let run: Glyph[] = [];
    for (const g of glyphs as (Glyph | number | null)[]) {
      if (typeof g === 'number') {
        if (g === 0) continue;
        this.buildItem(run, g * spaceFactor);
        run = [];
      } else if (g && typeof g.unicode === 'string' && typeof g.width === 'number') run.push(g);
      else if (g !== null) throw new Unsupported();
    }
    if (run.length > 0) this.buildItem(run, 0);
  }
}

function num(x: unknown): number {
  if (typeof x !== 'number') throw new Unsupported();
  return x;
}

/**
 * A matrix argument: six numbers, or one array of six. pdf.js stores the matrices of `Tm` and of form XObjects in
 * the operator list as 32-bit floats, where getTextContent uses the numbers as written; each is taken back to the
 * shortest decimal that gives the same 32-bit float (`written`), which is what the PDF wrote whenever it wrote at
 * most six decimals, as producers do.
 */
function matrixArg(args: unknown[]): M6 {
  const m = args.length === 1 ? args[0] : args;
  if ((!Array.isArray(m) && !ArrayBuffer.isView(m)) || (m as ArrayLike<number>).length !== 6) throw new Unsupported();
  const out = Array.from(m as ArrayLike<number>);
  if (out.some((v) => typeof v !== 'number')) throw new Unsupported();
  return m instanceof Float32Array ? out.map(written) : out;
}

/**
 * The shortest decimal with at most six decimals whose 32-bit float is `v`, as a 64-bit float (n / 10^k is
 * correctly rounded, so it is the number a parser reads from that decimal); `v` itself when there is none.
 */
export function written(v: number): number {
  if (Number.isInteger(v) || !Number.isFinite(v)) return v;
  for (let k = 1, p = 10; k <= 6; k++, p *= 10) {
    const r = Math.round(v * p) / p;
    if (Math.fround(r) === v) return r;
  }
  return v;
}

function inverseRotation(x: number, y: number, m: ArrayLike<number>): [number, number] {
  const scale = Math.hypot(m[0]!, m[1]!);
  return [(m[0]! * x + m[1]! * y) / scale, (m[2]! * x + m[3]! * y) / scale];
}
