/**
 * The seed plans as PDFs from other producers (fixtures/pdf-producers/make.sh: Chromium's print to PDF of the HTML
 * plan and of LibreOffice's HTML export, LibreOffice's tagged PDF/A-2b): the same decision, commitments and measures
 * as from the Word document. Each producer writes text differently (Chromium places glyphs one by one in Identity-H fonts; the
 * tagged PDF wraps every span in marked content), so this checks that nothing in the reading depends on how the
 * LibreOffice fixtures happen to be written.
 */
import { describe, expect, it } from 'vitest';
import { extractFile } from '../../src/pipeline.js';
import { fixture } from '../helpers.js';

/** What must not depend on the producer: the decision, and per commitment its title, and each measure's title, term, executors and result. */
async function essentials(path: string): Promise<unknown> {
  const { plan } = await extractFile(path);
  return {
    id: plan.id,
    commitments: plan.commitments.map((c) => ({
      title: c.title,
      measures: c.measures.map((m) => ({ title: m.title, start: m.term?.start ?? null, end: m.term?.end ?? null, executors: m.executors.map((p) => p.id), result: m.result })),
    })),
  };
}

describe('the same plan from other PDF producers', () => {
  it('Chromium and tagged LibreOffice PDFs give the decision, commitments, measures, terms, executors and results of the DOCX', async () => {
    const docx = (await essentials(fixture('docx', 'khmelnytskyi-2026-2027-action-plan.docx'))) as { id: string; commitments: { measures: unknown[] }[] };
    expect(docx.id).toBe('1417-2025-10-09');
    expect(docx.commitments.length).toBe(4);
    expect(docx.commitments.flatMap((c) => c.measures).length).toBe(13);
    for (const name of ['chromium-khmelnytskyi-2026-2027.pdf', 'libreoffice-tagged-khmelnytskyi-2026-2027.pdf', 'chromium-html-khmelnytskyi-2026-2027-action-plan.pdf']) {
      expect({ name, ...(await essentials(fixture('pdf-producers', name)) as object) }).toEqual({ name, ...docx });
    }
  });

  it('commitments numbered «1.» with a lead-in line between heading and table (the HTML lost «Зобов’язання») read as the DOCX', async () => {
    const docx = (await essentials(fixture('docx', 'auto-numbering.docx'))) as { commitments: unknown[] };
    expect(docx.commitments.length).toBe(3);
    const withoutId = (x: unknown): unknown => ({ ...(x as object), id: null });
    expect(withoutId(await essentials(fixture('pdf-producers', 'chromium-html-auto-numbering.pdf')))).toEqual(withoutId(docx));
  });

  it('narrow columns of one or two words a line (Chromium printing LibreOffice HTML) read as the DOCX', async () => {
    // this plan names no decision: its id is the file name's, so the ids differ by design
    const withoutId = async (path: string): Promise<unknown> => ({ ...(await essentials(path) as object), id: null });
    expect(await withoutId(fixture('pdf-producers', 'chromium-html-vmerge-executors.pdf'))).toEqual(await withoutId(fixture('docx', 'vmerge-executors.docx')));
    // the 2021-2022 plan: all but one line end, «документообіг» / «у виконавчих», which reads as one word
    // («документообігу» is a word of the document and «у» could be its ending): that one join is the difference
    const plan = (await essentials(fixture('docx', 'khmelnytskyi-2021-2022-action-plan.docx'))) as { commitments: { measures: { result: string | null }[] }[] };
    const fromPdf = (await essentials(fixture('pdf-producers', 'chromium-html-khmelnytskyi-2021-2022-action-plan.pdf'))) as typeof plan;
    const mended = JSON.stringify(fromPdf).replace('документообігу виконавчих', 'документообіг у виконавчих');
    expect(JSON.parse(mended)).toEqual(plan);
    expect(JSON.stringify(fromPdf)).toContain('комунального майна');
  });
});
