/**
 * Shared by the form and API schemas: what counts as "not given", and what counts as a JSON object.
 * - `emptyIsMissing(value)`: an empty form field (blank text) or null in JSON becomes undefined, so a schema's
 *   default or optional applies, exactly as if the field had been left out.
 * - `isPlainObject(value)`: an object as JSON.parse makes it (not an array, not null). Schemas keyed by the
 *   client check their keys over it rather than with z.record, which silently drops an own "__proto__" key.
 */
export const emptyIsMissing = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null) return false;
	const prototype: unknown = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}
