/**
 * The one-pass PDF text (src/readers/pdf/optext.ts) on hand-written PDFs with operators office producers seldom
 * write: for each, the port gives exactly the items of pdf.js's getTextContent, or gives up (null) so that the
 * reader asks pdf.js. It never gives other text. The cases come from a review of the port against pdf.js's
 * evaluator; the known differences it cannot see from the operator list are listed at the end.
 */
import { describe, expect, it } from 'vitest';
import { documentParams, getDocument } from '../../../src/readers/pdf/pdfjs.js';
import { textFromOperators, type FontFacts } from '../../../src/readers/pdf/optext.js';
import { rawPdf, stream } from '../../../fixtures/scripts/raw-pdf.mjs';

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
const COURIER = '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>';

/**
 * A one-page PDF: `content` on the page, whose resources are /F1 (Helvetica, object 4), /F2 (Courier, object 5)
 * and `resources`; `extra` objects are numbered from 6.
 */
function pdf(content: string, resources = '', extra: string[] = []): Uint8Array {
  return rawPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${6 + extra.length} 0 R /Resources << /Font << /F1 4 0 R /F2 5 0 R >> ${resources} >> >>`,
    HELVETICA,
    COURIER,
    ...extra,
    stream('', content),
  ]);
}

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  font: string;
}

/** Both ways: pdf.js's items, and the port's (null: it gave up). */
async function both(data: Uint8Array): Promise<{ pdfjs: Item[]; port: Item[] | null }> {
  const doc = await getDocument({ data: new Uint8Array(data), ...documentParams() }).promise;
  try {
    const page = await doc.getPage(1);
    const ops = await page.getOperatorList();
    const content = await page.getTextContent();
    const round = (x: { str: string; transform: number[]; width: number; fontName: string }): Item => ({
      str: x.str,
      x: Math.round(x.transform[4]! * 1000) / 1000,
      y: Math.round(x.transform[5]! * 1000) / 1000,
      width: Math.round(x.width * 1000) / 1000,
      font: x.fontName,
    });
    const pdfjs = (content.items as { str: string; transform: number[]; width: number; fontName: string }[]).filter((x) => 'str' in x && x.str.trim() !== '').map(round);
    const port = textFromOperators(ops, (name) => (page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontFacts) : undefined), page.view);
    return { pdfjs, port: port && port.map(round) };
  } finally {
    await doc.destroy();
  }
}

const image = stream('/Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceGray /BitsPerComponent 8', '\x80');
const bigInline = `BI /W 150 /H 60 /CS /G /BPC 8 ID ${'\x80'.repeat(150 * 60)} EI`;

/** [name, PDF, what the port must do: 'same' items as pdf.js, or 'gives up'] */
const CASES: [string, Uint8Array, 'same' | 'gives up'][] = [
  ['plain text', pdf('BT /F1 12 Tf 72 700 Td (Hello world) Tj 0 -14 Td [(Kern) -20 (ed) -300 (gap) -3000 (column)] TJ ET'), 'same'],
  ['a small inline image between two runs of a line (pdf.js does not end the item)', pdf(`BT /F1 12 Tf 72 700 Td (Hello) Tj ET q 5 0 0 5 110 700 cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q BT /F1 12 Tf 104 700 Td (world) Tj ET`), 'same'],
  ['an image Do between two runs of a line (pdf.js ends the item)', pdf('BT /F1 12 Tf 72 700 Td (Hello) Tj ET q 5 0 0 5 110 700 cm /Im1 Do Q BT /F1 12 Tf 104 700 Td (world) Tj ET', '/XObject << /Im1 6 0 R >>', [image]), 'gives up'],
  ['a large inline image between two runs (the same operators as a Do)', pdf(`BT /F1 12 Tf 72 700 Td (Hello) Tj ET q 5 0 0 5 110 700 cm ${bigInline} Q BT /F1 12 Tf 104 700 Td (world) Tj ET`), 'gives up'],
  ['an image Do between two lines', pdf('BT /F1 12 Tf 72 700 Td (Hello) Tj ET q 5 0 0 5 110 700 cm /Im1 Do Q BT /F1 12 Tf 72 600 Td (world) Tj ET', '/XObject << /Im1 6 0 R >>', [image]), 'same'],
  [
    'a form whose /F1 is another font than the page /F1, at the same size (pdf.js keeps the page font)',
    pdf('BT /F1 12 Tf 72 700 Td (Page text) Tj ET /Fm1 Do', '/XObject << /Fm1 6 0 R >>', [stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >>', 'BT /F1 12 Tf 72 600 Td (Inside form) Tj ET')]),
    'gives up',
  ],
  [
    'a form with its own font at another size',
    pdf('BT /F1 12 Tf 72 700 Td (Page text) Tj ET /Fm1 Do', '/XObject << /Fm1 6 0 R >>', [stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [1 0 0 1 10 -20] /Resources << /Font << /F1 5 0 R >> >>', 'BT /F1 11 Tf 72 600 Td (Inside form) Tj ET')]),
    'same',
  ],
  [
    'a form that uses the font it inherits',
    pdf('BT /F1 12 Tf 72 700 Td (Page text) Tj ET /Fm1 Do', '/XObject << /Fm1 6 0 R >>', [stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Matrix [0.5 0 0 0.5 100 100]', 'BT 72 600 Td (Inside form) Tj ET')]),
    'same',
  ],
  [
    'a soft mask set by gs between two runs (its content is never text)',
    pdf('BT /F1 12 Tf 72 700 Td (Hello) Tj ET /GS1 gs BT /F1 12 Tf 104 700 Td (world) Tj ET', '/ExtGState << /GS1 7 0 R >>', [
      stream('/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Group << /S /Transparency /CS /DeviceGray >> /Resources << /Font << /F1 4 0 R >> >>', 'BT /F1 12 Tf 72 500 Td (MASKTEXT) Tj ET'),
      '<< /Type /ExtGState /SMask << /Type /Mask /S /Luminosity /G 6 0 R >> >>',
    ]),
    'same',
  ],
  ['empty strings shown with character spacing (pdf.js moves the text)', pdf('BT /F1 12 Tf 2 Tc 72 700 Td (Hello) Tj () Tj () Tj (world) Tj ET'), 'gives up'],
  ['empty strings shown without character spacing', pdf('BT /F1 12 Tf 72 700 Td (Hello) Tj () Tj [] TJ ( world) Tj ET'), 'same'],
  ['a font set by gs, then the same font by Tf (pdf.js ends the item)', pdf('BT /GS1 gs 72 700 Td (Hello) Tj /F1 12 Tf ( world) Tj ET', '/ExtGState << /GS1 6 0 R >>', ['<< /Type /ExtGState /Font [4 0 R 12] >>']), 'same'],
  ['a font set by gs inside q/Q, the Tf font again after Q (pdf.js ends the item at Q)', pdf('BT /F1 12 Tf 72 700 Td (Hello) Tj q /GS1 gs ( world) Tj Q 60 0 Td (again) Tj ET', '/ExtGState << /GS1 6 0 R >>', ['<< /Type /ExtGState /Font [4 0 R 12] >>']), 'same'],
  ['invisible and clipping text (render modes 3 and 7)', pdf('BT /F1 12 Tf 3 Tr 72 700 Td (Invisible) Tj 7 Tr 0 -20 Td (Clip) Tj ET'), 'same'],
  ['marked content in the middle of a word', pdf('BT /F1 12 Tf 72 700 Td (Hel) Tj /Span << /MCID 0 >> BDC (lo) Tj EMC ET'), 'same'],
  ['q/Q inside a text object restores the font and the text matrix', pdf('BT /F1 12 Tf 72 700 Td (One) Tj q /F2 10 Tf 0 -20 Td (Two) Tj Q (Three) Tj ET'), 'same'],
  ['scaling, rise, word and character spacing, leading', pdf("BT /F1 12 Tf 80 Tz 3 Ts 2 Tw 0.5 Tc 14 TL 72 700 Td (Scaled text) Tj T* (next line) Tj 1 0.2 (quoted) \" ET"), 'same'],
  ['a turned text matrix', pdf('BT /F1 12 Tf 0 1 -1 0 300 300 Tm (Turned) Tj 0.7071 0.7071 -0.7071 0.7071 100 100 Tm (Slanted) Tj ET'), 'same'],
  ['text off the page', pdf('BT /F1 12 Tf -500 700 Td (Off) Tj 572 0 Td (On) Tj ET'), 'same'],
];

describe('one-pass PDF text on hand-written PDFs: pdf.js items exactly, or the page is left to pdf.js', () => {
  for (const [name, data, expected] of CASES) {
    it(name, async () => {
      const { pdfjs, port } = await both(data);
      expect(pdfjs.length).toBeGreaterThan(0);
      if (expected === 'gives up') expect(port).toBeNull();
      else expect(port).toEqual(pdfjs);
    });
  }

  it('known differences the operator list cannot show (kept here so a change of either side is seen)', async () => {
    // Two font resource names for one font: pdf.js ends the item at the second Tf; the operator list shows the same
    // loaded font twice. The reader joins the two runs into the same line text either way.
    const names = await both(rawPdf([
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R /Resources << /Font << /F1 4 0 R /F3 4 0 R >> >> >>',
      HELVETICA,
      stream('', 'BT /F1 12 Tf 72 700 Td (Hello) Tj /F3 12 Tf ( world) Tj ET'),
    ]));
    expect(names.pdfjs.map((i) => i.str)).toEqual(['Hello', 'world']);
    expect(names.port?.map((i) => i.str)).toEqual(['Hello world']);
    // An operator pdf.js cannot read ends its operator list there, while its text pass reads on: the text after it
    // is not in the operator list (nor drawn).
    const broken = await both(pdf('BT /F1 12 Tf 72 700 Td (Before) Tj 5 TJ 0 -20 Td (After) Tj ET'));
    expect(broken.pdfjs.map((i) => i.str)).toEqual(['Before', 'After']);
    expect(broken.port?.map((i) => i.str)).toEqual(['Before']);
  });
});
