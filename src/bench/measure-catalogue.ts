import type { Polarity } from '../lib/data/types.ts';

/**
 * Measures that a children's social care scorecard typically reports, used
 * as templates for synthetic indicators. Levels and spreads are plausible
 * monthly figures for a mid-sized English authority, invented for load
 * testing; they are no real authority's data.
 */

export type SyntheticUnit = 'percent' | 'number' | 'days';

export interface MeasureTemplate {
  title: string;
  polarity: Polarity;
  unit: SyntheticUnit;
  decimals: 0 | 1;
  /** Typical monthly value. */
  level: number;
  /** Month-to-month standard deviation, as a fraction of the level. */
  spread: number;
  /** A rolling figure (such as a 12-month rate), which moves smoothly and gets SPC `rolling`. */
  rolling?: boolean;
  /** A small count whose SPC view would mislead, so the analyst switched SPC off. */
  spcOff?: boolean;
  /** A count of cases, which is smaller for a cohort than for all children; rates and averages are not. */
  count?: boolean;
}

export interface Topic {
  /** Section title for the whole authority; area sections add the area's name. */
  title: string;
  /** Start of indicator codes (`FD` gives `FD 1`, `FD 2`, …). */
  prefix: string;
  measures: MeasureTemplate[];
  /** Groups that split each measure into sub-measures; the default is `CHILD_COHORTS`. */
  cohorts?: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  {
    title: 'Workforce',
    prefix: 'W',
    cohorts: ['', 'assessment teams', 'care planning teams', 'permanence teams', 'disabled children\'s team', 'leaving care team', 'front door team', 'newly qualified social workers', 'team managers'],
    measures: [
      { title: 'Vacancy rate for social workers', polarity: 'lower', unit: 'percent', decimals: 0, level: 18, spread: 0.08 },
      { title: 'Agency social workers as a percentage of all social workers', polarity: 'lower', unit: 'percent', decimals: 0, level: 22, spread: 0.07 },
      { title: 'Average caseload per social worker', polarity: 'lower', unit: 'number', decimals: 1, level: 17, spread: 0.06 },
      { title: 'Sickness absence days per social worker', polarity: 'lower', unit: 'number', decimals: 1, level: 0.9, spread: 0.2 },
      { title: 'Percentage of social workers supervised in the last 4 weeks', polarity: 'higher', unit: 'percent', decimals: 0, level: 86, spread: 0.04 },
      { title: 'Turnover of social workers over 12 months', polarity: 'lower', unit: 'percent', decimals: 1, level: 14, spread: 0.03, rolling: true },
      { title: 'Social workers in post', polarity: 'neutral', unit: 'number', decimals: 0, level: 140, spread: 0.02, count: true },
    ],
  },
  {
    title: 'Front door',
    prefix: 'FD',
    measures: [
      { title: 'Contacts received in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 950, spread: 0.1, count: true },
      { title: 'Percentage of contacts actioned within 1 working day', polarity: 'higher', unit: 'percent', decimals: 0, level: 88, spread: 0.04 },
      { title: 'Percentage of referrals that are re-referrals within 12 months', polarity: 'lower', unit: 'percent', decimals: 0, level: 22, spread: 0.1 },
      { title: 'Referrals per 10,000 children', polarity: 'neutral', unit: 'number', decimals: 1, level: 45, spread: 0.1 },
      { title: 'Percentage of contacts that became referrals', polarity: 'neutral', unit: 'percent', decimals: 1, level: 28, spread: 0.08 },
      { title: 'Average days from contact to decision', polarity: 'lower', unit: 'days', decimals: 1, level: 1.4, spread: 0.15 },
    ],
  },
  {
    title: 'Assessment',
    prefix: 'AMT',
    measures: [
      { title: 'Percentage of assessments completed within 45 working days', polarity: 'higher', unit: 'percent', decimals: 1, level: 82, spread: 0.05 },
      { title: 'Assessments completed in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 310, spread: 0.1, count: true },
      { title: 'Average days to complete an assessment', polarity: 'lower', unit: 'days', decimals: 0, level: 38, spread: 0.08 },
      { title: 'Percentage of assessments ending in no further action', polarity: 'neutral', unit: 'percent', decimals: 0, level: 41, spread: 0.07 },
      { title: 'Percentage of children seen during their assessment', polarity: 'higher', unit: 'percent', decimals: 0, level: 95, spread: 0.02 },
    ],
  },
  {
    title: 'Children in need',
    prefix: 'CIN',
    measures: [
      { title: 'Percentage of children in need visited in the last 4 weeks', polarity: 'higher', unit: 'percent', decimals: 0, level: 76, spread: 0.05 },
      { title: 'Percentage of child in need plans reviewed on time', polarity: 'higher', unit: 'percent', decimals: 0, level: 85, spread: 0.04 },
      { title: 'Children in need per 10,000 children', polarity: 'neutral', unit: 'number', decimals: 1, level: 330, spread: 0.03 },
      { title: 'Children in need open for 2 years or more', polarity: 'lower', unit: 'number', decimals: 0, level: 180, spread: 0.05, count: true },
    ],
  },
  {
    title: 'Child protection',
    prefix: 'CP',
    measures: [
      { title: 'Percentage of initial conferences held within 15 working days of the strategy discussion', polarity: 'higher', unit: 'percent', decimals: 0, level: 78, spread: 0.07 },
      { title: 'Percentage of children on a plan visited within 10 working days', polarity: 'higher', unit: 'percent', decimals: 0, level: 90, spread: 0.03 },
      { title: 'Percentage of child protection plans reviewed on time', polarity: 'higher', unit: 'percent', decimals: 0, level: 96, spread: 0.02 },
      { title: 'Child protection plans lasting 2 years or more', polarity: 'lower', unit: 'number', decimals: 0, level: 9, spread: 0.2, spcOff: true, count: true },
      { title: 'Percentage of children on a plan for a second or later time', polarity: 'lower', unit: 'percent', decimals: 1, level: 19, spread: 0.05, rolling: true },
      { title: 'Children on a child protection plan', polarity: 'neutral', unit: 'number', decimals: 0, level: 260, spread: 0.04, count: true },
    ],
  },
  {
    title: 'Looked after children',
    prefix: 'LAC',
    measures: [
      { title: 'Children looked after', polarity: 'neutral', unit: 'number', decimals: 0, level: 420, spread: 0.02, count: true },
      { title: 'Children looked after per 10,000 children', polarity: 'neutral', unit: 'number', decimals: 1, level: 62, spread: 0.02 },
      { title: 'Percentage with 3 or more placement moves in the last 12 months', polarity: 'lower', unit: 'percent', decimals: 1, level: 10, spread: 0.04, rolling: true },
      { title: 'Percentage in the same placement for 2 years or more', polarity: 'higher', unit: 'percent', decimals: 0, level: 68, spread: 0.03 },
      { title: 'Percentage of looked after reviews held on time', polarity: 'higher', unit: 'percent', decimals: 0, level: 93, spread: 0.03 },
      { title: 'Percentage with an up-to-date health assessment', polarity: 'higher', unit: 'percent', decimals: 0, level: 88, spread: 0.04 },
      { title: 'Percentage with a dental check in the last 12 months', polarity: 'higher', unit: 'percent', decimals: 0, level: 82, spread: 0.04 },
      { title: 'Percentage placed more than 20 miles from home', polarity: 'lower', unit: 'percent', decimals: 0, level: 14, spread: 0.08 },
    ],
  },
  {
    title: 'Care leavers',
    prefix: 'CL',
    measures: [
      { title: 'Percentage of care leavers in education, employment or training', polarity: 'higher', unit: 'percent', decimals: 0, level: 55, spread: 0.06 },
      { title: 'Percentage of care leavers in suitable accommodation', polarity: 'higher', unit: 'percent', decimals: 0, level: 88, spread: 0.03 },
      { title: 'Percentage of care leavers with an up-to-date pathway plan', polarity: 'higher', unit: 'percent', decimals: 0, level: 92, spread: 0.03 },
      { title: 'Percentage of care leavers the authority is in touch with', polarity: 'higher', unit: 'percent', decimals: 0, level: 94, spread: 0.02 },
    ],
  },
  {
    title: 'Fostering',
    prefix: 'FOS',
    measures: [
      { title: 'Fostering households approved in the month', polarity: 'higher', unit: 'number', decimals: 0, level: 3, spread: 0.4, spcOff: true, count: true },
      { title: 'Percentage of looked after children placed with in-house foster carers', polarity: 'higher', unit: 'percent', decimals: 0, level: 48, spread: 0.04 },
      { title: 'Average days from fostering enquiry to approval', polarity: 'lower', unit: 'days', decimals: 0, level: 210, spread: 0.1 },
      { title: 'Percentage of foster carer reviews held on time', polarity: 'higher', unit: 'percent', decimals: 0, level: 85, spread: 0.05 },
    ],
  },
  {
    title: 'Adoption',
    prefix: 'AD',
    measures: [
      { title: 'Average days from entering care to moving in with an adoptive family', polarity: 'lower', unit: 'days', decimals: 0, level: 480, spread: 0.08, rolling: true },
      { title: 'Average days from placement order to match with an adoptive family', polarity: 'lower', unit: 'days', decimals: 0, level: 190, spread: 0.1 },
      { title: 'Adoption orders granted in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 3, spread: 0.4, spcOff: true, count: true },
      { title: 'Percentage of children placed for adoption within 12 months of the decision', polarity: 'higher', unit: 'percent', decimals: 0, level: 62, spread: 0.08 },
    ],
  },
  {
    title: 'Quality assurance',
    prefix: 'QA',
    measures: [
      { title: 'Percentage of audited cases rated good or better', polarity: 'higher', unit: 'percent', decimals: 0, level: 58, spread: 0.08 },
      { title: 'Percentage of cases with management oversight in the last 4 weeks', polarity: 'higher', unit: 'percent', decimals: 0, level: 80, spread: 0.05 },
      { title: 'Complaints received in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 14, spread: 0.25, count: true },
      { title: 'Percentage of complaints answered within 10 working days', polarity: 'higher', unit: 'percent', decimals: 0, level: 75, spread: 0.08 },
    ],
  },
  {
    title: 'Missing children',
    prefix: 'MC',
    measures: [
      { title: 'Missing episodes in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 85, spread: 0.15, count: true },
      { title: 'Percentage of return home interviews offered', polarity: 'higher', unit: 'percent', decimals: 0, level: 92, spread: 0.04 },
      { title: 'Percentage of return home interviews held within 72 hours', polarity: 'higher', unit: 'percent', decimals: 0, level: 61, spread: 0.08 },
    ],
  },
  {
    title: 'Court proceedings',
    prefix: 'LE',
    measures: [
      { title: 'Percentage of care proceedings concluded within 26 weeks', polarity: 'higher', unit: 'percent', decimals: 1, level: 55, spread: 0.1 },
      { title: 'Average days to conclude care proceedings', polarity: 'lower', unit: 'days', decimals: 0, level: 210, spread: 0.08 },
      { title: 'Care proceedings issued in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 8, spread: 0.3, count: true },
    ],
  },
  {
    title: 'Early help',
    prefix: 'EH',
    measures: [
      { title: 'Early help assessments completed in the month', polarity: 'neutral', unit: 'number', decimals: 0, level: 140, spread: 0.1, count: true },
      { title: 'Percentage of early help plans closed with needs met', polarity: 'higher', unit: 'percent', decimals: 0, level: 72, spread: 0.06 },
      { title: 'Percentage of families referred to social care within 12 months of early help', polarity: 'lower', unit: 'percent', decimals: 0, level: 9, spread: 0.12 },
    ],
  },
  {
    title: 'Disabled children',
    prefix: 'CWD',
    measures: [
      { title: 'Percentage of short-break reviews held on time', polarity: 'higher', unit: 'percent', decimals: 0, level: 84, spread: 0.05 },
      { title: 'Average caseload in the disabled children\'s team', polarity: 'lower', unit: 'number', decimals: 1, level: 15, spread: 0.06 },
      { title: 'Children receiving short breaks', polarity: 'neutral', unit: 'number', decimals: 0, level: 230, spread: 0.03, count: true },
    ],
  },
  {
    title: 'Youth justice',
    prefix: 'YJ',
    measures: [
      { title: 'First-time entrants per 100,000 young people', polarity: 'lower', unit: 'number', decimals: 0, level: 250, spread: 0.04, rolling: true },
      { title: 'Percentage of young people reoffending within 12 months', polarity: 'lower', unit: 'percent', decimals: 1, level: 38, spread: 0.03, rolling: true },
      { title: 'Percentage in suitable accommodation at the end of their order', polarity: 'higher', unit: 'percent', decimals: 0, level: 90, spread: 0.04 },
    ],
  },
];

/**
 * Cohorts that split a measure into sub-measures, as scorecards split a visit
 * rate or a count by age group or need. The empty label is the measure for
 * all children.
 */
export const CHILD_COHORTS: readonly string[] = [
  '',
  'under 5s',
  'aged 5 to 15',
  'aged 16 and 17',
  'boys',
  'girls',
  'disabled children',
  'unaccompanied asylum-seeking children',
  'children placed out of area',
];

/** Areas that get their own copy of each section once the authority-wide sections are used up. */
export const AREAS: readonly { name: string; abbreviation: string }[] = [
  { name: 'North', abbreviation: 'N' },
  { name: 'South', abbreviation: 'S' },
  { name: 'East', abbreviation: 'E' },
  { name: 'West', abbreviation: 'W' },
  { name: 'Central', abbreviation: 'C' },
];

/** Initials of the managers who own indicators. */
export const OWNERS: readonly string[] = ['PS', 'IL', 'MK', 'TS', 'HD', 'JR', 'AB', 'CW', 'NO', 'RP', 'SG', 'LM', 'DF', 'KE', 'YA', 'GH'];

export const INDICATOR_FOOTNOTES: readonly string[] = [
  'Excludes children placed with parents.',
  'Excludes unaccompanied asylum-seeking children.',
  'Counts working days, not calendar days.',
  'Figures before April 2017 were taken from the previous case management system.',
  'Includes cases held by the 16 to 25 service.',
];

export const VALUE_NOTES: readonly string[] = [
  'Provisional: late recording in the case management system.',
  'Revised after the quarterly data cleanse.',
  'Low numbers this month, so the figure moves sharply.',
  'Includes cases transferred in from another authority.',
  'Recording backlog after the system upgrade, since cleared.',
];

export const MISSING_VALUE_NOTES: readonly string[] = [
  'Not reported: the case management system was being migrated.',
  'No cases in the month, so there is no average.',
  'Not available: the report failed validation and was withdrawn.',
];

export const NOTE_TITLES: readonly string[] = [
  'Recording backlog',
  'Staffing pressures in the team',
  'Change of reporting method',
  'Rise in demand',
  'Recovery plan in place',
  'Improvement since the service review',
];

export const NOTE_SENTENCES: readonly string[] = [
  'The team lost two experienced social workers this quarter and cases were reallocated, which delayed visits.',
  'A recording backlog built up during the system upgrade; managers expect it to clear within two months.',
  'Demand rose after the school term started, in line with the pattern of previous years.',
  'The service manager reviews every case that falls outside timescales at the weekly performance meeting.',
  'The figure includes a small number of cases transferred from a neighbouring authority.',
  'Audits found that the work was done on time but recorded late, so practice is better than the figure shows.',
  'A new duty rota started this month and early results are encouraging.',
];
