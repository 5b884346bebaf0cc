import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { samplePeople } from './map-fixtures';
import {
	compareByName,
	relationshipMapModel,
	type MapBox,
	type MapCircle,
	type MapPersonInput,
	type MapStatus,
	type RelationshipMapModel
} from './relationship-map';

const distanceFromCentre = (model: RelationshipMapModel, p: { x: number; y: number }): number =>
	Math.hypot(p.x - model.cx, p.y - model.cy);

function boxesOverlap(a: MapBox, b: MapBox): boolean {
	return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function boxTouchesCircle(box: MapBox, x: number, y: number, radius: number): boolean {
	const nearestX = Math.min(Math.max(x, box.left), box.right);
	const nearestY = Math.min(Math.max(y, box.top), box.bottom);
	return Math.hypot(x - nearestX, y - nearestY) < radius;
}

/** Every invariant of the layout, for any model; collects what is wrong, so a failure says all of it at once. */
function layoutProblems(model: RelationshipMapModel, input: readonly MapPersonInput[]): string[] {
	const problems: string[] = [];
	const r = model.dotRadius;
	if (model.people.length !== input.length) problems.push(`${model.people.length} dots for ${input.length} people`);
	const ids = new Set(model.people.map((p) => p.id));
	if (ids.size !== input.length || input.some((p) => !ids.has(p.id))) problems.push('not one dot per person');
	for (const person of model.people) {
		// The whole dot inside its own band.
		const ring = model.rings.find((candidate) => candidate.circle === person.circle);
		const d = distanceFromCentre(model, person);
		if (!ring || d - r < ring.inner || d + r > ring.outer) problems.push(`${person.id} outside its band (${d})`);
		for (const band of model.rings) {
			if (boxTouchesCircle(band.title.box, person.x, person.y, r)) problems.push(`${person.id} on ${band.circle}'s name`);
		}
	}
	// No two dots closer than 2 × radius + gap.
	for (let i = 0; i < model.people.length; i += 1) {
		for (let j = i + 1; j < model.people.length; j += 1) {
			const a = model.people[i]!;
			const b = model.people[j]!;
			const d = Math.hypot(a.x - b.x, a.y - b.y);
			if (d < 2 * r + model.gap) problems.push(`${a.id} and ${b.id} ${d.toFixed(2)} apart`);
		}
	}
	// Labels touch nothing: no other label, no dot, no band name, and stay inside the picture.
	const labels = model.people.flatMap((p) => (p.label ? [{ id: p.id, box: p.label.box }] : []));
	for (const [index, label] of labels.entries()) {
		const { box } = label;
		if (box.left < 0 || box.top < 0 || box.right > model.width || box.bottom > model.height) {
			problems.push(`label of ${label.id} outside the picture`);
		}
		for (const other of labels.slice(index + 1)) {
			if (boxesOverlap(box, other.box)) problems.push(`labels of ${label.id} and ${other.id} overlap`);
		}
		for (const band of model.rings) {
			if (boxesOverlap(box, band.title.box)) problems.push(`label of ${label.id} on ${band.circle}'s name`);
		}
		for (const person of model.people) {
			if (person.id !== label.id && boxTouchesCircle(box, person.x, person.y, r)) {
				problems.push(`label of ${label.id} on ${person.id}`);
			}
		}
	}
	// A band shows labels only under its limit, on a single sub-ring.
	for (const ring of model.rings) {
		const inRing = model.people.filter((p) => p.circle === ring.circle);
		if (!ring.labelled && inRing.some((p) => p.label !== null)) problems.push(`labels in unlabelled ${ring.circle}`);
		if (ring.labelled && (ring.subRings.length !== 1 || ring.count > ring.labelLimit)) {
			problems.push(`${ring.circle} labelled beyond its limit`);
		}
	}
	return problems;
}

function expectSoundLayout(model: RelationshipMapModel, input: readonly MapPersonInput[]): void {
	expect(layoutProblems(model, input)).toEqual([]);
}

/** Every number in the model, path data included. */
function allNumbers(value: unknown): number[] {
	if (typeof value === 'number') return [value];
	if (typeof value === 'string') return (value.match(/-?\d+(\.\d+)?/g) ?? []).map(Number);
	if (Array.isArray(value)) return value.flatMap(allNumbers);
	if (value && typeof value === 'object') {
		return Object.entries(value).flatMap(([key, v]) => (key === 'id' || key === 'name' || key === 'text' ? [] : allNumbers(v)));
	}
	return [];
}

describe('relationshipMapModel: rings', () => {
	it('has three concentric bands, intimate inside, in a 640 high view with room for labels either side', () => {
		const model = relationshipMapModel([]);
		expect(model.height).toBe(640);
		expect(model.width).toBeGreaterThan(640);
		expect(model.cy).toBe(320);
		expect(model.cx).toBe(model.width / 2);
		expect(model.rings.map((ring) => ring.circle)).toEqual(['intimate', 'friends', 'community']);
		expect(model.centre.radius).toBe(model.rings[0]!.inner);
		expect(model.rings[0]!.outer).toBe(model.rings[1]!.inner);
		expect(model.rings[1]!.outer).toBe(model.rings[2]!.inner);
		expect(model.rings[2]!.outer).toBe(312);
		expect(model.people).toEqual([]);
		expect(model.rings.every((ring) => ring.count === 0 && ring.subRings.length === 0 && !ring.labelled)).toBe(true);
	});

	it('takes another size and refuses one too small to draw', () => {
		const model = relationshipMapModel(samplePeople(3, 'spread'), { size: 400 });
		expect(model.height).toBe(400);
		expect(model.rings[2]!.outer).toBe(192);
		expect(() => relationshipMapModel([], { size: 200 })).toThrow(RangeError);
		expect(() => relationshipMapModel([], { size: Number.NaN })).toThrow(RangeError);
	});

	it('refuses duplicate ids and unknown circles or statuses', () => {
		const anna = { id: 'a', name: 'Anna', circle: 'friends', status: 'on_track' } as const;
		expect(() => relationshipMapModel([anna, { ...anna, name: 'Bram' }])).toThrow(/Duplicate/);
		expect(() => relationshipMapModel([{ ...anna, circle: 'family' as MapCircle }])).toThrow(/circle/);
		expect(() => relationshipMapModel([{ ...anna, status: 'late' as MapStatus }])).toThrow(/status/);
	});
});

describe('relationshipMapModel: placement', () => {
	const counts = [1, 2, 10, 50, 150];
	const arrangements = ['intimate', 'friends', 'community', 'spread'] as const;
	for (const count of counts) {
		for (const arrangement of arrangements) {
			it(`places ${count} ${count === 1 ? 'person' : 'people'} (${arrangement}) inside their band without overlap`, () => {
				const input = samplePeople(count, arrangement);
				const model = relationshipMapModel(input);
				expectSoundLayout(model, input);
			});
		}
	}

	it('keeps the full dot size for 150 people unless one band has to hold them all in little room', () => {
		expect(relationshipMapModel(samplePeople(150, 'spread')).dotRadius).toBe(9);
		expect(relationshipMapModel(samplePeople(150, 'community')).dotRadius).toBe(9);
		expect(relationshipMapModel(samplePeople(150, 'friends')).dotRadius).toBe(9);
		const crowded = relationshipMapModel(samplePeople(150, 'intimate')).dotRadius;
		expect(crowded).toBeLessThan(9);
		expect(crowded).toBeGreaterThanOrEqual(4);
	});

	it('uses one sub-ring for a few people and more, spread over the band, for many', () => {
		const few = relationshipMapModel(samplePeople(10, 'friends')).rings[1]!;
		expect(few.subRings).toHaveLength(1);
		expect(few.subRings[0]).toBeCloseTo((few.inner + few.outer) / 2, 0);
		const many = relationshipMapModel(samplePeople(150, 'friends')).rings[1]!;
		expect(many.subRings.length).toBeGreaterThan(1);
		expect(many.subRings).toEqual([...many.subRings].sort((a, b) => b - a));
		const model = relationshipMapModel(samplePeople(150, 'friends'));
		for (const [index, radius] of many.subRings.entries()) {
			const onIt = model.people.filter((p) => p.subRing === index);
			expect(onIt.length).toBeGreaterThan(0);
			for (const p of onIt) expect(distanceFromCentre(model, p)).toBeCloseTo(radius, 0);
		}
	});

	it('spreads the people of one sub-ring evenly by angle', () => {
		const model = relationshipMapModel(samplePeople(4, 'community'));
		const ring = model.rings[2]!;
		const rho = ring.subRings[0]!;
		// Four people: half a step off the top, at 45°, 135°, 225° and 315°.
		const offset = Math.round(rho * Math.SQRT1_2 * 10) / 10;
		expect(model.people.map((p) => [Math.round((p.x - model.cx) * 10) / 10, Math.round((p.y - model.cy) * 10) / 10])).toEqual([
			[offset, -offset],
			[offset, offset],
			[-offset, offset],
			[-offset, -offset]
		]);
	});

	it('puts a single person straight below the middle of their band', () => {
		const model = relationshipMapModel(samplePeople(1, 'intimate'));
		const [only] = model.people;
		const ring = model.rings[0]!;
		expect(only!.x).toBe(model.cx);
		expect(only!.y).toBeCloseTo(model.cy + (ring.inner + ring.outer) / 2, 0);
	});

	it('gives every number to 0.1, path data included', () => {
		for (const input of [samplePeople(1, 'friends'), samplePeople(50, 'spread'), samplePeople(150, 'intimate')]) {
			const numbers = allNumbers(relationshipMapModel(input));
			expect(numbers.length).toBeGreaterThan(10);
			for (const n of numbers) expect(Math.abs(n * 10 - Math.round(n * 10))).toBeLessThan(1e-9);
		}
	});

	it('holds its invariants for any mix of circles and names (property)', () => {
		const person = fc.record({
			name: fc.string({ maxLength: 30 }),
			circle: fc.constantFrom<MapCircle>('intimate', 'friends', 'community'),
			status: fc.constantFrom<MapStatus>('on_track', 'due_soon', 'overdue', 'no_goal')
		});
		fc.assert(
			fc.property(fc.array(person, { maxLength: 150 }), (list) => {
				const input = list.map((p, index) => ({ ...p, id: `id${index}` }));
				expectSoundLayout(relationshipMapModel(input), input);
			}),
			{ numRuns: 40 }
		);
	});
});

describe('relationshipMapModel: a stable layout', () => {
	it('orders people by name, then by id, whatever the input order', () => {
		const input: MapPersonInput[] = [
			{ id: 'z', name: 'Anna', circle: 'friends', status: 'on_track' },
			{ id: 'c', name: 'Émile', circle: 'friends', status: 'overdue' },
			{ id: 'a', name: 'Anna', circle: 'friends', status: 'due_soon' },
			{ id: 'b', name: 'bram', circle: 'friends', status: 'no_goal' },
			{ id: 'd', name: 'Zoë', circle: 'intimate', status: 'on_track' }
		];
		const model = relationshipMapModel(input);
		expect(model.people.map((p) => p.id)).toEqual(['d', 'a', 'z', 'b', 'c']);
		expect([...input].sort(compareByName).map((p) => p.id)).toEqual(['a', 'z', 'b', 'c', 'd']);
	});

	it('gives the same picture for the same people in any order (property)', () => {
		const input = samplePeople(60, 'spread');
		const expected = relationshipMapModel(input);
		fc.assert(
			fc.property(fc.shuffledSubarray(input, { minLength: input.length }), (shuffled) => {
				expect(relationshipMapModel(shuffled)).toEqual(expected);
			}),
			{ numRuns: 20 }
		);
	});

	it('does not move anyone in other circles when someone is added to a circle', () => {
		const before = relationshipMapModel(samplePeople(30, 'spread'));
		const after = relationshipMapModel([
			...samplePeople(30, 'spread'),
			{ id: 'new', name: 'Nieuw', circle: 'community', status: 'no_goal' }
		]);
		const positions = (model: RelationshipMapModel, circle: MapCircle) =>
			model.people.filter((p) => p.circle === circle).map((p) => [p.id, p.x, p.y]);
		expect(positions(after, 'intimate')).toEqual(positions(before, 'intimate'));
		expect(positions(after, 'friends')).toEqual(positions(before, 'friends'));
	});
});
