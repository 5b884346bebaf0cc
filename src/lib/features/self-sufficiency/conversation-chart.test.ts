import { describe, expect, it } from 'vitest';
import { healthWebDimensions, type HealthWebScores } from '$lib/features/health-web/health-web';
import { conversationChartModel, conversationChartWidth, conversationOrder, lonelinessAmount, type ChartLine } from './conversation-chart';
import { perceivedBesideObserved } from './perceived-observed';

const scores = (values: number[]): HealthWebScores =>
	Object.fromEntries(healthWebDimensions.map((dimension, index) => [dimension, values[index]])) as HealthWebScores;

describe('conversationOrder', () => {
	it('puts the marked areas first and keeps the web order otherwise', () => {
		const rows = healthWebDimensions.map((dimension) => ({ dimension, discuss: dimension === 'participation' || dimension === 'meaningfulness' }));
		expect(conversationOrder(rows).map((row) => row.dimension)).toEqual([
			'meaningfulness',
			'participation',
			'bodily_functions',
			'mental_wellbeing',
			'quality_of_life',
			'daily_functioning'
		]);
	});
});

describe('lonelinessAmount', () => {
	it('says none for 0 points, some up to half the items, much above half', () => {
		expect([0, 1, 2, 3, 4, 5, 6].map((score) => lonelinessAmount(score, 6))).toEqual(['none', 'some', 'some', 'some', 'much', 'much', 'much']);
		expect(lonelinessAmount(3, 5)).toBe('much');
	});
});

describe('conversationChartModel', () => {
	const view = perceivedBesideObserved({
		web: { scores: scores([6, 5, 6, 6, 3, 7]), discuss: ['participation'] },
		rating: { social_network: { level: 4, source: null, note: null }, justice: { level: 5, source: null, note: null } },
		loneliness: { instrument: 'djg-11', emotional: 6, social: 0 }
	});
	const model = conversationChartModel(view);
	const kinds = (lines: ChartLine[]) => lines.map((line) => line.kind);

	it('draws the marked area first: its heading, the mark, the person with their own loneliness answers, then the rating', () => {
		expect(kinds(model.lines.slice(0, 9))).toEqual(['heading', 'marked', 'person', 'loneliness', 'loneliness', 'observed', 'differs', 'observed', 'observed']);
		expect(model.lines[0]).toMatchObject({ kind: 'heading', dimension: 'participation' });
		expect(model.lines[6]).toMatchObject({ kind: 'differs', domain: 'social_network', flag: 'client_lower' });
	});

	it('places markers on one line from 0 to 10, an unrated domain without a marker', () => {
		const at = (predicate: (line: ChartLine) => boolean) => model.lines.find(predicate) as Extract<ChartLine, { x: number | null }>;
		expect(at((l) => l.kind === 'person' && l.dimension === 'participation').x).toBeCloseTo(12 + 0.3 * (conversationChartWidth - 24));
		expect(at((l) => l.kind === 'observed' && l.domain === 'social_network').x).toBeCloseTo(12 + 0.75 * (conversationChartWidth - 24));
		expect(at((l) => l.kind === 'loneliness' && l.item.subscale === 'emotional')).toMatchObject({ amount: 'much', x: 12 });
		expect(at((l) => l.kind === 'observed' && l.domain === 'housing').x).toBeNull();
	});

	it('ends with the domains that have no area, and every line lies lower than the one before, inside the drawing', () => {
		const last = model.lines.slice(-3);
		expect(last.map((line) => (line.kind === 'observed' ? line.domain : line.kind))).toEqual(['heading', 'substance_use', 'justice']);
		const ys = model.lines.map((line) => line.y);
		for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeGreaterThan(ys[i - 1]!);
		expect(model.height).toBeGreaterThan(Math.max(...model.lines.map((line) => ('trackY' in line ? line.trackY : line.y))));
		expect(model.axisY).toBeLessThan(ys[0]!);
	});

	it('draws six areas with only the person when there is no rating, and no person marker without a web', () => {
		const noRating = conversationChartModel(perceivedBesideObserved({ web: { scores: scores([1, 2, 3, 4, 5, 6]), discuss: [] }, rating: null }));
		expect(noRating.lines.filter((line) => line.kind === 'person')).toHaveLength(6);
		expect(noRating.lines.filter((line) => line.kind === 'observed' && line.x !== null)).toHaveLength(0);
		const noWeb = conversationChartModel(perceivedBesideObserved({ web: null, rating: null }));
		expect(noWeb.lines.filter((line) => line.kind === 'person' && line.x !== null)).toHaveLength(0);
	});
});
