import type { APIRoute } from 'astro';
import { loadSite } from '../lib/site/load-site.ts';
import { indicatorPath, sitePath } from '../lib/site/paths.ts';

/** Serves the edition as data: the period and, per indicator, its rating and the figures it rests on. */
export const GET: APIRoute = () => {
  const { edition, commit } = loadSite();
  const base = import.meta.env.BASE_URL;

  const indicators = edition.indicators.map((view) => ({
    code: view.indicator.code,
    title: view.indicator.title,
    section: view.indicator.section,
    polarity: view.indicator.polarity,
    unit: view.indicator.unit,
    decimals: view.indicator.decimals,
    owner: view.indicator.owner,
    target: view.target ? { year: view.target.year, value: view.target.value, text: view.target.text, green: view.target.green, red: view.target.red } : null,
    latest: { month: view.latest.month, value: view.latest.value },
    previous: { month: view.previous.month, value: view.previous.value },
    direction: view.direction,
    basis: view.rating.basis,
    basisValue: view.rating.status === 'none' ? null : view.rating.figure,
    basisMonths: view.rating.monthsUsed,
    rag: view.rating.status,
    notRatedReason: view.rating.reason,
    lastYear: { year: view.lastYear.year, value: view.lastYear.value, months: view.lastYear.monthsUsed.length },
    yearToDate: { year: view.yearToDate.year, value: view.yearToDate.value, months: view.yearToDate.monthsUsed.length },
    warnings: view.warnings.map((finding) => finding.kind),
    spc: view.spc,
    url: sitePath(base, indicatorPath(view.slug)),
  }));

  const body = { period: edition.month, commit, sections: edition.sections.map((section) => section.title), indicators };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json' } });
};
