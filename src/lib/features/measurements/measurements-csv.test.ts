import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instruments, scoreInstrument, type Answers, type InstrumentId } from '$lib/features/instruments/instruments';
import { csvField, measurementsCsv, measurementsCsvColumns } from './measurements-csv';
import type { StoredMeasurement } from './measurements.server';

function measurement(id: InstrumentId, answers: Answers, takenAt: string): StoredMeasurement {
	return {
		id: crypto.randomUUID(),
		score: scoreInstrument(instruments[id], answers),
		answers,
		takenAt: new Date(takenAt)
	};
}

/** A strict RFC 4180 reader, to check the export by reading it back. */
function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let index = 0; index < text.length; index += 1) {
		const char = text[index];
		if (quoted) {
			if (char === '"' && text[index + 1] === '"') {
				field += '"';
				index += 1;
			} else if (char === '"') quoted = false;
			else field += char;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === ',') {
			row.push(field);
			field = '';
		} else if (char === '\r' && text[index + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			index += 1;
		} else if (char === '"' || char === '\r' || char === '\n') {
			throw new Error(`not RFC 4180 at ${index}: ${JSON.stringify(text.slice(index - 10, index + 10))}`);
		} else field += char;
	}
	if (quoted || field !== '' || row.length > 0) throw new Error('last record not ended by CRLF');
	return rows;
}

const allYes = (id: InstrumentId): Answers =>
	Object.fromEntries(instruments[id].items.map((item) => [item.number, instruments[id].options[0]!.id]));

describe('measurementsCsv', () => {
	it('starts with a UTF-8 BOM and a fixed header, ends every line with CRLF', () => {
		const csv = measurementsCsv([], { locale: 'nl' });
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toBe(
			'\uFEFFdate,instrument,version,total,emotional,social,band,band_label,' +
				'item_1,item_2,item_3,item_4,item_5,item_6,item_7,item_8,item_9,item_10,item_11\r\n'
		);
		expect(measurementsCsvColumns()).toHaveLength(8 + 11);
	});

	it('writes one row per measurement with scores, band and answers as option ids', () => {
		const djg11: Answers = { ...allYes('djg-11'), 2: 'more_or_less', 5: 'no' };
		const rows = parseCsv(
			measurementsCsv(
				[
					measurement('djg-11', djg11, '2026-01-05T10:00:00Z'),
					measurement('djg-6', { 3: 'yes', 4: 'no', 7: 'no', 9: 'yes', 8: 'no' }, '2026-01-12T08:15:30.250Z'),
					measurement('ucla-3', { 1: 'often', 2: 'some_of_the_time' }, '2026-02-01T00:00:00Z')
				],
				{ locale: 'nl' }
			).slice(1)
		);
		const header = rows[0]!;
		const byColumn = (row: string[]) => Object.fromEntries(header.map((name, index) => [name, row[index]]));

		// DJG-11: positive items 1, 4, 7, 8, 11 answered "yes" give 0; negative items 3, 6, 9, 10 "yes" and 2
		// "more or less" give 1 each; item 5 "no" gives 0. Total 5: moderately lonely.
		expect(byColumn(rows[1]!)).toMatchObject({
			date: '2026-01-05T10:00:00.000Z',
			instrument: 'djg-11',
			version: '1999',
			total: '5',
			emotional: '5',
			social: '0',
			band: 'moderately_lonely',
			band_label: 'matig eenzaam',
			item_1: 'yes',
			item_2: 'more_or_less',
			item_5: 'no',
			item_11: 'yes'
		});
		// DJG-6 keeps the DJG-11 item numbers; item 10 unanswered: the total counts the five others (manual),
		// the emotional subscale is withheld.
		expect(byColumn(rows[2]!)).toMatchObject({
			date: '2026-01-12T08:15:30.250Z',
			instrument: 'djg-6',
			total: '5',
			emotional: '',
			social: '3',
			band: 'severely_lonely',
			band_label: 'sterk eenzaam',
			item_1: '',
			item_3: 'yes',
			item_8: 'no',
			item_10: ''
		});
		// UCLA-3 with a gap: no total, no subscales, no band.
		expect(byColumn(rows[3]!)).toMatchObject({
			instrument: 'ucla-3',
			version: '2004',
			total: '',
			emotional: '',
			social: '',
			band: '',
			band_label: '',
			item_1: 'often',
			item_2: 'some_of_the_time',
			item_3: '',
			item_4: ''
		});
		expect(rows.every((row) => row.length === header.length)).toBe(true);
	});

	it('gives the band label in the export language', () => {
		const rows = measurementsCsv([measurement('djg-11', allYes('djg-11'), '2026-01-05T10:00:00Z')], {
			locale: 'en'
		});
		// all "yes": the six negative items count, total 6
		expect(parseCsv(rows.slice(1))[1]?.slice(3, 8)).toEqual(['6', '6', '0', 'moderately_lonely', 'moderately lonely']);
	});

	it('quotes and guards tricky stored values so they read back as text', () => {
		const tricky: StoredMeasurement = {
			...measurement('djg-11', allYes('djg-11'), '2026-01-05T10:00:00Z'),
			answers: {
				1: '=HYPERLINK("http://evil.example","klik")',
				2: 'a,b',
				3: 'zeg "hoi"',
				4: 'regel\r\nnieuwe regel',
				5: '+31 6 123',
				6: '-2+3',
				7: '@SUM(A1)',
				8: '\tcmd',
				9: 'geïsoleerd',
				10: 'alleen\nLF',
				11: "'al gequote"
			}
		};
		const csv = measurementsCsv([tricky], { locale: 'nl' });
		const row = parseCsv(csv.slice(1))[1]!;
		expect(row.slice(8)).toEqual([
			`'=HYPERLINK("http://evil.example","klik")`,
			'a,b',
			'zeg "hoi"',
			'regel\r\nnieuwe regel',
			"'+31 6 123",
			"'-2+3",
			"'@SUM(A1)",
			"'\tcmd",
			'geïsoleerd',
			'alleen\nLF',
			"'al gequote"
		]);
		expect(csv).toContain(`,"'=HYPERLINK(""http://evil.example"",""klik"")",`);
		expect(csv).toContain(',"zeg ""hoi""",');
	});
});

describe('csvField', () => {
	it('leaves plain values alone and writes empty for null', () => {
		expect(csvField('more_or_less')).toBe('more_or_less');
		expect(csvField(0)).toBe('0');
		expect(csvField(11)).toBe('11');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
		expect(csvField('')).toBe('');
	});

	it('guards formula starts, then quotes', () => {
		expect(csvField('=1+1')).toBe("'=1+1");
		expect(csvField('-1')).toBe("'-1");
		expect(csvField('+x')).toBe("'+x");
		expect(csvField('@x')).toBe("'@x");
		expect(csvField('\rx')).toBe(`"'\rx"`);
		expect(csvField('=a,b')).toBe(`"'=a,b"`);
		expect(csvField('a=b')).toBe('a=b');
		expect(csvField('"')).toBe('""""');
	});

	it('reads back as the same text (guard aside) for any string (property)', () => {
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), (fields) => {
				const line = fields.map(csvField).join(',') + '\r\n';
				const [parsed] = parseCsv(line);
				expect(parsed).toEqual(fields.map((field) => (/^[=+\-@\t\r]/.test(field) ? `'${field}` : field)));
			})
		);
	});
});
