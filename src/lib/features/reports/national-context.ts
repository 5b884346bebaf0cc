/**
 * The national figure a report shows for context: the same scale (DJG-11), never mixed with DJG-6 figures.
 * GGD/RIVM Gezondheidsmonitor Volwassenen en Ouderen 2022, adults 18+: 48.6% lonely (score ≥ 3), 14.2% severely
 * lonely (score ≥ 9), as published on vzinfo.nl (eenzaamheid).
 */
import type { NationalContext } from './outcome-report';

export const nationalContext: NationalContext = {
	year: 2022,
	source: 'GGD/RIVM Gezondheidsmonitor Volwassenen en Ouderen',
	url: 'https://www.vzinfo.nl/eenzaamheid',
	scale: 'DJG-11',
	population: 'adults_18_plus',
	lonelyPercent: 48.6,
	severelyLonelyPercent: 14.2
};
