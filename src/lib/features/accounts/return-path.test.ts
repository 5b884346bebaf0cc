import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './return-path';

describe('safeReturnPath', () => {
	it.each(['/nl/account', '/en/result/abc_DEF-12', '/nl'])('accepts %s', (path) => {
		expect(safeReturnPath(path, '/nl/account')).toBe(path);
	});
	it.each([null, '', '//evil.example', '/\\evil.example', 'https://evil.example', '/de/x', '/nl//evil', '/nl/../x', '/nl/x?y=1'])(
		'refuses %s',
		(path) => {
			expect(safeReturnPath(path, '/nl/account')).toBe('/nl/account');
		}
	);
});
