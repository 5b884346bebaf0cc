/** The note form's limits, without Zod, so the form's script can name them without the schema library. */
export const noteBodyMaxLength = 4000;
export const noteSummaryMaxLength = 1000;
