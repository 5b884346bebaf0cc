import type { SupportCountry } from '../support-lines';

// Facts collected from the lines' own public sources in 2026; re-check before each release.
export const belgium: SupportCountry = {
	id: 'be',
	name: { nl: 'België (Vlaanderen)', en: 'Belgium (Flanders)' },
	lastChecked: '2026-11-21',
	lines: [
		{
			id: '1813',
			name: 'Zelfmoordlijn 1813',
			how: { nl: 'Bel 1813, of chat op zelfmoord1813.be', en: 'Call 1813, or chat on zelfmoord1813.be' },
			phones: ['1813'],
			website: 'https://www.zelfmoord1813.be',
			chat: 'https://www.zelfmoord1813.be',
			when: { nl: 'Telefoon: dag en nacht', en: 'Phone: day and night' },
			notes: { nl: 'Gratis en anoniem.', en: 'Free and anonymous.' },
			crisis: true
		},
		{
			id: 'tele-onthaal',
			name: 'Tele-Onthaal',
			how: { nl: 'Bel 106, of chat op tele-onthaal.be', en: 'Call 106, or chat on tele-onthaal.be' },
			phones: ['106'],
			website: 'https://www.tele-onthaal.be',
			chat: 'https://www.tele-onthaal.be',
			when: { nl: 'Dag en nacht', en: 'Day and night' },
			notes: {
				nl: 'Gratis en anoniem. Iemand die naar je luistert.',
				en: 'Free and anonymous. Someone who listens to you.'
			},
			crisis: true
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
