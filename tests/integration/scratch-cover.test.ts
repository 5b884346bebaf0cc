import { it } from 'vitest';
import { existingOperations } from './route-inventory';
import { matrix } from './authorisation-matrix';
it('cover', () => {
	const existing = existingOperations();
	const covered = new Set(matrix.map((e) => `${e.operation} ${e.route}`));
	console.log('MISSING', [...existing].filter((k) => !covered.has(k)).sort());
	console.log('GONE', [...covered].filter((k) => !existing.has(k)).sort());
});
