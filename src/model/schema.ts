/**
 * The plan model: the single source of truth for every output.
 *
 * `schemas/plan.schema.json` is generated from these zod schemas
 * (`npm run schemas`) and a test keeps the two in sync.
 * Field names are a public contract: add fields freely, never rename.
 */
import { z } from 'zod';
import { MessageSchema, PlaceSchema } from './message-schema.js';
import { DATE_PATTERN, EDRPOU_PATTERN, PARTY_KINDS, SHA256_PATTERN, SLUG_PATTERN, SOURCE_FORMATS, TERM_PRECISIONS } from './national.js';

import { SCHEMA_VERSION } from './version.js';

export { SCHEMA_VERSION };

const isoDate = z
  .string()
  .regex(new RegExp(DATE_PATTERN), 'date must be YYYY-MM-DD')
  .describe('Calendar date, ISO 8601 (YYYY-MM-DD)');

/** Where a value came from in the source document: a place without a file. */
export const LocationSchema = PlaceSchema.omit({ file: true, fieldNumber: true }).describe('Source position of a value');

export const PartyKindSchema = z.enum(PARTY_KINDS);

export const PartySchema = z
  .object({
    id: z.string().regex(new RegExp(SLUG_PATTERN)).describe('Stable slug of the canonical name'),
    name: z.string().min(1).describe('Name as written (quotes and spaces normalised)'),
    kind: PartyKindSchema.default('body').describe('body, collective (a group of bodies), person, other'),
    byAgreement: z.boolean().default(false).describe('Takes part by agreement («за згодою»)'),
    contact: z.string().nullable().default(null).describe('Contact person named after the body'),
    edrpou: z
      .string()
      .regex(new RegExp(EDRPOU_PATTERN))
      .nullable()
      .default(null)
      .describe('ЄДРПОУ code (8 digits) from an executors directory'),
  })
  .strict();

/** Executors are parties responsible for a measure or commitment. */
export const ExecutorSchema = PartySchema;

export const TermPrecisionSchema = z.enum(TERM_PRECISIONS);

export const TermSchema = z
  .object({
    raw: z.string().nullable().describe('The term as written'),
    start: isoDate.nullable().describe('First day of the period'),
    end: isoDate.nullable().describe('Last day of the period'),
    precision: TermPrecisionSchema.describe('Granularity of the stated term'),
    status: z.string().nullable().default(null).describe('Status words around the term, e.g. «розпочато»'),
    note: z.string().nullable().default(null).describe('How the dates were derived when not stated literally'),
  })
  .strict();

export const MeasureSchema = z
  .object({
    id: z.string().regex(/^C\d+\.M\d+$/).describe('Commitment id + measure ordinal, e.g. C1.M2'),
    number: z.string().nullable().describe('Number as written in the document (e.g. "2", "1.2")'),
    title: z.string().min(1),
    executors: z.array(ExecutorSchema),
    partners: z.array(PartySchema),
    term: TermSchema,
    result: z.string().nullable().describe('Expected result / indicator of completion'),
    location: LocationSchema,
  })
  .strict();

export const CommitmentSchema = z
  .object({
    id: z.string().regex(/^C\d+$/),
    number: z.string().nullable(),
    title: z.string().min(1),
    problem: z.string().nullable(),
    goal: z.string().nullable().describe('Long-term goal the commitment serves'),
    sectors: z.array(z.string()),
    ogpValues: z.array(z.string()),
    leadExecutors: z.array(ExecutorSchema),
    partners: z.array(PartySchema),
    expectedResult: z.string().nullable(),
    measures: z.array(MeasureSchema),
    location: LocationSchema,
  })
  .strict();

export const SourceSchema = z
  .object({
    file: z.string().min(1).describe('File name of the source document'),
    format: z.enum(SOURCE_FORMATS),
    sha256: z.string().regex(new RegExp(SHA256_PATTERN)),
    pages: z.number().int().positive().optional(),
  })
  .strict();

export const DecisionSchema = z
  .object({
    authority: z.string().nullable().describe('Body that adopted the decision'),
    type: z.string().nullable().describe('Kind of act, e.g. «рішення»'),
    number: z.string().nullable(),
    date: isoDate.nullable(),
    title: z.string().nullable(),
  })
  .strict();

export const ActionPlanSchema = z
  .object({
    schemaVersion: z.literal(SCHEMA_VERSION),
    id: z.string().min(1).describe('<decision number>-<decision date>, or a slug of the file name'),
    source: SourceSchema,
    decision: DecisionSchema,
    plan: z
      .object({
        title: z.string().nullable(),
        period: z.object({ start: isoDate.nullable(), end: isoDate.nullable() }).strict(),
      })
      .strict(),
    commitments: z.array(CommitmentSchema),
    messages: z.array(MessageSchema).describe('What every stage reported, in order: errors, warnings and infos with their places'),
  })
  .strict()
  .describe('An action plan extracted from a council decision');

export type Location = z.infer<typeof LocationSchema>;
export type Party = z.infer<typeof PartySchema>;
export type PartyKind = z.infer<typeof PartyKindSchema>;
export type Executor = Party;
export type Term = z.infer<typeof TermSchema>;
export type TermPrecision = z.infer<typeof TermPrecisionSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Commitment = z.infer<typeof CommitmentSchema>;
export type Decision = z.infer<typeof DecisionSchema>;
export type ActionPlan = z.infer<typeof ActionPlanSchema>;
