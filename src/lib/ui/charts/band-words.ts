import { m } from '$lib/paraglide/messages';

/** A DJG-11 band in the page's words ("matig eenzaam"); an unknown id shows as itself. */
export function bandLabel(band: string): string {
	switch (band) {
		case 'not_lonely':
			return m.report_band_not_lonely();
		case 'moderately_lonely':
			return m.report_band_moderately_lonely();
		case 'severely_lonely':
			return m.report_band_severely_lonely();
		case 'very_severely_lonely':
			return m.report_band_very_severely_lonely();
		default:
			return band;
	}
}
