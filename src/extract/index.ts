/**
 * Extraction: from the document tree to a RawPlan (texts as written, with locations).
 *
 * It finds the decision header, the commitments (headed blocks with labelled
 * paragraphs, or group rows of a nationally laid-out table), and the plan tables
 * (by the meaning of their headers), merging rows split across pages and
 * commitments stated twice (in the plan body and again in annex tables).
 */
import { nodeText } from '../doctree/build.js';
import type { DocRoot, TableNode } from '../doctree/types.js';
import { error, placeOf, warning, type Message } from '../model/message.js';
import type { Location } from '../model/schema.js';
import { cleanLine, startsLowercase } from '../util/text.js';
import { decisionWarnings, extractDecision, extractPlanTitle, headerPlace, periodFromTitle, type Para } from './header.js';
import { MEASURE_LABELS, MEASURE_PARAGRAPH, type MeasureField, applyMeasureLabel, measureFromParagraph } from './paragraphs.js';
import { EXTRACT_SETTINGS } from './settings.js';
import { planTableLayout, readPlanTable } from './tables.js';
import type { RawCommitment, RawMeasure, RawPlan } from './types.js';

export type { RawCommitment, RawMeasure, RawPlan } from './types.js';

const APOS = `[’'ʼ\`‘]`;
const COMMITMENT_HEADING = new RegExp(`^зобов${APOS}?язання\\s+(?:№\\s*)?(\\d+)\\s*[.:)]\\s*(.+)$`, 'iu');

type Label = 'title' | 'problem' | 'goal' | 'sectors' | 'ogpValues' | 'leadExecutors' | 'partners' | 'expectedResult' | 'other';

/** Label patterns of a commitment block, in the order they are tried. */
const LABELS: Record<Exclude<Label, 'title'>, RegExp> = {
  problem: new RegExp(`^(?:проблеми,\\s*які\\s+вирішує\\s+зобов${APOS}?язання|проблема|проблеми|опис\\s+проблеми)\\s*[:.–—-]\\s*`, 'iu'),
  goal: /^до\s+якої\s+довгострокової\s+мети[^:]*:\s*/iu,
  sectors: /^до\s+якої\s+галузевої\s+сфери[^:]*:\s*/iu,
  ogpValues: /^яким\s+цінностям[^:]*:\s*/iu,
  leadExecutors: /^(?:головн(?:і|ий)|відповідальн(?:і|ий))\s+виконав(?:ці|ець)\s*[:–—-]\s*/iu,
  partners: /^партнер(?:и)?(?:\s*\(за\s+згодою\))?\s*[:–—-]\s*/iu,
  expectedResult: /^(?:очікуван(?:ий|і)\s+)?результат(?:и)?\s*[:–—-]\s*/iu,
  other: new RegExp(`^виконання\\s+зобов${APOS}?язання\\s+передбач`, 'iu'),
};

interface Draft {
  raw: RawCommitment;
  /** How many labelled paragraphs the block had: the plan body outranks annex headings. */
  labels: number;
  order: number;
}

function emptyCommitment(number: string | null, title: string, location: Location): RawCommitment {
  return {
    number,
    title,
    problem: null,
    goal: null,
    sectors: null,
    ogpValues: null,
    leadExecutors: [],
    partners: [],
    partnersByAgreement: false,
    expectedResult: null,
    measures: [],
    location,
  };
}

/** «… (Додаток 1).» → «…»: the annex reference is a cross-reference, not part of the title. */
function commitmentTitle(text: string): string {
  return cleanLine(text)
    .replace(/\s*\((?:див\.\s*)?додат(?:ок|ку|ки)\s*№?\s*\d+\)\s*/iu, ' ')
    .trim()
    .replace(/\s*\.$/u, '');
}

function paraLocation(para: Para): Location {
  const location: Location = {};
  if (para.line) location.line = para.line;
  if (para.page) location.page = para.page;
  return location;
}

function appendText(previous: string | null, next: string, separator: string): string {
  return previous ? `${previous}${separator}${next}` : next;
}

/** Does the text look like a plan whose table columns were flattened into lines? */
function looksLikeLostLayout(paras: Para[]): boolean {
  const settings = EXTRACT_SETTINGS.layoutLost;
  if (paras.length < settings.minParagraphs) return false;
  let broken = 0;
  for (let i = 0; i + 1 < paras.length; i += 1) {
    const text = cleanLine(paras[i]!.text);
    const next = cleanLine(paras[i + 1]!.text);
    if (text.length <= settings.shortLine && !/[.!?:;]$/.test(text) && startsLowercase(next)) broken += 1;
  }
  const vocabulary = paras.filter((p) =>
    /(квартал|захід|заход|дорожн\S* карт|відповідальн|строк|термін|виконавц)/iu.test(p.text),
  ).length;
  return broken / paras.length > settings.brokenShare && vocabulary >= settings.vocabulary;
}

/** Where extraction is while it walks the document: everything the handlers read and change. */
interface State {
  drafts: Draft[];
  current: Draft | null;
  /** The commitment label whose text a following paragraph may continue. */
  label: Label | null;
  /** A measure written as a paragraph («1.1. …»), open for its labelled lines. */
  measure: RawMeasure | null;
  measureField: MeasureField | null;
  tableIndex: number;
  planTables: number;
  warnings: Message[];
  /** Title for an implicit commitment (rows before any commitment heading). */
  fallbackTitle: string;
  /** Non-empty paragraph texts by block index (for a look at the next paragraph). */
  next: (block: number) => string | null;
  /** The block right after a paragraph (empty paragraphs skipped) when it is a table. */
  nextTable: (block: number) => TableNode | null;
}

function startDraft(state: State, number: string | null, title: string, location: Location): Draft {
  const draft: Draft = { raw: emptyCommitment(number, commitmentTitle(title), location), labels: 0, order: state.drafts.length };
  state.drafts.push(draft);
  state.current = draft;
  state.label = 'title';
  state.measure = null;
  state.measureField = null;
  return draft;
}

/** The commitment that takes a measure: the current one, or one named after the plan (with a warning). */
function commitmentFor(state: State, location: Location): Draft {
  if (state.current) return state.current;
  state.warnings.push(
    warning(
      'commitment-implicit',
      'plan measures come before any commitment heading; they are grouped under one commitment named after the plan',
      location,
    ),
  );
  const draft = startDraft(state, null, state.fallbackTitle, location);
  state.label = null;
  return draft;
}

/** One commitment label: how its value is stored, and how a following paragraph continues it. */
interface LabelHandler {
  pattern: RegExp;
  set: (c: RawCommitment, value: string, match: RegExpExecArray) => void;
  /** Take a continuation paragraph; false when the paragraph is not a continuation. */
  more?: (c: RawCommitment, text: string, how: { lower: boolean; listItem: boolean }) => boolean;
}

const continueText =
  (key: 'goal' | 'sectors' | 'ogpValues') =>
  (c: RawCommitment, text: string, how: { lower: boolean }): boolean => {
    if (!how.lower) return false;
    c[key] = appendText(c[key], text, ' ');
    return true;
  };
const continueList =
  (key: 'leadExecutors' | 'partners') =>
  (c: RawCommitment, text: string, how: { lower: boolean }): boolean => {
    if (!how.lower) return false;
    const list = c[key];
    if (list.length > 0) list[list.length - 1] = `${list[list.length - 1]} ${text}`;
    else list.push(text);
    return true;
  };

/** The labelled paragraphs of a commitment block; a new label is one entry. */
const LABEL_HANDLERS: Record<Exclude<Label, 'title'>, LabelHandler> = {
  problem: {
    pattern: LABELS.problem,
    set: (c, v) => {
      c.problem = v || c.problem;
    },
    more: (c, text, { lower }) => {
      c.problem = appendText(c.problem, text, lower ? ' ' : '\n');
      return true;
    },
  },
  goal: { pattern: LABELS.goal, set: (c, v) => void (c.goal = v || null), more: continueText('goal') },
  sectors: { pattern: LABELS.sectors, set: (c, v) => void (c.sectors = v || null), more: continueText('sectors') },
  ogpValues: { pattern: LABELS.ogpValues, set: (c, v) => void (c.ogpValues = v || null), more: continueText('ogpValues') },
  leadExecutors: { pattern: LABELS.leadExecutors, set: (c, v) => void (v && c.leadExecutors.push(v)), more: continueList('leadExecutors') },
  partners: {
    pattern: LABELS.partners,
    set: (c, v, m) => {
      if (v) c.partners.push(v);
      if (/за\s+згодою/iu.test(m[0])) c.partnersByAgreement = true;
    },
    more: continueList('partners'),
  },
  expectedResult: {
    pattern: LABELS.expectedResult,
    set: (c, v) => void (c.expectedResult = v || null),
    more: (c, text, { lower, listItem }) => {
      if (!listItem && !lower) return false;
      c.expectedResult = appendText(c.expectedResult, text, lower && !listItem ? ' ' : '\n');
      return true;
    },
  },
  other: { pattern: LABELS.other, set: () => undefined },
};

/** A paragraph handler: returns true when it took the paragraph. Tried in order. */
type ParagraphHandler = (state: State, para: Para, text: string) => boolean;

/** «Зобов’язання 4. …» starts a commitment. */
const commitmentHeading: ParagraphHandler = (state, para, text) => {
  const m = COMMITMENT_HEADING.exec(text);
  if (!m) return false;
  startDraft(state, m[1]!, m[2]!, paraLocation(para));
  return true;
};

/** «2. Title», «Напрям 2. Title», «Завдання 2: Title», «Розділ 2. Title», «II. Title». */
const NUMBERED_HEADING = [
  /^(\d{1,2})[.)]\s+(\S.*)$/u,
  /^(?:завдання|напрям|розділ)\s+(?:№\s*)?(\d{1,2})\s*[.:)]?\s+(\S.*)$/iu,
  // Roman numerals (Latin or Cyrillic letters), the point required: «II. Title», «Розділ ІІ. Title».
  /^(?:(?:[Зз]авдання|[Нн]апрям|[Рр]озділ)\s+)?([IVXІХ]{1,6})[.)]\s+(\S.*)$/u,
];

/**
 * A numbered heading starts a commitment when what follows is its content: «2.1. …» (a plan
 * written as paragraphs), or a plan table right after it (one table per heading). A numbered point
 * of the decision body is followed by neither.
 */
const numberedHeading: ParagraphHandler = (state, para, text) => {
  const m = NUMBERED_HEADING.map((pattern) => pattern.exec(text)).find((match) => match !== null);
  if (!m || text.length > EXTRACT_SETTINGS.numberedHeadingMaxLength || /[:;]$/.test(text)) return false;
  const next = state.next(para.block);
  const sub = next ? MEASURE_PARAGRAPH.exec(next) : null;
  const table = state.nextTable(para.block);
  if (!(sub && sub[1] === m[1]) && !(table && planTableLayout(table))) return false;
  startDraft(state, m[1]!, m[2]!, paraLocation(para));
  return true;
};

/** «1.1. <measure>» opens a measure written as a paragraph. */
const measureParagraph: ParagraphHandler = (state, para, text) => {
  const m = MEASURE_PARAGRAPH.exec(text);
  if (!m) return false;
  // Only where a plan is being read: inside a commitment, or followed by labelled measure lines.
  const next = state.next(para.block) ?? '';
  const labelled = MEASURE_LABELS.some(([, pattern]) => pattern.test(next));
  const bracketed = /\)\s*[.;]?$/u.test(text) && /;/u.test(text);
  if (!state.current && !labelled && !bracketed) return false;
  if (state.current?.raw.number && state.current.raw.number !== m[1] && !labelled && !bracketed) return false;
  const location = paraLocation(para);
  const draft = commitmentFor(state, location);
  const measure = measureFromParagraph(`${m[1]}.${m[2]}`, m[3]!, location);
  draft.raw.measures.push(measure);
  state.measure = measure;
  state.measureField = null;
  state.label = null;
  return true;
};

/** «Відповідальні: …», «Термін: …», «Очікуваний результат: …» under an open measure. */
const measureLabel: ParagraphHandler = (state, _para, text) => {
  if (!state.measure) return false;
  for (const [field, pattern] of MEASURE_LABELS) {
    const m = pattern.exec(text);
    if (!m) continue;
    applyMeasureLabel(state.measure, field, text.slice(m[0].length));
    state.measureField = field;
    return true;
  }
  // A result running on over several lines.
  if (state.measureField === 'result' && (startsLowercase(text) || /^[-–—•·*]\s/u.test(text))) {
    applyMeasureLabel(state.measure, 'result', text);
    return true;
  }
  state.measure = null;
  state.measureField = null;
  return false;
};

/** A labelled paragraph of the current commitment. */
const commitmentLabel: ParagraphHandler = (state, _para, text) => {
  const draft = state.current;
  if (!draft) return false;
  for (const [name, handler] of Object.entries(LABEL_HANDLERS) as Array<[Exclude<Label, 'title'>, LabelHandler]>) {
    const m = handler.pattern.exec(text);
    if (!m) continue;
    state.label = name;
    draft.labels += 1;
    handler.set(draft.raw, text.slice(m[0].length).trim(), m);
    return true;
  }
  return false;
};

/** A paragraph continuing the last label (a wrapped heading, a problem over several paragraphs). */
const continuation: ParagraphHandler = (state, _para, text) => {
  const draft = state.current;
  const label = state.label;
  if (!draft || !label) return false;
  const how = { lower: startsLowercase(text) || /^[(]/.test(text), listItem: /^[-–—•·*]\s/u.test(text) };
  if (label === 'title') {
    // A heading wrapped onto the next line (PDF, or a DOCX heading with a line break).
    if (!how.lower) return false;
    draft.raw.title = commitmentTitle(`${draft.raw.title} ${text}`);
    return true;
  }
  return LABEL_HANDLERS[label].more?.(draft.raw, text, how) ?? false;
};

const PARAGRAPH_HANDLERS: ParagraphHandler[] = [commitmentHeading, numberedHeading, measureParagraph, measureLabel, commitmentLabel, continuation];

/** A table: a plan table (read into measures and commitment rows), or skipped with a warning. */
function readTable(state: State, node: TableNode): void {
  state.tableIndex += 1;
  state.label = null;
  state.measure = null;
  const layout = planTableLayout(node);
  if (!layout) {
    if (node.children.length > 1) {
      state.warnings.push(
        warning(
          'table-skipped',
          'table has no measure/executor/term/result header, so it is not read as a plan table',
          placeOf(node, { table: state.tableIndex }),
        ),
      );
    }
    return;
  }
  state.planTables += 1;
  for (const row of readPlanTable(node, layout, { table: state.tableIndex, warnings: state.warnings })) {
    if (row.kind === 'group') {
      startDraft(state, row.number, row.title, row.location);
      state.label = null;
      continue;
    }
    commitmentFor(state, row.measure.location).raw.measures.push(row.measure);
  }
}

export function extractPlan(tree: DocRoot, readerMessages: Message[] = []): RawPlan {
  const warnings: Message[] = [...readerMessages];
  const { paras, cleaned, cleanByBlock } = documentParagraphs(tree);

  const { decision, resolvedAt, blank } = extractDecision(paras, cleaned);
  warnings.push(...decisionWarnings(decision, headerPlace(paras, resolvedAt), blank));
  const planTitle = extractPlanTitle(paras, cleaned).title;
  const period = periodFromTitle(planTitle ?? decision.title);
  if (!planTitle) warnings.push(warning('plan-no-title', 'the document gives the plan no title of its own (a heading План дій or План заходів)'));

  const { textAfter, tableAfter } = lookahead(tree, cleanByBlock);
  const state: State = {
    drafts: [],
    current: null,
    label: null,
    measure: null,
    measureField: null,
    tableIndex: 0,
    planTables: 0,
    warnings,
    fallbackTitle: planTitle ?? decision.title ?? 'План заходів',
    next: (block) => textAfter.get(block) ?? null,
    nextTable: (block) => tableAfter.get(block) ?? null,
  };
  readBlocks(state, tree, cleanByBlock);

  const commitments = mergeDrafts(state.drafts, warnings);
  // The paragraphs' texts joined by «\n» (concatenated: an array per document here made the optimised code bail out).
  let text = '';
  for (let k = 0; k < paras.length; k += 1) text = k === 0 ? paras[k]!.text : `${text}\n${paras[k]!.text}`;
  const layoutLost = commitments.length === 0 && state.planTables === 0 && looksLikeLostLayout(paras);
  if (layoutLost) {
    warnings.push(
      error(
        'layout-lost',
        'the text looks like a plan whose table layout was lost in conversion (cells flattened into lines); no rows were extracted — supply the original DOCX or PDF',
        paras[0]?.line ? { line: paras[0].line } : {},
      ),
    );
  }
  return { decision, plan: { title: planTitle, period }, commitments, messages: warnings, text, layoutLost };
}

/** Each paragraph's text as written and cleaned, once (the extract loops and the header search share them). */
function documentParagraphs(tree: DocRoot): { paras: Para[]; cleaned: string[]; cleanByBlock: Array<string | null> } {
  const paras: Para[] = [];
  const cleaned: string[] = [];
  const cleanByBlock: Array<string | null> = [];
  tree.children.forEach((node, block) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') {
      cleanByBlock.push(null);
      return;
    }
    const para: Para = { text: nodeText(node), block };
    const line = node.position?.start.line;
    if (line) para.line = line;
    if (node.data?.page) para.page = node.data.page;
    paras.push(para);
    const text = cleanLine(para.text);
    cleaned.push(text);
    cleanByBlock.push(text);
  });
  return { paras, cleaned, cleanByBlock };
}

/**
 * Paragraphs that stand between a heading and its table without separating them: the heading's wrapped
 * continuation (it starts in lower case) and a lead-in that ends with a colon («Виконання зобов’язання
 * передбачає:», «Заходи:»).
 */
function leadsToTable(text: string): boolean {
  return startsLowercase(text) || (/:$/u.test(text) && text.length <= EXTRACT_SETTINGS.numberedHeadingMaxLength);
}

/**
 * For every block: the next non-empty paragraph's text, and the next table unless a paragraph comes first
 * (one that `leadsToTable` aside) or another table.
 */
function lookahead(tree: DocRoot, cleanByBlock: Array<string | null>): { textAfter: Map<number, string | null>; tableAfter: Map<number, TableNode | null> } {
  const textAfter = new Map<number, string | null>();
  const tableAfter = new Map<number, TableNode | null>();
  let following: string | null = null;
  let followingTable: TableNode | null = null;
  for (let i = tree.children.length - 1; i >= 0; i -= 1) {
    textAfter.set(i, following);
    tableAfter.set(i, followingTable);
    const node = tree.children[i]!;
    if (node.type === 'table') {
      following = null;
      followingTable = node;
    } else if (node.type === 'paragraph' || node.type === 'heading') {
      const text = cleanByBlock[i]!;
      if (text !== '') {
        following = text;
        if (!leadsToTable(text)) followingTable = null;
      }
    }
  }
  return { textAfter, tableAfter };
}

/** The document's blocks in order: tables read as plan tables, paragraphs offered to each paragraph handler. */
function readBlocks(state: State, tree: DocRoot, cleanByBlock: Array<string | null>): void {
  tree.children.forEach((node, block) => {
    if (node.type === 'table') {
      readTable(state, node);
      return;
    }
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const text = cleanByBlock[block]!;
    if (text === '') return;
    const para: Para = { text, block };
    if (node.position?.start.line) para.line = node.position.start.line;
    if (node.data?.page) para.page = node.data.page;
    if (!PARAGRAPH_HANDLERS.some((handle) => handle(state, para, text))) state.label = null;
  });
}

/** Commitments stated twice (plan body + annex) become one, in order of number. */
function mergeDrafts(drafts: Draft[], warnings: Message[]): RawCommitment[] {
  const byKey = new Map<string, Draft[]>();
  const order: string[] = [];
  drafts.forEach((d, i) => {
    const key = d.raw.number ?? `#${i}`;
    if (!byKey.has(key)) {
      byKey.set(key, []);
      order.push(key);
    }
    byKey.get(key)!.push(d);
  });
  const merged = order.map((key) => {
    const group = byKey.get(key)!;
    if (group.length === 1) return group[0]!.raw;
    const primary = [...group].sort((a, b) => b.labels - a.labels || a.order - b.order)[0]!;
    const out: RawCommitment = { ...primary.raw, measures: [], leadExecutors: [], partners: [] };
    for (const d of group) {
      out.problem ??= d.raw.problem;
      out.goal ??= d.raw.goal;
      out.sectors ??= d.raw.sectors;
      out.ogpValues ??= d.raw.ogpValues;
      out.expectedResult ??= d.raw.expectedResult;
      out.partnersByAgreement ||= d.raw.partnersByAgreement;
      if (out.leadExecutors.length === 0) out.leadExecutors = [...d.raw.leadExecutors];
      if (out.partners.length === 0) out.partners = [...d.raw.partners];
    }
    const withMeasures = group.filter((d) => d.raw.measures.length > 0);
    if (withMeasures.length > 1) {
      warnings.push(
        warning(
          'commitment-repeated',
          `commitment ${key} has measure tables in ${withMeasures.length} places; their measures are concatenated`,
          withMeasures[1]!.raw.location,
          { related: withMeasures[0]!.raw.location },
        ),
      );
    }
    for (const d of group) out.measures.push(...d.raw.measures);
    return out;
  });
  const numeric = merged.every((c) => c.number !== null && /^\d+$/.test(c.number));
  if (numeric) merged.sort((a, b) => Number(a.number) - Number(b.number));
  return merged;
}

