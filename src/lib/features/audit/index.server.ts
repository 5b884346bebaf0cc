/** The audit log's face: what others did with a person's data is part of that person's export. */
import { personDataFeature } from '$lib/kernel/person-data';
import { listAuditEventsAboutPerson } from './audit.server';

export const auditData = personDataFeature({
	name: 'audit',
	scope: null,
	tables: ['audit_event'],
	async exportPart(db, { account }) {
		const events = await listAuditEventsAboutPerson(db, { account, limit: 100_000 });
		return {
			accessLog: events.map((e) => ({ at: e.at, action: e.action, object: e.object, by: e.actorName, organisation: e.organisationName }))
		};
	}
});
