import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/**
 * Commentary collections, read from the project folder's `content/` (the
 * folder is `SCORECARD_ROOT`, default the working folder). `scorecard check`
 * has already matched every front matter field against the data.
 */
const root = process.env.SCORECARD_ROOT ?? '.';
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month in the form YYYY-MM, such as 2018-07');

const sections = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/content/sections` }),
  schema: z.object({
    /** Title of the section, exactly as in data/indicators.csv. */
    section: z.string(),
    /** Month the commentary was written for; undated commentary always shows. */
    month: month.optional(),
  }),
});

const notes = defineCollection({
  loader: glob({ pattern: '**/*.{md,mdx}', base: `${root}/content/notes` }),
  schema: z.object({
    /** Indicator code, exactly as in data/indicators.csv. */
    indicator: z.string(),
    month,
    title: z.string().optional(),
  }),
});

export const collections = { sections, notes };
