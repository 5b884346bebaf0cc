/**
 * The words the leader's pages use for the group's plain values, in the page's language: attendance statuses, the
 * drop-out signals with a suggested kind, personal contact, and the check-in items.
 */
import { m } from '$lib/paraglide/messages';
import type { AttendanceStatus, CheckInItem } from './group-values';
import type { DropOutSignal } from './signals';

export function statusText(status: AttendanceStatus): string {
	switch (status) {
		case 'expected':
			return m.group_status_expected();
		case 'present':
			return m.group_status_present();
		case 'late':
			return m.group_status_late();
		case 'excused':
			return m.group_status_excused();
		case 'absent':
			return m.group_status_absent();
		case 'stopped':
			return m.group_status_stopped();
	}
}

/** What the leader sees, and what a kind next step could be: personal contact, never a warning to the person. */
export function signalWords(signal: DropOutSignal): { text: string; advice: string } {
	switch (signal) {
		case 'stopped':
			return { text: m.group_signal_stopped(), advice: m.group_signal_stopped_advice() };
		case 'absent_twice':
			return { text: m.group_signal_absent_twice(), advice: m.group_signal_absent_twice_advice() };
		case 'absent_without_notice':
			return { text: m.group_signal_absent_without_notice(), advice: m.group_signal_absent_without_notice_advice() };
		case 'low_check_in':
			return { text: m.group_signal_low_check_in(), advice: m.group_signal_low_check_in_advice() };
	}
}

export function checkInItemText(item: CheckInItem): string {
	switch (item) {
		case 'welcome':
			return m.group_checkin_welcome();
		case 'enjoyed':
			return m.group_checkin_enjoyed();
		case 'come_again':
			return m.group_checkin_come_again();
	}
}
