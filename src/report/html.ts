/**
 * The review report: plans → one self-contained HTML page (inline CSS and SVG, no script, no network).
 * Deterministic: the same plans and `today` give the same bytes (no clock, stable order, all text escaped).
 */
import type { ActionPlan, Commitment, Measure, Party } from '../model/schema.js';
import { overlaps } from './calendar.js';
import { esc } from './escape.js';
import type { PlanOrigin } from './load.js';
import { planMessages, SEVERITIES, type ReviewMessage } from './messages.js';
import { REPORT_CSS } from './style.js';
import { measureAnchor, planDomain, renderTimeline, type TimelineDomain } from './timeline.js';
import {
  CODE_TITLE,
  codeExplanation,
  formatDate,
  formatPeriod,
  formatPlace,
  formatTermDates,
  MONTHS,
  MONTHS_SHORT,
  plural,
  SEVERITY_GROUP,
  SEVERITY_LABEL,
} from './text.js';

export interface ReportEntry {
  plan: ActionPlan;
  /** Where the plan came from: a dataset carries no messages, the report says so. */
  origin?: PlanOrigin;
  input?: string;
}

export interface ReportFailure {
  input: string;
  message: string;
}

export interface ReportOptions {
  /** The date the timeline marks and measures are judged against (YYYY-MM-DD). */
  today: string;
  /** Inputs that gave no plan: listed at the top of the report. */
  failures?: ReportFailure[];
}

const collator = new Intl.Collator('uk', { sensitivity: 'base', numeric: true });

function missing(text = 'не зазначено'): string {
  return `<span class="missing">${text}</span>`;
}

function orMissing(text: string | null | undefined): string {
  return text ? esc(text) : missing();
}

function multiline(text: string | null): string {
  if (!text) return missing();
  return esc(text).replace(/\n/g, '<br>');
}

function partyItem(p: Party): string {
  const extra: string[] = [];
  if (p.byAgreement) extra.push('за згодою');
  if (p.contact) extra.push(p.contact);
  if (p.edrpou) extra.push(`ЄДРПОУ ${p.edrpou}`);
  return `${esc(p.name)}${extra.length ? ` <span class="party-agree">(${esc(extra.join('; '))})</span>` : ''}`;
}

function partyList(parties: Party[]): string {
  if (parties.length === 0) return missing();
  if (parties.length === 1) return partyItem(parties[0]!);
  return `<ul class="parties">${parties.map((p) => `<li>${partyItem(p)}</li>`).join('')}</ul>`;
}

function messageTitle(m: ReviewMessage): string {
  return CODE_TITLE[m.code] ?? m.code;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function warningAnchor(prefix: string, m: ReviewMessage): string {
  return `${prefix}-w${m.index}`;
}

class PlanView {
  readonly messages: ReviewMessage[];
  readonly byMeasure = new Map<string, ReviewMessage[]>();
  readonly byCommitment = new Map<string, ReviewMessage[]>();
  readonly domain: TimelineDomain | null;

  constructor(
    readonly entry: ReportEntry,
    readonly prefix: string,
    readonly today: string,
  ) {
    this.messages = planMessages(entry.plan);
    for (const m of this.messages) {
      if (m.measureId) {
        const list = this.byMeasure.get(m.measureId) ?? [];
        list.push(m);
        this.byMeasure.set(m.measureId, list);
      } else if (m.commitmentId) {
        const list = this.byCommitment.get(m.commitmentId) ?? [];
        list.push(m);
        this.byCommitment.set(m.commitmentId, list);
      }
    }
    this.domain = planDomain(entry.plan);
  }

  get plan(): ActionPlan {
    return this.entry.plan;
  }

  id(part: string): string {
    return `${this.prefix}-${part}`;
  }

  title(): string {
    return this.plan.plan.title ?? this.plan.decision.title ?? this.plan.source.file;
  }

  measureCount(): number {
    return this.plan.commitments.reduce((n, c) => n + c.measures.length, 0);
  }

  flagLinks(messages: ReviewMessage[]): string {
    if (messages.length === 0) return `<span class="ok">немає зауважень</span>`;
    return (
      `<ul class="flags">` +
      messages
        .map(
          (m) =>
            `<li><a href="#${warningAnchor(this.prefix, m)}"><span class="badge s-${m.severity}">${SEVERITY_LABEL[m.severity]}</span> ${esc(messageTitle(m))}</a></li>`,
        )
        .join('') +
      `</ul>`
    );
  }

  render(index: number, total: number): string {
    const plan = this.plan;
    const titleId = this.id('title');
    const counts = Object.fromEntries(SEVERITIES.map((s) => [s, this.messages.filter((m) => m.severity === s).length]));
    const executors = this.executorLoad();
    const heading = total > 1 ? `План ${index + 1} з ${total}: ${this.title()}` : this.title();
    return (
      `<article class="plan" id="${this.prefix}" aria-labelledby="${titleId}">` +
      `<h2 id="${titleId}">${esc(heading)}</h2>` +
      `<p class="source-line">Джерело: ${esc(plan.source.file)} (${esc(plan.source.format.toUpperCase())}` +
      `${plan.source.pages ? `, ${plural(plan.source.pages, 'сторінка', 'сторінки', 'сторінок')}` : ''})` +
      `${this.entry.origin === 'dataset' ? ' — прочитано з набору даних' : this.entry.origin === 'json' ? ' — прочитано з JSON плану' : ''}</p>` +
      `<nav class="toc" aria-label="Розділи плану"><ul>` +
      `<li><a href="#${this.id('decision')}">Рішення</a></li>` +
      `<li><a href="#${this.id('commitments')}">Зобов’язання і заходи</a></li>` +
      `<li><a href="#${this.id('timeline')}">Графік</a></li>` +
      `<li><a href="#${this.id('load')}">Навантаження виконавців</a></li>` +
      `<li><a href="#${this.id('review')}">Потребує перевірки (${this.messages.length})</a></li>` +
      `</ul></nav>` +
      `<ul class="cards" aria-label="Підсумок">` +
      `<li><span class="n">${plan.commitments.length}</span><span class="l">зобов’язань</span></li>` +
      `<li><span class="n">${this.measureCount()}</span><span class="l">заходів</span></li>` +
      `<li><span class="n">${executors.length}</span><span class="l">виконавців</span></li>` +
      `<li class="${counts.error ? 'c-error' : ''}"><span class="n">${counts.error}</span><span class="l">помилок</span></li>` +
      `<li class="${counts.warning ? 'c-warning' : ''}"><span class="n">${counts.warning}</span><span class="l">попереджень</span></li>` +
      `<li><span class="n">${counts.info}</span><span class="l">довідкових приміток</span></li>` +
      `</ul>` +
      this.decisionSection() +
      this.commitmentsSection() +
      this.timelineSection() +
      this.loadSection(executors) +
      this.reviewSection() +
      `</article>`
    );
  }

  decisionSection(): string {
    const { decision, plan, source } = this.plan;
    const rows: [string, string][] = [
      ['Орган', orMissing(decision.authority)],
      ['Вид акта', orMissing(decision.type)],
      ['Номер', orMissing(decision.number)],
      ['Дата', decision.date ? esc(formatDate(decision.date)) : missing()],
      ['Назва акта', orMissing(decision.title)],
      ['Назва плану', orMissing(plan.title)],
      ['Період плану', plan.period.start || plan.period.end ? esc(formatPeriod(plan.period)) : missing()],
      ['Ідентифікатор', esc(this.plan.id)],
      ['Файл джерела', `${esc(source.file)} (${esc(source.format.toUpperCase())}${source.pages ? `, ${plural(source.pages, 'сторінка', 'сторінки', 'сторінок')}` : ''})`],
      ['SHA-256 джерела', `<code>${esc(source.sha256)}</code>`],
    ];
    return (
      `<section id="${this.id('decision')}" aria-labelledby="${this.id('decision-h')}"><h3 id="${this.id('decision-h')}">Рішення</h3>` +
      `<dl class="facts">${rows.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl></section>`
    );
  }

  commitmentsSection(): string {
    const parts = this.plan.commitments.map((c) => this.commitment(c));
    return (
      `<section id="${this.id('commitments')}" aria-labelledby="${this.id('commitments-h')}"><h3 id="${this.id('commitments-h')}">Зобов’язання і заходи</h3>` +
      (parts.length ? parts.join('') : `<p class="note">У плані не знайдено жодного зобов’язання — див. розділ «Потребує перевірки».</p>`) +
      `</section>`
    );
  }

  commitment(c: Commitment): string {
    const name = `${c.number ? `Зобов’язання ${c.number}` : `Зобов’язання (${c.id})`}. ${c.title}`;
    const facts: [string, string][] = [];
    if (c.problem) facts.push(['Проблема', multiline(c.problem)]);
    if (c.goal) facts.push(['Довгострокова мета', multiline(c.goal)]);
    if (c.sectors.length) facts.push(['Галузеві сфери', esc(c.sectors.join('; '))]);
    if (c.ogpValues.length) facts.push(['Цінності Ініціативи', esc(c.ogpValues.join('; '))]);
    if (c.leadExecutors.length) facts.push(['Відповідальні', partyList(c.leadExecutors)]);
    if (c.partners.length) facts.push(['Партнери', partyList(c.partners)]);
    if (c.expectedResult) facts.push(['Очікуваний результат', multiline(c.expectedResult)]);
    const own = this.byCommitment.get(c.id) ?? [];
    if (own.length) facts.push(['Перевірка', this.flagLinks(own)]);
    const captionId = this.id(`${c.id}-cap`);
    const rows = c.measures.map((m) => this.measureRow(m)).join('');
    return (
      `<h4 id="${this.id(c.id)}">${esc(name)}</h4>` +
      (facts.length ? `<dl class="facts">${facts.map(([k, v]) => `<dt>${k}</dt><dd>${v}</dd>`).join('')}</dl>` : '') +
      `<div class="scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="measures">` +
      `<caption id="${captionId}">Заходи: ${esc(c.number ? `зобов’язання ${c.number}` : c.id)} (${plural(c.measures.length, 'захід', 'заходи', 'заходів')})</caption>` +
      `<thead><tr><th scope="col">№</th><th scope="col">Захід</th><th scope="col">Виконавці</th><th scope="col">Термін</th><th scope="col">Очікуваний результат</th><th scope="col">Перевірка</th></tr></thead>` +
      `<tbody>${rows || `<tr><td colspan="6">${missing('заходів не знайдено')}</td></tr>`}</tbody></table></div>`
    );
  }

  measureRow(m: Measure): string {
    const flags = this.byMeasure.get(m.id) ?? [];
    const executors = m.partners.length
      ? `${partyList(m.executors)}<div class="party-agree">Партнери:</div>${partyList(m.partners)}`
      : partyList(m.executors);
    return (
      `<tr id="${measureAnchor(this.prefix, m.id)}"${flags.length ? ' class="flagged"' : ''}>` +
      `<th scope="row" class="num">${esc(m.number ?? m.id)}</th>` +
      `<td data-label="Захід">${esc(m.title)}</td>` +
      `<td data-label="Виконавці">${executors}</td>` +
      `<td data-label="Термін">${m.term.raw ? esc(m.term.raw) : missing()}<span class="term-dates">${esc(formatTermDates(m.term))}</span></td>` +
      `<td data-label="Очікуваний результат">${multiline(m.result)}</td>` +
      `<td data-label="Перевірка">${this.flagLinks(flags)}</td>` +
      `</tr>`
    );
  }

  timelineSection(): string {
    const head = `<section id="${this.id('timeline')}" aria-labelledby="${this.id('timeline-h')}"><h3 id="${this.id('timeline-h')}">Графік заходів</h3>`;
    if (!this.domain) return `${head}<p class="note">Жоден термін у плані не має дат, тож графік не побудовано.</p></section>`;
    const flagged = new Set(this.byMeasure.keys());
    const inRange = this.today >= this.domain.start && this.today <= this.domain.end;
    return (
      head +
      `<p>Шкала: ${esc(formatDate(this.domain.start))} – ${esc(formatDate(this.domain.end))}. ` +
      (inRange ? `Червона лінія — сьогодні, ${esc(formatDate(this.today))}.` : `Сьогодні (${esc(formatDate(this.today))}) поза шкалою плану.`) +
      ` Натисніть на смугу, щоб перейти до заходу.</p>` +
      `<div class="timeline-wrap" role="region" aria-label="Графік заходів (прокручується)" tabindex="0">` +
      renderTimeline(this.plan, this.domain, { prefix: this.prefix, today: this.today, flagged }) +
      `</div>` +
      `<ul class="legend" aria-label="Умовні позначення">` +
      `<li><span class="sw sw-past"></span>завершено за терміном</li>` +
      `<li><span class="sw sw-current"></span>триває</li>` +
      `<li><span class="sw sw-future"></span>ще не почався</li>` +
      `<li><span class="sw sw-recurring"></span>періодичний захід</li>` +
      `<li><span class="sw sw-flagged"></span>є зауваження</li>` +
      `<li><span class="sw sw-today"></span>сьогодні</li>` +
      `</ul></section>`
    );
  }

  /** Executors with the measures they carry (a measure without its own executors counts for the commitment's lead executors). */
  executorLoad(): { party: Party; measures: Measure[] }[] {
    const map = new Map<string, { party: Party; measures: Measure[] }>();
    for (const c of this.plan.commitments) {
      for (const m of c.measures) {
        const parties = m.executors.length ? m.executors : c.leadExecutors;
        for (const p of parties) {
          const entry = map.get(p.id) ?? { party: p, measures: [] };
          if (!entry.measures.includes(m)) entry.measures.push(m);
          map.set(p.id, entry);
        }
      }
    }
    return [...map.values()].sort((a, b) => b.measures.length - a.measures.length || collator.compare(a.party.name, b.party.name) || (a.party.id < b.party.id ? -1 : 1));
  }

  loadSection(load: { party: Party; measures: Measure[] }[]): string {
    const head = `<section id="${this.id('load')}" aria-labelledby="${this.id('load-h')}"><h3 id="${this.id('load-h')}">Навантаження виконавців</h3>`;
    if (load.length === 0) return `${head}<p class="note">У заходах не названо жодного виконавця.</p></section>`;
    const months = this.domain?.months ?? [];
    const cells = load.map(({ measures }) =>
      months.map((mo) => measures.filter((m) => m.term.start && m.term.end && overlaps(m.term.start, m.term.end, mo.start, mo.end)).length),
    );
    const max = Math.max(1, ...cells.flat());
    const level = (n: number): number => (n === 0 ? 0 : Math.max(1, Math.ceil((4 * n) / max)));
    const captionId = this.id('load-cap');
    const monthHead = months
      .map((mo, i) => {
        const label = `${MONTHS_SHORT[mo.month - 1]}${mo.month === 1 || i === 0 ? `<br>${mo.year}` : ''}`;
        return `<th scope="col"${mo.month === 1 && i > 0 ? ' class="yr"' : ''}><span aria-hidden="true">${label}</span><span class="sr-only">${MONTHS[mo.month - 1]} ${mo.year}</span></th>`;
      })
      .join('');
    const body = load
      .map(({ party, measures }, r) => {
        const row = cells[r]!.map((n, i) => {
          const mo = months[i]!;
          return `<td class="h${level(n)}${mo.month === 1 && i > 0 ? ' yr' : ''}" title="${esc(`${party.name}: ${MONTHS[mo.month - 1]} ${mo.year} — ${n}`)}">${n || ''}</td>`;
        }).join('');
        return `<tr><th scope="row">${esc(party.name)}</th><td class="total">${measures.length}</td>${row}</tr>`;
      })
      .join('');
    return (
      head +
      `<p>Скільки заходів кожного виконавця триває в кожному місяці; темніша клітинка — більше заходів одночасно. «Усього» — кількість заходів виконавця.</p>` +
      `<div class="scroll" role="region" aria-labelledby="${captionId}" tabindex="0"><table class="heat">` +
      `<caption id="${captionId}">Заходи за виконавцями і місяцями</caption>` +
      `<thead><tr><th scope="col">Виконавець</th><th scope="col">Усього</th>${monthHead}</tr></thead><tbody>${body}</tbody></table></div></section>`
    );
  }

  reviewSection(): string {
    const head = `<section id="${this.id('review')}" aria-labelledby="${this.id('review-h')}"><h3 id="${this.id('review-h')}">Потребує перевірки</h3>`;
    if (this.messages.length === 0) {
      const text =
        this.entry.origin === 'dataset'
          ? 'Набір даних не зберігає повідомлень видобування. Щоб побачити їх, сформуйте звіт з документа або JSON плану.'
          : 'Зауважень немає: усі рядки таблиць віднесено до заходів, усі терміни розпізнано.';
      return `${head}<p class="note">${text}</p></section>`;
    }
    const groups = SEVERITIES.map((severity) => {
      const list = this.messages.filter((m) => m.severity === severity);
      if (list.length === 0) return '';
      const items = list.map((m) => this.reviewItem(m)).join('');
      return `<h4 id="${this.id(`review-${severity}`)}">${SEVERITY_GROUP[severity]} (${list.length})</h4><ol class="review">${items}</ol>`;
    });
    return `${head}<p>Кожне зауваження з місцем у документі та текстом, якого воно стосується. Перевірте їх перед публікацією.</p>${groups.join('')}</section>`;
  }

  reviewItem(m: ReviewMessage): string {
    const place = formatPlace({ file: this.plan.source.file, ...m.place });
    const target = m.measureId
      ? `<a href="#${measureAnchor(this.prefix, m.measureId)}">до заходу ${esc(this.measureLabel(m.measureId))}</a>`
      : m.commitmentId
        ? `<a href="#${this.id(m.commitmentId)}">до зобов’язання ${esc(m.commitmentId)}</a>`
        : '';
    return (
      `<li id="${warningAnchor(this.prefix, m)}" class="s-${m.severity}" data-code="${esc(m.code)}" data-severity="${m.severity}"${m.measureId ? ` data-measure="${esc(m.measureId)}"` : ''}>` +
      `<div class="review-head"><span class="badge s-${m.severity}">${SEVERITY_LABEL[m.severity]}</span><strong>${esc(messageTitle(m))}</strong><code>${esc(m.code)}</code>${target ? `<span>${target}</span>` : ''}</div>` +
      `<p class="place">Місце: ${esc(place)}${m.related ? `; пов’язане місце: ${esc(formatPlace(m.related))}` : ''}</p>` +
      (m.source ? `<blockquote class="src">${esc(m.source)}</blockquote>` : '') +
      (codeExplanation(m.code) ? `<p class="explain">${esc(capitalise(codeExplanation(m.code)!))}.</p>` : '') +
      `<p class="reason"><span class="reason-label">Повідомлення програми:</span> ${esc(m.reason)}</p>` +
      `</li>`
    );
  }

  measureLabel(id: string): string {
    for (const c of this.plan.commitments) {
      const m = c.measures.find((x) => x.id === id);
      if (m) return m.number ? `${m.number} (${id})` : id;
    }
    return id;
  }
}

/** The review report for one or more plans. */
export function buildReport(entries: ReportEntry[], options: ReportOptions): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.today)) throw new Error(`today must be YYYY-MM-DD, got ${JSON.stringify(options.today)}`);
  const views = entries.map((e, i) => new PlanView(e, `p${i + 1}`, options.today));
  const failures = options.failures ?? [];
  const pageTitle = views.length === 1 ? `Перевірка плану: ${views[0]!.title()}` : `Перевірка планів дій (${views.length})`;
  const plansNav =
    views.length > 1
      ? `<nav class="plans-nav" aria-label="Плани у звіті"><h2>Плани у звіті</h2><ol>${views
          .map((v) => `<li><a href="#${v.prefix}">${esc(v.title())}</a> — ${esc(v.plan.source.file)}, зауважень: ${v.messages.length}</li>`)
          .join('')}</ol></nav>`
      : '';
  const failed = failures.length
    ? `<section class="failures" aria-labelledby="failures-h"><h2 id="failures-h">Не вдалося прочитати</h2><ul>${failures
        .map((f) => `<li><strong>${esc(f.input)}</strong>: ${esc(f.message)}</li>`)
        .join('')}</ul></section>`
    : '';
  const empty = views.length === 0 ? `<p class="note">Немає жодного плану для звіту.</p>` : '';
  return (
    `<!DOCTYPE html>\n<html lang="uk">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n` +
    `<meta name="generator" content="ogp-extract report">\n` +
    `<title>${esc(pageTitle)}</title>\n<style>${REPORT_CSS}</style>\n</head>\n<body>\n` +
    `<a class="skip" href="#main">Перейти до змісту</a>\n` +
    `<header class="page-head"><h1>Звіт для перевірки перед публікацією</h1>` +
    `<p>Станом на ${esc(formatDate(options.today))}. ${plural(views.length, 'план', 'плани', 'планів')}; сформовано ogp-extract.</p></header>\n` +
    `<main id="main" tabindex="-1">${failed}${plansNav}${empty}${views.map((v, i) => v.render(i, views.length)).join('\n')}</main>\n` +
    `<footer class="page-foot">Звіт містить лише дані з наведених документів; дати термінів обчислено з їхнього тексту. Перевірте позначене в розділі «Потребує перевірки».</footer>\n` +
    `</body>\n</html>\n`
  );
}
