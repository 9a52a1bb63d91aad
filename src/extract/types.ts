/** What extraction finds, before normalisation: texts as written, with their locations. */
import type { Message } from '../model/message.js';
import type { Location } from '../model/schema.js';

export interface RawMeasure {
  number: string | null;
  title: string;
  /** Paragraphs of the executors cell, in order (paragraph breaks separate bodies). */
  executors: string[];
  partners: string[];
  /** The term as the grammar reads it (for split or timeline columns: composed from them). */
  term: string | null;
  /** The term as shown in the source when it is not one cell («березень 2026 | грудень 2027», «графік: …»). */
  termRaw?: string;
  /** Where the term came from, when composed from several columns. */
  termNote?: string;
  result: string | null;
  location: Location;
}

export interface RawCommitment {
  number: string | null;
  title: string;
  problem: string | null;
  goal: string | null;
  sectors: string | null;
  ogpValues: string | null;
  leadExecutors: string[];
  partners: string[];
  /** The partners label said «(за згодою)»: every partner takes part by agreement. */
  partnersByAgreement: boolean;
  expectedResult: string | null;
  measures: RawMeasure[];
  location: Location;
}

export interface RawDecision {
  authority: string | null;
  type: string | null;
  number: string | null;
  date: string | null;
  title: string | null;
}

export interface RawPlan {
  decision: RawDecision;
  plan: { title: string | null; period: { start: string | null; end: string | null } };
  commitments: RawCommitment[];
  /** What the reader and extraction reported. */
  messages: Message[];
  /** Paragraph text of the document, for learning abbreviations («далі – …»). */
  text: string;
  /** The text looks like a plan whose table layout was lost in conversion. */
  layoutLost: boolean;
}
