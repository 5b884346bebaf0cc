/**
 * Where to go after signing in. Only a path on this site is accepted (no "//host", no scheme, no backslashes),
 * so a crafted link cannot send a person elsewhere.
 */
export function safeReturnPath(value: string | null, fallback: string): string {
	return value && /^\/(nl|en)(\/[\w-]+)*$/.test(value) ? value : fallback;
}
