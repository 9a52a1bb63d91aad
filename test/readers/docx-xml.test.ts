import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { makeDocxReader, readDocx } from '../../src/readers/docx/index.js';
import { parseDocxParts, useInThreadDocx } from '../../src/readers/docx/worker.js';
import { allText, fixture } from './docx/helpers.js';

/** The fixture with its main part's XML changed by `edit`. */
async function edited(edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fixture('docx', 'repeated-header.docx'));
  const xml = await zip.file('word/document.xml')!.async('string');
  zip.file('word/document.xml', edit(xml));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('DOCX XML parse (saxes, trees built from the parse events)', () => {
  it('keeps a control character some generators write into text (XML forbids it; Word-made files never have it)', async () => {
    const bytes = await edited((xml) => xml.replace(/<w:t(\s[^>]*)?>([^<]{3})/, (_m, attrs: string | undefined, text: string) => `<w:t${attrs ?? ''}>${text[0]}\u0001${text.slice(1)}`));
    const { tree } = await readDocx(bytes, { file: 'ctrl.docx' });
    expect(allText(tree)).toContain('\u0001');
  });

  it('reads a part that starts with a byte order mark, and entities and character references', async () => {
    const bytes = await edited((xml) => `\uFEFF${xml.replace(/<w:t(\s[^>]*)?>/, (m) => `${m}&lt;&#x41;&amp;&#1028;&gt;`)}`);
    const { tree } = await readDocx(bytes, { file: 'bom.docx' });
    expect(allText(tree)).toContain('<A&Є>');
  });

  it('refuses a bare ampersand, an unbound prefix and an undefined entity (one line naming the part)', async () => {
    for (const edit of [
      (xml: string) => xml.replace(/<w:t(\s[^>]*)?>/, (m) => `${m}a & b`),
      (xml: string) => xml.replace('<w:body>', '<w:body><x:p/>'),
      (xml: string) => xml.replace(/<w:t(\s[^>]*)?>/, (m) => `${m}&nbsp;`),
    ]) {
      await expect(readDocx(await edited(edit), { file: 'bad.docx' })).rejects.toThrow(/^cannot read DOCX: word\/document\.xml is not well-formed XML: [^\n]+$/);
    }
  });

  it('the isolated worker and the in-thread parse (batch workers) give the same parts and the same errors', async () => {
    const inputs = [fixture('docx', 'kyiv-2025-2026-action-plan.docx'), fixture('docx', 'tracked-changes.docx'), await edited((xml) => xml.replace('<w:body>', '<w:body><x:p/>'))];
    const isolated = makeDocxReader({ timeoutMs: 60_000 });
    const viaWorker = [];
    for (const bytes of inputs) viaWorker.push(await parseDocxParts(bytes, 'a.docx').then((p) => JSON.stringify(p), (e: Error) => e.message));
    await isolated(inputs[0]!, { file: 'warm.docx' });
    useInThreadDocx();
    const inThread = [];
    for (const bytes of inputs) inThread.push(await parseDocxParts(bytes, 'a.docx').then((p) => JSON.stringify(p), (e: Error) => e.message));
    expect(inThread).toEqual(viaWorker);
    expect(viaWorker[2]).toMatch(/not well-formed XML/);
  });
});
