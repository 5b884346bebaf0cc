/**
 * The demo workspace (`npm run demo`, docs/demo.md). Pure: what a run may do with the database it finds.
 * - Empty (no account at all): fill it.
 * - Only accounts the demo made, and the demo marker: rebuild it (the dates move on with time, so a fresh demo
 *   shows recent activity again).
 * - Any other account: refuse, and change nothing. A real account is never deleted or mixed with made-up people.
 */
export type DemoPlan = { kind: 'fill' } | { kind: 'rebuild' } | { kind: 'refuse'; otherAccounts: number };

export function demoPlan(options: { accountIds: readonly string[]; demoAccountIds: readonly string[] | null }): DemoPlan {
	const made = new Set(options.demoAccountIds ?? []);
	const others = options.accountIds.filter((id) => !made.has(id)).length;
	if (others > 0) return { kind: 'refuse', otherAccounts: others };
	if (options.demoAccountIds !== null) return { kind: 'rebuild' };
	return { kind: 'fill' };
}

/** The account ids stored with the marker; an unreadable value counts as none, so the run refuses. */
export function parseDemoAccountIds(text: string): string[] {
	try {
		const value: unknown = JSON.parse(text);
		return Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : [];
	} catch {
		return [];
	}
}
