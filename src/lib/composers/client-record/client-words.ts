/** The client page in the professional's words: a consent scope as the professional reads it, not the client's "Mijn …". */
import { m } from '$lib/paraglide/messages';
import type { ConsentScope } from '$lib/kernel/consent-scopes';

export function clientScopeLabel(scope: ConsentScope): string {
	switch (scope) {
		case 'measurements':
			return m.clientpage_scope_measurements();
		case 'programme':
			return m.clientpage_scope_programme();
		case 'health_web':
			return m.clientpage_scope_health_web();
		case 'relationship_summary':
			return m.clientpage_scope_relationship_summary();
		case 'group':
			return m.clientpage_scope_group();
	}
}
