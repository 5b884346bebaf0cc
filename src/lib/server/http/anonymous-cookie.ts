/**
 * Cookies that hold what a person without an account just typed (an anonymous check's answers): only in their own
 * browser, unreadable by scripts, not sent along from other sites, and gone when the browser closes.
 * - `anonymousCookieOptions(url)`: the options for SvelteKit's `cookies.set` and `cookies.delete`.
 */
export function anonymousCookieOptions(url: URL): { path: string; httpOnly: true; sameSite: 'lax'; secure: boolean } {
	return { path: '/', httpOnly: true, sameSite: 'lax', secure: url.protocol === 'https:' };
}
