/**
 * Sample people for the relationship map's tests (relationship-map, map-labels and map-markers).
 * - `samplePeople(count, circle)`: `count` people with distinct ids, recurring first names and every status in turn.
 */

import { mapCircles, mapStatuses, type MapCircle, type MapPersonInput, type MapStatus } from './relationship-map';

const firstNames = ['Anna', 'Bram', 'Chantal', 'Daan', 'Eva', 'Fatima', 'Gijs', 'Hanna', 'Iris', 'Joost', 'Karim', 'Lotte'];

/** `count` people; all in `circle`, or spread over the three circles in turn. */
export function samplePeople(count: number, circle: MapCircle | 'spread'): MapPersonInput[] {
	return Array.from({ length: count }, (_, index) => ({
		id: `p${String(index).padStart(3, '0')}`,
		name: `${firstNames[index % firstNames.length]} ${Math.floor(index / firstNames.length) + 1}`,
		circle: circle === 'spread' ? (mapCircles[index % 3] as MapCircle) : circle,
		status: mapStatuses[index % 4] as MapStatus
	}));
}
