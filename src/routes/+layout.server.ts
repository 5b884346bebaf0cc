import type { LayoutServerLoad } from './$types';

/** The header shows "sign in" or "my account". */
export const load: LayoutServerLoad = ({ locals }) => ({ signedIn: locals.account !== null });
