import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { healthWebDimensions, type HealthWeb, type HealthWebScores } from '$lib/features/health-web/health-web';
import { selfSufficiencyDomains, type SelfSufficiencyLevel, type SelfSufficiencyRating } from './domains';
import {
	perceivedBesideObserved,
	perceivedObservedPairs,
	subscaleOnTenScale,
	unpairedDomains,
	visibleDifference
} from './perceived-observed';

const scores = (values: number[]): HealthWebScores =>
	Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, values[index]])) as HealthWebScores;
const rated = (levels: Partial<Record<(typeof selfSufficiencyDomains)[number], SelfSufficiencyLevel>>): SelfSufficiencyRating =>
	Object.fromEntries(Object.entries(levels).map(([domain, level]) => [domain, { level, source: null, note: null }]));

describe('the pairs', () => {
	it('are the documented ones; only substance use and justice have no counterpart in the web', () => {
		expect(perceivedObservedPairs.participation).toEqual(['social_network', 'community_participation', 'domestic_relations']);
		expect(perceivedObservedPairs.mental_wellbeing).toEqual(['mental_health']);
		expect(perceivedObservedPairs.bodily_functions).toEqual(['physical_health']);
		expect(perceivedObservedPairs.daily_functioning).toEqual(['basic_adl', 'instrumental_adl', 'time_use']);
		expect(perceivedObservedPairs.meaningfulness).toEqual(['time_use', 'work_education']);
		expect(perceivedObservedPairs.quality_of_life).toEqual(['finances', 'housing']);
		expect(unpairedDomains).toEqual(['substance_use', 'justice']);
		const all = new Set([...Object.values(perceivedObservedPairs).flat(), ...unpairedDomains]);
		expect([...all].sort()).toEqual([...selfSufficiencyDomains].sort());
	});
});

describe('perceivedBesideObserved', () => {
	it('flags the worked example: the client rates participation 3 while the network domain is rated 4 of 5', () => {
		const web: HealthWeb = { scores: scores([6, 6, 6, 6, 3, 6]), discuss: ['participation'] };
		const result = perceivedBesideObserved({ web, rating: rated({ social_network: 4, community_participation: 2 }) });
		const participation = result.rows.find((row) => row.dimension === 'participation')!;
		expect(participation.perceived).toBe(3);
		expect(participation.discuss).toBe(true);
		expect(participation.observed).toEqual([
			{ domain: 'social_network', level: 4, observed: 7.5, difference: -4.5, flag: 'client_lower' },
			{ domain: 'community_participation', level: 2, observed: 2.5, difference: 0.5, flag: null },
			{ domain: 'domestic_relations', level: null, observed: null, difference: null, flag: null }
		]);
		expect(result.flagged).toBe(1);
	});

	it('flags from 3 points apart, in both directions; one level apart never is on its own', () => {
		expect(visibleDifference).toBe(3);
		const row = (perceived: number, level: SelfSufficiencyLevel) =>
			perceivedBesideObserved({ web: { scores: scores([perceived, 0, 0, 0, 0, 0]), discuss: [] }, rating: rated({ physical_health: level }) }).rows[0]!
				.observed[0]!;
		expect(row(8, 3)).toMatchObject({ observed: 5, difference: 3, flag: 'client_higher' });
		expect(row(7, 3)).toMatchObject({ difference: 2, flag: null });
		expect(row(2, 3)).toMatchObject({ difference: -3, flag: 'client_lower' });
		expect(row(10, 1)).toMatchObject({ observed: 0, difference: 10, flag: 'client_higher' });
		expect(row(10, 5)).toMatchObject({ observed: 10, difference: 0, flag: null });
	});

	it('shows a domain paired twice (time use) in both rows', () => {
		const result = perceivedBesideObserved({ web: { scores: scores([5, 5, 9, 5, 5, 1]), discuss: [] }, rating: rated({ time_use: 3 }) });
		const timeUse = result.rows.flatMap((row) => row.observed.filter((item) => item.domain === 'time_use').map((item) => [row.dimension, item.flag]));
		expect(timeUse).toEqual([
			['meaningfulness', 'client_higher'],
			['daily_functioning', 'client_lower']
		]);
		expect(result.flagged).toBe(2);
	});

	it('puts both loneliness subscales beside participation as 0–10, 10 = not lonely, never flagged', () => {
		const result = perceivedBesideObserved({
			web: { scores: scores([5, 5, 5, 5, 9, 5]), discuss: [] },
			rating: null,
			loneliness: { instrument: 'djg-11', emotional: 6, social: 1 }
		});
		const participation = result.rows[4]!;
		expect(participation.loneliness).toEqual([
			{ instrument: 'djg-11', subscale: 'emotional', score: 6, max: 6, onTenScale: 0 },
			{ instrument: 'djg-11', subscale: 'social', score: 1, max: 5, onTenScale: 8 }
		]);
		expect(result.rows.filter((row) => row.loneliness.length > 0)).toHaveLength(1);
		expect(result.flagged).toBe(0);
	});

	it('leaves out a missing subscale and instruments without subscales', () => {
		const djg6 = perceivedBesideObserved({ web: null, rating: null, loneliness: { instrument: 'djg-6', emotional: null, social: 3 } });
		expect(djg6.rows[4]!.loneliness).toEqual([{ instrument: 'djg-6', subscale: 'social', score: 3, max: 3, onTenScale: 0 }]);
		const ucla = perceivedBesideObserved({ web: null, rating: null, loneliness: { instrument: 'ucla-3', emotional: null, social: null } });
		expect(ucla.rows[4]!.loneliness).toEqual([]);
	});

	it('works with only one side: no web, or no rating, gives no differences and no flags', () => {
		const noWeb = perceivedBesideObserved({ web: null, rating: rated({ social_network: 1, justice: 5 }) });
		expect(noWeb.rows.every((row) => row.perceived === null && row.observed.every((item) => item.difference === null))).toBe(true);
		expect(noWeb.rows[4]!.observed[0]).toMatchObject({ level: 1, observed: 0 });
		expect(noWeb.unpaired).toEqual([
			{ domain: 'substance_use', level: null, observed: null },
			{ domain: 'justice', level: 5, observed: 10 }
		]);
		const noRating = perceivedBesideObserved({ web: { scores: scores([0, 0, 0, 0, 0, 0]), discuss: [] }, rating: null });
		expect(noRating.flagged).toBe(0);
		expect(noRating.rows.map((row) => row.dimension)).toEqual([...healthWebDimensions]);
	});

	it('flags exactly the pairs at least 3 apart, and counts them', () => {
		const level = fc.constantFrom<SelfSufficiencyLevel>(1, 2, 3, 4, 5);
		fc.assert(
			fc.property(
				fc.tuple(...healthWebDimensions.map(() => fc.integer({ min: 0, max: 10 }))),
				fc.dictionary(fc.constantFrom(...selfSufficiencyDomains), level),
				(values, levels) => {
					const result = perceivedBesideObserved({ web: { scores: scores(values), discuss: [] }, rating: rated(levels) });
					let count = 0;
					for (const row of result.rows) {
						for (const item of row.observed) {
							if (item.level === null) continue;
							expect(item.difference).toBeCloseTo(row.perceived! - (item.level - 1) * 2.5, 5);
							expect(item.flag !== null).toBe(Math.abs(item.difference!) >= 3);
							if (item.flag) count += 1;
						}
					}
					expect(result.flagged).toBe(count);
				}
			)
		);
	});
});

describe('subscaleOnTenScale', () => {
	it('turns a subscale score into 0–10, 10 = not lonely, per instrument', () => {
		expect(subscaleOnTenScale('djg-11', 'emotional', 0)).toBe(10);
		expect(subscaleOnTenScale('djg-11', 'emotional', 3)).toBe(5);
		expect(subscaleOnTenScale('djg-11', 'social', 5)).toBe(0);
		expect(subscaleOnTenScale('djg-6', 'social', 1)).toBe(6.7);
		expect(subscaleOnTenScale('ucla-3', 'social', 1)).toBeNull();
		expect(subscaleOnTenScale('djg-6', 'emotional', 4)).toBeNull();
	});
});
