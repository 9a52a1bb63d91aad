/**
 * DOCX reader: Word document → document tree, with full table fidelity.
 *
 * The OOXML is read directly (node:zlib + a small XML scanner, readers/docx/worker.ts) rather than through mammoth's HTML:
 * mammoth drops automatic numbering labels, drops the continuation cells of vertical merges
 * (no placeholders), and inlines text-box content into the surrounding text — all three matter
 * for plans. Unzip and XML parsing run isolated in a worker with a heap and time limit
 * (worker.ts); the walk over the parsed parts is in convert.ts.
 */
import type { Reader } from '../../doctree/types.js';
import type { Message } from '../../model/message.js';
import { DocxConverter } from './convert.js';
import { DEFAULT_DOCX_LIMITS, DocxReadError, parseDocxParts, type DocxLimits } from './worker.js';

export { DocxReadError, DEFAULT_DOCX_LIMITS, type DocxLimits } from './worker.js';

/** A DOCX reader with other limits (tests, batch runs). */
export function makeDocxReader(limits: Partial<DocxLimits> = {}): Reader {
  const effective: DocxLimits = { ...DEFAULT_DOCX_LIMITS, ...limits };
  return async (input, options) => {
    const parts = await parseDocxParts(input, options.file, effective);
    const messages: Message[] = [];
    let tree;
    try {
      tree = new DocxConverter(parts, messages).convert();
    } catch (err) {
      throw new DocxReadError(options.file, `cannot read DOCX: ${err instanceof Error ? err.message : String(err)}`);
    }
    return { format: 'docx', tree, messages };
  };
}

export const readDocx: Reader = makeDocxReader();
