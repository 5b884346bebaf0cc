import { describe, expect, it } from 'vitest';
import { createApiTokenSchema } from './api-tokens.schema';

describe('API token label', () => {
	it('is trimmed', () => {
		expect(createApiTokenSchema.parse({ label: '  thuis-script  ' })).toEqual({ label: 'thuis-script' });
	});
	it('takes 1 to 60 characters', () => {
		expect(createApiTokenSchema.safeParse({ label: 'x' }).success).toBe(true);
		expect(createApiTokenSchema.safeParse({ label: 'x'.repeat(60) }).success).toBe(true);
	});
	it('says label_missing when it is empty, blank, too long or not text', () => {
		for (const label of ['', '   ', 'x'.repeat(61), undefined, 42]) {
			const parsed = createApiTokenSchema.safeParse({ label });
			expect(parsed.success).toBe(false);
			expect(parsed.error?.issues.map((i) => i.message)).toEqual(['label_missing']);
		}
	});
});
