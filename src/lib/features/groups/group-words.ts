/** The person-side group words that need a little logic, in the page's language. */
import { m } from '$lib/paraglide/messages';

/** "Gerda", "Gerda en Piet", "Ans, Gerda en Piet". */
export function namesList(names: readonly string[]): string {
	if (names.length <= 1) return names[0] ?? '';
	return `${names.slice(0, -1).join(', ')} ${m.groupme_and()} ${names.at(-1)}`;
}
