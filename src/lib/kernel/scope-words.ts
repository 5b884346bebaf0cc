/** The words for consent scopes, in the page's language. */
import { m } from '$lib/paraglide/messages';
import type { ConsentScope } from './consent-scopes';

export function scopeLabel(scope: ConsentScope): string {
	switch (scope) {
		case 'measurements':
			return m.scope_measurements();
		case 'programme':
			return m.scope_programme();
		case 'health_web':
			return m.scope_health_web();
		case 'relationship_summary':
			return m.scope_relationship_summary();
		case 'group':
			return m.scope_group();
	}
}

export function scopeExplanation(scope: ConsentScope): string {
	switch (scope) {
		case 'measurements':
			return m.scope_measurements_hint();
		case 'programme':
			return m.scope_programme_hint();
		case 'health_web':
			return m.scope_health_web_hint();
		case 'relationship_summary':
			return m.scope_relationship_summary_hint();
		case 'group':
			return m.scope_group_hint();
	}
}
