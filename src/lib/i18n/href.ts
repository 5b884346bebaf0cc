import { localizeHref, type Locale } from '$lib/paraglide/runtime';

/** A localized link without the trailing slash SvelteKit would redirect away ("/nl/" → "/nl"). */
export function href(path: string, options?: { locale?: Locale }): string {
	return localizeHref(path, options).replace(/(.)\/(?=$|\?)/, '$1');
}
