/**
 * What the forms and the API accept about counting in an organisation's figures. Issues carry message ids from the
 * kernel's form-error vocabulary.
 * - `countInReportsField`: the checkbox when connecting or joining: ticked is on; "no" or false is off; left out (an
 *   API body without it) keeps the choice as it is.
 * - `reportConsentChoiceSchema`: the switch in the sharing overview (`organisation`, `on` as yes or no).
 */
import { z } from 'zod';

export const countInReportsField = z
	.union([z.boolean(), z.enum(['yes', 'no', 'on'])], { error: 'share_invalid' })
	.optional()
	.transform((value) => (value === undefined ? undefined : value === true || value === 'yes' || value === 'on'));

export const reportConsentChoiceSchema = z.object({
	organisation: z.string({ error: 'choice_invalid' }).min(1, 'choice_invalid').max(64, 'choice_invalid'),
	on: z.enum(['yes', 'no'], { error: 'choice_invalid' }).transform((value) => value === 'yes')
});
