/**
 * Every column that holds text written with `encrypt`, declared in this one module, which loads with the crypto
 * module itself. Not in the feature's own module: SvelteKit loads those lazily, on the first request to a route that
 * uses them, so their declarations would not exist yet when the server re-encrypts at start (`reencryptOnStart`).
 *
 * A feature adds, for example:
 *
 *   export const journalEntryBody = registerEncryptedColumn({
 *     table: 'journal_entry', idColumn: 'id', column: 'body', context: (id) => `journal_entry.body:${id}`
 *   });
 *
 * and writes and reads with `encrypt(body, journalEntryBody.context(entry.id))` / `decrypt(stored, …same…)`.
 * No feature stores encrypted text yet.
 */
export {};
