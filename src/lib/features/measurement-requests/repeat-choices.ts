/** Every 2, 4, 6, 8 or 12 weeks; 4 is the usual rhythm in a programme of eight weeks. (No Zod here: the form's script uses it.) */
export const repeatChoices = [2, 4, 6, 8, 12] as const;
export type RepeatWeeks = (typeof repeatChoices)[number];
