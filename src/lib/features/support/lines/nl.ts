import type { SupportCountry } from '../support-lines';

// Facts collected from the lines' own public sources in 2026; re-check before each release.
export const netherlands: SupportCountry = {
	id: 'nl',
	name: { nl: 'Nederland', en: 'The Netherlands' },
	lastChecked: '2026-11-21',
	lines: [
		{
			id: '113',
			name: '113 Zelfmoordpreventie',
			how: { nl: 'Bel 113 of 0800-0113, of chat op 113.nl', en: 'Call 113 or 0800-0113, or chat on 113.nl' },
			phones: ['113', '0800-0113'],
			website: 'https://www.113.nl',
			chat: 'https://www.113.nl',
			when: { nl: 'Dag en nacht', en: 'Day and night' },
			notes: {
				nl: 'Gratis en anoniem. Voor als je aan de dood denkt.',
				en: 'Free and anonymous. For when you think about suicide.'
			},
			crisis: true
		},
		{
			id: 'luisterlijn',
			name: 'De Luisterlijn',
			how: {
				nl: 'Bel 088 0767 000, of chat en mail via deluisterlijn.nl',
				en: 'Call 088 0767 000, or chat and mail via deluisterlijn.nl'
			},
			phones: ['088 0767 000'],
			website: 'https://www.deluisterlijn.nl',
			chat: 'https://www.deluisterlijn.nl',
			when: { nl: 'Dag en nacht', en: 'Day and night' },
			notes: {
				nl: 'Iemand die naar je luistert. Voor iedereen.',
				en: 'Someone who listens to you. For everyone.'
			},
			crisis: true
		},
		{
			id: 'huisarts',
			name: 'Huisarts',
			how: { nl: 'Bel je eigen huisarts', en: 'Call your own GP (huisarts)' },
			phones: [],
			when: {
				nl: 'Overdag. Buiten die tijd: de huisartsenpost',
				en: 'Office hours. Outside them: the out-of-hours GP service (huisartsenpost)'
			},
			notes: {
				nl: 'Duurt de eenzaamheid lang, en slaap je slecht of voel je je vaak somber? Praat erover met je huisarts.',
				en: 'Has the loneliness lasted long, and do you sleep badly or often feel low? Talk to your GP.'
			},
			crisis: true
		},
		{
			id: 'mind-korrelatie',
			name: 'MIND Korrelatie',
			how: { nl: 'Bel 0900-1450', en: 'Call 0900-1450' },
			phones: ['0900-1450'],
			when: { nl: 'Op werkdagen (kijk voor de tijden op hun site)', en: 'Weekdays (check their site for hours)' },
			notes: {
				nl: 'Psychologen en maatschappelijk werkers. Je hoeft je naam niet te zeggen.',
				en: 'Psychologists and social workers. You do not have to give your name.'
			},
			crisis: false
		},
		{
			id: '112',
			name: '112',
			how: { nl: 'Bel 112', en: 'Call 112' },
			phones: ['112'],
			when: { nl: 'Altijd', en: 'Always' },
			notes: { nl: 'Bij levensgevaar.', en: 'When a life is in danger.' },
			crisis: true
		}
	]
};
