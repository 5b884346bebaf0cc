import { describe, it, expect } from 'vitest';
import {
	bandFor,
	getInstrument,
	instrumentIds,
	instruments,
	itemPoints,
	scoreInstrument,
	type Answers,
	type InstrumentDefinition
} from './instruments';

const djg11 = instruments['djg-11'];
const djg6 = instruments['djg-6'];
const ucla3 = instruments['ucla-3'];

/** Reference table after the scale's manual (De Jong Gierveld & Van Tilburg): item -> subscale and direction. */
const djg11Table: Array<[number, 'emotional' | 'social', 'positive' | 'negative']> = [
	[1, 'social', 'positive'],
	[2, 'emotional', 'negative'],
	[3, 'emotional', 'negative'],
	[4, 'social', 'positive'],
	[5, 'emotional', 'negative'],
	[6, 'emotional', 'negative'],
	[7, 'social', 'positive'],
	[8, 'social', 'positive'],
	[9, 'emotional', 'negative'],
	[10, 'emotional', 'negative'],
	[11, 'social', 'positive']
];

/** Manual scoring: the neutral answer counts as lonely. */
const expectedPoints = {
	negative: { yes: 1, more_or_less: 1, no: 0 },
	positive: { yes: 0, more_or_less: 1, no: 1 }
} as const;

/** The item with this number; fails the test if the instrument lacks it. */
function itemOf(def: InstrumentDefinition, number: number) {
	const item = def.items.find((candidate) => candidate.number === number);
	if (!item) throw new Error(`${def.id} has no item ${number}`);
	return item;
}

/** Answers where exactly the listed items score a point, using the given "lonely" answer where it applies. */
function djgAnswers(def: InstrumentDefinition, lonelyItems: number[], neutral = false): Answers {
	const answers: Answers = {};
	for (const item of def.items) {
		const lonely = lonelyItems.includes(item.number);
		if (lonely && neutral) answers[item.number] = 'more_or_less';
		else if (item.direction === 'negative') answers[item.number] = lonely ? 'yes' : 'no';
		else answers[item.number] = lonely ? 'no' : 'yes';
	}
	return answers;
}

describe('definitions', () => {
	it('registers exactly the three instruments, each under its own id', () => {
		expect([...instrumentIds]).toEqual(['djg-11', 'djg-6', 'ucla-3']);
		for (const id of instrumentIds) expect(instruments[id].id).toBe(id);
		expect(getInstrument('djg-6')).toBe(djg6);
		expect(getInstrument('DJG-6')).toBeUndefined();
		expect(getInstrument('toString')).toBeUndefined();
	});

	it('DJG-11 has items 1..11 with the subscale and direction of the reference table', () => {
		expect(djg11.items.map((item) => [item.number, item.subscale, item.direction])).toEqual(djg11Table);
		expect(itemOf(djg11, 1).text.nl).toBe(
			'Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan'
		);
		expect(itemOf(djg11, 10).text.en).toBe('I often feel rejected');
	});

	it('DJG-6 uses DJG-11 items 3, 4, 7, 9, 8, 10 in CBS order, with the same wording and scoring', () => {
		expect(djg6.items.map((item) => item.number)).toEqual([3, 4, 7, 9, 8, 10]);
		for (const item of djg6.items) {
			expect(item).toEqual(djg11.items.find((candidate) => candidate.number === item.number));
		}
		expect(djg6.items.filter((item) => item.subscale === 'emotional').map((item) => item.number)).toEqual([3, 9, 10]);
		expect(djg6.items.filter((item) => item.subscale === 'social').map((item) => item.number)).toEqual([4, 7, 8]);
	});

	it('each totalRange matches its items, and DJG bands cover the range without gaps or overlap', () => {
		for (const def of [djg11, djg6]) {
			expect(def.totalRange).toEqual({ min: 0, max: def.items.length });
			expect(def.bands.at(0)?.min).toBe(def.totalRange.min);
			expect(def.bands.at(-1)?.max).toBe(def.totalRange.max);
			def.bands.slice(1).forEach((band, i) => expect(band.min).toBe(def.bands[i]!.max + 1));
		}
		expect(ucla3.totalRange).toEqual({ min: ucla3.items.length, max: 3 * ucla3.items.length });
	});

	it('UCLA-3 has no subscales or bands, an indication at 6, and marks its Dutch wording as brug’s own', () => {
		expect(ucla3.items.map((item) => [item.number, item.subscale, item.direction])).toEqual([
			[1, null, 'frequency'],
			[2, null, 'frequency'],
			[3, null, 'frequency']
		]);
		expect(itemOf(ucla3, 1).text.en).toBe('How often do you feel that you lack companionship?');
		expect(ucla3.subscales).toEqual([]);
		expect(ucla3.bands).toEqual([]);
		expect(ucla3.indication?.threshold).toBe(6);
		expect(ucla3.translationNote?.nl).toMatch(/eigen vertaling van brug.*niet gevalideerd/s);
		expect(ucla3.translationNote?.en).toMatch(/own translation.*not been validated/s);
	});

	it('answer options and labels are as specified', () => {
		expect(djg11.options.map((o) => [o.id, o.label.nl, o.label.en])).toEqual([
			['yes', 'ja', 'yes'],
			['more_or_less', 'min of meer', 'more or less'],
			['no', 'nee', 'no']
		]);
		expect(ucla3.options.map((o) => [o.id, o.label.nl, o.label.en])).toEqual([
			['hardly_ever', '(bijna) nooit', 'Hardly ever or never'],
			['some_of_the_time', 'soms', 'Some of the time'],
			['often', 'vaak', 'Often']
		]);
	});

	it('cites the sources with terms of use and records a version', () => {
		expect(djg11.citation.text).toMatch(/Manual of the Loneliness Scale/);
		expect(djg11.citation.url).toMatch(/home\.fsw\.vu\.nl\/.*manual_loneliness_scale_1999\.html$/i);
		expect(djg11.citation.terms.en).toMatch(/cite the source.*Electronic data collection is allowed/s);
		expect(djg6.citation.text).toMatch(/2006.*Research on Aging, 28\(5\)/);
		expect(ucla3.citation.text).toMatch(/Hughes.*2004.*Research on Aging, 26\(6\), 655–672/);
		for (const id of instrumentIds) expect(instruments[id].version).not.toBe('');
	});
});

describe('itemPoints', () => {
	it.each(djg11Table)('DJG-11 item %i (%s, %s) scores yes / more_or_less / no as the manual says', (number, _s, direction) => {
		const item = itemOf(djg11, number);
		for (const option of ['yes', 'more_or_less', 'no'] as const) {
			expect(itemPoints(djg11, item, option)).toBe(expectedPoints[direction][option]);
		}
	});

	it('the neutral answer counts as lonely on both positive and negative items', () => {
		expect(itemPoints(djg11, itemOf(djg11, 1), 'more_or_less')).toBe(1); // item 1, positive
		expect(itemPoints(djg11, itemOf(djg11, 2), 'more_or_less')).toBe(1); // item 2, negative
	});

	it('UCLA-3 gives 1, 2 or 3 points', () => {
		expect(ucla3.options.map((o) => itemPoints(ucla3, itemOf(ucla3, 1), o.id))).toEqual([1, 2, 3]);
	});

	it('throws on an unknown option, naming the allowed ones', () => {
		expect(() => itemPoints(djg11, itemOf(djg11, 1), 'maybe')).toThrow(/unknown option "maybe".*yes, more_or_less, no/);
		expect(() => itemPoints(djg11, itemOf(djg11, 1), 'often')).toThrow(/unknown option/);
		expect(() => itemPoints(ucla3, itemOf(ucla3, 1), 'yes')).toThrow(/unknown option/);
		expect(() => itemPoints(djg11, itemOf(djg11, 1), 'toString')).toThrow(/unknown option/);
	});
});

describe('scoreInstrument: DJG-11 band boundaries', () => {
	// Lonely items chosen so the subscales are predictable: emotional items first, then social.
	const cases: Array<[number, number[], number, number, string]> = [
		[0, [], 0, 0, 'not_lonely'],
		[2, [2, 1], 1, 1, 'not_lonely'],
		[3, [2, 3, 1], 2, 1, 'moderately_lonely'],
		[8, [2, 3, 5, 6, 9, 10, 1, 4], 6, 2, 'moderately_lonely'],
		[9, [2, 3, 5, 6, 9, 10, 1, 4, 7], 6, 3, 'severely_lonely'],
		[10, [2, 3, 5, 6, 9, 10, 1, 4, 7, 8], 6, 4, 'severely_lonely'],
		[11, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 6, 5, 'very_severely_lonely']
	];
	it.each(cases)('total %i', (total, lonely, emotional, social, band) => {
		for (const neutral of [false, true]) {
			expect(scoreInstrument(djg11, djgAnswers(djg11, lonely, neutral))).toEqual({
				instrument: 'djg-11',
				version: djg11.version,
				total,
				subscales: { emotional, social },
				band,
				answered: 11,
				missing: []
			});
		}
	});

	it('a worked example with mixed answers', () => {
		// 1 no (1), 2 more_or_less (1), 3 no (0), 4 yes (0), 5 yes (1), 6 no (0),
		// 7 more_or_less (1), 8 yes (0), 9 no (0), 10 no (0), 11 yes (0): emotional 2, social 2, total 4.
		const answers: Answers = {
			1: 'no', 2: 'more_or_less', 3: 'no', 4: 'yes', 5: 'yes', 6: 'no',
			7: 'more_or_less', 8: 'yes', 9: 'no', 10: 'no', 11: 'yes'
		};
		const score = scoreInstrument(djg11, answers);
		expect([score.total, score.subscales, score.band]).toEqual([4, { emotional: 2, social: 2 }, 'moderately_lonely']);
	});
});

describe('scoreInstrument: DJG-6 band boundaries', () => {
	const cases: Array<[number, number[], number, number, string]> = [
		[0, [], 0, 0, 'not_lonely'],
		[1, [3], 1, 0, 'not_lonely'],
		[2, [3, 4], 1, 1, 'moderately_lonely'],
		[4, [3, 9, 4, 7], 2, 2, 'moderately_lonely'],
		[5, [3, 9, 10, 4, 7], 3, 2, 'severely_lonely'],
		[6, [3, 4, 7, 8, 9, 10], 3, 3, 'severely_lonely']
	];
	it.each(cases)('total %i', (total, lonely, emotional, social, band) => {
		for (const neutral of [false, true]) {
			expect(scoreInstrument(djg6, djgAnswers(djg6, lonely, neutral))).toEqual({
				instrument: 'djg-6',
				version: djg6.version,
				total,
				subscales: { emotional, social },
				band,
				answered: 6,
				missing: []
			});
		}
	});
});

describe('scoreInstrument: missing answers', () => {
	it('DJG-11 with one item missing gives no total and no band, lists the item, keeps the complete subscale', () => {
		const answers = djgAnswers(djg11, [2, 3, 5, 1, 4]);
		delete answers[7];
		expect(scoreInstrument(djg11, answers)).toEqual({
			instrument: 'djg-11',
			version: djg11.version,
			total: null,
			subscales: { emotional: 3, social: null },
			band: null,
			answered: 10,
			missing: [7]
		});
	});

	it('DJG-11 lists several missing items in ascending order, whatever the key order', () => {
		const answers: Answers = { 11: 'yes', 1: 'no', 5: 'yes' };
		const score = scoreInstrument(djg11, answers);
		expect(score.missing).toEqual([2, 3, 4, 6, 7, 8, 9, 10]);
		expect(score.answered).toBe(3);
		expect(score.subscales).toEqual({ emotional: null, social: null });
		expect(scoreInstrument(djg11, {})).toMatchObject({ total: null, band: null, answered: 0 });
	});

	it('DJG-11 treats an undefined value as unanswered', () => {
		const answers = djgAnswers(djg11, []);
		answers[2] = undefined;
		expect(scoreInstrument(djg11, answers)).toMatchObject({ total: null, missing: [2], answered: 10 });
	});

	it('DJG-6 with one item missing counts over the five answered items and bands that total', () => {
		const answers = djgAnswers(djg6, [3, 9, 10, 4, 7]);
		delete answers[8];
		expect(scoreInstrument(djg6, answers)).toEqual({
			instrument: 'djg-6',
			version: djg6.version,
			total: 5,
			subscales: { emotional: 3, social: null },
			band: 'severely_lonely',
			answered: 5,
			missing: [8]
		});
		const fewer = djgAnswers(djg6, [4]);
		delete fewer[10];
		expect(scoreInstrument(djg6, fewer)).toMatchObject({ total: 1, band: 'not_lonely', subscales: { emotional: null, social: 1 } });
	});

	it('DJG-6 lists missing items ascending, not in presentation order (9 comes before 8 there)', () => {
		expect(scoreInstrument(djg6, { 3: 'no', 4: 'yes', 7: 'yes', 10: 'no' }).missing).toEqual([8, 9]);
	});

	it('DJG-6 with two items missing gives no total', () => {
		const answers = djgAnswers(djg6, [3, 4]);
		delete answers[3];
		delete answers[4];
		expect(scoreInstrument(djg6, answers)).toMatchObject({
			total: null,
			band: null,
			subscales: { emotional: null, social: null },
			answered: 4,
			missing: [3, 4]
		});
	});
});

describe('scoreInstrument: UCLA-3', () => {
	it('totals 3 and 9, with no subscales or band', () => {
		const low = scoreInstrument(ucla3, { 1: 'hardly_ever', 2: 'hardly_ever', 3: 'hardly_ever' });
		expect(low).toEqual({ instrument: 'ucla-3', version: ucla3.version, total: 3, subscales: null, band: null, answered: 3, missing: [] });
		expect(scoreInstrument(ucla3, { 1: 'often', 2: 'often', 3: 'often' }).total).toBe(9);
		expect(scoreInstrument(ucla3, { 1: 'some_of_the_time', 2: 'often', 3: 'hardly_ever' }).total).toBe(6);
	});

	it('gives no total when an item is missing', () => {
		expect(scoreInstrument(ucla3, { 1: 'often', 3: 'often' })).toEqual({
			instrument: 'ucla-3',
			version: ucla3.version,
			total: null,
			subscales: null,
			band: null,
			answered: 2,
			missing: [2]
		});
	});
});

describe('scoreInstrument: invalid input', () => {
	it('throws on an unknown option', () => {
		expect(() => scoreInstrument(djg11, { ...djgAnswers(djg11, []), 4: 'sometimes' })).toThrow(/item 4: unknown option "sometimes"/);
		expect(() => scoreInstrument(ucla3, { 1: 'yes' })).toThrow(/unknown option "yes"/);
	});

	it('throws on an item the instrument does not have', () => {
		expect(() => scoreInstrument(djg6, { 1: 'yes' })).toThrow(/djg-6: unknown item "1"/);
		expect(() => scoreInstrument(ucla3, { 4: 'often' })).toThrow(/unknown item "4"/);
	});
});

describe('bandFor', () => {
	it('finds the band for a total and nothing outside the range or without bands', () => {
		expect(bandFor(djg11, 8)?.id).toBe('moderately_lonely');
		expect(bandFor(djg6, 5)?.label.nl).toBe('sterk eenzaam');
		expect(bandFor(djg11, 12)).toBeUndefined();
		expect(bandFor(ucla3, 9)).toBeUndefined();
	});
});
