import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	domainDefinitions,
	domainHistory,
	levelHeadings,
	levelLabels,
	latestLevels,
	levelOnTenScale,
	sameRating,
	selfSufficiencyDomains,
	selfSufficiencyLevels,
	strengthSourceLabels,
	strengthSources,
	type DatedRating,
	type SelfSufficiencyLevel
} from './domains';

describe('self-sufficiency vocabulary', () => {
	it('has the 13 domains of the ZRM 2017 in its order, with Dutch and English names', () => {
		expect(selfSufficiencyDomains).toHaveLength(13);
		expect(selfSufficiencyDomains.map((id) => domainDefinitions[id].name.nl)).toEqual([
			'Financiën',
			'Werk & opleiding',
			'Tijdsbesteding',
			'Huisvesting',
			'Huiselijke relaties',
			'Geestelijke gezondheid',
			'Lichamelijke gezondheid',
			'Middelengebruik',
			'Basale ADL',
			'Instrumentele ADL',
			'Sociaal netwerk',
			'Maatschappelijke participatie',
			'Justitie'
		]);
		expect(domainDefinitions.social_network.name.en).toBe('Social network');
		for (const id of selfSufficiencyDomains) {
			expect(id).toMatch(/^[a-z]+(?:_[a-z]+)*$/);
			expect(domainDefinitions[id].id).toBe(id);
		}
	});

	it('gives every domain a short generic hint in both languages, one sentence, no level descriptions', () => {
		for (const id of selfSufficiencyDomains) {
			for (const locale of ['nl', 'en'] as const) {
				const hint = domainDefinitions[id].hint[locale];
				expect(hint.length).toBeGreaterThan(20);
				expect(hint.length).toBeLessThanOrEqual(110);
				expect(hint.match(/\.\s/g)).toBeNull();
				// Hints say what a domain covers, never what a level in it means (those cells are licensed).
				for (const level of selfSufficiencyLevels) expect(hint.toLowerCase()).not.toContain(levelLabels[level][locale]);
			}
		}
	});

	it('gives the column heads the same words with soft hyphens, no piece longer than 6 letters without a break', () => {
		for (const level of selfSufficiencyLevels) {
			for (const locale of ['nl', 'en'] as const) {
				const heading = levelHeadings[level][locale];
				expect(heading.replaceAll('\u00ad', '')).toBe(levelLabels[level][locale]);
				// The longest piece left without a break fits a narrow column ("zelf", "suf", "quate").
				const pieces = heading.split(/[\s\u00ad-]/);
				expect(Math.max(...pieces.map((piece) => piece.length)), heading).toBeLessThanOrEqual(6);
			}
		}
	});

	it('has the five levels with the labels of the reference, and three sources of strength', () => {
		expect(selfSufficiencyLevels).toEqual([1, 2, 3, 4, 5]);
		expect(levelLabels[1]).toEqual({ nl: 'acute problematiek', en: 'acute problem' });
		expect(levelLabels[3]).toEqual({ nl: 'beperkt zelfredzaam', en: 'barely self-sufficient' });
		expect(levelLabels[5]).toEqual({ nl: 'volledig zelfredzaam', en: 'completely self-sufficient' });
		expect(strengthSources).toEqual(['own', 'network', 'professional']);
		expect(strengthSourceLabels.network).toEqual({ nl: 'netwerk', en: 'network' });
	});

	it('puts levels on a 0–10 scale in equal steps', () => {
		expect(selfSufficiencyLevels.map(levelOnTenScale)).toEqual([0, 2.5, 5, 7.5, 10]);
	});
});

describe('domainHistory', () => {
	const ratings: DatedRating[] = [
		{ ratedOn: '2026-03-01', domains: { finances: { level: 3, source: 'own', note: null }, social_network: { level: 2, source: null, note: 'weinig contact' } } },
		{ ratedOn: '2026-01-10', domains: { social_network: { level: 1, source: 'professional', note: null } } },
		{ ratedOn: '2026-02-05', domains: { social_network: { level: null, source: null, note: 'niet besproken' }, housing: { level: 4, source: null, note: null } } }
	];

	it('gives per domain, in domain order, the dated levels oldest first; skipped domains and notes alone give nothing', () => {
		const history = domainHistory(ratings);
		expect(history.map((entry) => entry.domain)).toEqual([...selfSufficiencyDomains]);
		const of = (id: string) => history.find((entry) => entry.domain === id)!.entries;
		expect(of('social_network')).toEqual([
			{ ratedOn: '2026-01-10', level: 1, source: 'professional' },
			{ ratedOn: '2026-03-01', level: 2, source: null }
		]);
		expect(of('finances')).toEqual([{ ratedOn: '2026-03-01', level: 3, source: 'own' }]);
		expect(of('housing')).toEqual([{ ratedOn: '2026-02-05', level: 4, source: null }]);
		expect(of('justice')).toEqual([]);
	});

	it('keeps the given order for ratings on the same day, and gives empty histories without ratings', () => {
		const sameDay: DatedRating[] = [
			{ ratedOn: '2026-03-01', domains: { housing: { level: 2, source: null, note: null } } },
			{ ratedOn: '2026-03-01', domains: { housing: { level: 3, source: null, note: null } } }
		];
		expect(domainHistory(sameDay)[3]!.entries.map((entry) => entry.level)).toEqual([2, 3]);
		expect(domainHistory([]).every((entry) => entry.entries.length === 0)).toBe(true);
	});

	it('never loses or invents a level, and every history is in time order', () => {
		const day = fc.integer({ min: 1, max: 28 }).map((d) => `2026-02-${String(d).padStart(2, '0')}`);
		const rating = fc.record({
			ratedOn: day,
			domains: fc.dictionary(
				fc.constantFrom(...selfSufficiencyDomains),
				fc.record({ level: fc.constantFrom<SelfSufficiencyLevel | null>(1, 2, 3, 4, 5, null), source: fc.constant(null), note: fc.constant(null) })
			)
		});
		fc.assert(
			fc.property(fc.array(rating, { maxLength: 12 }), (list) => {
				const history = domainHistory(list);
				const levels = list.flatMap((r) => Object.values(r.domains).filter((d) => d.level !== null));
				expect(history.reduce((total, entry) => total + entry.entries.length, 0)).toBe(levels.length);
				for (const { entries } of history) {
					for (let i = 1; i < entries.length; i++) expect(entries[i - 1]!.ratedOn <= entries[i]!.ratedOn).toBe(true);
				}
			})
		);
	});
});

describe('sameRating', () => {
	const base = { social_network: { level: 4, source: 'network', note: 'Zus komt vaak' }, finances: { level: 2, source: null, note: null } } as const;

	it('is true for the same levels, sources and notes, whatever the order of the domains', () => {
		expect(sameRating(base, { finances: { level: 2, source: null, note: null }, social_network: { level: 4, source: 'network', note: 'Zus komt vaak' } })).toBe(true);
	});

	it('is false when a level, a source or a note differs, or a domain is added or left out', () => {
		expect(sameRating(base, { ...base, finances: { level: 3, source: null, note: null } })).toBe(false);
		expect(sameRating(base, { ...base, finances: { level: 2, source: 'own', note: null } })).toBe(false);
		expect(sameRating(base, { ...base, finances: { level: 2, source: null, note: 'Schuld afgelost' } })).toBe(false);
		expect(sameRating(base, { ...base, housing: { level: 5, source: null, note: null } })).toBe(false);
		expect(sameRating(base, { social_network: base.social_network })).toBe(false);
	});

	it('treats an empty note as no note', () => {
		expect(sameRating({ finances: { level: 2, source: null, note: '' } }, { finances: { level: 2, source: null, note: null } })).toBe(true);
	});
});

describe('latestLevels', () => {
	it('gives each domain its newest level, also when the newest rating skipped it', () => {
		const ratings: DatedRating[] = [
			{ ratedOn: '2026-03-10', domains: { finances: { level: 3, source: 'own', note: null } } },
			{ ratedOn: '2026-02-01', domains: { finances: { level: 2, source: null, note: null }, housing: { level: 4, source: null, note: null } } }
		];
		expect(latestLevels(ratings)).toEqual({
			finances: { ratedOn: '2026-03-10', level: 3, source: 'own' },
			housing: { ratedOn: '2026-02-01', level: 4, source: null }
		});
		expect(latestLevels([])).toEqual({});
	});
});
