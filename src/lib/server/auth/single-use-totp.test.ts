import { describe, expect, it } from 'vitest';
import { matchingTimeStep } from './single-use-totp';

// RFC 6238 appendix B, SHA-1 key: at T = 59 s the 8-digit code is 94287082, so the 6-digit one is 287082 (step 1);
// at T = 1111111109 s it is 07081804 → 081804 (step 37037036).
const secret = '12345678901234567890';

describe('matchingTimeStep', () => {
	it('finds the step of an RFC 6238 test vector, one step either side of the clock', () => {
		expect(matchingTimeStep(secret, '287082', 59_000)).toBe(1);
		expect(matchingTimeStep(secret, '081804', 1_111_111_109_000)).toBe(37_037_036);
		expect(matchingTimeStep(secret, '081804', 1_111_111_109_000 + 30_000)).toBe(37_037_036);
		expect(matchingTimeStep(secret, '081804', 1_111_111_109_000 - 30_000)).toBe(37_037_036);
	});

	it('gives null outside the window and for anything that is not the code', () => {
		expect(matchingTimeStep(secret, '081804', 1_111_111_109_000 + 60_000)).toBeNull();
		for (const code of ['081805', '81804', '0818040', '', 'abcdef']) expect(matchingTimeStep(secret, code, 1_111_111_109_000)).toBeNull();
	});
});
