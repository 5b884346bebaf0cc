/**
 * De Jong Gierveld short scale, 6 items (DJG-6), as data.
 * Source: De Jong Gierveld & Van Tilburg (2006), Research on Aging 28(5); Dutch validation in Tijdschrift voor
 * Gerontologie en Geriatrie 39(1), 2008. The items are DJG-11 items 3, 9, 10 (emotional) and 4, 7, 8 (social),
 * with the same wording and scoring, so they are taken from the DJG-11 definition rather than copied.
 */
import { djg11Items, djgLeadIn, djgManualUrl, djgOptions, djgTerms } from './djg-11';
import type { InstrumentDefinition, InstrumentItem } from './instrument-types';

/** Presentation order used by CBS, as DJG-11 item numbers. */
export const djg6Order = [3, 4, 7, 9, 8, 10] as const;

function djg11Item(number: number): InstrumentItem {
	const item = djg11Items.find((candidate) => candidate.number === number);
	if (!item) throw new Error(`DJG-11 has no item ${number}`);
	return item;
}

export const djg6: InstrumentDefinition = {
	id: 'djg-6',
	version: '2006',
	title: {
		nl: 'De Jong Gierveld-eenzaamheidsschaal, korte versie (6 uitspraken)',
		en: 'De Jong Gierveld Loneliness Scale, short version (6 items)'
	},
	leadIn: djgLeadIn,
	items: djg6Order.map(djg11Item),
	options: djgOptions,
	totalRange: { min: 0, max: 6 },
	subscales: ['emotional', 'social'],
	// Manual / CBS cut-offs. CBS also says "enigszins eenzaam" for 2–4; brug keeps one label per band id.
	bands: [
		{ id: 'not_lonely', min: 0, max: 1, label: { nl: 'niet eenzaam', en: 'not lonely' } },
		{ id: 'moderately_lonely', min: 2, max: 4, label: { nl: 'matig eenzaam', en: 'moderately lonely' } },
		{ id: 'severely_lonely', min: 5, max: 6, label: { nl: 'sterk eenzaam', en: 'severely lonely' } }
	],
	// The manual's syntax for the short scale.
	missingRule: {
		id: 'at_most_one_missing',
		description: {
			nl: 'Is er één uitspraak niet beantwoord, dan telt de totaalscore over de vijf beantwoorde uitspraken, en de uitkomst volgt uit die score. Zijn er twee of meer niet beantwoord, dan is er geen totaalscore. Een deelscore (emotioneel of sociaal) krijg je alleen als alle drie de uitspraken van dat deel zijn beantwoord. Zo staat het in de handleiding.',
			en: 'With one item unanswered, the total is the count over the five answered items, and the band follows from that total. With two or more unanswered, there is no total. A subscale score (emotional or social) is only given when all three of its items are answered. This follows the manual.'
		}
	},
	citation: {
		text: 'De Jong Gierveld, J. & Van Tilburg, T. (2006). A 6-item scale for overall, emotional, and social loneliness: confirmatory tests on survey data. Research on Aging, 28(5). Dutch validation: De ingekorte schaal voor algemene, emotionele en sociale eenzaamheid, Tijdschrift voor Gerontologie en Geriatrie 39(1), 2008. Manual: De Jong Gierveld, J. & Van Tilburg, T. (1999/2022), Manual of the Loneliness Scale, VU University Amsterdam.',
		url: djgManualUrl,
		terms: djgTerms
	}
};
