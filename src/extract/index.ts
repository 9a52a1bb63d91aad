/**
 * Extraction: from the document tree to a RawPlan (texts as written, with locations).
 *
 * It finds the decision header, the commitments (headed blocks with labelled
 * paragraphs, or group rows of a nationally laid-out table), and the plan tables
 * (by the meaning of their headers), merging rows split across pages and
 * commitments stated twice (in the plan body and again in annex tables).
 */
import { nodeText } from '../doctree/build.js';
import type { DocRoot, ReaderMessage } from '../doctree/types.js';
import type { Location, Warning } from '../model/schema.js';
import { cleanText, matchKey, startsLowercase } from '../util/text.js';
import { extractDecision, extractPlanTitle, periodFromTitle, type Para } from './header.js';
import { planTableLayout, readPlanTable } from './tables.js';
import type { RawCommitment, RawPlan } from './types.js';

export type { RawCommitment, RawMeasure, RawPlan } from './types.js';

const APOS = `[’'ʼ\`‘]`;
const COMMITMENT_HEADING = new RegExp(`^зобов${APOS}?язання\\s+(?:№\\s*)?(\\d+)\\s*[.:)]\\s*(.+)$`, 'iu');

type Label = 'title' | 'problem' | 'goal' | 'sectors' | 'ogpValues' | 'leadExecutors' | 'partners' | 'expectedResult' | 'other';

const LABELS: Array<[Label, RegExp]> = [
  ['problem', new RegExp(`^(?:проблеми,\\s*які\\s+вирішує\\s+зобов${APOS}?язання|проблема|проблеми|опис\\s+проблеми)\\s*[:.–—-]\\s*`, 'iu')],
  ['goal', /^до\s+якої\s+довгострокової\s+мети[^:]*:\s*/iu],
  ['sectors', /^до\s+якої\s+галузевої\s+сфери[^:]*:\s*/iu],
  ['ogpValues', /^яким\s+цінностям[^:]*:\s*/iu],
  ['leadExecutors', /^(?:головн(?:і|ий)|відповідальн(?:і|ий))\s+виконав(?:ці|ець)\s*[:–—-]\s*/iu],
  ['partners', /^партнер(?:и)?(?:\s*\(за\s+згодою\))?\s*[:–—-]\s*/iu],
  ['expectedResult', /^(?:очікуван(?:ий|і)\s+)?результат(?:и)?\s*[:–—-]\s*/iu],
  ['other', new RegExp(`^виконання\\s+зобов${APOS}?язання\\s+передбач`, 'iu')],
];

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
  return cleanText(text)
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
  if (paras.length < 20) return false;
  let broken = 0;
  for (let i = 0; i + 1 < paras.length; i += 1) {
    const text = cleanText(paras[i]!.text);
    const next = cleanText(paras[i + 1]!.text);
    if (text.length <= 70 && !/[.!?:;]$/.test(text) && startsLowercase(next)) broken += 1;
  }
  const vocabulary = paras.filter((p) =>
    /(квартал|захід|заход|дорожн\S* карт|відповідальн|строк|термін|виконавц)/iu.test(p.text),
  ).length;
  return broken / paras.length > 0.2 && vocabulary >= 3;
}

export function extractPlan(tree: DocRoot, readerMessages: ReaderMessage[] = []): RawPlan {
  const warnings: Warning[] = readerMessages.map((m) => {
    const location: Location = {};
    if (m.line) location.line = m.line;
    if (m.page) location.page = m.page;
    if (m.table) location.table = m.table;
    if (m.row) location.row = m.row;
    return { code: m.code, message: m.message, location: Object.keys(location).length ? location : null };
  });

  const paras: Para[] = [];
  tree.children.forEach((node, block) => {
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const para: Para = { text: nodeText(node), block };
    const line = node.position?.start.line;
    if (line) para.line = line;
    if (node.data?.page) para.page = node.data.page;
    paras.push(para);
  });

  const { decision } = extractDecision(paras);
  const planTitle = extractPlanTitle(paras).title;
  const period = periodFromTitle(planTitle ?? decision.title);

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let label: Label | null = null;
  let tableIndex = 0;
  let plansTables = 0;

  const startDraft = (number: string | null, title: string, location: Location): Draft => {
    const draft: Draft = { raw: emptyCommitment(number, commitmentTitle(title), location), labels: 0, order: drafts.length };
    drafts.push(draft);
    return draft;
  };

  tree.children.forEach((node, block) => {
    if (node.type === 'table') {
      tableIndex += 1;
      label = null;
      const layout = planTableLayout(node);
      if (!layout) {
        if (node.children.length > 1) {
          const location: Location = { table: tableIndex };
          const line = node.position?.start.line;
          if (line) location.line = line;
          if (node.data?.page) location.page = node.data.page;
          warnings.push({
            code: 'table-skipped',
            message: 'table has no measure/executor/term/result header, so it is not read as a plan table',
            location,
          });
        }
        return;
      }
      plansTables += 1;
      for (const row of readPlanTable(node, layout, { table: tableIndex, warnings })) {
        if (row.kind === 'group') {
          current = startDraft(row.number, row.title, row.location);
          continue;
        }
        if (!current) {
          warnings.push({
            code: 'commitment-implicit',
            message: 'plan table rows come before any commitment heading; they are grouped under one commitment named after the plan',
            location: row.measure.location,
          });
          current = startDraft(null, planTitle ?? decision.title ?? 'План заходів', row.measure.location);
        }
        current.raw.measures.push(row.measure);
      }
      return;
    }
    if (node.type !== 'paragraph' && node.type !== 'heading') return;
    const text = cleanText(nodeText(node));
    if (text === '') return;
    const para: Para = { text, block };
    if (node.position?.start.line) para.line = node.position.start.line;
    if (node.data?.page) para.page = node.data.page;

    const heading = COMMITMENT_HEADING.exec(text);
    if (heading) {
      current = startDraft(heading[1]!, heading[2]!, paraLocation(para));
      label = 'title';
      return;
    }
    if (!current) return;
    const draft: Draft = current;
    const c = draft.raw;

    for (const [name, pattern] of LABELS) {
      const m = pattern.exec(text);
      if (!m) continue;
      label = name;
      draft.labels += 1;
      const value = text.slice(m[0].length).trim();
      switch (name) {
        case 'problem':
          c.problem = value || c.problem;
          break;
        case 'goal':
          c.goal = value || null;
          break;
        case 'sectors':
          c.sectors = value || null;
          break;
        case 'ogpValues':
          c.ogpValues = value || null;
          break;
        case 'leadExecutors':
          if (value) c.leadExecutors.push(value);
          break;
        case 'partners':
          if (value) c.partners.push(value);
          if (/за\s+згодою/iu.test(m[0])) c.partnersByAgreement = true;
          break;
        case 'expectedResult':
          c.expectedResult = value || null;
          break;
        default:
          break;
      }
      return;
    }

    // Continuations of the last label.
    const lower = startsLowercase(text) || /^[(]/.test(text);
    const listItem = /^[-–—•·*]\s/u.test(text);
    switch (label) {
      case 'title':
        // A heading wrapped onto the next line (PDF, or a DOCX heading with a line break).
        if (lower) {
          c.title = commitmentTitle(`${c.title} ${text}`);
          return;
        }
        break;
      case 'problem':
        c.problem = appendText(c.problem, text, lower ? ' ' : '\n');
        return;
      case 'expectedResult':
        if (listItem || lower) {
          c.expectedResult = appendText(c.expectedResult, text, lower && !listItem ? ' ' : '\n');
          return;
        }
        break;
      case 'goal':
      case 'sectors':
      case 'ogpValues':
        if (lower) {
          const key = label;
          c[key] = appendText(c[key], text, ' ');
          return;
        }
        break;
      case 'leadExecutors':
      case 'partners':
        if (lower) {
          const list = label === 'leadExecutors' ? c.leadExecutors : c.partners;
          if (list.length > 0) list[list.length - 1] = `${list[list.length - 1]} ${text}`;
          else list.push(text);
          return;
        }
        break;
      default:
        break;
    }
    label = null;
  });

  const commitments = mergeDrafts(drafts, warnings);
  const text = paras.map((p) => p.text).join('\n');
  const layoutLost = commitments.length === 0 && plansTables === 0 && looksLikeLostLayout(paras);
  if (layoutLost) {
    warnings.push({
      code: 'layout-lost',
      message:
        'the text looks like a plan whose table layout was lost in conversion (cells flattened into lines); no rows were extracted — supply the original DOCX or PDF',
      location: paras[0]?.line ? { line: paras[0].line } : null,
    });
  }
  return { decision, plan: { title: planTitle, period }, commitments, warnings, text, layoutLost };
}

/** Commitments stated twice (plan body + annex) become one, in order of number. */
function mergeDrafts(drafts: Draft[], warnings: Warning[]): RawCommitment[] {
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
      warnings.push({
        code: 'commitment-repeated',
        message: `commitment ${key} has measure tables in ${withMeasures.length} places; their measures are concatenated`,
        location: withMeasures[1]!.raw.location,
      });
    }
    for (const d of group) out.measures.push(...d.raw.measures);
    return out;
  });
  const numeric = merged.every((c) => c.number !== null && /^\d+$/.test(c.number));
  if (numeric) merged.sort((a, b) => Number(a.number) - Number(b.number));
  return merged;
}

