import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getInstrument, instrumentIds } from '$lib/features/instruments/instruments';
import { historyChartModel, trianglePoints, type HistoryMeasurement } from './history-chart';

const djg11 = getInstrument('djg-11')!;
const djg6 = getInstrument('djg-6')!;
const ucla3 = getInstrument('ucla-3')!;

const at = (day: string, total: number | null, emotional: number | null = null, social: number | null = null): HistoryMeasurement => ({
	takenAt: `${day}T10:00:00.000Z`,
	total,
	emotional,
	social,
	band: total === null ? null : (djg11.bands.find((band) => total >= band.min && total <= band.max)?.id ?? null)
});

/** Plot from x 44 to 480 and from y 16 (score 11) to 240 (score 0) on the default 640 × 280 view. */
const plot = { left: 44, right: 480, top: 16, bottom: 240 };

describe('historyChartModel: scales', () => {
	const model = historyChartModel(djg11, [at('2026-03-01', 7, 4, 3), at('2026-01-01', 2, 1, 1), at('2026-02-01', 11, 6, 5)]);

	it('runs time from the first measurement at the left edge to the last at the right, and the total range upwards', () => {
		expect(model.plot).toEqual(plot);
		expect(model.timeDomain).toEqual(['2026-01-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z']);
		expect(model.scoreDomain).toEqual([0, 11]);
		const total = model.series[0]!;
		expect(total.key).toBe('total');
		expect(total.points.map((point) => point.takenAt.slice(0, 10))).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
		expect(total.points[0]!.x).toBe(plot.left);
		expect(total.points.at(-1)!.x).toBe(plot.right);
		// 31 of 59 days: 44 + 436 × 31 / 59 = 273.1
		expect(total.points[1]).toMatchObject({ value: 11, x: 273.1, y: plot.top });
		expect(total.points[0]!.y).toBeCloseTo(plot.bottom - (2 * 224) / 11, 1);
		expect(model.yTicks.map((tick) => tick.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
		expect(model.yTicks[0]!.position).toBe(plot.bottom);
		expect(model.yTicks.at(-1)!.position).toBe(plot.top);
	});

	it('draws the total and, for DJG, both subscales, each with its own marker', () => {
		expect(model.series.map((series) => [series.key, series.marker])).toEqual([
			['total', 'circle'],
			['emotional', 'square'],
			['social', 'triangle']
		]);
		expect(model.series[1]!.points.map((point) => point.value)).toEqual([1, 6, 4]);
		expect(model.series[0]!.path).toMatch(/^M44,\d+(\.\d)?L273\.1,16L480,/);
		expect(historyChartModel(ucla3, [at('2026-01-01', 5)]).series.map((series) => series.key)).toEqual(['total']);
	});

	it('puts a single measurement in the middle', () => {
		const one = historyChartModel(djg6, [at('2026-03-01', 3, 1, 2)]);
		expect(one.timeDomain).toEqual(['2026-03-01T10:00:00.000Z', '2026-03-01T10:00:00.000Z']);
		expect(one.series[0]!.points).toEqual([{ takenAt: '2026-03-01T10:00:00.000Z', value: 3, x: 262, y: 128 }]);
		expect(one.series[0]!.path).toBe('M262,128Z');
		expect(one.xTicks).toEqual([{ value: '2026-03-01T10:00:00.000Z', position: 262 }]);
	});

	it('puts measurements at the same instant at the same place, in the given order', () => {
		const same = historyChartModel(djg6, [at('2026-03-01', 3), at('2026-03-01', 4)]);
		expect(same.series[0]!.points.map((point) => [point.value, point.x])).toEqual([
			[3, 262],
			[4, 262]
		]);
		expect(same.xTicks).toHaveLength(1);
		expect(same.rows.map((row) => row.total)).toEqual([3, 4]);
	});

	it('without measurements: axes and zones, but no lines, points, ticks or rows', () => {
		const empty = historyChartModel(djg11, []);
		expect(empty.timeDomain).toBeNull();
		expect(empty.series.every((series) => series.path === null && series.points.length === 0)).toBe(true);
		expect(empty.xTicks).toEqual([]);
		expect(empty.rows).toEqual([]);
		expect(empty.zones).toHaveLength(4);
	});

	it('leaves a gap where a value is missing, and ignores unreadable dates and values outside the range', () => {
		const gappy = historyChartModel(djg11, [
			at('2026-01-01', 4, 2, 2),
			at('2026-02-01', null, 3, null),
			at('2026-03-01', 6, 3, 3),
			{ ...at('2026-04-01', 5), takenAt: 'yesterday' },
			at('2026-05-01', 12)
		]);
		expect(gappy.series[0]!.points.map((point) => point.value)).toEqual([4, 6]);
		expect(gappy.series[0]!.path!.split('M')).toHaveLength(3);
		expect(gappy.series[2]!.points).toHaveLength(2);
		expect(gappy.rows).toHaveLength(4);
		expect(gappy.rows[1]).toMatchObject({ total: null, emotional: 3, social: null, band: null });
	});

	it('ticks each measurement day while there are few, and round dates when there are many', () => {
		expect(model.xTicks.map((tick) => tick.value.slice(0, 10))).toEqual(['2026-01-01', '2026-02-01', '2026-03-01']);
		const weekly = Array.from({ length: 10 }, (_, week) => at(new Date(Date.UTC(2026, 0, 5 + 7 * week)).toISOString().slice(0, 10), 3));
		const ticks = historyChartModel(djg11, weekly).xTicks;
		expect(ticks.length).toBeGreaterThan(1);
		expect(ticks.length).toBeLessThanOrEqual(6);
		for (const tick of ticks) {
			expect(tick.value).toMatch(/T00:00:00\.000Z$/);
			expect(tick.position).toBeGreaterThanOrEqual(plot.left);
			expect(tick.position).toBeLessThanOrEqual(plot.right);
		}
	});

	it('refuses a chart too small to draw', () => {
		expect(() => historyChartModel(djg11, [], { width: 200 })).toThrow(RangeError);
		expect(() => historyChartModel(djg11, [], { height: 90 })).toThrow(RangeError);
	});
});

describe('historyChartModel: band zones', () => {
	it('split DJG-11 halfway between bands: 0–2.5, 2.5–8.5, 8.5–10.5, 10.5–11', () => {
		const { zones } = historyChartModel(djg11, []);
		expect(zones.map((zone) => [zone.band, zone.from, zone.to])).toEqual([
			['not_lonely', 0, 2.5],
			['moderately_lonely', 2.5, 8.5],
			['severely_lonely', 8.5, 10.5],
			['very_severely_lonely', 10.5, 11]
		]);
	});

	it('cover the whole range of every instrument with bands, without gaps or overlaps', () => {
		for (const id of instrumentIds) {
			const def = getInstrument(id)!;
			const m = historyChartModel(def, []);
			if (def.bands.length === 0) {
				expect(m.zones).toEqual([]);
				continue;
			}
			expect(m.zones[0]!.from).toBe(def.totalRange.min);
			expect(m.zones.at(-1)!.to).toBe(def.totalRange.max);
			expect(m.zones[0]!.bottom).toBe(m.plot.bottom);
			expect(m.zones.at(-1)!.top).toBe(m.plot.top);
			for (let index = 1; index < m.zones.length; index++) {
				expect(m.zones[index]!.from).toBe(m.zones[index - 1]!.to);
				expect(m.zones[index]!.bottom).toBe(m.zones[index - 1]!.top);
			}
			for (const zone of m.zones) {
				expect(zone.top).toBeLessThan(zone.bottom);
				// Every whole score of a band lies inside its own zone.
				const band = def.bands.find((b) => b.id === zone.band)!;
				expect(zone.from).toBeLessThanOrEqual(band.min);
				expect(zone.to).toBeGreaterThanOrEqual(band.max);
			}
		}
	});

	it('keep their names apart and inside the plot, even for the thin top zone', () => {
		for (const height of [150, 280, 600]) {
			const { zones, fontSize, plot: p } = historyChartModel(djg11, [], { height });
			const ys = zones.map((zone) => zone.labelY).sort((a, b) => a - b);
			for (let index = 1; index < ys.length; index++) expect(ys[index]! - ys[index - 1]!).toBeGreaterThanOrEqual(fontSize);
			for (const y of ys) {
				expect(y).toBeGreaterThanOrEqual(p.top);
				expect(y).toBeLessThanOrEqual(p.bottom);
			}
		}
	});

	it('give UCLA-3 a threshold line at its indication, no zones, and mark totals at or above it', () => {
		const m = historyChartModel(ucla3, [at('2026-01-01', 5), at('2026-02-01', 6)]);
		expect(m.zones).toEqual([]);
		expect(m.scoreDomain).toEqual([3, 9]);
		expect(m.indication).toEqual({ threshold: 6, y: 128 });
		expect(m.rows.map((row) => row.indication)).toEqual([false, true]);
		expect(historyChartModel(djg11, []).indication).toBeNull();
	});
});

describe('historyChartModel: properties', () => {
	const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
	const measurement = fc
		.record({ day, total: fc.option(fc.integer({ min: 0, max: 11 }), { nil: null }), emotional: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }) })
		.map(({ day: d, total, emotional }) => at(d, total, emotional, null));

	it('every point inside the plot, time never running backwards, one row per readable measurement', () => {
		fc.assert(
			fc.property(fc.array(measurement, { maxLength: 30 }), (list) => {
				const m = historyChartModel(djg11, list);
				expect(m.rows).toHaveLength(list.length);
				for (const series of m.series) {
					for (const [index, point] of series.points.entries()) {
						expect(point.x).toBeGreaterThanOrEqual(m.plot.left);
						expect(point.x).toBeLessThanOrEqual(m.plot.right);
						expect(point.y).toBeGreaterThanOrEqual(m.plot.top);
						expect(point.y).toBeLessThanOrEqual(m.plot.bottom);
						if (index > 0) expect(point.x).toBeGreaterThanOrEqual(series.points[index - 1]!.x);
					}
				}
				expect(m.xTicks.length).toBeLessThanOrEqual(6);
				if (m.rows.length > 0 && m.rows[0]!.takenAt !== m.rows.at(-1)!.takenAt) {
					// The first measurement at the left edge, the last at the right.
					const xs = m.series.flatMap((series) => series.points.map((point) => [point.takenAt, point.x] as const));
					for (const [takenAt, x] of xs) {
						if (takenAt === m.rows[0]!.takenAt) expect(x).toBe(m.plot.left);
						if (takenAt === m.rows.at(-1)!.takenAt) expect(x).toBe(m.plot.right);
					}
				}
			})
		);
	});
});

describe('trianglePoints', () => {
	it('draws an upward triangle centred on the point', () => {
		expect(trianglePoints(10, 10, 6)).toBe('10,3.1 16,13.5 4,13.5');
	});
});
