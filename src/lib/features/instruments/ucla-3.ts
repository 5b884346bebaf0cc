/**
 * UCLA 3-item Loneliness Scale (UCLA-3), as data.
 * Source: Hughes, Waite, Hawkley & Cacioppo (2004), Research on Aging 26(6):655–672; English wording as used
 * by the UK Office for National Statistics. No published Dutch translation was found, so the Dutch wording is
 * brug's own and is marked as not validated (`translationNote`). Change `version` when that wording changes.
 */
import type { InstrumentDefinition } from './instrument-types';

export const ucla3: InstrumentDefinition = {
	id: 'ucla-3',
	version: '2004',
	title: {
		nl: 'UCLA-eenzaamheidsschaal (3 vragen)',
		en: 'UCLA 3-item Loneliness Scale'
	},
	leadIn: {
		nl: 'De volgende vragen gaan over hoe je je voelt. Geef bij elke vraag aan hoe vaak je je zo voelt.',
		en: 'The next questions are about how you feel. For each question, say how often you feel that way.'
	},
	items: [
		{
			number: 1,
			text: {
				nl: 'Hoe vaak heb je het gevoel dat je gezelschap mist?',
				en: 'How often do you feel that you lack companionship?'
			},
			subscale: null,
			direction: 'frequency'
		},
		{
			number: 2,
			text: { nl: 'Hoe vaak voel je je buitengesloten?', en: 'How often do you feel left out?' },
			subscale: null,
			direction: 'frequency'
		},
		{
			number: 3,
			text: {
				nl: 'Hoe vaak voel je je geïsoleerd van anderen?',
				en: 'How often do you feel isolated from others?'
			},
			subscale: null,
			direction: 'frequency'
		}
	],
	options: [
		{ id: 'hardly_ever', label: { nl: '(bijna) nooit', en: 'Hardly ever or never' } },
		{ id: 'some_of_the_time', label: { nl: 'soms', en: 'Some of the time' } },
		{ id: 'often', label: { nl: 'vaak', en: 'Often' } }
	],
	totalRange: { min: 3, max: 9 },
	subscales: [],
	// The scale itself has no bands; the common threshold is offered only as an indication.
	bands: [],
	indication: {
		threshold: 6,
		label: {
			nl: 'Aanwijzing voor eenzaamheid (6 of hoger)',
			en: 'Indication of loneliness (6 or higher)'
		},
		note: {
			nl: 'De grens van 6 of hoger wordt vaak gebruikt, maar het is onduidelijk waar die vandaan komt. Zie het als een aanwijzing, niet als een uitkomst van de vragenlijst.',
			en: 'The threshold of 6 or higher is often used, but its origin is disputed. Treat it as an indication, not as a band of the scale.'
		}
	},
	missingRule: {
		id: 'all_items_required',
		description: {
			nl: 'Je krijgt alleen een totaalscore als alle 3 vragen zijn beantwoord. Ontbreekt er een antwoord, dan staat erbij welke vragen nog open zijn.',
			en: 'A total score is only given when all 3 items are answered. If an answer is missing, the result lists the items still open.'
		}
	},
	citation: {
		text: 'Hughes, M. E., Waite, L. J., Hawkley, L. C. & Cacioppo, J. T. (2004). A short scale for measuring loneliness in large surveys: results from two population-based studies. Research on Aging, 26(6), 655–672. English wording as used by the UK Office for National Statistics.',
		url: 'https://doi.org/10.1177/0164027504268574',
		terms: {
			nl: 'Vermeld altijd de bron. De Engelse vragen zijn het origineel. De Nederlandse vragen zijn een eigen vertaling van brug en zijn niet gevalideerd.',
			en: 'Always cite the source. The English wording is the original. The Dutch wording is brug’s own translation and has not been validated.'
		}
	},
	translationNote: {
		nl: 'De Nederlandse vragen zijn een eigen vertaling van brug. Er is geen gepubliceerde Nederlandse vertaling gevonden, en deze vertaling is niet gevalideerd.',
		en: 'The Dutch wording is brug’s own translation. No published Dutch translation was found, and this translation has not been validated.'
	}
};
