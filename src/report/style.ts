/** The report's stylesheet (inline; no fonts or images are fetched). Colours keep WCAG AA contrast for text. */
export const REPORT_CSS = `
:root{--ink:#1b2430;--muted:#4a5565;--line:#d5dbe3;--bg:#ffffff;--band:#f3f6fa;--accent:#1f5fa8;--accent-ink:#154577;
--err:#a4161a;--err-bg:#fdecec;--warn:#8a4b00;--warn-bg:#fff4e0;--info:#285a84;--info-bg:#e9f2fb;
--past:#7b8794;--current:#1f5fa8;--future:#7fa7d6;--today:#c8102e;}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent-ink)}
a:focus-visible,[tabindex]:focus-visible{outline:3px solid #f2a900;outline-offset:2px}
.skip{position:absolute;left:-999px;top:0;background:#fff;padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.page-head{background:#16324f;color:#fff;padding:1rem 1.5rem}
.page-head h1{margin:0;font-size:1.35rem;font-weight:600}
.page-head p{margin:.25rem 0 0;color:#dbe6f2;font-size:.9rem}
main{max-width:1280px;margin:0 auto;padding:1rem 1.5rem 3rem}
.plans-nav ol{margin:.25rem 0 1rem;padding-left:1.25rem}
article.plan{margin-top:1.5rem;padding-top:.5rem;border-top:4px solid #16324f}
article.plan>h2{font-size:1.4rem;margin:.5rem 0 .25rem;line-height:1.3}
.source-line{color:var(--muted);margin:0 0 1rem;font-size:.9rem;overflow-wrap:anywhere}
nav.toc{margin:0 0 1rem}
nav.toc ul{display:flex;flex-wrap:wrap;gap:.25rem .5rem;list-style:none;margin:0;padding:0}
nav.toc a{display:inline-block;padding:.25rem .6rem;border:1px solid var(--line);border-radius:999px;text-decoration:none;font-size:.9rem;background:var(--band)}
nav.toc a:hover{background:#e3eaf3}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:.75rem;margin:0 0 1.25rem;padding:0;list-style:none}
.cards li{border:1px solid var(--line);border-radius:8px;padding:.6rem .8rem;background:var(--band)}
.cards .n{display:block;font-size:1.6rem;font-weight:650;line-height:1.2}
.cards .l{color:var(--muted);font-size:.85rem}
.cards li.c-error{background:var(--err-bg);border-color:#f0b4b4}.cards li.c-error .n{color:var(--err)}
.cards li.c-warning{background:var(--warn-bg);border-color:#f1cf94}.cards li.c-warning .n{color:var(--warn)}
section{margin:1.75rem 0}
section>h3{font-size:1.15rem;margin:0 0 .6rem;padding-bottom:.25rem;border-bottom:1px solid var(--line)}
h4{font-size:1.02rem;margin:1.25rem 0 .4rem;line-height:1.35}
dl.facts{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr;gap:.3rem 1rem;margin:0}
dl.facts dt{color:var(--muted);font-weight:500}
dl.facts dd{margin:0;overflow-wrap:anywhere}
.missing{color:var(--muted);font-style:italic}
.scroll{position:relative;overflow-x:auto;-webkit-overflow-scrolling:touch;border:1px solid var(--line);border-radius:6px}
.scroll:focus-visible{outline:3px solid #f2a900}
table{border-collapse:collapse;width:100%;font-size:.92rem}
caption{text-align:left;font-weight:600;padding:.5rem .6rem;background:var(--band);border-bottom:1px solid var(--line)}
th,td{border-bottom:1px solid var(--line);padding:.45rem .6rem;text-align:left;vertical-align:top}
thead th{background:#e8eef6;font-weight:600;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfd}
tr.flagged>td:first-child,tr.flagged>th:first-child{box-shadow:inset 4px 0 0 var(--warn)}
tr:target{background:#fff8d6!important}
td.num,th.num{white-space:nowrap}
.term-dates{display:block;color:var(--muted);font-size:.85rem;white-space:nowrap}
.party-agree{color:var(--muted);font-size:.85em}
ul.parties{margin:0;padding-left:1rem}
ul.flags{margin:0;padding:0;list-style:none}
.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-size:.8rem;font-weight:600;white-space:nowrap;border:1px solid transparent}
.badge.s-error{background:var(--err-bg);color:var(--err);border-color:#f0b4b4}
.badge.s-warning{background:var(--warn-bg);color:var(--warn);border-color:#f1cf94}
.badge.s-info{background:var(--info-bg);color:var(--info);border-color:#b9d3ec}
.ok{color:#1e6b36}
.timeline-wrap{overflow-x:auto;border:1px solid var(--line);border-radius:6px;background:#fff}
svg.timeline{display:block;width:100%;min-width:900px;height:auto;font-family:inherit}
.tl-group-bg{fill:#e8eef6}
.tl-group-label{font-size:13px;font-weight:600;fill:#16324f}
.tl-row-bg{fill:transparent}
.tl-row-alt .tl-row-bg{fill:#f3f6fa;fill-opacity:.6}
.tl-label{font-size:12px;fill:var(--ink)}
.tl-nodate{font-size:11px;fill:var(--muted);font-style:italic}
.tl-nodate-flagged{fill:var(--warn);font-weight:600}
.tl-tick{stroke:#d5dbe3;stroke-width:1}
.tl-tick-year{stroke:#8d99a8}
.tl-year{font-size:12px;font-weight:600;fill:var(--ink)}
.tl-month{font-size:10px;fill:var(--muted)}
.tl-bar{stroke-width:0}
.tl-past{fill:var(--past)}.tl-current{fill:var(--current)}.tl-future{fill:var(--future)}
.tl-stripe-bg{fill:var(--future)}.tl-stripe{fill:var(--current)}
.tl-flagged{stroke:var(--warn);stroke-width:2.5}
.tl-link:focus-visible .tl-bar{stroke:#f2a900;stroke-width:3}
.tl-today{stroke:var(--today);stroke-width:2;stroke-dasharray:5 3}
.tl-today-label{font-size:11px;font-weight:600;fill:var(--today)}
.legend{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;margin:.5rem 0 0;padding:0;list-style:none;font-size:.85rem;color:var(--muted)}
.legend .sw{display:inline-block;width:1.6rem;height:.7rem;border-radius:3px;vertical-align:middle;margin-right:.35rem}
.sw-past{background:var(--past)}.sw-current{background:var(--current)}.sw-future{background:var(--future)}
.sw-recurring{background:repeating-linear-gradient(45deg,var(--current) 0 3px,var(--future) 3px 6px)}
.sw-flagged{background:#fff;border:2.5px solid var(--warn)}
.sw-today{width:0!important;border-left:2px dashed var(--today);height:1rem!important;border-radius:0!important}
table.heat{width:auto;font-size:.85rem}
table.heat th[scope=row]{min-width:14rem;max-width:26rem;font-weight:500;white-space:normal}
table.heat thead th{text-align:center;padding:.3rem .2rem;font-size:.75rem;font-weight:600}
table.heat td{text-align:center;vertical-align:middle;padding:.3rem 0;min-width:1.9rem;border-left:1px solid #fff}
table.heat th[scope=row],table.heat thead th:first-child{text-align:left;vertical-align:middle}
table.heat td.total{font-weight:650;min-width:3rem;border-left:0}
.h0{background:#fff}.h1{background:#deebf7}.h2{background:#9ecae1}.h3{background:#2f75b5;color:#fff}.h4{background:#1c5a96;color:#fff}
table.heat .yr{border-left:2px solid #8d99a8}
ol.review{list-style:none;margin:0;padding:0}
ol.review>li{border:1px solid var(--line);border-left-width:5px;border-radius:6px;padding:.6rem .8rem;margin:0 0 .6rem;background:#fff}
ol.review>li.s-error{border-left-color:var(--err)}
ol.review>li.s-warning{border-left-color:var(--warn)}
ol.review>li.s-info{border-left-color:var(--info)}
ol.review>li:target{background:#fff8d6}
.review-head{display:flex;flex-wrap:wrap;gap:.3rem .6rem;align-items:baseline}
.review-head strong{font-size:1rem}
.review code{font-size:.8rem;color:var(--muted)}
.place{color:var(--muted);font-size:.88rem;margin:.15rem 0}
blockquote.src{margin:.35rem 0;padding:.35rem .7rem;border-left:3px solid var(--line);background:var(--band);white-space:pre-wrap;overflow-wrap:anywhere}
.explain{margin:.25rem 0 0}
.reason{margin:.25rem 0 0;font-size:.85rem;color:var(--muted)}
.reason-label{font-weight:600}
.note{background:var(--info-bg);border:1px solid #b9d3ec;border-radius:6px;padding:.5rem .8rem}
.failures li{color:var(--err)}
footer.page-foot{max-width:1280px;margin:0 auto;padding:1rem 1.5rem 2rem;color:var(--muted);font-size:.85rem;border-top:1px solid var(--line)}
@media (max-width:700px){
 body{font-size:14px}
 main{padding:.75rem .75rem 2rem}
 .page-head{padding:.75rem}
 dl.facts{grid-template-columns:1fr}
 dl.facts dt{margin-top:.4rem}
 table.measures,table.measures tbody,table.measures tr,table.measures td,table.measures th{display:block;width:100%}
 table.measures thead{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
 table.measures caption{display:block;width:100%}
 article.plan>h2{font-size:1.15rem}
 table.measures tr{border-bottom:2px solid var(--line);padding:.4rem 0}
 table.measures td,table.measures th{border:0;padding:.2rem .6rem}
 table.measures td[data-label]::before{content:attr(data-label);display:block;font-size:.78rem;color:var(--muted);font-weight:600}
 .cards{grid-template-columns:repeat(2,1fr)}
}
@media print{
 @page{size:A4 landscape;margin:12mm}
 body{font-size:10pt;color:#000}
 .skip,nav.toc,.plans-nav{display:none}
 .page-head{background:none;color:#000;border-bottom:2px solid #000;padding:0 0 4mm}
 .page-head p{color:#333}
 main{max-width:none;padding:0}
 article.plan{break-before:page;border-top:0}
 article.plan:first-of-type{break-before:auto}
 .scroll,.timeline-wrap{overflow:visible;border:0}
 svg.timeline{min-width:0;width:100%}
 tr,li,blockquote,.tl-group,.tl-row{break-inside:avoid}
 thead{display:table-header-group}
 a{color:#000;text-decoration:none}
 section{break-inside:auto}
 h3,h4{break-after:avoid}
 *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
