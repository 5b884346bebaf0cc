import { describe, expect, it } from 'vitest';
import { pageCursor, parseCursor } from './cursor';

describe('page cursors', () => {
	it('round-trip an instant and an id', () => {
		const at = '2026-11-21T10:00:00.123Z';
		expect(parseCursor(pageCursor(at, 'abc-1'))).toEqual({ at, id: 'abc-1' });
	});
	it('accept a bare instant, in any ISO spelling', () => {
		expect(parseCursor('2026-11-21T11:00:00+01:00')).toEqual({ at: '2026-11-21T10:00:00.000Z', id: undefined });
	});
	it('refuse anything else', () => {
		for (const value of [undefined, '', 'gisteren', 'x|y', '2026-11-21T10:00:00Z|a|b']) expect(parseCursor(value)).toBeUndefined();
	});
});
