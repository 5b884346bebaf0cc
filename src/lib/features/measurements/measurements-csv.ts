/**
 * CSV export of measurements (RFC 4180). Pure: no I/O.
 * - `measurementsCsv(measurements, { locale })`: one row per measurement, in the given order, with a header.
 * - `csvField(value)`: one field, guarded against formula injection and quoted where RFC 4180 needs it.
 * - `measurementsCsvColumns()`: the header, the same for every export.
 */
import { getInstrument, instrumentIds, instruments, type Locale } from '$lib/features/instruments/instruments';
import type { StoredMeasurement } from './measurements.server';

/**
 * A UTF-8 byte order mark. Excel opens a CSV without it in the Windows code page (Windows-1252), which garbles
 * every non-ASCII character ("geïsoleerd", "Ã«"); with the BOM it reads UTF-8. Other readers skip it.
 */
const utf8Bom = '\uFEFF';
const crlf = '\r\n';

/**
 * Answer columns run from item 1 to the highest item number of any instrument (DJG-6 keeps the DJG-11 numbers),
 * so every export has the same columns whatever instruments it holds, and a file can be appended to another.
 */
const answerColumnCount = Math.max(...instrumentIds.flatMap((id) => instruments[id].items.map((item) => item.number)));

/** The header: machine-readable names, kept in English like the option and band ids under them. */
export function measurementsCsvColumns(): string[] {
	return [
		'date',
		'instrument',
		'version',
		'total',
		'emotional',
		'social',
		'band',
		'band_label',
		...Array.from({ length: answerColumnCount }, (_, index) => `item_${index + 1}`)
	];
}

/**
 * Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"): = + - @, and tab and
 * carriage return, which some spreadsheets strip before looking. Such a value gets a leading `'`, which
 * spreadsheets take as "this is text". Scores are never negative, so no number is touched.
 */
const formulaStart = /^[=+\-@\t\r]/;

/** One RFC 4180 field: guarded, then quoted (with quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	let text = String(value);
	if (formulaStart.test(text)) text = `'${text}`;
	return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * The measurements as CSV text: BOM, header, one row each, every line ended by CRLF (RFC 4180 §2). Date is the
 * ISO 8601 moment it was taken (UTC); scores a missing-answer rule withholds are empty; the band label is in
 * `locale`; answers are option ids (e.g. `more_or_less`), empty when not answered or not an item of that
 * instrument.
 */
export function measurementsCsv(measurements: readonly StoredMeasurement[], options: { locale: Locale }): string {
	const rows = measurements.map((measurement) => {
		const { score, answers } = measurement;
		const band = score.band === null ? undefined : bandLabel(score.instrument, score.band, options.locale);
		return [
			measurement.takenAt.toISOString(),
			score.instrument,
			score.version,
			score.total,
			score.subscales?.emotional,
			score.subscales?.social,
			score.band,
			band,
			...Array.from({ length: answerColumnCount }, (_, index) => answers[index + 1])
		];
	});
	const lines = [measurementsCsvColumns(), ...rows].map((row) => row.map(csvField).join(',') + crlf);
	return utf8Bom + lines.join('');
}

/** Looked up by the row's band id (not recomputed from the total), so the label always matches the id beside it. */
function bandLabel(instrumentId: string, bandId: string, locale: Locale): string | undefined {
	const def = getInstrument(instrumentId);
	const band = def?.bands.find((candidate) => candidate.id === bandId);
	return band?.label[locale];
}

