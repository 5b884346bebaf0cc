/**
 * Plain value lists of the self-help content, without Zod, so pages' scripts can use them without the schema library.
 */
export const contentLocales = ['nl', 'en'] as const;
export type ContentLocale = (typeof contentLocales)[number];

/** The three kinds of relationship ("regie in relaties"), closest first. */
export const contactCircles = ['intimate', 'friends', 'community'] as const;
export type ContactCircle = (typeof contactCircles)[number];
