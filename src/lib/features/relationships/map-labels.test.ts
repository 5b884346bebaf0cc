import { describe, expect, it } from 'vitest';
import { maxLabelChars, truncateLabel } from './map-labels';
import { samplePeople } from './map-fixtures';
import { mapCircles, relationshipMapModel } from './relationship-map';

describe('relationshipMapModel: labels', () => {
	it('labels one person, beside the dot on the outward side', () => {
		const model = relationshipMapModel([{ id: 'a', name: 'Anna', circle: 'friends', status: 'on_track' }]);
		const [anna] = model.people;
		expect(anna!.label).toMatchObject({ text: 'Anna', anchor: 'start' });
		expect(anna!.label!.x).toBeGreaterThan(anna!.x + model.dotRadius);
		const left = relationshipMapModel(samplePeople(2, 'friends')).people.find((p) => p.x < model.cx);
		expect(left!.label).toMatchObject({ anchor: 'end' });
		expect(left!.label!.x).toBeLessThan(left!.x - model.dotRadius);
	});

	it('labels a band up to its limit, from the circumference, and none beyond', () => {
		const empty = relationshipMapModel([]);
		const limits = empty.rings.map((ring) => ring.labelLimit);
		// Three label lines (54) per unit of circumference along the middle of the band.
		expect(limits).toEqual(
			empty.rings.map((ring) => Math.floor((2 * Math.PI * ((ring.inner + ring.outer) / 2)) / 54))
		);
		expect(limits[0]).toBeLessThan(limits[1]!);
		expect(limits[1]).toBeLessThan(limits[2]!);
		for (const [index, circle] of mapCircles.entries()) {
			const limit = limits[index]!;
			const atLimit = relationshipMapModel(samplePeople(limit, circle));
			expect(atLimit.rings[index]!.labelled).toBe(true);
			expect(atLimit.people.filter((p) => p.label).length).toBeGreaterThanOrEqual(limit - 2);
			const beyond = relationshipMapModel(samplePeople(limit + 1, circle));
			expect(beyond.rings[index]!.labelled).toBe(false);
			expect(beyond.people.every((p) => p.label === null)).toBe(true);
		}
	});

	it('labels everyone in a small, spread network', () => {
		const model = relationshipMapModel(samplePeople(12, 'spread'));
		expect(model.people.every((p) => p.label !== null)).toBe(true);
	});

	it('leaves a crowded band unlabelled but keeps labels in the others', () => {
		const input = [...samplePeople(40, 'community'), { id: 'x', name: 'Xandra', circle: 'intimate', status: 'on_track' } as const];
		const model = relationshipMapModel(input);
		expect(model.people.find((p) => p.id === 'x')!.label?.text).toBe('Xandra');
		expect(model.people.filter((p) => p.circle === 'community').every((p) => p.label === null)).toBe(true);
	});

	it('cuts long names with an ellipsis', () => {
		const model = relationshipMapModel([
			{ id: 'a', name: 'Chantal van der Berg-Oosterhuis', circle: 'community', status: 'overdue' }
		]);
		const [chantal] = model.people;
		expect(chantal!.name).toBe('Chantal van der Berg-Oosterhuis');
		expect(chantal!.label!.text).toBe('Chantal van…');
		expect([...chantal!.label!.text].length).toBeLessThanOrEqual(maxLabelChars);
	});
});

describe('truncateLabel', () => {
	it('keeps short names, cuts long ones to the limit with an ellipsis as the last character', () => {
		expect(truncateLabel('Anna')).toBe('Anna');
		expect(truncateLabel('Abcdefghijkl')).toBe('Abcdefghijkl');
		expect(truncateLabel('Abcdefghijklm')).toBe('Abcdefghijk…');
		expect(truncateLabel('Marie-Louise', 6)).toBe('Marie…');
	});

	it('never cuts inside a character, emoji and accents included', () => {
		expect(truncateLabel('👩‍👩‍👧👩‍👩‍👧👩‍👩‍👧', 2)).toBe('👩‍👩‍👧…');
		expect(truncateLabel('Zoë Zoë Zoë', 4)).toBe('Zoë…');
		expect(truncateLabel('e\u0301e\u0301e\u0301', 2)).toBe('e\u0301…');
	});

	it('collapses whitespace and refuses a limit below 2', () => {
		expect(truncateLabel('  Anna \n de  Vries ')).toBe('Anna de Vries'.slice(0, 11) + '…');
		expect(truncateLabel(' Anna ')).toBe('Anna');
		expect(() => truncateLabel('Anna', 1)).toThrow(RangeError);
	});
});
