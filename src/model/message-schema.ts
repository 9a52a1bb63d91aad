/**
 * The zod schemas of a message and a place (src/model/message.ts has the type and the helpers). Kept apart so
 * that the stages which only create messages (readers, extract, normalize) do not load zod: it is needed only
 * where a plan is described or checked against the model (schema.ts, json-schema.ts, upgrade).
 */
import { z } from 'zod';

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export const SeveritySchema = z.enum(SEVERITIES);
export type Severity = z.infer<typeof SeveritySchema>;

const positive = z.number().int().positive();

/** Where something is. Lines, pages, tables and rows are 1-based. */
export const PlaceSchema = z
  .object({
    file: z.string().min(1).optional().describe('File name (plans) or path (validate)'),
    line: positive.optional().describe('Line in a text source (1-based)'),
    endLine: positive.optional().describe('Last line of a multi-line value'),
    page: positive.optional().describe('Page in a PDF source (1-based)'),
    table: positive.optional().describe('Table in the document (1-based)'),
    row: positive
      .optional()
      .describe('Row: in a document table, header rows included; in a CSV, every record counted with the header as row 1'),
    column: z.string().optional().describe('Column: the role of a document cell (e.g. "term"), or a CSV field name'),
    fieldNumber: positive.optional().describe('CSV: position of the cell in the row (1-based)'),
  })
  .strict()
  .describe('Where a message or value is');
export type Place = z.infer<typeof PlaceSchema>;

export const MessageSchema = z
  .object({
    code: z.string().regex(/^[a-z][a-z0-9-]*$/).describe('Stable machine-readable code, e.g. term-unparsed'),
    severity: SeveritySchema.describe('error (the output is wrong or missing), warning (check it), info (for the record)'),
    reason: z.string().min(1).describe('What happened, one line, without the place'),
    place: PlaceSchema,
    related: PlaceSchema.optional().describe('Another place the message concerns'),
  })
  .strict()
  .describe('A message from any stage');
