import { writeIndicatorsCsv, writeTargetsCsv, writeValuesCsv } from '../lib/data/write-data.ts';
import { addMonths, financialYearOf, financialYearStart, formatFinancialYear, isMonth, monthRange } from '../lib/data/month.ts';
import type { Indicator, Month, Observation, Target } from '../lib/data/types.ts';
import { evaluateRag } from '../lib/rag/evaluate-rag.ts';
import { roundHalfAwayFromZero } from '../lib/rag/round.ts';
import { slugify } from '../lib/text/slug.ts';
import {
  AREAS,
  CHILD_COHORTS,
  INDICATOR_FOOTNOTES,
  MISSING_VALUE_NOTES,
  NOTE_SENTENCES,
  NOTE_TITLES,
  OWNERS,
  TOPICS,
  VALUE_NOTES,
  type MeasureTemplate,
  type Topic,
} from './measure-catalogue.ts';
import { createRandom, deriveSeed, type Random } from './seeded-random.ts';

/**
 * Generates a synthetic scorecard project (data/*.csv and content/*.mdx) of
 * any size, for benchmarks and load tests. The output is a pure function of
 * the options: the same options give the same bytes. Each indicator draws
 * from its own random stream, so indicator n is the same in a 500-indicator
 * and a 2,000-indicator project with the same seed and months.
 */

export interface GenerateOptions {
  /** Number of indicators, at least 1. */
  indicators: number;
  /** Number of months of values, at least 1. */
  months: number;
  /** Seed of the random streams; default 1. */
  seed?: number;
  /** First month of values (`YYYY-MM`); default `2015-04`, so 120 months are ten financial years. */
  start?: Month;
}

/** One file of the project, with its path relative to the project root. */
export interface GeneratedFile {
  path: string;
  text: string;
}

export interface GeneratedScorecard {
  /** Every file, sorted by path. */
  files: GeneratedFile[];
  indicators: number;
  sections: number;
  /** First and last month of values; the last is the edition month. */
  firstMonth: Month;
  lastMonth: Month;
  targetRows: number;
  valueRows: number;
  notes: number;
  sectionFiles: number;
}

export const DEFAULT_SEED = 1;
export const DEFAULT_START: Month = '2015-04';

/** Smallest and largest number of indicators in a section, as the shipped scorecard's sections run. */
const SECTION_SIZE = { min: 15, max: 25 } as const;

/** A planned indicator: its definition, its template and the random stream it draws from. */
interface IndicatorPlan {
  indicator: Indicator;
  template: MeasureTemplate;
  isCohort: boolean;
  random: Random;
}

export function generateScorecard(options: GenerateOptions): GeneratedScorecard {
  const seed = options.seed ?? DEFAULT_SEED;
  const start = options.start ?? DEFAULT_START;
  validateOptions(options.indicators, options.months, seed, start);

  const months = monthRange(start, addMonths(start, options.months - 1));
  const lastMonth = months[months.length - 1]!;
  const layoutRandom = createRandom(deriveSeed(seed, -1));
  const sizes = planSectionSizes(options.indicators, layoutRandom);

  const plans: IndicatorPlan[] = [];
  const sectionTitles: string[] = [];
  sizes.forEach((size, sectionIndex) => {
    const section = describeSection(sectionIndex);
    sectionTitles.push(section.title);
    const owners = Array.from({ length: layoutRandom.integer(1, 3) }, () => layoutRandom.pick(OWNERS));
    for (let position = 0; position < size; position++) {
      const random = createRandom(deriveSeed(seed, plans.length));
      plans.push(planIndicator(section, position, owners, random));
    }
  });

  const observations: Observation[] = [];
  const targets: Target[] = [];
  const observationsByCode = new Map<string, Observation[]>();
  plans.forEach((plan, index) => {
    const series = generateSeries(plan, months, index === 0);
    observationsByCode.set(plan.indicator.code, series.observations);
    observations.push(...series.observations);
    targets.push(...generateTargets(plan, months, series.firstIndex, series.expected));
  });

  const decimalsByCode = new Map(plans.map((plan) => [plan.indicator.code, plan.indicator.decimals]));
  const files: GeneratedFile[] = [
    { path: 'data/indicators.csv', text: writeIndicatorsCsv(plans.map((plan) => plan.indicator)) },
    { path: 'data/targets.csv', text: writeTargetsCsv(targets) },
    { path: 'data/values.csv', text: writeValuesCsv(observations, (observation) => observation.value!.toFixed(decimalsByCode.get(observation.code)!)) },
  ];

  const commentary = generateCommentary(plans, sectionTitles, observationsByCode, targets, lastMonth, createRandom(deriveSeed(seed, -2)));
  files.push(...commentary.files);
  files.sort(comparePaths);

  return {
    files,
    indicators: plans.length,
    sections: sizes.length,
    firstMonth: months[0]!,
    lastMonth,
    targetRows: targets.length,
    valueRows: observations.length,
    notes: commentary.notes,
    sectionFiles: commentary.sectionFiles,
  };
}

/** Orders paths by UTF-16 code units, so the order does not depend on the locale. */
function comparePaths(a: GeneratedFile, b: GeneratedFile): number {
  if (a.path < b.path) return -1;
  if (a.path > b.path) return 1;
  return 0;
}

function validateOptions(indicators: number, months: number, seed: number, start: string): void {
  if (!Number.isInteger(indicators) || indicators < 1) throw new RangeError(`indicators must be a whole number of at least 1, got ${indicators}`);
  if (!Number.isInteger(months) || months < 1) throw new RangeError(`months must be a whole number of at least 1, got ${months}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  if (!isMonth(start)) throw new RangeError(`start must be a month in the form YYYY-MM, got "${start}"`);
}

/**
 * Splits the indicators into sections of 15 to 25. When the remainder cannot
 * make a section of at least 15 (26 to 29 left), the last two sections share
 * it, so they may hold 13 or 14; fewer than 15 indicators make one section.
 */
function planSectionSizes(total: number, random: Random): number[] {
  const sizes: number[] = [];
  let remaining = total;
  while (remaining > SECTION_SIZE.max) {
    const largest = Math.min(SECTION_SIZE.max, remaining - SECTION_SIZE.min);
    const size = largest >= SECTION_SIZE.min ? random.integer(SECTION_SIZE.min, largest) : Math.ceil(remaining / 2);
    sizes.push(size);
    remaining -= size;
  }
  sizes.push(remaining);
  return sizes;
}

interface SectionDescription {
  title: string;
  /** Start of the section's indicator codes. */
  codePrefix: string;
  topic: Topic;
}

/**
 * Names the nth section. The first round of sections covers the whole
 * authority with one section per topic. Later rounds repeat the topics for
 * each area (`Front door (North)`, codes `FD-N 1`, …), then for numbered
 * districts.
 */
function describeSection(index: number): SectionDescription {
  const topic = TOPICS[index % TOPICS.length]!;
  const round = Math.floor(index / TOPICS.length);
  if (round === 0) return { title: topic.title, codePrefix: topic.prefix, topic };

  const area = AREAS[round - 1] ?? { name: `District ${round - AREAS.length}`, abbreviation: `D${round - AREAS.length}` };
  return { title: `${topic.title} (${area.name})`, codePrefix: `${topic.prefix}-${area.abbreviation}`, topic };
}

function planIndicator(section: SectionDescription, position: number, owners: readonly string[], random: Random): IndicatorPlan {
  const { measures } = section.topic;
  const cohorts = section.topic.cohorts ?? CHILD_COHORTS;
  const template = measures[position % measures.length]!;
  const cohortIndex = Math.floor(position / measures.length);
  const cohort = cohorts[cohortIndex] ?? `series ${cohortIndex - cohorts.length + 2}`;
  const title = cohort === '' ? template.title : `${template.title} (${cohort})`;

  let decimals: number = template.decimals;
  if (template.unit === 'percent' && decimals === 0 && random.chance(0.2)) decimals = 1;

  const footnotes: string[] = [];
  if (template.rolling) footnotes.push('Rolling 12-month figure.');
  if (random.chance(0.08)) footnotes.push(random.pick(INDICATOR_FOOTNOTES));

  let spc: Indicator['spc'] = 'on';
  if (template.rolling) spc = 'rolling';
  else if (template.spcOff || random.chance(0.04)) spc = 'off';

  const indicator: Indicator = {
    code: `${section.codePrefix} ${position + 1}`,
    title,
    section: section.title,
    polarity: template.polarity,
    unit: template.unit,
    decimals,
    owner: random.pick(owners),
    ragBasis: random.chance(0.1) ? 'latest' : 'fytd-mean',
    footnote: footnotes.join(' '),
    spc,
    spcRecalculate: [],
    spcBaseline: null,
  };
  return { indicator, template, isCohort: cohort !== '', random };
}

interface GeneratedSeries {
  observations: Observation[];
  /** Index of the first month with data; earlier months are leading blanks. */
  firstIndex: number;
  /** The level the series moves around in each month, before noise, for setting targets. */
  expected: number[];
}

/**
 * Draws one indicator's monthly values: a level with a slow trend, sometimes
 * a step change (which an analyst marks as an SPC recalculation), and
 * autocorrelated noise, rounded to the display decimals. Some indicators
 * start late, a few months are missing, and a few values carry notes.
 * `keepLastMonth` guarantees a value in the last month, so the edition month
 * is always the last month generated.
 */
function generateSeries(plan: IndicatorPlan, months: readonly Month[], keepLastMonth: boolean): GeneratedSeries {
  const { indicator, template, random } = plan;
  const count = months.length;
  const firstIndex = count > 2 && random.chance(0.12) ? random.integer(1, Math.floor(count / 2)) : 0;

  let level = template.level * random.between(0.85, 1.15);
  if (template.count && plan.isCohort) level *= random.between(0.1, 0.5);
  if (template.unit === 'percent') level = Math.min(Math.max(level, 2), 98);
  const spread = level * template.spread;
  const trend = random.normal() * spread * 0.015;

  let stepIndex: number | null = null;
  let stepSize = 0;
  if (count - firstIndex >= 24 && random.chance(0.3)) {
    stepIndex = random.integer(firstIndex + 12, count - 6);
    stepSize = random.normal() * spread * 2;
    if (indicator.spc === 'on' && random.chance(0.4)) indicator.spcRecalculate.push(months[stepIndex]!);
  }
  if (indicator.spc === 'on' && count - firstIndex >= 24 && random.chance(0.05)) {
    indicator.spcBaseline = { from: months[firstIndex]!, to: months[firstIndex + 11]! };
  }

  // Rolling figures move smoothly from month to month; monthly ones are only slightly autocorrelated.
  const persistence = template.rolling ? 0.9 : 0.3;
  const shockScale = spread * Math.sqrt(1 - persistence * persistence);
  let noise = 0;

  const observations: Observation[] = [];
  const expected: number[] = [];
  for (let index = 0; index < count; index++) {
    const centre = level + trend * index + (stepIndex !== null && index >= stepIndex ? stepSize : 0);
    expected.push(centre);
    noise = persistence * noise + shockScale * random.normal();

    const isLast = index === count - 1;
    // The first month with data is never missing, so it fixes the first financial year with a target.
    let missing = index < firstIndex || (index > firstIndex && random.chance(isLast ? 0.005 : 0.012));
    if (isLast && keepLastMonth) missing = false;

    let note = '';
    if (missing && index >= firstIndex && random.chance(0.5)) note = random.pick(MISSING_VALUE_NOTES);
    else if (!missing && random.chance(0.004)) note = random.pick(VALUE_NOTES);

    const value = missing ? null : roundHalfAwayFromZero(clampToUnit(centre + noise, indicator.unit), indicator.decimals);
    observations.push({ code: indicator.code, month: months[index]!, value, note });
  }
  return { observations, firstIndex, expected };
}

function clampToUnit(value: number, unit: Indicator['unit']): number {
  if (unit === 'percent') return Math.min(Math.max(value, 0), 100);
  return Math.max(value, 0);
}

/**
 * Sets a target and cut points for each financial year from the first with
 * data to the last generated, for indicators with a polarity. The target is
 * the year's expected level moved by the indicator's ambition, so some
 * indicators rate Green, some Amber and some Red. The green cut is the
 * target and the red cut lies on the bad side of it, at least one display
 * step away, so the cuts are ordered for the polarity after rounding.
 */
function generateTargets(plan: IndicatorPlan, months: readonly Month[], firstIndex: number, expected: readonly number[]): Target[] {
  const { indicator, random } = plan;
  if (indicator.polarity === 'neutral') return [];

  const step = 10 ** -indicator.decimals;
  const better = indicator.polarity === 'higher' ? 1 : -1;
  const ambition = random.between(-0.07, 0.1);
  const tolerance = random.between(0.04, 0.1);

  const targets: Target[] = [];
  const firstYear = Number(financialYearStart(financialYearOf(months[firstIndex]!)).slice(0, 4));
  const lastYear = Number(financialYearStart(financialYearOf(months[months.length - 1]!)).slice(0, 4));
  for (let year = firstYear; year <= lastYear; year++) {
    const fy = formatFinancialYear(year);
    const yearMonths = months.map((month, index) => ({ month, index })).filter(({ month }) => financialYearOf(month) === fy);
    const yearLevel = mean(yearMonths.map(({ index }) => expected[index]!));
    const target = clampToUnit(yearLevel * (1 + better * (ambition + random.between(-0.02, 0.02))), indicator.unit);

    let green = roundHalfAwayFromZero(target, indicator.decimals);
    let red = roundHalfAwayFromZero(green - better * Math.max(step, Math.abs(green) * tolerance), indicator.decimals);
    if (indicator.polarity === 'higher' && red < 0) {
      red = 0;
      green = Math.max(green, step);
    }
    if (indicator.unit === 'percent' && indicator.polarity === 'lower' && red > 100) red = 100;
    if (better * (green - red) < step / 2) red = roundHalfAwayFromZero(green - better * step, indicator.decimals);

    targets.push({ code: indicator.code, year: fy, value: green, text: green.toFixed(indicator.decimals), green, red });
  }
  return targets;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/**
 * Writes commentary as analysts do. Every section gets an undated file, and
 * about a third also get dated commentary for the edition month. Most
 * indicators rated Red or Amber in the edition month get a note, and about
 * one in ten indicators a note on a past month. The Red and Amber
 * indicators left without a note make `check` warn, as on a real edition.
 */
function generateCommentary(
  plans: readonly IndicatorPlan[],
  sectionTitles: readonly string[],
  observationsByCode: ReadonlyMap<string, Observation[]>,
  targets: readonly Target[],
  edition: Month,
  random: Random,
): { files: GeneratedFile[]; notes: number; sectionFiles: number } {
  const files: GeneratedFile[] = [];
  const targetsByCode = new Map<string, Target[]>();
  for (const target of targets) targetsByCode.set(target.code, [...(targetsByCode.get(target.code) ?? []), target]);

  for (const title of sectionTitles) {
    const slug = slugify(title);
    const rated = plans.filter((plan) => plan.indicator.section === title && plan.indicator.polarity !== 'neutral').map((plan) => plan.indicator.code);
    files.push({ path: `content/sections/${slug}.mdx`, text: writeSectionCommentary(title, null, rated, random) });
    if (random.chance(1 / 3)) files.push({ path: `content/sections/${slug}-${edition}.mdx`, text: writeSectionCommentary(title, edition, rated, random) });
  }
  const sectionFiles = files.length;

  for (const plan of plans) {
    const { code } = plan.indicator;
    const observations = observationsByCode.get(code)!;
    const rating = evaluateRag(plan.indicator, observations, targetsByCode.get(code) ?? [], edition);
    if ((rating.status === 'red' || rating.status === 'amber') && random.chance(0.7)) {
      files.push({ path: `content/notes/${slugify(code)}-${edition}.mdx`, text: writeNote(code, edition, random) });
    }

    const pastMonths = observations.filter((observation) => observation.value !== null && observation.month < edition).map((observation) => observation.month);
    if (pastMonths.length > 0 && random.chance(0.1)) {
      const month = random.pick(pastMonths);
      files.push({ path: `content/notes/${slugify(code)}-${month}.mdx`, text: writeNote(code, month, random) });
    }
  }

  return { files, notes: files.length - sectionFiles, sectionFiles };
}

function writeSectionCommentary(title: string, month: Month | null, ratedCodes: readonly string[], random: Random): string {
  const frontMatter = [`section: ${JSON.stringify(title)}`];
  if (month !== null) frontMatter.push(`month: "${month}"`);

  const first = random.integer(0, NOTE_SENTENCES.length - 1);
  const second = (first + random.integer(1, NOTE_SENTENCES.length - 1)) % NOTE_SENTENCES.length;
  const paragraphs = [`${NOTE_SENTENCES[first]} ${NOTE_SENTENCES[second]}`];
  const quoted = ratedCodes.slice(0, 2);
  for (const code of quoted) paragraphs.push(`The year-to-date figure for ${code} is <Figure code="${code}" />, rated <Rag code="${code}" />.`);
  return `---\n${frontMatter.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
}

function writeNote(code: string, month: Month, random: Random): string {
  const body = `${random.pick(NOTE_SENTENCES)} The latest value is <Latest code="${code}" />.`;
  return `---\nindicator: ${JSON.stringify(code)}\nmonth: "${month}"\ntitle: ${JSON.stringify(random.pick(NOTE_TITLES))}\n---\n\n${body}\n`;
}
