/**
 * What the API-token form accepts; issues carry message ids (the vocabulary is in $lib/kernel/form-errors).
 */
import { z } from 'zod';

export const apiTokenLabelMaxLength = 60;

/** A name for the token, so the person recognises it in the list ("home script", "my phone"). */
export const apiTokenLabel = z
	.string({ error: 'label_missing' })
	.trim()
	.min(1, 'label_missing')
	.max(apiTokenLabelMaxLength, 'label_missing');

export const createApiTokenSchema = z.object({ label: apiTokenLabel });
export const revokeApiTokenSchema = z.object({ tokenId: z.string({ error: 'generic' }).min(1, 'generic').max(64, 'generic') });

export type CreateApiTokenInput = z.infer<typeof createApiTokenSchema>;
