/**
 * Shared by the form and API schemas: what counts as "not given".
 * - `emptyIsMissing(value)`: an empty form field (blank text) or null in JSON becomes undefined, so a schema's
 *   default or optional applies, exactly as if the field had been left out.
 */
export const emptyIsMissing = (value: unknown) => (value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value);
