/** The words for scopes and for the end of a grant, in the page's language. */
import { m } from '$lib/paraglide/messages';
import type { ConsentScope } from './consent';

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
	}
}

export function grantEndText(reason: string | null): string {
	switch (reason) {
		case 'withdrawn':
			return m.consent_end_withdrawn();
		case 'changed':
			return m.consent_end_changed();
		case 'professional_left':
			return m.consent_end_professional_left();
		default:
			return m.consent_active();
	}
}
