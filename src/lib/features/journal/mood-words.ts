/** The five moods in words (never only as a number or a face). */
import { m } from '$lib/paraglide/messages';

export function moodWords(): Record<1 | 2 | 3 | 4 | 5, string> {
	return { 1: m.mood_1(), 2: m.mood_2(), 3: m.mood_3(), 4: m.mood_4(), 5: m.mood_5() };
}
