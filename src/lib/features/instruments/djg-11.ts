/**
 * De Jong Gierveld Loneliness Scale, 11 items (DJG-11), as data.
 * Source: De Jong Gierveld & Van Tilburg (1999/2022), Manual of the Loneliness Scale. Item wording is used
 * exactly as published: changing it breaks the validation. Bands: national standard (Lokale en Nationale
 * Monitor Gezondheid), cut-offs Van Tilburg & De Jong Gierveld (1999).
 */
import type { AnswerOption, InstrumentDefinition, InstrumentItem, Localized } from './instrument-types';

export const djgManualUrl = 'http://home.fsw.vu.nl/TG.van.Tilburg/manual_loneliness_scale_1999.html';

/** Three-point answer form; shared with DJG-6. */
export const djgOptions: AnswerOption[] = [
	{ id: 'yes', label: { nl: 'ja', en: 'yes' } },
	{ id: 'more_or_less', label: { nl: 'min of meer', en: 'more or less' } },
	{ id: 'no', label: { nl: 'nee', en: 'no' } }
];

/**
 * The lead-in of the Dutch national health monitors (RIVM/GGD), with "u" changed to "je" because brug speaks
 * to people with "je". The English lead-in is brug's rendering of the same sentence.
 */
export const djgLeadIn: Localized = {
	nl: 'Wil je van elk van de volgende uitspraken aangeven in hoeverre die op jou, zoals je de laatste tijd bent, van toepassing is?',
	en: 'For each of the following statements, please indicate to what extent it applies to you, the way you have been lately.'
};

/** Manual §1 terms; shared with DJG-6, which is described in the same manual. */
export const djgTerms: Localized = {
	nl: 'Vermeld altijd de bron. Elektronische afname is toegestaan. De schaal is ontwikkeld voor wetenschappelijk onderbouwd surveyonderzoek (handleiding, §1).',
	en: 'Always cite the source. Electronic data collection is allowed. The scale was developed for scientifically based survey research (manual, §1).'
};

export const djg11Items: InstrumentItem[] = [
	{
		number: 1,
		text: {
			nl: 'Er is altijd wel iemand in mijn omgeving bij wie ik met mijn dagelijkse probleempjes terecht kan',
			en: 'There is always someone I can talk to about my day-to-day problems'
		},
		subscale: 'social',
		direction: 'positive'
	},
	{
		number: 2,
		text: { nl: 'Ik mis een echt goede vriend of vriendin', en: 'I miss having a really close friend' },
		subscale: 'emotional',
		direction: 'negative'
	},
	{
		number: 3,
		text: { nl: 'Ik ervaar een leegte om me heen', en: 'I experience a general sense of emptiness' },
		subscale: 'emotional',
		direction: 'negative'
	},
	{
		number: 4,
		text: {
			nl: 'Er zijn genoeg mensen op wie ik in geval van narigheid kan terugvallen',
			en: 'There are plenty of people I can lean on when I have problems'
		},
		subscale: 'social',
		direction: 'positive'
	},
	{
		number: 5,
		text: { nl: 'Ik mis gezelligheid om me heen', en: 'I miss the pleasure of the company of others' },
		subscale: 'emotional',
		direction: 'negative'
	},
	{
		number: 6,
		text: {
			nl: 'Ik vind mijn kring van kennissen te beperkt',
			en: 'I find my circle of friends and acquaintances too limited'
		},
		subscale: 'emotional',
		direction: 'negative'
	},
	{
		number: 7,
		text: {
			nl: 'Ik heb veel mensen op wie ik volledig kan vertrouwen',
			en: 'There are many people I can trust completely'
		},
		subscale: 'social',
		direction: 'positive'
	},
	{
		number: 8,
		text: {
			nl: 'Er zijn voldoende mensen met wie ik me nauw verbonden voel',
			en: 'There are enough people I feel close to'
		},
		subscale: 'social',
		direction: 'positive'
	},
	{
		number: 9,
		text: { nl: 'Ik mis mensen om me heen', en: 'I miss having people around me' },
		subscale: 'emotional',
		direction: 'negative'
	},
	{
		number: 10,
		text: { nl: 'Vaak voel ik me in de steek gelaten', en: 'I often feel rejected' },
		subscale: 'emotional',
		direction: 'negative'
	},
	{
		number: 11,
		text: {
			nl: 'Wanneer ik daar behoefte aan heb kan ik altijd bij mijn vrienden terecht',
			en: 'I can call on my friends whenever I need them'
		},
		subscale: 'social',
		direction: 'positive'
	}
];

export const djg11: InstrumentDefinition = {
	id: 'djg-11',
	version: '1999',
	title: {
		nl: 'De Jong Gierveld-eenzaamheidsschaal (11 uitspraken)',
		en: 'De Jong Gierveld Loneliness Scale (11 items)'
	},
	leadIn: djgLeadIn,
	items: djg11Items,
	options: djgOptions,
	totalRange: { min: 0, max: 11 },
	subscales: ['emotional', 'social'],
	bands: [
		{ id: 'not_lonely', min: 0, max: 2, label: { nl: 'niet eenzaam', en: 'not lonely' } },
		{ id: 'moderately_lonely', min: 3, max: 8, label: { nl: 'matig eenzaam', en: 'moderately lonely' } },
		{ id: 'severely_lonely', min: 9, max: 10, label: { nl: 'sterk eenzaam', en: 'severely lonely' } },
		{
			id: 'very_severely_lonely',
			min: 11,
			max: 11,
			label: { nl: 'zeer sterk eenzaam', en: 'very severely lonely' }
		}
	],
	// The manual's rule for missing answers on the 11-item scale was not found, so brug does not extrapolate.
	missingRule: {
		id: 'all_items_required',
		description: {
			nl: 'Je krijgt alleen een totaalscore en een uitkomst als alle 11 uitspraken zijn beantwoord. Ontbreekt er een antwoord, dan staat erbij welke uitspraken nog open zijn. Een deelscore (emotioneel of sociaal) krijg je alleen als alle uitspraken van dat deel zijn beantwoord. Dit is de regel van brug: de handleiding geeft voor de 11 uitspraken geen regel voor ontbrekende antwoorden.',
			en: 'A total score and band are only given when all 11 items are answered. If an answer is missing, the result lists the items still open. A subscale score (emotional or social) is only given when all items of that subscale are answered. This is brug’s rule: no published rule for missing answers on the 11-item scale was found, and brug does not extrapolate.'
		}
	},
	citation: {
		text: 'De Jong Gierveld, J. & Van Tilburg, T. (1999/2022). Manual of the Loneliness Scale. VU University Amsterdam. Original scale: De Jong Gierveld, J. & Kamphuis, F. (1985). Cut-offs: Van Tilburg, T. & De Jong Gierveld, J. (1999), Tijdschrift voor Gerontologie en Geriatrie 30(4).',
		url: djgManualUrl,
		terms: djgTerms
	}
};
